"""The agenda as a table: one row per day heading, item, talk and gap, with the running row marked."""

from __future__ import annotations

from textual import events, on
from textual.binding import Binding
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from ...core import fmt
from ...words.agenda import Row
from .agenda_cells import MARK_NOW, _has_rooms, cell, row_cells, row_style, row_title, times_of
from .fast_table import FastTable, append_rows

__all__ = ["MARK_NOW", "AgendaTable", "cell", "row_cells", "row_style", "row_title", "times_of"]

FIXED = {"mark": 1, "time": 11, "kind": 8}
"""Widths of the fixed columns; the title takes what is left, the room what it needs."""
TITLE_MAX = 110
"""The title column's widest: kind and room stay near the title on a very wide terminal."""
ROOM_MAX = {False: 20, True: 44}
"""The room column's widest, below and from :data:`WIDE` cells (38C3's rooms run to 60 letters)."""
WIDE = 140
TIME_MAX = 24
"""The time column's widest: ``Mon 11:30 AM-12:30 PM CET``."""
WINDOW = 160
"""Rows in the table at a time (at least four screenfuls) when a day has more than
:data:`WHOLE_DAY`: a day of a big program has thousands, and each costs a row of cells to build;
the window moves with the view (``AgendaTable._slide``)."""
WHOLE_DAY = 600
"""Up to this many rows (a day of 38C3 has 320) the whole day is in the table."""


