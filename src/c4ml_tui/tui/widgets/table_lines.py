"""How the agenda's and the rooms board's tables draw a line: as Textual's ``DataTable`` drew it
for a table with a row cursor (a header, one-line rows, one cell of padding each side, an
ellipsis where a cell does not fit, the cursor's and the mouse's styles over the row's), so both
look as they did when they were DataTables, without its cost (a DataTable styles twenty
component classes and makes every row's cells before the first frame; these draw only the lines
in view). Each table has a test comparing its lines with a real DataTable's."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from rich.cells import cell_len, set_cell_size
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.renderables.styled import Styled
from textual.widget import Widget

PAD = 1
"""Cells of padding each side of a cell (DataTable's ``cell_padding``)."""


class Column(Protocol):
    @property
    def width(self) -> int:
        """The cells of its text, padding not counted."""
        ...


class Look(NamedTuple):
    """The styles a line is drawn with, worked out once per drawing: the table's own, the
    header's, and what the cursor, the mouse and the mouse over the header add."""

    base: Style
    header: Style
    cursor: Style
    hover: Style
    header_hover: Style

    @classmethod
    def of(cls, table: Widget, prefix: str) -> Look:
        """``table``'s look now, from its component classes ``{prefix}--header``, ``--cursor``,
        ``--hover`` and ``--header-hover`` (the focus changes the cursor's: worked out again then)."""
        return cls(table.rich_style, table.get_component_styles(f"{prefix}--header").rich_style,
                   table.get_component_rich_style(f"{prefix}--cursor"),
                   table.get_component_rich_style(f"{prefix}--hover"),
                   table.get_component_rich_style(f"{prefix}--header-hover"))


def components(look: Look, header: bool, hover: bool, cursor: bool) -> tuple[Style, Style]:
    """The style laid on a cell and the one laid over its content, as ``DataTable`` works them
    out for a row cursor (its colour over the cell's, its background under it)."""
    component = Style()
    if hover:
        component += look.hover
        if header:
            component += look.header_hover
    if cursor:
        component += look.cursor
    return component, Style.from_color(color=component.color) + Style.null()


def draw_line(console, cells: list[Text], columns: list, look: Look, width: int, index: int, *,
              hover: bool = False, cursor: bool = False) -> list[Segment]:
    """Line ``index`` of a table (``-1``: the header): each cell padded to its column, then the
    rest of ``width`` in the row's style (the cursor's on the cursor's row), as ``DataTable``
    draws a row. Each cell's styles carry its place (``row``, ``column``), as DataTable's do: the
    terminal gets the same runs of text, and a click says where it fell. A cell justified
    ``left`` or ``right`` fills its column in its own style (Rich pads the text itself); one
    justified by default leaves the fill to the padding, in the row's style."""
    row_style = look.header if index < 0 else look.base
    component, post = components(look, index < 0, hover, cursor)
    pre = row_style + component
    line: list[Segment] = []
    add = line.append
    used_width = 0
    for place, (text, column) in enumerate(zip(cells, columns, strict=False)):
        where = Style.from_meta({"row": index, "column": place})
        plain = pre + post + where
        inner = column.width
        used_width += inner + 2 * PAD
        words = text.plain
        if "\n" in words or "\t" in words or text.spans:  # (none in a program's words: Rich's way)
            options = console.options.update_dimensions(inner + 2 * PAD, 1).update(no_wrap=True)
            line.extend(console.render_lines(Styled(Padding(text, (0, PAD)), pre_style=row_style + where + component,
                                                    post_style=post),
                                             options)[0])
            continue
        if cell_len(words) > inner:
            words = set_cell_size(words, inner - 1) + "…" if inner > 0 else ""
        fill = " " * (inner - cell_len(words))
        own = console.get_style(text.style, default=Style.null()) if text.style and words else None
        styled = pre + own + post + where if own else plain
        add(Segment(" " * PAD, plain))
        if text.justify == "right":
            add(Segment(fill + words, styled))
            add(Segment(" " * PAD, plain))
        elif text.justify == "left":
            add(Segment(words + fill, styled))
            add(Segment(" " * PAD, plain))
        else:
            if words:
                add(Segment(words, styled))
            add(Segment(fill + " " * PAD, plain))
    rest = width - used_width
    if rest > 0:
        add(Segment(" " * rest, pre + Style.from_meta({"row": index, "column": 0, "out_of_bounds": True})))
    return line
