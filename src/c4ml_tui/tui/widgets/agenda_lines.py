"""How the agenda draws a line: the columns' widths at a width, and a row (or the header) as the
segments Textual's ``DataTable`` made for it (a row cursor, one-line rows, one cell of padding
each side, an ellipsis where a cell does not fit), so the agenda looks as it did when it was one.

Only the rows in view are drawn (``AgendaTable.render_line``): a day of a big program has
thousands of rows, and working out each one's cells before the first frame cost more than the
rest of the screen. The words of a cell are ``agenda_cells``'."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.renderables.styled import Styled

FIXED = {"mark": 1, "time": 11, "kind": 8}
"""Widths of the fixed columns; the title takes what is left, the room what it needs."""
TITLE_MAX = 110
"""The title column's widest: kind and room stay near the title on a very wide terminal."""
ROOM_MAX = {False: 20, True: 44}
"""The room column's widest, below and from :data:`WIDE` cells (38C3's rooms run to 60 letters)."""
WIDE = 140
TIME_MAX = 24
"""The time column's widest: ``Mon 11:30 AM-12:30 PM CET``."""
PAD = 1
"""Cells of padding each side of a cell."""
LABELS = {"mark": "", "time": "Time", "title": "Title", "kind": "Kind", "room": "Room"}


class Column(NamedTuple):
    """A column as shown: its key, its header and the width of its text (padding not counted)."""

    key: str
    label: str
    width: int


def widths(width: int, time_width: int, room_width: int | None, scrollbar: int) -> list[Column]:
    """Each column at ``width`` cells: the time column ``time_width`` wide at least 11 (the widest
    time words of the day), the room column as wide as the longest room name (``None``: no room
    column, one room), and the title what the others leave (room is kept for a vertical
    scrollbar, so the columns do not move when one appears)."""
    room = min(max(room_width, 4), ROOM_MAX[width >= WIDE]) if room_width is not None else 0
    time = min(max(FIXED["time"], time_width), TIME_MAX)
    fixed = FIXED["mark"] + time + FIXED["kind"] + room
    count = 4 + (room_width is not None)
    spare = width - fixed - 2 * PAD * count - scrollbar
    found = {"mark": FIXED["mark"], "time": time, "title": min(max(12, spare), TITLE_MAX), "kind": FIXED["kind"]}
    if room_width is not None:
        found["room"] = room
    return [Column(key, LABELS[key], size) for key, size in found.items()]


class Look(NamedTuple):
    """The styles a line is drawn with, worked out once per drawing: the table's own, the
    header's, and what the cursor, the mouse and the mouse over the header add."""

    base: Style
    header: Style
    cursor: Style
    hover: Style
    header_hover: Style


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


def draw_line(console, cells: list[Text], columns: list[Column], row_style: Style, look: Look, width: int,
              index: int, *, hover: bool = False, cursor: bool = False) -> list[Segment]:
    """Line ``index`` of the table (``-1``: the header): each cell padded to its column, then the
    rest of ``width`` in the row's style (the cursor's on the cursor's row), as ``DataTable``
    draws a row. Each cell's styles carry its place (``row``, ``column``), as DataTable's do: the
    terminal gets the same runs of text."""
    component, post = components(look, index < 0, hover, cursor)
    line: list[Segment] = []
    add = line.append
    used_width = 0
    for place, (text, column) in enumerate(zip(cells, columns, strict=False)):
        where = Style.from_meta({"row": index, "column": place})
        pre = row_style + component
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
            words = set_cell_size(words, inner - 1) + "…" if inner else ""
        used = cell_len(words)
        add(Segment(" " * PAD, plain))
        if words:
            own = console.get_style(text.style, default=Style.null()) if text.style else None
            add(Segment(words, pre + own + post + where if own else plain))
        if inner - used + PAD > 0:
            add(Segment(" " * (inner - used + PAD), plain))
    rest = width - used_width
    if rest > 0:
        add(Segment(" " * rest, row_style + component + Style.from_meta({"row": index, "column": 0,
                                                                           "out_of_bounds": True})))
    return line