class AgendaTable(FastTable):
    """Rows from :func:`c4ml_tui.agenda.rows`; Enter or a second click on a row posts
    :class:`AgendaTable.EntrySelected` for rows that open an item or talk.

    Only a window of :data:`WINDOW` rows around the cursor is in the table (``_lo`` is the
    index of its first row in :attr:`rows_shown`); it moves when the cursor or the scroll
    comes near its edge. Indices in this class's own methods are of :attr:`rows_shown`."""

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
        self._times: dict[tuple, str] | None = None
        """The rows' time words (:func:`times_of`), for the rows shown now and how times are shown."""
        self._built_width = 0
        self._can_open: bool | None = None
        self._starred: frozenset[str] = frozenset()
        self._lo = 0
        self._moving = False
        self._pending: int | None = None
        self._centring = False
        """A row to put the cursor on once the table is built (``jump_to`` before its first size)."""
        self._expected: Size | None = None
        """The size the table was built for before its first layout (see :meth:`expected_size`)."""

    @property
    def rows_shown(self) -> list[Row]:
        return self._agenda_rows

    @property
    def cursor_index(self) -> int:
        """The index in :attr:`rows_shown` of the row under the cursor."""
        return self._lo + self.cursor_row

    def _in_table(self, index: int) -> bool:
        return self._lo <= index < self._lo + self.row_count

    def show(self, rows: list[Row], starred: frozenset[str] | None = None) -> None:
        """Replace the rows, keeping the cursor on the same row when it still exists; rows whose
        entry is in ``starred`` show a star (``None``: the stars shown before).

        When the rows are the same ones (time passed: only their marks changed), only the cells
        that changed are rewritten: a day of 38C3 has 300 rows, and a new table costs a repaint
        of all of them and of the footer."""
        keep = self.cursor_key()
        old, self._agenda_rows = self._agenda_rows, rows
        self._times = None
        restarred: frozenset[str] = frozenset()
        if starred is not None:
            restarred, self._starred = self._starred ^ starred, starred
        if not self.size.width:  # not laid out yet: the first resize builds the table, once
            self._built_width = 0
            return
        same = [r.key for r in old] == [r.key for r in rows] and _has_rooms(old) == _has_rooms(rows)
        if same and self.columns and self._built_width and self._built_style is fmt.shown():
            if self.size.width != self._built_width:
                self._fit_columns()
            for index, (before, after) in enumerate(zip(old, rows, strict=True)):
                if (before != after or after.entry_id in restarred) and self._in_table(index):
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
        for row in self._agenda_rows[self._lo:self._lo + self.row_count]:
            if row.entry_id in changed:
                self.update_cell(row.key, "title", cell(row_title(row, starred), row_style(row)))

    def cursor_key(self) -> str | None:
        """The key of the row under the cursor."""
        row = self.cursor_row_shown()
        return None if row is None else row.key

    def cursor_row_shown(self) -> Row | None:
        """The row under the cursor (the footer asks often: not a search of the day's rows)."""
        if self.row_count and 0 <= self.cursor_index < len(self._agenda_rows):
            return self._agenda_rows[self.cursor_index]
        return None

    def jump_to(self, index: int) -> None:
        """Put the cursor on row ``index`` and scroll it to the middle of the view."""
        if not self._agenda_rows:
            return
        index = min(max(index, 0), len(self._agenda_rows) - 1)
        if not self.columns:  # not built yet: the build puts the window and the cursor there
            self._pending = index
            if not self.size.width:
                self._expected = self.expected_size()
                if self._expected is not None:
                    self._rebuild(None)  # before the first frame, which then draws the rows once
            return
        if not self._in_table(index):
            self._fill(index - self._window() // 2)
        if not self.row_count:
            return
        self._settle()
        self.move_cursor(row=index - self._lo, scroll=False)
        self._centre_soon(index)

    def _centre_soon(self, index: int) -> None:
        """Scroll row ``index`` to the middle of the view: at once when the table has its size
        (the next frame draws the rows once, in their place), else after the next frame."""
        if (self.size.height or self._expected) and not self._require_update_dimensions:
            self._centre(index)
        else:
            self._centring = True
            self.call_after_refresh(self._centre, index)

    def _centre(self, index: int) -> None:
        self._centring = False
        # (force: the scrollbar that allows scrolling comes with the next layout)
        self.scroll_to(y=max(0, index - self._lo - self._view_height() // 2), animate=False,
                       immediate=True, force=True)
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
            return self.size.width
        return self._expected.width

    def expected_size(self) -> Size | None:
        """The size the screen's first layout will give the table, worked out before it: the
        screen's, less the lines of the one-line widgets docked or stacked beside it (the clock
        bar, the filter note, the footer). ``None`` when another widget's height is not a set
        number of lines (then the first layout's resize builds the table, after a first frame)."""
        parent = self.parent
        width, height = self.app.size
        if parent is not self.screen or not width or self.styles.gutter.height or self.styles.gutter.width:
            return None
        for widget in parent.children:
            if widget is self or not widget.display:
                continue
            lines = widget.styles.height
            if lines is None or lines.unit is not Unit.CELLS or widget.styles.margin.height:
                return None
            height -= int(lines.value)
        return Size(width, height) if height > 0 else None

    def _settle(self) -> None:
        """Work out the rows' height now, not when Textual next idles: new rows can then be
        scrolled to before the next frame, which draws them once instead of at the top first."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            self._update_dimensions(())
            self._refresh_scrollbars()  # (a scrollbar that appears now shows where the view is)
            if not self.size.height and self._expected is not None:
                self._expect_scrollbar(self._expected)

    def _expect_scrollbar(self, size: Size) -> None:
        """Before the first layout: show the vertical scrollbar now when the rows will not fit
        the view the layout is expected to give (``size``), so the first layout places it.
        (Found by that layout, it was placed by the next one, sized by a third, and drawn in
        each: a whole screen laid out and drawn once more.) Textual's own check, at each
        layout, keeps it or takes it away."""
        styles = self.styles
        if styles.overflow_y != "auto" or styles.overflow_x not in ("auto", "hidden"):
            return
        fits_across = self.virtual_size.width <= size.width - styles.scrollbar_size_vertical
        if self.virtual_size.height > size.height and fits_across and not self.show_vertical_scrollbar:
            self.show_vertical_scrollbar = True
            self.vertical_scrollbar.display = True

    def _fill(self, lo: int) -> None:
        """Put the window of rows from ``lo`` in the table (the cursor is the caller's)."""
        window = self._window()
        lo = min(max(lo, 0), max(len(self._agenda_rows) - window, 0))
        self._lo = lo
        self.clear(columns=False)
        rooms, times = _has_rooms(self._agenda_rows), self.times()
        append_rows(self, [(row.key, row_cells(row, rooms, self._starred, times))
                           for row in self._agenda_rows[lo:lo + window]])

    def _margin(self) -> int:
        """How near an edge of the window the view may come before the window moves: a screenful."""
        return max(self._view_height(), 20)

    def _window(self) -> int:
        """How many rows the table holds: a whole day up to :data:`WHOLE_DAY` rows (its scrollbar
        then is the day's), else :data:`WINDOW` (at least four screenfuls)."""
        if len(self._agenda_rows) <= WHOLE_DAY:
            return len(self._agenda_rows)
        return max(WINDOW, 4 * self._margin())

    def _slide(self) -> None:
        """Move the window when the view comes within :meth:`_margin` of one of its edges and
        more rows lie beyond: the rows on screen stay where they were, the cursor on its row."""
        if self._moving or self._centring or not self.row_count or len(self._agenda_rows) <= self.row_count:
            return
        height, margin = self.scrollable_content_region.height, self._margin()
        top = round(self.scroll_y)
        near_start = self._lo > 0 and top < margin
        near_end = self._lo + self.row_count < len(self._agenda_rows) and top + height > self.row_count - margin
        if not (near_start or near_end):
            return
        cursor, old_lo = self.cursor_index, self._lo
        self._moving = True
        try:
            self._fill(old_lo + top + height // 2 - self._window() // 2)
            cursor = min(max(cursor, self._lo), self._lo + self.row_count - 1)
            self.move_cursor(row=cursor - self._lo, scroll=False)
            self.scroll_to(y=top + old_lo - self._lo, animate=False, immediate=True, force=True)
        finally:
            self._moving = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._moving and round(old_value) != round(new_value):
            self.call_after_refresh(self._slide)

    def _on_resize(self, event: events.Resize) -> None:
        """A new width only changes the columns' widths: the rows stay (a day of a big program
        has thousands); the first size the table gets builds it, unless it was built before.

        (In place of ``DataTable._on_resize``, which makes every line drawn stale: the first
        layout's resize would have the rows drawn again, a second time, on the next refresh.
        A new width draws them again anyway, through :meth:`_fit_columns`.)"""
        event.prevent_default()
        expected, self._expected = self._expected, None
        if not self._built_width or not self.columns:
            self._rebuild(self.cursor_key())
            return
        if event.size.width != self._built_width:
            self._fit_columns()
        if expected is not None and expected.height != self.scrollable_content_region.height and self.row_count:
            self._centre(self.cursor_index)  # built for a height the layout did not give

    def _widths(self, width: int) -> dict[str, int]:
        """Each column's width at ``width`` cells: the title takes what the others leave."""
        rooms = _has_rooms(self._agenda_rows)
        room_width = max((len(r.room) for r in self._agenda_rows), default=0) if rooms else 0
        room_width = min(max(room_width, 4), ROOM_MAX[width >= WIDE]) if rooms else 0
        # 11 cells fit 09:15-10:00; a 12-hour clock, a zone label or a weekday need more
        time_width = min(max([FIXED["time"], *map(len, self.times().values())]), TIME_MAX)
        fixed = sum(FIXED.values()) - FIXED["time"] + time_width + room_width
        columns = 4 + (1 if rooms else 0)
        # Leave room for a vertical scrollbar, so the columns do not jump when one appears.
        spare = width - fixed - 2 * columns - self.styles.scrollbar_size_vertical
        widths = dict(FIXED, time=time_width, title=min(max(12, spare), TITLE_MAX))  # kind, room near the title
        if rooms:
            widths["room"] = room_width
        return widths

    def times(self) -> dict[tuple, str]:
        """The time words of the rows (worked out again for new rows, or times shown another way)."""
        if self._times is None or self._times_style is not fmt.shown():
            self._times, self._times_style = times_of(self._agenda_rows), fmt.shown()
        return self._times

    _times_style: fmt.Shown | None = None

    def _fit_columns(self) -> None:
        """Give the columns their widths at the table's new width, keeping every row."""
        self._built_width = self._width()
        for key, width in self._widths(self._built_width).items():
            column = self.columns.get(ColumnKey(key))
            if column is not None:
                column.width = width
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh()

    _built_style: fmt.Shown | None = None
    """How times were shown when the table was built (``z`` shows them in another zone)."""

    def _rebuild(self, current: str | None) -> None:
        self._built_width = self._width()
        self._built_style = fmt.shown()
        self.clear(columns=True)
        rooms = _has_rooms(self._agenda_rows)
        widths = self._widths(self._built_width)
        self.add_column("", width=widths["mark"], key="mark")
        self.add_column("Time", width=widths["time"], key="time")
        self.add_column("Title", width=widths["title"], key="title")
        self.add_column("Kind", width=widths["kind"], key="kind")
        if rooms:
            self.add_column("Room", width=widths["room"], key="room")
        pending, self._pending = self._pending, None
        if pending is not None:
            index = min(pending, len(self._agenda_rows) - 1)
        else:
            index = self._keys.index(current) if current is not None and current in self._keys else 0
        self._fill(index - self._window() // 2)
        if self.row_count and (pending is not None or (current is not None and current in self._keys)):
            self._settle()
            self.move_cursor(row=index - self._lo, scroll=False)
            if pending is not None:
                self._centre_soon(index)

    @property
    def _keys(self) -> list[str]:
        return [r.key for r in self._agenda_rows]

    def action_first_row(self) -> None:
        self.jump_to(0)

    def action_last_row(self) -> None:
        self.jump_to(len(self._agenda_rows) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_cursor":
            row = self.cursor_row_shown()
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
        index = self._lo + event.cursor_row
        row = self._agenda_rows[index] if 0 <= index < len(self._agenda_rows) else None
        if row is not None and row.entry_id is not None:
            self.post_message(self.EntrySelected(self, row.entry_id))
