"""A large countdown for the chair: big digits and a word, coloured by stage.

The stage is a CSS class on the widget (``-normal``, ``-wrap-up``, ``-last-minute``,
``-overtime``, ``-waiting``, ``-idle``) coloured through theme variables, so every theme works.
Without colour (``NO_COLOR``) the word beside the digits ("WRAP UP", "OVERTIME"), the ``+`` of
overtime and the border's shape (round, heavy, double) still tell the stages apart.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits, Label

STAGE_CLASSES = {
    "normal": "-normal",
    "wrap_up": "-wrap-up",
    "last_minute": "-last-minute",
    "overtime": "-overtime",
    "waiting": "-waiting",
    "idle": "-idle",
}
"""The CSS class of each stage (``stages.Stage`` plus ``waiting`` and ``idle``)."""


class BigCountdown(Widget):
    """Digits and a word; :meth:`show` changes only what changed (the digits once a second)."""

    DEFAULT_CSS = """
    BigCountdown {
        layout: horizontal;
        height: auto;
        width: 1fr;
        padding: 0 2;
        border: round $success;
        & > Digits { width: auto; color: $success; text-style: bold; }
        & > .countdown--word {
            width: 1fr;
            height: 3;
            padding: 0 0 0 3;
            content-align: left middle;
            text-style: bold;
            color: $success;
        }
        &.-wrap-up { border: round $warning; }
        &.-wrap-up > Digits, &.-wrap-up > .countdown--word { color: $warning; }
        &.-last-minute { border: heavy $error; }
        &.-last-minute > Digits, &.-last-minute > .countdown--word { color: $error; }
        &.-overtime { border: double $error; background: $error 15%; }
        &.-overtime > Digits, &.-overtime > .countdown--word { color: $error; }
        &.-waiting, &.-idle { border: round $foreground 30%; }
        &.-waiting > Digits, &.-waiting > .countdown--word,
        &.-idle > Digits, &.-idle > .countdown--word { color: $text-muted; }
    }
    """

    def __init__(self, digits: str = "--:--", stage: str = "idle", word: str = "", *, id: str | None = None):
        super().__init__(id=id, classes=STAGE_CLASSES[stage])
        self._digits, self._stage, self._word = digits, stage, word

    @property
    def stage(self) -> str:
        return self._stage

    @property
    def digits(self) -> str:
        return self._digits

    @property
    def word(self) -> str:
        return self._word

    def compose(self) -> ComposeResult:
        yield Digits(self._digits)
        yield Label(self._word, markup=False, classes="countdown--word")

    def show(self, digits: str, stage: str, word: str) -> None:
        """Show ``digits`` (``04:59``, ``+02:13``) in ``stage`` with ``word`` beside them."""
        if digits != self._digits:
            self._digits = digits
            self.query_one(Digits).update(digits)
        if stage != self._stage:
            self.remove_class(STAGE_CLASSES[self._stage])
            self.add_class(STAGE_CLASSES[stage])
            self._stage = stage
        if word != self._word:
            self._word = word
            self.query_one(".countdown--word", Label).update(word)
