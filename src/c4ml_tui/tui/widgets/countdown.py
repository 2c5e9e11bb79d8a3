"""A large countdown for the chair: big digits and a word, coloured by stage.

On a big terminal the digits are drawn 3 or 5 times larger (:func:`scaled_lines`): Textual's
3x3 glyphs with each line stretched, 7 or 11 rows tall, for a chair at the back of the room.

The stage is a CSS class on the widget (``-normal``, ``-wrap-up``, ``-last-minute``,
``-overtime``, ``-waiting``, ``-idle``) coloured through theme variables, so every theme works.
Without colour (``NO_COLOR``) the word beside the digits ("WRAP UP", "OVERTIME"), the ``+`` of
overtime and the border's shape (round, heavy, double) still tell the stages apart.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Literal, cast

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip

from .framed import Framed, Row, repaint

if TYPE_CHECKING:
    from collections.abc import Iterable

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


@lru_cache(maxsize=64)
def scale_cell(char: str, k: int) -> tuple[str, ...]:
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
    return tuple(rows)


@lru_cache(maxsize=32)
def glyph(char: str) -> tuple[str, ...]:
    """One character in Textual's bold 3x3 digit glyphs (:class:`~textual.widgets.Digits`)."""
    # Typed as any renderable; the digits are Segments only.
    segments = cast("Iterable[Segment]", DigitsRenderable(char).render(Style(bold=True)))
    return tuple(segment.text for segment in segments if segment.text != "\n")


def glyph_rows(text: str) -> list[str]:
    """``text`` in Textual's bold 3x3 digit glyphs: 3 lines (each glyph worked out once)."""
    glyphs = [glyph(char) for char in text]
    return ["".join(g[row] for g in glyphs) for row in range(3)]


def scaled_lines(text: str, k: int) -> list[str]:
    """``text`` in Textual's bold 3x3 digit glyphs, ``k`` times larger (``3 * k`` lines)."""
    out: list[str] = []
    for row in glyph_rows(text):
        blocks = [scale_cell(char, k) for char in row]
        out.extend("".join(block[r] for block in blocks) for r in range(k))
    c = k // 2  # the stretched glyphs leave the outer half-blocks empty
    return out[c:len(out) - c]


def digit_lines(text: str, k: int) -> list[str]:
    """The rows of ``text`` as the countdown draws it at scale ``k`` (1, 3 or 5): each
    character's rows worked out once, then joined (a tick joins 11 rows of 5 glyphs at 5x)."""
    if not text:
        return glyph_rows(text) if k == 1 else scaled_lines(text, k)
    glyphs = [glyph_lines(char, k) for char in text]
    return ["".join(rows) for rows in zip(*glyphs, strict=True)]


@lru_cache(maxsize=64)
def glyph_lines(char: str, k: int) -> tuple[str, ...]:
    """One character's rows at scale ``k`` (the rows of a text are its characters' side by side)."""
    return tuple(glyph_rows(char) if k == 1 else scaled_lines(char, k))


