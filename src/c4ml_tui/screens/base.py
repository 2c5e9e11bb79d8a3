"""What every screen of the app shares: the clock bar on top, the footer below, and the tick.

The app calls :meth:`LiveScreen.show_time` on the screen in front once a second. A screen
redraws its text every tick only where the text changed (``LiveLabel.show``) and redraws its
structure in :meth:`LiveScreen.show_answer` only when the timeline's answer changes, or the
timeline itself is replaced (a delay). A screen behind others catches up when it comes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from .. import board
from ..timeline import Snapshot
from ..widgets.clock import ClockBar

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

    @property
    def c4ml(self) -> C4mlApp:
        """The app, typed: its program, clock and timeline."""
        return cast("C4mlApp", self.app)

    def compose_clock(self) -> ComposeResult:
        title = self.c4ml.program.event.title
        yield ClockBar(f"{self.HEADING} · {title}" if self.HEADING else title)

    def compose_footer(self) -> ComposeResult:
        yield Footer(compact=True)  # room for every key at 80 columns

    def show_time(self, snap: Snapshot) -> None:
        """Called every tick while this screen is in front."""
        bars = self.query(ClockBar)
        if not bars:
            return  # the app is closing: a last tick can come while the screen is taken apart
        bars.first().show(board.clock_text(self.c4ml.program, snap.at, self.c4ml.local_zone))
        key = (self.c4ml.timeline, snap.key())
        if key != self._shown:
            self._shown = key
            self.show_answer(snap)
        self.show_countdown(snap)

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
        self.show_time(self.c4ml.snapshot())
        self.show_stars()
