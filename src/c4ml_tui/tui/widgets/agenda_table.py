"""The agenda as a table: one row per day heading, item, talk and gap, with the running row marked.

A ``RowTable`` (``row_table``: it draws its own lines, Textual's Line API): the header, then the
rows in view, each built when it is drawn (``agenda_lines``), looking as the ``DataTable`` the
agenda used to be. This module says the rows' cells and the columns, what Enter opens, and the
view on "now" (in the middle of the view, before the first layout too). A day of thousands of
rows costs what a screenful costs; a new width draws the rows in view again, nothing more."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message

from ...core import fmt
from ...words.agenda import Row
from .agenda_cells import _has_rooms, cell, row_cells, times_of
from .agenda_lines import LABELS, Column, widths
from .first_layout import expect_scrollbar, expected_size
from .row_table import HEADER, RowTable


def _remarked(old: list[Row], new: list[Row]) -> list[int] | None:
    """The indices of the rows ``new`` marks otherwise than ``old`` when it holds the same rows
    (``agenda.marked``: unchanged rows are the same objects); ``None`` when it holds others."""
    if len(old) != len(new):
        return None
    changed = []
    for index, (a, b) in enumerate(zip(old, new, strict=True)):
        if a is not b:
            if a._replace(state=b.state) != b:
                return None
            changed.append(index)
    return changed


class AgendaTable(RowTable):
    """Rows from :func:`c4ml_tui.words.agenda.rows`, a row cursor; Enter or a second click on a
    row posts :class:`AgendaTable.EntrySelected` for rows that open an item or talk. Home and
    End go to the day's first and last rows (not DataTable's scroll across)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="agenda.open", tooltip="Open the highlighted row"),
        Binding("down,j", "cursor_down", "Down", show=False, id="agenda.down", tooltip="Next row"),
        Binding("up,k", "cursor_up", "Up", show=False, id="agenda.up", tooltip="Previous row"),
        Binding("home,ctrl+home", "first_row", "First", show=False, id="agenda.first", tooltip="The day's first row"),
        Binding("end,ctrl+end", "last_row", "Last", show=False, id="agenda.last", tooltip="The day's last row"),
    ]
    HEADER_WITHOUT_ROWS = False

    class EntrySelected(Message):
        """A row that stands for an item or talk was chosen."""

        def __init__(self, table: AgendaTable, entry_id: str):
            super().__init__()
            self.table = table
            self.entry_id = entry_id

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self._rows: list[Row] = []
        self._rooms = False
        self._starred: frozenset[str] = frozenset()
        self._times: tuple[list[Row], fmt.Shown, dict[tuple, str], int, int | None] | None = None
        self._columns: tuple[tuple, list[Column]] | None = None
        self._can_open: bool | None = None
        self._expected: Size | None = None
        """The size the table expects before its first layout (``first_layout.expected_size``)."""
        # The agenda gives its table the focus as it is first shown, before the first frame:
        # styled as focused from the start, it is not styled a second time when the focus comes.
        self.set_reactive(AgendaTable.has_focus, True)

    # -- what the table holds -------------------------------------------------------------------------
    @property
    def rows_shown(self) -> list[Row]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_index(self) -> int:
        """The index in :attr:`rows_shown` of the row under the cursor."""
        return self._cursor

    def show(self, rows: list[Row], starred: frozenset[str] | None = None) -> None:
        """Replace the rows, keeping the cursor on the same row when it still exists; rows whose
        entry is in ``starred`` show a star (``None``: the stars shown before). Nothing is
        worked out for a row until it is drawn."""
        keep = self.cursor_key()
        same = len(rows) == len(self._rows) and keep is not None and rows[self._cursor].key == keep
        old, self._rows = self._rows, rows
        changed = _remarked(old, rows) if same and (starred is None or starred == self._starred) else None
        if changed is not None:
            # The same rows, some marked afresh (``agenda.marked``): their times, widths and
            # lines hold; only the rows whose mark changed are drawn again.
            if self._times is not None and self._times[0] is old:
                self._times = (rows, *self._times[1:])
            for index in changed:
                self._forget_row(index)
            return
        self._rooms = _has_rooms(rows)
        if starred is not None:
            self._starred = starred
        self._forget()
        self._size_rows()
        self.refresh()
        if not same:
            index = next((i for i, r in enumerate(rows) if r.key == keep), 0) if keep is not None else 0
            self._move(index, scroll=bool(self.size.height))

    def show_stars(self, starred: frozenset[str]) -> None:
        """Draw again the rows in view whose star changed."""
        if starred != self._starred:
            self._starred = starred
            self._forget()
            self.refresh()

    def cursor_key(self) -> str | None:
        """The key of the row under the cursor."""
        row = self.cursor_row_shown()
        return None if row is None else row.key

    def cursor_row_shown(self) -> Row | None:
        """The row under the cursor."""
        return self._rows[self._cursor] if 0 <= self._cursor < len(self._rows) else None

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of row ``index``: mark, time, title, kind, and room when the day has rooms."""
        return row_cells(self._rows[index], self._rooms, self._starred, self._time_words())

    def get_cell(self, key: str, column: str) -> Text:
        """The cell of column ``column`` (``"title"``...) in the row whose key is ``key``."""
        index = next(i for i, r in enumerate(self._rows) if r.key == key)
        return self.get_row_at(index)[[c.key for c in self.ordered_columns].index(column)]

    @property
    def ordered_columns(self) -> list[Column]:
        """The columns at the table's width (the width expected before its first layout)."""
        return self._columns_at(self._width())

    # -- RowTable's hooks -------------------------------------------------------------------------------
    def _cells_of(self, index: int) -> list[Text]:
        return self.get_row_at(index)

    def _header_cells(self, columns: list[Column]) -> list[Text]:
        return [cell(LABELS[c.key]) for c in columns]

    def _line_key(self) -> object:
        return fmt.shown()  # (12- or 24-hour times: the time words change)

    def _select(self) -> None:
        row = self.cursor_row_shown()
        if row is not None and row.entry_id is not None:
            self.post_message(self.EntrySelected(self, row.entry_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_cursor":
            row = self.cursor_row_shown()
            return None if row is None or row.entry_id is None else True  # None: shown disabled
        return True

    def _moved(self) -> None:
        # Only when Open turns on or off: the footer is drawn again on each change of keys.
        # Before the first layout the footer has not laid its keys out yet: it reads them after.
        can_open = self.check_action("select_cursor", ())
        if can_open != self._can_open:
            self._can_open = can_open
            if self.size.height:
                self.refresh_bindings()

    # -- widths ---------------------------------------------------------------------------------------
    def _time_words(self) -> dict[tuple, str]:
        """The rows' time words by ``(start, end)`` (:meth:`_measure`)."""
        return self._measure()[2]

    def _measure(self) -> tuple[list[Row], fmt.Shown, dict[tuple, str], int, int | None]:
        """The rows, how times are shown, the time words by ``(start, end)``, the longest's
        length and the longest room name's (``None``: no room column): once per rows and way of
        showing times."""
        style = fmt.shown()
        if self._times is None or self._times[0] is not self._rows or self._times[1] is not style:
            words = times_of(self._rows)
            rooms = max(len(r.room) for r in self._rows) if self._rooms else None
            self._times = (self._rows, style, words, max(map(len, words.values()), default=0), rooms)
        return self._times

    def _columns_at(self, width: int) -> list[Column]:
        rows, _style, _words, time_width, rooms = self._measure()
        key = (width, time_width, rooms, self.styles.scrollbar_size_vertical, id(rows))
        if self._columns is None or self._columns[0] != key:
            self._columns = (key, widths(width, time_width, rooms, self.styles.scrollbar_size_vertical))
        return self._columns[1]

    def _size_rows(self) -> None:
        """The virtual size: the header and every row high; as wide as the columns when they do
        not fit the width (a horizontal scrollbar then), else nothing across."""
        width = self._width()
        across = sum(c.width + 2 for c in self._columns_at(width)) if self._rows else 0
        size = Size(across if across > width else 0, HEADER + len(self._rows) if self._rows else 0)
        if size != self.virtual_size:
            self.virtual_size = size
        if not self.size.height and self._expected is not None:
            expect_scrollbar(self, self._expected)

    # -- the view: "now" in its middle, before the first layout too ---------------------------------------
    def jump_to(self, index: int) -> None:
        """Put the cursor on row ``index`` and scroll it to the middle of the view."""
        if not self._rows:
            return
        if not self.size.height and self._expected is None:
            self._expected = expected_size(self)
            self._size_rows()
        self._move(index, scroll=False)
        self._centre(self._cursor)

    def _centre(self, index: int) -> None:
        # (force: the scrollbar that allows scrolling comes with the next layout)
        self.scroll_to(y=max(0, index - self._view_height() // 2), animate=False, immediate=True, force=True)
        if not self.size.height and self.virtual_size.height > self._view_height():
            # before the first layout, which makes the scrollbar: give it the view's place now
            self.vertical_scrollbar.position = self.scroll_y

    def _view_height(self) -> int:
        """The lines the view shows: laid out, its own; before, what it expects."""
        if self.size.height or self._expected is None:
            return self.scrollable_content_region.height
        return self._expected.height

    def _width(self) -> int:
        if self.size.width or self._expected is None:
            return self.size.width or self.app.size.width
        return self._expected.width

    def _on_resize(self, event: events.Resize) -> None:
        # (the lines drawn are kept by width: the first layout's resize draws nothing again)
        expected, self._expected = self._expected, None
        self._size_rows()
        if expected is not None and expected.height != self.scrollable_content_region.height and self._rows:
            self._centre(self._cursor)  # laid out at another height than expected

    def action_first_row(self) -> None:
        self._keyed()
        self.jump_to(0)

    def action_last_row(self) -> None:
        self._keyed()
        self.jump_to(len(self._rows) - 1)
