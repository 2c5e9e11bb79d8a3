"""A large countdown for the chair: big digits and a word, coloured by stage.

On a big terminal the digits are drawn 3 or 5 times larger (:class:`ScaledDigits`): Textual's
3x3 glyphs with each line stretched, 7 or 11 rows tall, for a chair at the back of the room.

The stage is a CSS class on the widget (``-normal``, ``-wrap-up``, ``-last-minute``,
``-overtime``, ``-waiting``, ``-idle``) coloured through theme variables, so every theme works.
Without colour (``NO_COLOR``) the word beside the digits ("WRAP UP", "OVERTIME"), the ``+`` of
overtime and the border's shape (round, heavy, double) still tell the stages apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.align import Align
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult, RenderResult
from textual.geometry import Size
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widget import Widget
from textual.widgets import Digits, Label

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.segment import Segment

STAGE_CLASSES = {
    "normal": "-normal",
    "wrap_up": "-wrap-up",
    "last_minute": "-last-minute",
    "overtime": "-overtime",
    "waiting": "-waiting",
    "idle": "-idle",
}
"""The CSS class of each stage (``stages.Stage`` plus ``waiting`` and ``idle``)."""


ARMS = {"┏": "dr", "┓": "dl", "┗": "ur", "┛": "ul", "━": "lr", "┃": "ud", "┣": "udr", "┫": "udl",
        "┻": "ulr", "┳": "dlr", "╋": "udlr", "╺": "r", "╸": "l", "╻": "d", "╹": "u"}
"""Which way each line of the bold 3x3 glyphs goes from the middle of its cell."""
WIDEST = 8
"""Glyphs in the widest countdown the scale must fit (``+1:00:00``)."""


def scale_cell(char: str, k: int) -> list[str]:
    """One cell of a glyph as ``k`` rows of ``k`` cells: its lines stretched to the block's edges."""
    c, arms = k // 2, ARMS.get(char)
    rows = []
    for r in range(k):
        row = []
        for col in range(k):
            if (r, col) == (c, c):
                row.append("●" if char == ":" else char)
            elif arms and r == c and (("l" in arms and col < c) or ("r" in arms and col > c)):
                row.append("━")
            elif arms and col == c and (("u" in arms and r < c) or ("d" in arms and r > c)):
                row.append("┃")
            else:
                row.append(" ")
        rows.append("".join(row))
    if char == ":" and k > 1:  # two dots, not one
        rows[c] = " " * k
        rows[c - 1] = rows[c + 1] = " " * c + "●" + " " * (k - c - 1)
    return rows


def scaled_lines(text: str, k: int) -> list[str]:
    """``text`` in Textual's bold 3x3 digit glyphs, ``k`` times larger (``3 * k`` lines)."""
    glyph_rows: list[str] = []
    # Typed as any renderable; the digits are Segments only.
    for segment in cast("Iterable[Segment]", DigitsRenderable(text).render(Style(bold=True))):
        if segment.text == "\n":
            continue
        glyph_rows.append(segment.text)
    out: list[str] = []
    for row in glyph_rows:
        blocks = [scale_cell(char, k) for char in row]
        out.extend("".join(block[r] for block in blocks) for r in range(k))
    c = k // 2  # the stretched glyphs leave the outer half-blocks empty
    return out[c:len(out) - c]


class ScaledDigits(Digits):
    """Textual's :class:`~textual.widgets.Digits`, drawn ``scale`` times larger when ``scale`` > 1."""

    scale = 1

    def set_scale(self, scale: int) -> None:
        if scale != self.scale:
            self.scale = scale
            self.refresh(layout=True)

    def render(self) -> RenderResult:
        if self.scale == 1:
            return super().render()
        text = Text("\n".join(scaled_lines(self.value, self.scale)), style=self.rich_style, no_wrap=True)
        return Align(text, "left", self.rich_style)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return super().get_content_width(container, viewport) * self.scale

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3 * self.scale - 2 * (self.scale // 2)


def fitting_scale(width: int, height: int) -> int:
    """The largest scale (5, 3 or 1) at which the widest countdown and its word fit ``width``
    cells and the digits take at most a third of a terminal ``height`` rows high."""
    for k in (5, 3):
        if 3 * WIDEST * k + 20 <= width and 3 * k - 2 * (k // 2) <= height // 3:
            return k
    return 1


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
            height: 100%;
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
        yield ScaledDigits(self._digits)
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

    def on_resize(self, event: events.Resize) -> None:
        self.query_one(ScaledDigits).set_scale(fitting_scale(event.size.width, self.app.size.height))
