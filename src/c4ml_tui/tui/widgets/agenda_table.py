"""The agenda as a table: one row per day heading, item, talk and gap, with the running row marked."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from ...core import fmt
from ...core.textclean import clean
from ...words.agenda import Row
from .literal import STAR

MARK_NOW = "▶"
FIXED = {"mark": 1, "time": 11, "kind": 8}
"""Widths of the fixed columns; the title takes what is left, the room what it needs."""
TITLE_MAX = 110
"""The title column's widest: kind and room stay near the title on a very wide terminal."""
ROOM_MAX = {False: 20, True: 44}
"""The room column's widest, below and from :data:`WIDE` cells (38C3's rooms run to 60 letters)."""
WIDE = 140
TIME_MAX = 24
"""The time column's widest: ``Mon 11:30 AM-12:30 PM CET``."""


def cell(text: str, style: str = "") -> Text:
    """A literal cell: program text is never markup (``Text``, not a string)."""
    return Text(clean(text), style=style, no_wrap=True, overflow="ellipsis")


def row_style(row: Row) -> str:
    """Past rows dim, the running row bold, gaps and talks set apart (shapes, not colours)."""
    style = {"past": "dim", "now": "bold"}.get(row.state, "")
    if row.kind == "gap":
        style += " italic"
    if row.kind == "day":
        style = "bold underline"
    return style.strip()


def row_title(row: Row, starred: frozenset[str] = frozenset()) -> str:
    """The title cell's text: a star for a starred entry, talks indented, who speaks after."""
    title = f"{STAR} {row.caption}" if row.entry_id in starred else row.caption
    title = title if row.kind != "talk" else f"  {title}"
    return f"{title} — {row.who}" if row.who else title


def row_cells(row: Row, rooms: bool, starred: frozenset[str] = frozenset()) -> list[Text]:
    """The cells of one row: mark, time, title (with who speaks), kind, and room if ``rooms``."""
    style = row_style(row)
    title = row_title(row, starred)
    cells = [
        cell(MARK_NOW if row.state == "now" and row.kind != "day" else "", "bold"),
        cell(row.times, style),
        cell(title, style),
        cell(row.label, style),
    ]
    if rooms:
        cells.append(cell(row.room, style))
    return cells


def _has_rooms(rows: list[Row]) -> bool:
    return any(r.room for r in rows)


