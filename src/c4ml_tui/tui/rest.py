"""The rest of a big program: the app opened on the items around now (a slice the program's
store read, ``sources/program_store.py``), paints its board at once, and reads the whole program
in a worker thread; the state built from it is swapped in when it is ready.

Until then the board and the rooms board answer (the slice holds what runs and what is next in
every room); the places that need every item (agenda, search, my day, the chair, the event's
page) say that the program is still being read, and open once it is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..core.model import Program, whole_size

if TYPE_CHECKING:
    from ..sources.program_store import Stored
    from .app import C4mlApp


def first_screen(view: Stored, part: Program, now: datetime) -> Program:
    """``part``, the store's slice around ``now`` (every room), with what the first screen also
    shows, so that its first frame is the one the whole program gives: an item of today when the
    slice has none (the board is about today once today has had items, not the next day with
    some), and the board's day of the room under the rooms board's cursor (its "Later in" list
    and its day beside the table), or the whole day on a one-room program's now board."""
    from ..core.timeline import Timeline
    from ..words import agenda, rooms

    today = view.day_at(now)
    if today in view.days and all(item.day != today for item in part.items):
        part = view.widened(part, today, first=True)
    tl = Timeline(part)
    if len(part.rooms) < 2:
        return view.widened(part, agenda.board_day(tl, now))
    shown = rooms.answer(tl, now)
    if not shown.lines:
        return part
    return view.widened(part, shown.day, shown.lines[0].room or None)


class Rest:
    """Reads the whole program once, off the app's thread."""

    def __init__(self, app: C4mlApp, read: Callable[[], Program | None]):
        self.app = app
        self.read = read
        self.done = False
        self.then: list[Callable[[], object]] = []
        """Called once the whole program is shown (``prebuild.py`` builds the agenda then)."""
        self.wanted: tuple[str | Callable[[], object], object] | None = None
        """The place asked for while the program was read (or what to do then), and the screen
        it was asked from: it opens when the program arrives, unless the user has gone elsewhere
        meanwhile."""

    def start(self) -> None:
        """After the first frame: read the whole program in a worker thread."""
        self.app.call_after_refresh(
            lambda: self.app.run_worker(self._work, name="read the whole program", group="rest", thread=True,
                                        exit_on_error=False))

    def _work(self) -> None:
        try:
            program = self.read()
        except Exception as error:  # noqa: BLE001 - the board still shows the slice
            self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}")
            return
        if program is None:
            self.app.call_from_thread(self._failed, "it could not be read again")
            return
        base = self.app.state
        ready = base.with_program(program)  # the timeline and the day's delays, built here too
        self.app.call_from_thread(self._arrived, base, ready, program)

    def _arrived(self, base, ready, program: Program) -> None:
        self.done = True
        # a mark or a filter made meanwhile: build again from the state as it is now
        self.app.state = ready if self.app.state is base else self.app.state.with_program(program)
        self.app.refresh_bindings()
        then, self.then = self.then, []
        for call in then:
            call()
        wanted, self.wanted = self.wanted, None
        if wanted is not None and self.app.screen is wanted[1]:
            if callable(wanted[0]):
                wanted[0]()
            else:
                self.app.show(wanted[0])

    def _failed(self, why: str) -> None:
        self.app.notify(f"Only the items around now are shown: the whole program could not be read ({why}).",
                        title="Program", severity="error", timeout=20, markup=False)

    def ready(self, place: str | Callable[[], object]) -> bool:
        """Whether ``place`` (a place's name, or an action that opens something) can open now; if
        not, say why, and open it once the program is read."""
        if self.done:
            return True
        self.wanted = (place, self.app.screen)
        size = whole_size(self.app.state.program)
        count = f"{size:,} items" if size else "every item"
        self.app.notify(f"Still reading the whole program ({count}); this opens once it is read.",
                        title="A moment", timeout=4, markup=False)
        return False
