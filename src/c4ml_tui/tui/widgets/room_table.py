"""The rooms board as a table: one row per room, what runs there and what is next.

A ``RowTable`` (``row_table``: it draws its own lines, looking and behaving as the ``DataTable``
it replaced: a header, a row cursor, the mouse's row, its scrollbar; the same segments, its
component styles under the same rules: a test compares every line with a ``DataTable``'s): the
app's first screen on 38C3 need not import ``DataTable`` (~15 ms), parse its styles and style
its twenty component classes. This module says the rows' cells, the columns and the messages;
they are rebuilt only when the rooms shown change (or the width); as the minutes pass, only the
rows whose words changed are drawn again. Every cell is a literal ``Text``: program text is
never markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message

from ...words.rooms import RoomRow
from .room_cells import COLUMNS, LABELS, WIDE, Column, cells, room_width
from .row_table import HEADER, RowTable


class _RowMessage(Message):
    """A message about the row under the cursor (as DataTable's, ``cursor_row`` and ``control``)."""

    def __init__(self, table: RoomTable, cursor_row: int) -> None:
        super().__init__()
        self.table = table
        self.cursor_row = cursor_row

    @property
    def control(self) -> RoomTable:
        return self.table


class RoomTable(RowTable):
    """Rows of :class:`~c4ml_tui.rooms.RoomRow`, keyed by room; the cursor stays on its room."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="rooms.open",
                tooltip="Open what runs in this room (or what is next there)"),
        Binding("down,j", "cursor_down", "Down", show=False, id="rooms.down", tooltip="Next room"),
        Binding("up,k", "cursor_up", "Up", show=False, id="rooms.up", tooltip="Previous room"),
    ]

    DEFAULT_CSS = """
    RoomTable { max-height: 100%; margin-top: 1; }
    """

    class RowHighlighted(_RowMessage):
        """The cursor came to another row (or the table's first rows arrived)."""

    class RowSelected(_RowMessage):
        """Enter, or a click on the cursor's row."""

    def __init__(self, *, id: str | None = None, width: int = 0):
        """``width``: the width the layout will give the table, when its screen can tell: the
        rows are then built before the first frame (else at the first resize); a wrong guess
        costs a second build, no more."""
        super().__init__(id=id)
        self._rows: list[RoomRow] = []
        self._cells: list[list[Text] | None] = []
        """Each row's cells, in the order of :attr:`ordered_columns`, made when first drawn (or
        read): a screenful of the 72 rooms of 38C3 is drawn at first."""
        self.ordered_columns: list[Column] = []
        self._built: tuple = ()
        self._room_width = 0
        self._expected_width = width

    # -- what the screen and the tests read --------------------------------------------------------
    @property
    def _width(self) -> int:
        """The table's width: its own once laid out, else the one it was told to expect."""
        return self.size.width or self._expected_width

    @property
    def rows_shown(self) -> list[RoomRow]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._cells)

    @property
    def room(self) -> str | None:
        """The key of the row under the cursor: its room (empty for the row of every room)."""
        if 0 <= self._cursor < len(self._rows):
            return self._rows[self._cursor].key
        return None

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of row ``index``, as shown."""
        return list(self._cells_of(index))

    # -- RowTable's hooks ----------------------------------------------------------------------------
    def _cells_of(self, index: int) -> list[Text]:
        found = self._cells[index]
        if found is None:
            made = cells(self._rows[index], self._room_width)
            found = self._cells[index] = [made[column.key] for column in self.ordered_columns]
        return found

    def _columns_at(self, width: int) -> list[Column]:
        return self.ordered_columns  # (made for the width by ``_rebuild``)

    def _header_cells(self, columns: list[Column]) -> list[Text]:
        return [c.label for c in columns]

    def _moved(self) -> None:
        self.post_message(self.RowHighlighted(self, self._cursor))

    def _select(self) -> None:
        if self._cells:
            self.post_message(self.RowSelected(self, self._cursor))

    # -- the rows --------------------------------------------------------------------------------
    def show(self, rows: list[RoomRow]) -> None:
        """Show ``rows``: a new table when the rooms or the columns change, else new words only."""
        if self._shape(rows) != self._built:
            self._rows = rows
            if self._width:  # else the first resize builds it, at its real width
                self._rebuild()
            return
        changed = [index for index, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new]
        self._rows = rows
        for index in changed:
            self._cells[index] = None
            self._forget()
            self._refresh_row(index)

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
        self.ordered_columns = [Column(key, Text(LABELS[key], justify="right" if key == "left" else "left"),
                                       widths[key]) for key in shown]
        self._cells = [None] * len(rows)
        self._forget()
        self.virtual_size = Size(sum(c.get_render_width() for c in self.ordered_columns), len(rows) + HEADER)
        # As DataTable's ``clear``, rows and ``move_cursor`` to the room under the cursor: at the top,
        # the cursor on that room (scrolled to after the layout), else on the first.
        rooms = [r.key for r in rows]
        self._cursor, self._hover = rooms.index(room) if room in rooms else 0, None
        self.scroll_x = self.scroll_y = 0
        self.refresh()
        if rows:  # (DataTable's first row tells where the cursor is, and its cursor's watcher)
            self.post_message(self.RowHighlighted(self, self._cursor))
            if self._cursor and self.is_mounted:
                self.call_after_refresh(lambda: self._move(self._cursor, scroll=True))
