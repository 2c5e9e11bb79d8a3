"""Follow a program published at a URL while the app runs: refresh it every few minutes in a
worker thread (``sources.refresh``), swap in a new version, say what happened."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ..core.changes import Changes, diff
from ..core.model import Program
from ..sources.refresh import UNREACHED, Source, Update, is_waiting
from ..words.live import message, note

if TYPE_CHECKING:
    from .app import C4mlApp

UTC = timezone.utc
RETRY_WAITING = 30.0
"""Seconds before trying again when the first download of a URL failed (the app shows nothing yet)."""
STALLED_AFTER = 10.0
"""Seconds past the download's deadline after which a refresh still running is taken as stalled."""


def changed(old: Program, update: Update) -> Changes | None:
    """What changed from ``old`` to the update's program; ``None`` when it is the same copy."""
    new = update.program
    if new is None or (new.digest and new.digest == old.digest):
        return None
    return diff(old, new)


def waiting_note(retry: float) -> str:
    """The bar's words while a URL's first download keeps failing: ``not downloaded yet ·
    trying again every 30 s`` (the reason is in the toast)."""
    return f"not downloaded yet · trying again every {retry:.0f} s"


class Follower:
    """Refreshes an app's program from its :class:`Source`, never on the app's thread."""

    def __init__(self, app: C4mlApp, source: Source, every: float | None = None):
        from ..sources.remote import REFRESH_MINUTES

        self.app = app
        self.source = source
        self.every = every if every is not None else REFRESH_MINUTES * 60
        self.last: Update | None = None
        self._busy: float | None = None
        """When the refresh in progress started (``time.monotonic``), else ``None``."""
        self._round = 0
        """Counts the refreshes started: only the latest one's answer is applied."""

    def start(self) -> None:
        """Ask now (a copy confirmed in the last minute is used as it is), then every ``every`` s."""
        self.app.set_interval(self.every, self.refresh)
        self.refresh(fresh_for=60)

    def refresh(self, fresh_for: float = 0) -> None:
        """Start one refresh in a worker thread: none while one is running, unless that one has
        run past the download's deadline (stalled: it is left behind, and its answer ignored)."""
        import time

        from ..sources.remote import TIMEOUT

        now = time.monotonic()
        if self._busy is not None and now - self._busy < TIMEOUT + STALLED_AFTER:
            return
        self._busy = now
        self._round += 1
        turn = self._round
        self.app.run_worker(lambda: self._work(fresh_for, turn), name="refresh the program", group="refresh",
                            thread=True, exit_on_error=False)

    def _work(self, fresh_for: float, turn: int = 0) -> None:
        try:
            update = self.source.load(fresh_for=fresh_for)
        except Exception as error:  # noqa: BLE001 - a refresh must never take the app down
            update = Update(None, "failed", None, f"{type(error).__name__}: {error}")
        if turn and turn != self._round:
            return  # a stalled refresh that came back after a newer one started: too late
        self._busy = None
        self.app.call_from_thread(self.apply, update)

    def arrived(self, program: Program) -> None:
        """The first copy of a URL replaces the "Fetching..." stand-in: the clock, the title, the
        place and the headings take the program's, and a program of parallel rooms opens on the
        rooms board, as if the app had started with it."""
        from ..core import fmt
        from .widgets.clock import ClockBar

        app = self.app
        app.clock.tz = program.tz
        app.title = program.event.title
        app.place = fmt.place(program.event.location, program.event.timezone)
        app.swap_program(program)
        for screen in app.screen_stack:
            heading = getattr(screen, "heading", None)
            own = getattr(screen, "HEADING", "")
            text = heading() if callable(heading) else f"{own} · {program.event.title}" if own else program.event.title
            for bar in screen.query(ClockBar):
                bar.set_heading(text)
        if len(app.screen_stack) == 1 and len(program.rooms) > 1:
            from .screens.rooms import RoomsScreen

            app.push_screen(RoomsScreen())
        app.tick(force=True)

    def apply(self, update: Update) -> None:
        """On the app's thread: swap in a new program, and say what happened when it matters."""
        app, before = self.app, self.last
        self.last = update
        app.source_note = note(update, datetime.now(UTC))
        was_unreached = before is not None and before.status in UNREACHED
        if update.status == "failed":
            verb = "download" if is_waiting(app.program) else "refresh"
            app.notify(f"Could not {verb} the schedule: {update.notice}", severity="warning", markup=False,
                       timeout=10)
            if is_waiting(app.program):  # nothing to show yet: try again soon, not in 5 minutes
                app.source_note = waiting_note(RETRY_WAITING)  # stays in the bar, unlike the toast
                app.set_timer(RETRY_WAITING, self.refresh)
        elif update.status in UNREACHED and not was_unreached and update.notice:
            app.notify(update.notice, title="Schedule", severity="warning", markup=False, timeout=10)
        elif update.status not in UNREACHED and was_unreached:
            app.notify("Back online: the schedule is up to date.", title="Schedule", markup=False)
        if update.program is not None and is_waiting(app.program):  # the first copy of a URL: no news
            self.arrived(update.program)
            return
        changes = changed(app.program, update)
        if changes is not None and update.program is not None:
            app.swap_program(update.program)
            if changes:  # else only words changed (an abstract, a title): no news worth a toast
                app.notify(message(changes), title="Schedule", markup=False, timeout=10)
        app.tick(force=True)  # the offline note is not a countdown: redraw it now
