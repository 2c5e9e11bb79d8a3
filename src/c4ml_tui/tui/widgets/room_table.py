"""The rooms board as a table: one row per room, what runs there and what is next.

Rebuilt only when the rooms shown change (or the width); as the minutes pass, only the cells
whose words changed are updated. Every cell is a literal ``Text``: program text is never markup.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import DataTable

from ...core.textclean import clean
from ...words.rooms import RoomRow
from .fast_table import FastTable, append_rows, cache_key, cell_styles, one_line_cell

COLUMNS = ("room", "now", "left", "next", "at", "until")
LABELS = {"room": "Room", "now": "Now", "left": "Left", "next": "Next", "at": "At", "until": ""}
WIDE = 100
"""From this width on (of the table itself), the table also says how long until the next item
starts (at 200 columns the table is about 130 wide: the day of the room takes the rest)."""
def room_width(table: int) -> int:
    """The widest the room column gets in a table ``table`` cells wide: 16 at 80 columns (the
    titles need the room), a third of what is beyond 40 cells on a wide terminal (31 at 200
    columns: ``Hardware Hacking Area -- Lower`` whole). Longer names are cut in the middle."""
    return max(16, (table - 40) // 3)


def cell(text: str, style: str = "", justify: str = "left") -> Text:
    """A literal cell on one line (long titles end in an ellipsis)."""
    return Text(clean(text), style=style, no_wrap=True, overflow="ellipsis", justify=justify)  # type: ignore[arg-type]


def middle(text: str, width: int) -> str:
    """``text`` cut in the middle to ``width`` cells: rooms that share a beginning stay apart
    (``Hardware Hacki…Lower (extra)``, ``Hardware Hacki…rea -- Upper``)."""
    if width <= 0 or len(text) <= width:
        return text
    tail = (width - 1) * 2 // 5
    return f"{text[: width - 1 - tail]}…{text[len(text) - tail:]}"


def cells(row: RoomRow, room_width: int = 0) -> dict[str, Text]:
    """The cells of one row; a free room reads dim, so the busy rooms stand out without colour.
    A room name longer than ``room_width`` is cut in its middle."""
    quiet = "" if row.busy else "dim"
    return {
        "room": cell(middle(row.room, room_width), "bold" if row.busy else ""),
        "now": cell(row.now, "" if row.busy else "dim italic"),
        "left": cell(row.left, "", "right"),
        "next": cell(row.next, quiet),
        "at": cell(row.at, quiet),
        "until": cell(row.until, "dim"),
    }


class RoomTable(FastTable):
    """Rows of :class:`~c4ml_tui.rooms.RoomRow`, keyed by room; the cursor stays on its room."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="rooms.open",
                tooltip="Open what runs in this room (or what is next there)"),
        Binding("down,j", "cursor_down", "Down", show=False, id="rooms.down", tooltip="Next room"),
        Binding("up,k", "cursor_up", "Up", show=False, id="rooms.up", tooltip="Previous room"),
    ]

    DEFAULT_CSS = """
    RoomTable { width: 1fr; height: 1fr; margin-top: 1; }
    """

    def __init__(self, *, id: str | None = None, width: int = 0):
        """``width``: the width the layout will give the table, when its screen can tell: the
        rows are then built before the first frame (else at the first resize); a wrong guess
        costs a second build, no more."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._rows: list[RoomRow] = []
        self._built: tuple = ()
        self._room_width = 0
        self._expected_width = width

    @property
    def _width(self) -> int:
        """The table's width: its own once laid out, else the one it was told to expect."""
        return self.size.width or self._expected_width

    @property
    def rows_shown(self) -> list[RoomRow]:
        return self._rows

    @property
    def room(self) -> str | None:
        """The key of the row under the cursor: its room (empty for the row of every room)."""
        if 0 <= self.cursor_row < len(self._rows):
            return self._rows[self.cursor_row].key
        return None

    def show(self, rows: list[RoomRow]) -> None:
        """Show ``rows``: a new table when the rooms or the columns change, else new words only."""
        if self._shape(rows) != self._built:
            self._rows = rows
            if self._width:  # else the first resize builds it, at its real width
                self._rebuild()
            return
        for old, new in zip(self._rows, rows, strict=True):
            if old != new:
                before, after = cells(old, self._room_width), cells(new, self._room_width)
                for key in COLUMNS:
                    if key in self._columns_shown and before[key] != after[key]:
                        self.update_cell(new.key, key, after[key])
        self._rows = rows

    def on_resize(self, event: events.Resize) -> None:
        if self._shape(self._rows) != self._built:
            self._rebuild()

    @property
    def _wide(self) -> bool:
        return self._width >= WIDE

    @property
    def _columns_shown(self) -> tuple[str, ...]:
        return COLUMNS if self._wide else COLUMNS[:-1]

    def _shape(self, rows: list[RoomRow]) -> tuple:
        """What decides the columns: the width, the rooms and the widest time of day."""
        return (self._width, tuple(r.key for r in rows), max((len(r.at) for r in rows), default=0))

    def _rebuild(self) -> None:
        room = self.room
        self._built = self._shape(self._rows)
        self.clear(columns=True)
        rows = self._rows
        widths = {
            "room": min(max((len(r.room) for r in rows), default=4), room_width(self._width)),
            "left": 7,
            "at": max(max((len(r.at) for r in rows), default=2), 2),
            "until": 13,
        }
        shown = self._columns_shown
        self._room_width = widths["room"]
        fixed = sum(widths[k] for k in shown if k in widths)
        # Padding of one cell each side of each column, and room for a vertical scrollbar.
        spare = self._width - fixed - 2 * len(shown) - self.styles.scrollbar_size_vertical
        widths["now"] = max(10, spare * 11 // 20)
        widths["next"] = max(8, spare - widths["now"])
        for key in shown:
            label = Text(LABELS[key], justify="right" if key == "left" else "left")
            self.add_column(label, width=widths[key], key=key)
        append_rows(self, [(r.key, [made[k] for k in shown]) for r in rows
                           for made in (cells(r, self._room_width),)])
        rooms = [r.key for r in rows]
        if room in rooms:
            self.move_cursor(row=rooms.index(room), scroll=False)

    def draw(self, row_index: int, column_index: int, base_style: Style, width: int, cursor: bool,
             hover: bool) -> list[list[Segment]] | None:
        """A one-line cell drawn by hand (:func:`draw`: left or right aligned), else ``None``."""
        return draw(self, row_index, column_index, base_style, width, cursor, hover)


def draw(table: DataTable, row_index: int, column_index: int, base_style: Style, width: int,
         cursor: bool, hover: bool) -> list[list[Segment]] | None:
    """A cell of the room table as Textual draws it (``Styled(Padding(cell))``: the same segments,
    in the same cache), for a one-line :class:`Text` of this module's :func:`cell` (left or right
    aligned, its style on the spaces that align it, an ellipsis where it does not fit); ``None``
    for anything else (the header: Textual's). As the agenda's cells (``fast_table.draw_cell``):
    Rich's renderers cost a quarter of a millisecond a cell, most of the board's first frame."""
    found = one_line_cell(table, row_index, column_index)
    if found is None:
        return None
    row_key, column_key, cell = found
    pad = table.cell_padding
    inner = width - 2 * pad
    if cell.justify not in ("left", "right") or cell.overflow != "ellipsis" or inner < 1:
        return None
    key = cache_key(table, row_key, column_key, base_style, cursor, hover)
    lines = table._cell_render_cache.get(key)
    if lines is None:
        component_style, post_style = cell_styles(table, cursor, hover)
        pre = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        text = cell.plain
        if cell_len(text) > inner:
            text = set_cell_size(text, inner - 1) + "…"
        fill = " " * (inner - cell_len(text))
        text = text + fill if cell.justify == "left" else fill + text
        plain = pre + post_style
        styled = pre + table.app.console.get_style(cell.style) + post_style if cell.style else plain
        line = [Segment(" " * pad, plain), Segment(text, styled), Segment(" " * pad, plain)] if pad else \
            [Segment(text, styled)]
        lines = table._cell_render_cache[key] = [line]
    return lines
