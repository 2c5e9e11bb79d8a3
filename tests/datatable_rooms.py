"""For the tests: the rooms board's table as Textual's own ``DataTable`` draws it (what the board
used until issue 15's fifth round), the reference the hand-drawn ``RoomTable`` must match line for
line. The same columns, widths and cells (``room_table``'s), every cell drawn by Rich."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from c4ml_tui.tui.widgets.room_cells import LABELS
from c4ml_tui.tui.widgets.room_table import RoomTable


class DataTableRooms(DataTable):
    """The rooms as a ``DataTable``: rebuilt whole on every change (a reference, not fast)."""

    BINDINGS: ClassVar = [
        Binding("enter", "select_cursor", "Open", id="rooms.open",
                tooltip="Open what runs in this room (or what is next there)"),
        Binding("down,j", "cursor_down", "Down", show=False, id="rooms.down", tooltip="Next room"),
        Binding("up,k", "cursor_up", "Up", show=False, id="rooms.up", tooltip="Previous room"),
    ]
    DEFAULT_CSS = """
    DataTableRooms { width: 1fr; height: 1fr; margin-top: 1; }
    """

    def __init__(self, *, id: str | None = None, width: int = 0):
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._rows: list = []
        self._expected_width = width
        self._ours = RoomTable(width=width)  # the columns and cells, worked out as the board does
        self._at = -1

    @property
    def rows_shown(self) -> list:
        return self._rows

    @property
    def room(self) -> str | None:
        return self._rows[self.cursor_row].key if 0 <= self.cursor_row < len(self._rows) else None

    def show(self, rows: list) -> None:
        self._rows = rows
        self._build()

    def on_resize(self) -> None:
        self._build()

    def _build(self) -> None:
        room = self.room
        self._ours._expected_width = self.size.width or self._expected_width
        self._ours._rows = self._rows
        self._ours._rebuild()
        self.clear(columns=True)
        for column in self._ours.ordered_columns:
            self.add_column(Text(LABELS[column.key], justify="right" if column.key == "left" else "left"),
                            width=column.width, key=column.key)
        for index, row in enumerate(self._rows):
            self.add_row(*self._ours.get_row_at(index), key=row.key)
        rooms = [r.key for r in self._rows]
        if room in rooms:
            self.move_cursor(row=rooms.index(room), scroll=False)