class AgendaTable(DataTable):
    """Rows from :func:`c4ml_tui.agenda.rows`; Enter or a second click on a row posts
    :class:`AgendaTable.EntrySelected` for rows that open an item or talk."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="agenda.open", tooltip="Open the highlighted row"),
        Binding("down,j", "cursor_down", "Down", show=False, id="agenda.down", tooltip="Next row"),
        Binding("up,k", "cursor_up", "Up", show=False, id="agenda.up", tooltip="Previous row"),
        Binding("home", "first_row", "First", show=False, id="agenda.first", tooltip="The day's first row"),
        Binding("end", "last_row", "Last", show=False, id="agenda.last", tooltip="The day's last row"),
    ]

    DEFAULT_CSS = """
    AgendaTable { height: 1fr; width: 1fr; }
    """

    class EntrySelected(Message):
        """A row that stands for an item or talk was chosen."""

        def __init__(self, table: AgendaTable, entry_id: str):
            super().__init__()
            self.table = table
            self.entry_id = entry_id

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._agenda_rows: list[Row] = []
        self._built_width = 0
        self._can_open: bool | None = None
        self._starred: frozenset[str] = frozenset()

    @property
    def rows_shown(self) -> list[Row]:
        return self._agenda_rows

    def show(self, rows: list[Row], starred: frozenset[str] | None = None) -> None:
        """Replace the rows, keeping the cursor on the same row when it still exists; rows whose
        entry is in ``starred`` show a star (``None``: the stars shown before).

        When the rows are the same ones (time passed: only their marks changed), only the cells
        that changed are rewritten: a day of 38C3 has 300 rows, and a new table costs a repaint
        of all of them and of the footer."""
        keep = self.cursor_key()
        old, self._agenda_rows = self._agenda_rows, rows
        restarred: frozenset[str] = frozenset()
        if starred is not None:
            restarred, self._starred = self._starred ^ starred, starred
        same = [r.key for r in old] == [r.key for r in rows] and _has_rooms(old) == _has_rooms(rows)
        if same and self.columns and self.size.width == self._built_width and self._built_style is fmt.shown():
            for before, after in zip(old, rows, strict=True):
                if before != after or after.entry_id in restarred:
                    for key, value in zip(self.columns, row_cells(after, _has_rooms(rows), self._starred), strict=True):
                        self.update_cell(after.key, key, value)
            return
        self._rebuild(keep)

    def show_stars(self, starred: frozenset[str]) -> None:
        """Redraw the titles of the rows whose star changed (the rest of the table stays)."""
        changed = self._starred ^ starred
        self._starred = starred
        if not changed or not self.columns:
            return
        for row in self._agenda_rows:
            if row.entry_id in changed:
                self.update_cell(row.key, "title", cell(row_title(row, starred), row_style(row)))

    def cursor_key(self) -> str | None:
        """The key of the row under the cursor."""
        if 0 <= self.cursor_row < len(self._agenda_rows):
            return self._agenda_rows[self.cursor_row].key
        return None

    def jump_to(self, index: int) -> None:
        """Put the cursor on row ``index`` and scroll it to the middle of the view."""
        if not self._agenda_rows:
            return
        index = min(max(index, 0), len(self._agenda_rows) - 1)
        self.move_cursor(row=index, scroll=False)
        self.call_after_refresh(self._centre, index)

    def _centre(self, index: int) -> None:
        self.scroll_to(y=max(0, index - self.scrollable_content_region.height // 2), animate=False)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._built_width:
            self._rebuild(self.cursor_key())

    _built_style: fmt.Shown | None = None
    """How times were shown when the table was built (``z`` shows them in another zone)."""

    def _rebuild(self, current: str | None) -> None:
        self._built_width = self.size.width
        self._built_style = fmt.shown()
        self.clear(columns=True)
        rooms = _has_rooms(self._agenda_rows)
        room_width = max((len(r.room) for r in self._agenda_rows), default=0) if rooms else 0
        room_width = min(max(room_width, 4), ROOM_MAX[self._built_width >= WIDE]) if rooms else 0
        # 11 cells fit 09:15-10:00; a 12-hour clock, a zone label or a weekday need more
        time_width = min(max([FIXED["time"], *(len(r.times) for r in self._agenda_rows)]), TIME_MAX)
        fixed = sum(FIXED.values()) - FIXED["time"] + time_width + room_width
        columns = 4 + (1 if rooms else 0)
        # Leave room for a vertical scrollbar, so the columns do not jump when one appears.
        spare = self._built_width - fixed - 2 * columns - self.styles.scrollbar_size_vertical
        title_width = min(max(12, spare), TITLE_MAX)  # keep kind and room near the title
        self.add_column("", width=FIXED["mark"], key="mark")
        self.add_column("Time", width=time_width, key="time")
        self.add_column("Title", width=title_width, key="title")
        self.add_column("Kind", width=FIXED["kind"], key="kind")
        if rooms:
            self.add_column("Room", width=room_width, key="room")
        for row in self._agenda_rows:
            self.add_row(*row_cells(row, rooms, self._starred), key=row.key)
        if current is not None and current in self._keys:
            self.move_cursor(row=self._keys.index(current), scroll=False)

    @property
    def _keys(self) -> list[str]:
        return [r.key for r in self._agenda_rows]

    def action_first_row(self) -> None:
        self.jump_to(0)

    def action_last_row(self) -> None:
        self.jump_to(len(self._agenda_rows) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_cursor":
            key = self.cursor_key()
            row = next((r for r in self._agenda_rows if r.key == key), None)
            return None if row is None or row.entry_id is None else True  # None: shown disabled
        return True

    @on(DataTable.RowHighlighted)
    def _moved(self) -> None:
        # Only when Open turns on or off: the footer is rebuilt on each refresh (tens of ms).
        can_open = self.check_action("select_cursor", ())
        if can_open != self._can_open:
            self._can_open = can_open
            self.refresh_bindings()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self._agenda_rows[event.cursor_row] if 0 <= event.cursor_row < len(self._agenda_rows) else None
        if row is not None and row.entry_id is not None:
            self.post_message(self.EntrySelected(self, row.entry_id))
