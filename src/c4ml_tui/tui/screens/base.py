"""What every screen of the app shares: the clock bar on top, the footer below, and the tick.

Once a second the app moves the clock of the screen in front (:meth:`LiveScreen.show_clock`,
a few cells). Only when a word can change (``board.next_change``: a countdown reaching another
minute, an item starting or ending) does it call :meth:`LiveScreen.show_time`, which redraws
text that changed (``show_countdown``) and, when the timeline's answer changed or the
timeline itself was replaced (a delay), the structure (``show_answer``). A screen behind
others catches up when it comes back.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen

from ...core.timeline import Snapshot
from ...words import board
from ..widgets.clock import ClockBar
from ..widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from ..app import C4mlApp


class LiveScreen(Screen):
    """A screen that shows the event clock and follows the timeline."""

    HEADING = ""
    """Shown left of the clock, before the event's title."""
    PLACE = ""
    """The name of the :class:`~c4ml_tui.screens.Place` this screen is, if it is one."""

    def __init__(self, *, name: str | None = None, id: str | None = None):
        super().__init__(name=name, id=id)
        self._shown: tuple | None = None
        self._clock: ClockBar | None = None
        self.built_ahead = False
        """Built off the stack while the app was idle (``prebuild.py``), then shown."""

    @property
    def c4ml(self) -> C4mlApp:
        """The app, typed: its program, clock and timeline."""
        return cast("C4mlApp", self.app)

    def compose_clock(self) -> ComposeResult:
        title = self.c4ml.program.event.title
        yield ClockBar(f"{self.HEADING} · {title}" if self.HEADING else title)

    def compose_footer(self) -> ComposeResult:
        yield KeyFooter()  # compact, and fitted to the width: the least needed keys go first

    def clock_bar(self) -> ClockBar | None:
        """The bar on top, looked up once (a query per tick costs CPU all day); ``None`` between
        the push and the mount of the widgets."""
        if self._clock is None:
            found = self.query(ClockBar)
            self._clock = found.first() if found else None
        return self._clock

    def show_clock(self, text: str) -> None:
        """Every tick: the event clock's text (repainted only when it changed)."""
        if (bar := self.clock_bar()) is not None:
            bar.show_clock(text)

    def prepare(self) -> None:
        """Built ahead, off the stack (``prebuild.py``): show the program at this instant now,
        so the first show finds it drawn (and catches up if the time or the state moved since)."""
        self.built_ahead = True
        self.show_time(self.c4ml.snapshot())

    def targets(self) -> list[datetime]:
        """Instants this screen counts to or from, beyond the board's (``board.targets``)."""
        return []

    def show_time(self, snap: Snapshot) -> None:
        """When something on screen may have changed (see ``board.next_change``)."""
        if (bar := self.clock_bar()) is None:
            return  # a tick between the push and the mount of the widgets: resuming draws it all
        bar.show_clock(board.event_clock(self.c4ml.place, snap.at))
        mine = board.viewer_note(snap.at, self.c4ml.local_zone)  # issue 12: and the zone times are in
        late = self.late_words(snap)  # chair mode (issue 4): "running 7 min late"
        note = self.c4ml.source_note  # live updates (issue 6): "offline · copy 2 h old"
        bar.show_notes(" · ".join(part for part in (late, note, mine) if part))
        key = (self.c4ml.timeline, snap.key())
        if key != self._shown:
            self._shown = key
            self.show_answer(snap)
        self.show_countdown(snap)

    def late_words(self, snap: Snapshot) -> str:
        """``running 7 min late`` by the chair's marks: of the whole program, or with parallel
        rooms of the chair's room (``State.late_timeline``); empty when on time."""
        tl = self.c4ml.state.late_timeline
        if tl is None or not tl.expected:
            return ""
        return board.late_line(tl, snap if tl is self.c4ml.timeline else tl.at(snap.at))

    def show_answer(self, snap: Snapshot) -> None:
        """Redraw what depends on the answer (what runs, what is next). Override."""

    def show_countdown(self, snap: Snapshot) -> None:
        """Update what changes as time passes (time left, in N min). Override; keep it cheap."""

    # -- stars (issue 5): ``f`` stars what the screen highlights ---------------------------------
    STARS = False
    """Whether ``f`` can star something on this screen (the footer shows it only then)."""

    def stars_here(self) -> bool:
        """Whether ``f`` stars something here now (a screen may say no while an input has the focus)."""
        return self.STARS

    def star_target(self) -> str | None:
        """The id of the item or talk ``f`` would star or unstar now. Override."""
        return None

    def show_stars(self) -> None:
        """The starred entries changed (or may have, while this screen was behind): redraw the
        stars. Override; keep it cheap."""

    def on_screen_resume(self) -> None:
        if getattr(self.app, "_c4ml_styles_known", None) is not None:
            # The first screen of the command line's app, its widgets styled: keep their parsed
            # styles for the next start, if it parsed any the cache did not hold (``css_cache``).
            from ..css_cache import keep

            keep(self.app)
        self.c4ml.tick(force=True)
        self.show_stars()
