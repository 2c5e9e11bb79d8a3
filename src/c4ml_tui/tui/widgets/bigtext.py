"""Block letters that fill the space they are given: the stage view's countdown and messages.

A 5x7 pixel font drawn with half blocks (``▀▄█``), so a pixel is one cell wide and half a cell
tall (square on most terminals), scaled by a whole factor to fill the widget: 4 rows at 40x12,
forty and more on a 4K monitor. A message is wrapped on words to the largest scale that fits.
Text the font lacks (other scripts) is shown as plain bold text instead: :func:`fit` says so by
returning ``None``.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget

H = 7
FONT: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    "A": (".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "B": ("####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."),
    "C": (".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."),
    "D": ("####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "#....", "####.", "#....", "#....", "#####"),
    "F": ("#####", "#....", "#....", "####.", "#....", "#....", "#...."),
    "G": (".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"),
    "H": ("#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"),
    "I": (".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "J": ("..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."),
    "K": ("#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#....", "#....", "#####"),
    "M": ("#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"),
    "N": ("#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"),
    "O": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "P": ("####.", "#...#", "#...#", "####.", "#....", "#....", "#...."),
    "Q": (".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"),
    "R": ("####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"),
    "S": (".####", "#....", "#....", ".###.", "....#", "....#", "####."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "V": ("#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."),
    "X": ("#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"),
    "Y": ("#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."),
    "Z": ("#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"),
    " ": ("...", "...", "...", "...", "...", "...", "..."),
    ":": ("..", "##", "##", "..", "##", "##", ".."),
    ".": ("..", "..", "..", "..", "..", "##", "##"),
    ",": ("..", "..", "..", "..", "##", ".#", "#."),
    "!": ("##", "##", "##", "##", "##", "..", "##"),
    "?": (".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."),
    "+": (".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."),
    "-": (".....", ".....", ".....", "#####", ".....", ".....", "....."),
    "'": ("##", "##", ".#", "..", "..", "..", ".."),
    "/": ("....#", "...#.", "...#.", "..#..", ".#...", ".#...", "#...."),
}
HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def drawable(text: str) -> str | None:
    """``text`` in the font's letters (upper case, accents dropped), or ``None`` when some
    letter has no glyph (it is then shown as plain text)."""
    folded = unicodedata.normalize("NFKD", text.upper())
    out = "".join(c for c in folded if not unicodedata.combining(c))
    out = out.replace("ß", "SS").replace("\u2019", "'")
    return out if out and all(c in FONT for c in out) else None


def width(line: str, scale: int) -> int:
    """Cells ``line`` takes at ``scale`` (a pixel column between letters)."""
    return (sum(len(FONT[c][0]) + 1 for c in line) - 1) * scale if line else 0


def height(lines: int, scale: int) -> int:
    """Rows ``lines`` lines take at ``scale`` (half a letter's height between lines)."""
    rows = -(-H * scale // 2)
    return lines * rows + (lines - 1) * max(1, rows // 4)


def render(line: str, scale: int) -> list[str]:
    """``line`` as rows of half blocks, each pixel ``scale`` cells wide and ``scale`` halves tall."""
    pixels: list[list[bool]] = [[] for _ in range(H)]
    for k, char in enumerate(line):
        glyph = FONT[char]
        for r in range(H):
            row = [c == "#" for c in glyph[r]] + ([False] if k < len(line) - 1 else [])
            pixels[r].extend(p for p in row for _ in range(scale))
    tall = [row for row in pixels for _ in range(scale)]
    if len(tall) % 2:
        tall.append([False] * len(tall[0]))
    return ["".join(HALF[a, b] for a, b in zip(tall[i], tall[i + 1], strict=True)) for i in range(0, len(tall), 2)]


def wrap(words: list[str], cols: int, scale: int) -> list[str] | None:
    """``words`` in lines of at most ``cols`` cells at ``scale``; ``None`` if a word is too wide."""
    lines: list[str] = []
    for word in words:
        if width(word, scale) > cols:
            return None
        if lines and width(f"{lines[-1]} {word}", scale) <= cols:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def fit(text: str, cols: int, rows: int, most: int = 64) -> list[str] | None:
    """``text`` as large as fits ``cols`` x ``rows``: rows of half blocks (lines centred on each
    other), or ``None`` when it does not fit at the smallest scale or the font lacks a letter."""
    found = drawable(text)
    if found is None:
        return None
    words = found.split()
    for scale in range(most, 0, -1):
        lines = wrap(words, cols, scale)
        if lines is None or height(len(lines), scale) > rows:
            continue
        gap = max(1, -(-H * scale // 2) // 4)
        out: list[str] = []
        widest = max(width(line, scale) for line in lines)
        for k, line in enumerate(lines):
            if k:
                out.extend([""] * gap)
            pad = (widest - width(line, scale)) // 2
            out.extend(" " * pad + row for row in render(line, scale))
        return out
    return None


class BigText(Widget):
    """``text`` in block letters as large as the widget allows; plain bold text when it does not
    fit or the font lacks a letter. Centred both ways."""

    DEFAULT_CSS = """
    BigText { width: 1fr; height: 1fr; content-align: center middle; text-align: center; }
    """

    def __init__(self, text: str = "", *, most: int = 64, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.text = text
        self.most = most
        self.blocks: list[str] | None = None
        """What the widget drew last: the block rows, or ``None`` for plain text."""

    def show(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> RenderResult:
        size = self.content_size
        self.blocks = fit(self.text, size.width, size.height, self.most) if size.width and size.height else None
        if self.blocks is None:
            return Text(self.text, style="bold", justify="center")
        return Text("\n".join(self.blocks), no_wrap=True, justify="left")