def fitting_scale(width: int, height: int) -> int:
    """The largest scale (5, 3 or 1) at which the widest countdown and its word fit ``width``
    cells and the digits take at most a third of a terminal ``height`` rows high."""
    for k in (5, 3):
        if 3 * WIDEST * k + 20 <= width and 3 * k - 2 * (k // 2) <= height // 3:
            return k
    return 1


WORD_GAP = 3
"""Cells between the digits and the word."""


def changed_columns(before: list[str], after: list[str], box: Region) -> Region | None:
    """The part of ``box`` (the countdown's rows) where ``after`` differs from ``before``: a tick
    repaints only the glyphs' cells that changed (usually the last digit, and of its rows those
    that differ: 9 to 8 keeps the top ones), not the border nor the rest of a 5x countdown.
    Every glyph is one cell wide."""
    if len(before) != len(after):
        return box
    first, last, rows = None, 0, []
    for y, (old, new) in enumerate(zip(before, after, strict=True)):
        if old == new:
            continue
        width = max(len(old), len(new))
        old, new = old.ljust(width), new.ljust(width)
        start = common_prefix(old, new)
        end = width - common_prefix(old[::-1], new[::-1])
        first, last = start if first is None else min(first, start), max(last, end)
        rows.append(y)
    if first is None:
        return None
    return Region(first, rows[0], last - first, rows[-1] + 1 - rows[0]).intersection(box)


def glyphs_changed(before: str, after: str, k: int) -> Region | Literal[False] | None:
    """What :func:`changed_columns` finds between the rows of ``before`` and ``after`` at scale
    ``k``, found glyph by glyph (each pair of glyphs compared once): ``False`` when the glyphs
    are not as wide as before (another length, a ``+``), and :func:`changed_columns` must tell."""
    if len(before) != len(after):
        return False
    x, left, right, top, bottom = 0, -1, 0, -1, 0
    for old, new in zip(before, after, strict=True):
        if old != new:
            if (change := glyph_change(old, new, k)) is None:
                return False
            x1, x2, y1, y2 = change
            left = x + x1 if left < 0 else min(left, x + x1)
            right = max(right, x + x2)
            top = y1 if top < 0 else min(top, y1)
            bottom = max(bottom, y2)
        x += glyph_width(old, k)
    if left < 0:
        return None
    return Region(left, top, right - left, bottom - top)


@lru_cache(maxsize=64)
def glyph_narrow(char: str, k: int) -> bool:
    """Whether each of the glyph's cells holds one character (its rows as wide as long)."""
    return all(cell_len(row) == len(row) for row in glyph_lines(char, k))


@lru_cache(maxsize=64)
def glyph_width(char: str, k: int) -> int:
    return len(glyph_lines(char, k)[0])


@lru_cache(maxsize=512)
def glyph_change(old: str, new: str, k: int) -> tuple[int, int, int, int] | None:
    """Where glyph ``new`` differs from ``old`` at scale ``k``: columns and rows (start, end),
    or ``None`` when they are not as wide as each other."""
    a, b = glyph_lines(old, k), glyph_lines(new, k)
    if glyph_width(old, k) != glyph_width(new, k) or len(a) != len(b):
        return None
    region = changed_columns(list(a), list(b), Region(0, 0, glyph_width(old, k), len(a)))
    return (0, 0, 0, 0) if region is None else (region.x, region.right, region.y, region.bottom)


def common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` (as long as each other) share from the start: found by
    halving, comparing slices (a 5x row is ~180 characters; a tick tells its change in ~8 steps)."""
    low, high = 0, len(a)
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


class BigCountdown(Framed):
    """Digits and a word in a box, drawn as one widget: a tick that moves the digits draws this
    widget again and nothing around it (Textual draws again every widget that overlaps the lines
    that changed, so three widgets here cost three each second). :meth:`show` repaints only when
    something changed, and never lays the screen out: the box's size does not depend on what
    it says, only on the scale."""

    DEFAULT_CSS = """
    BigCountdown {
        height: auto;
        width: 1fr;
        padding: 0 2;
        border: round $success;
        color: $success;
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: clip;
        &.-wrap-up { border: round $warning; color: $warning; }
        &.-last-minute { border: heavy $error; color: $error; }
        &.-overtime { border: double $error; background: $error 15%; color: $error; }
        &.-waiting, &.-idle { border: round $foreground 30%; color: $text-muted; }
    }
    """

    scale = 1
    """How much larger than Textual's 3x3 glyphs the digits are drawn (1, 3 or 5; see :func:`fitting_scale`)."""

    def __init__(self, digits: str = "--:--", stage: str = "idle", word: str = "", *, id: str | None = None):
        super().__init__(id=id, classes=STAGE_CLASSES[stage])
        self._digits, self._stage, self._word = digits, stage, word
        self._key: tuple | None = None
        self._strips: list[Row] | None = None
        self._style: Style | None = None
        self._lines: tuple[tuple, list[str]] = ((), [])
        self._built: tuple[tuple, dict[tuple[str, str], Row]] = ((), {})
        """The strips of the last build, by row and word, with the width and style they were built for."""

    @property
    def stage(self) -> str:
        return self._stage

    @property
    def digits(self) -> str:
        return self._digits

    @property
    def word(self) -> str:
        return self._word

    def show(self, digits: str, stage: str, word: str) -> None:
        """Show ``digits`` (``04:59``, ``+02:13``) in ``stage`` with ``word`` beside them."""
        if stage != self._stage:
            self.remove_class(STAGE_CLASSES[self._stage], update=False)
            self.add_class(STAGE_CLASSES[stage])  # new colours and border: styles, then a repaint
            self._stage = stage
        if (digits, word) != (self._digits, self._word):
            box = self.size.region
            if word == self._word and (changed := glyphs_changed(self._digits, digits, self.scale)) is not False:
                self._digits = digits  # (a tick: the same word, glyphs as wide as before)
            else:
                before = self.lines()
                self._digits, self._word = digits, word
                changed = changed_columns(before, self.lines(), box)
            if changed is not None and (changed := changed.intersection(box)):
                repaint(self, changed)

    def lines(self) -> list[str]:
        """What the box holds: the digits, the word beside their middle row."""
        key = (self._digits, self._word, self.scale)
        if self._lines[0] != key:  # (each tick asks twice: what changed, then what to draw)
            self._lines = (key, self.layout_lines())
        return self._lines[1]

    def layout_lines(self) -> list[str]:
        rows = digit_lines(self._digits, self.scale)
        if not self._word:
            return rows
        wide, middle = max(map(len, rows)), (len(rows) - 1) // 2
        return [f"{row:<{wide}}{' ' * WORD_GAP}{self._word}" if k == middle else row for k, row in enumerate(rows)]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = self._style = None  # another stage's colours, or another theme

    def row(self, y: int, width: int) -> Row:
        """Row ``y`` of the digits (the word beside the middle one), drawn once per change with
        styles worked out once (drawing through ``render`` works them out at each repaint)."""
        key = (self._digits, self._word, self.scale, width)
        if self._strips is None or key != self._key:
            self._key, self._strips = key, self.build(width)
        return self._strips[y] if y < len(self._strips) else Strip.blank(width, self.base_style())

    def base_style(self) -> Style:
        """The stage's colour, bold, on the box's background (worked out once per stage)."""
        if self._style is None:
            self._style = self.rich_style
        return self._style

    def build(self, width: int) -> list[Row]:
        """The rows as segments; a row that says what it said keeps its segments (the box joins
        only the rows that are new: ``framed.Framed``)."""
        base = self.base_style()
        if self._built[0] != (width, base):
            self._built = ((width, base), {})
        kept, rows = self._built[1], []
        word = self._word
        # (every glyph and the word one cell a character: a row is as wide as it is long)
        narrow = all(glyph_narrow(char, self.scale) for char in self._digits) and cell_len(word) == len(word)
        fresh: dict[tuple[str, str], Row] = {}
        for text in self.lines():
            if (row := kept.get((text, word))) is None:
                row = self.build_row(text, width, base, narrow)
            rows.append(row)
            fresh[text, word] = row
        self._built = ((width, base), fresh)
        return rows

    def build_row(self, row: str, width: int, base: Style, narrow: bool = False) -> Row:
        if self._word and row.endswith(self._word):  # the gap not bold: the word is a run of its
            digits = row[:len(row) - len(self._word) - WORD_GAP]  # own in SVG screenshots too
            segments = [Segment(digits, base), Segment(" " * WORD_GAP, base + Style(bold=False)),
                        Segment(self._word, base)]
        else:
            segments = [Segment(row, base)]
        if len(row) <= width and (narrow or len(row) == cell_len(row)):  # (what crop_extend gives, built directly)
            if len(row) < width:
                segments.append(Segment(" " * (width - len(row)), base))
            return segments
        return Strip(segments).crop_extend(0, width, base)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3 * self.scale - 2 * (self.scale // 2)

    def on_resize(self, event: events.Resize) -> None:
        scale = fitting_scale(event.size.width, self.app.size.height)
        if scale != self.scale:
            self.scale = scale
            self.refresh(layout=True)
