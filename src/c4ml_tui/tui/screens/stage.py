"""The stage view, for the speaker: the time left in the talk on stage in block digits that fill
the terminal (40x12 up to a 4K monitor), the chair's message in large letters, and the stage.

Read-only: the chair's marks and messages come from the app's state, local (``c4ml-tui chair``
on this machine) or from a chair's feed (``--delays``). The digits are the chair screen's
(``words/chair.py``), by the *expected* end. The border takes the stage's colour and shape
(round, heavy at the last minute, double in overtime) and the word under the digits says it,
so it reads under ``NO_COLOR``; at wrap-up and the last minute the panel flashes for a few
seconds, and in overtime it flashes every second (``--calm``: steady, inverted in overtime).
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from ...core.feed import showing
from ...core.timeline import Snapshot
from ...words import chair as chairview
from ..widgets.bigtext import BigText
from ..widgets.countdown import STAGE_CLASSES
from ..widgets.literal import LiveLabel
from .base import LiveScreen

FLASH_SECONDS = 5
"""How long the panel flashes when the countdown enters wrap-up or the last minute."""
ALARMS = ("wrap_up", "last_minute")
SHORT = 16
"""Rows below which only the digits, the word and the message are shown."""


class StageScreen(LiveScreen):
    """Counts down the talk on stage for the speaker; shows the chair's message."""

    HEADING = "Stage"
    # Here rather than in app.tcss: the screen is the only one that uses them.
    DEFAULT_CSS = """
    #stage { height: 1fr; padding: 0 1; border: round $success; }
    #stage-title { text-align: center; text-wrap: nowrap; text-overflow: ellipsis; }
    #stage-digits { height: 3fr; color: $success; text-style: bold; }
    #stage-word { text-align: center; text-style: bold; color: $success; }
    #stage-message-box { height: 2fr; border: heavy $accent; }
    #stage-message { color: $accent; text-style: bold; }
    #stage-next { text-align: center; text-wrap: nowrap; text-overflow: ellipsis; }
    #stage-title.-left-out { display: none; }
    #stage.-wrap-up { border: round $warning; }
    #stage.-wrap-up > #stage-digits, #stage.-wrap-up > #stage-word { color: $warning; }
    #stage.-last-minute { border: heavy $error; }
    #stage.-last-minute > #stage-digits, #stage.-last-minute > #stage-word { color: $error; }
    #stage.-overtime { border: double $error; }
    #stage.-overtime > #stage-digits, #stage.-overtime > #stage-word { color: $error; }
    #stage.-waiting, #stage.-idle { border: round $foreground 30%; }
    #stage.-waiting > #stage-digits, #stage.-idle > #stage-digits { color: $text-muted; }
    #stage.-flash > #stage-digits, #stage.-flash > #stage-word { text-style: bold reverse; }
    """
    BINDINGS = [
        Binding("escape", "app.back", "Back", id="stage.back", show=False, tooltip="Back to the chair screen"),
    ]

    calm = False
    roomy = True
    """Whether there are rows for the title and what comes next (see :meth:`on_resize`)."""
    """No flashing (``stage --calm``): overtime is shown steady and inverted."""

    def __init__(self, *, calm: bool | None = None):
        super().__init__()
        self._stage = "idle"
        self._flash_until: datetime | None = None
        self._entry: str | None = None
        if calm is not None:
            self.calm = calm

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        with Vertical(id="stage", classes=STAGE_CLASSES["idle"]):
            yield LiveLabel(id="stage-title", classes="meta")
            yield BigText("--:--", id="stage-digits", most=64)
            yield LiveLabel(id="stage-word")
            with Vertical(id="stage-message-box"):
                yield BigText("", id="stage-message", most=24)
            yield LiveLabel(id="stage-next", classes="meta", hide_empty=True)
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.query_one("#stage-message-box").display = False
        self.calm = self.calm or bool(getattr(self.app, "calm", False))

    def on_resize(self) -> None:
        """On a short terminal (a 40x12 lectern screen) the digits and the message take every
        row: the title and what comes next are left out."""
        self.roomy = self.size.height >= SHORT
        self.query_one("#stage-title").set_class(not self.roomy, "-left-out")
        self.draw(self.c4ml.clock.now())

    # -- what the speaker sees --------------------------------------------------------------------
    def view(self, now: datetime) -> chairview.ChairView:
        state = self.c4ml.state
        return chairview.view(state.timeline, state.delays, now, state.chair.thresholds, state.chair_room)

    def show_countdown(self, snap: Snapshot) -> None:
        self.draw(snap.at)

    def show_clock(self, text: str) -> None:
        """Every second: the digits move (and the panel flashes) with the clock."""
        super().show_clock(text)
        if self.is_mounted and self.query("#stage-digits"):
            self.draw(self.c4ml.clock.now())

    def draw(self, now: datetime) -> None:
        view = self.view(now)
        self.query_one("#stage-digits", BigText).show(view.digits)
        self.query_one("#stage-word", LiveLabel).show(view.word)
        title = " · ".join(part for part in (view.title, view.who) if part)
        self.query_one("#stage-title", LiveLabel).show(title)
        self.query_one("#stage-next", LiveLabel).show(view.next if self.roomy else "")
        message = showing(self.c4ml.state.message, view.entry_id)
        box = self.query_one("#stage-message-box")
        self.query_one("#stage-message", BigText).show(message)
        box.display = bool(message)
        self.set_stage(view.stage, view.entry_id, now)

    def set_stage(self, stage: str, entry: str | None, now: datetime) -> None:
        """The panel's class for ``stage``, and the flashing (see the module docstring)."""
        panel = self.query_one("#stage")
        if stage != self._stage:
            if stage in ALARMS and entry == self._entry and not self.calm:
                self._flash_until = now.replace(microsecond=0) + _seconds(FLASH_SECONDS)
            panel.remove_class(STAGE_CLASSES[self._stage])
            panel.add_class(STAGE_CLASSES[stage])
            self._stage = stage
        self._entry = entry
        if self.calm:
            flash = stage == "overtime"
        elif stage == "overtime" or (self._flash_until is not None and now < self._flash_until):
            flash = now.second % 2 == 0
        else:
            flash = False
        panel.set_class(flash, "-flash")

    @property
    def stage(self) -> str:
        return self._stage

    @property
    def flashing(self) -> bool:
        return self.query_one("#stage").has_class("-flash")


def _seconds(n: int):
    from datetime import timedelta

    return timedelta(seconds=n)
