"""The rooms board as a table: one row per room, what runs there and what is next.

A widget of its own that draws its lines itself (Textual's line API), looking and behaving as
the ``DataTable`` it replaced (a header, a row cursor, the mouse's row, its scrollbar; the same
segments, its component styles under the same rules: a test compares every line with a
``DataTable``'s): the app's first screen on 38C3 need not import ``DataTable`` (~15 ms), parse
its styles and style its twenty component classes. Rebuilt only when the rooms shown change (or
the width); as the minutes pass, only the rows whose words changed are drawn again. Every cell is
a literal ``Text``: program text is never markup.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual._segment_tools import line_crop
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...words.rooms import RoomRow
from .room_cells import COLUMNS, LABELS, WIDE, Column, cells, middle, room_width
from .table_lines import Look, draw_line

__all__ = ["COLUMNS", "LABELS", "WIDE", "Column", "RoomTable", "cells", "middle", "room_width"]

class RoomTable(ScrollView, can_focus=True):
    """Rows of :class:`~c4ml_tui.rooms.RoomRow`, keyed by room; the cursor stays on its room."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="rooms.open",
                tooltip="Open what runs in this room (or what is next there)"),
        Binding("down,j", "cursor_down", "Down", show=False, id="rooms.down", tooltip="Next room"),
        Binding("up,k", "cursor_up", "Up", show=False, id="rooms.up", tooltip="Previous room"),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "scroll_top", "Top", show=False),
        Binding("ctrl+end", "scroll_bottom", "Bottom", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    COMPONENT_CLASSES = {"room-table--header", "room-table--cursor", "room-table--hover", "room-table--header-hover"}
    # DataTable's rules for what a table of rows with a row cursor uses (no zebra stripes, no
    # fixed rows or columns), under its own names: the same colours in every theme.
    DEFAULT_CSS = """
    RoomTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .room-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .room-table--header { background-tint: $foreground 5%; }
        }
        & > .room-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .room-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .room-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .room-table--header-hover { background: $accent 30%; }
        & > .room-table--hover { background: $block-hover-background; }
    }
    RoomTable { width: 1fr; height: 1fr; margin-top: 1; }
    """

    class RowHighlighted(Message):
        """The cursor came to another row (or the table's first rows arrived)."""

        def __init__(self, table: RoomTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> RoomTable:
            return self.table

    class RowSelected(Message):
        """Enter, or a click on the cursor's row."""

        def __init__(self, table: RoomTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> RoomTable:
            return self.table

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
        self._cursor = 0
        self._hover = 0
        """The row under the mouse (-1: the header), drawn so while :attr:`_show_hover`."""
        self._show_hover = False
        """The mouse's row is shown until a key moves the cursor (as DataTable's)."""
        self._lines: dict[tuple, Strip] = {}
        self._look: Look | None = None
        """The styles lines are drawn with, worked out at the first line drawn after a change."""
        self._state: tuple = ()

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
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def room(self) -> str | None:
        """The key of the row under the cursor: its room (empty for the row of every room)."""
        if 0 <= self._cursor < len(self._rows):
            return self._rows[self._cursor].key
        return None

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of row ``index``, as shown."""
        return list(self._cells_of(index))

    def _cells_of(self, index: int) -> list[Text]:
        found = self._cells[index]
        if found is None:
            made = cells(self._rows[index], self._room_width)
            found = self._cells[index] = [made[column.key] for column in self.ordered_columns]
        return found

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
            self._changed(index)

    def on_resize(self, event: events.Resize) -> None:
        if self._shape(self._rows) != self._built:
            self._rebuild()
        else:
            self._lines.clear()

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
        self._lines.clear()
        self.virtual_size = Size(sum(c.get_render_width() for c in self.ordered_columns), len(rows) + 1)
        # As DataTable's ``clear``, rows and ``move_cursor`` to the room under the cursor: at the top,
        # the cursor on that room (scrolled to after the layout), else on the first.
        rooms = [r.key for r in rows]
        self._cursor, self._hover = rooms.index(room) if room in rooms else 0, 0
        self.scroll_x = self.scroll_y = 0
        self.refresh()
        if rows:  # (DataTable's first row tells where the cursor is, and its cursor's watcher)
            self.post_message(self.RowHighlighted(self, self._cursor))
            if self._cursor and self.is_mounted:
                self.call_after_refresh(self._scroll_cursor_into_view)

    def _changed(self, index: int) -> None:
        """Row ``index``'s words changed: draw its line again."""
        self._lines.clear()
        self.refresh_line(index + 1)

    # -- the cursor ------------------------------------------------------------------------------
    def move_cursor(self, *, row: int | None = None, animate: bool = False, scroll: bool = True) -> None:
        """Put the cursor on row ``row`` (kept within the rows), and scroll it into view."""
        if row is None:
            return
        row = max(0, min(row, len(self._cells) - 1))
        if scroll:
            self._scroll_cursor_into_view(row, animate=animate)
        if row != self._cursor:
            self._cursor = row
            self._lines.clear()
            self.refresh()
            self._scroll_cursor_into_view(row)
            self.post_message(self.RowHighlighted(self, row))

    def _scroll_cursor_into_view(self, row: int | None = None, animate: bool = False) -> None:
        row = self._cursor if row is None else row
        if not (0 <= row < len(self._cells)):
            return
        width = max(self.size.width, self.virtual_size.width)
        region = Region(int(self.scroll_x), 1 + row, width, 1)
        self.scroll_to_region(region, animate=animate, spacing=Spacing(1, 0, 0, 0), force=True)

    def _set_hover(self, active: bool) -> None:
        if active != self._show_hover:
            self._show_hover = active
            self._lines.clear()
            self.refresh()

    def action_cursor_up(self) -> None:
        self._set_hover(False)
        self.move_cursor(row=self._cursor - 1, scroll=False)

    def action_cursor_down(self) -> None:
        self._set_hover(False)
        self.move_cursor(row=self._cursor + 1, scroll=False)

    def action_page_down(self) -> None:
        """A page down, as DataTable's (the view, and the cursor by as many rows)."""
        self._set_hover(False)
        height = self.scrollable_content_region.height - 1
        rows = min(len(self._cells) - self._cursor, height + 1)
        self.scroll_relative(y=height, animate=False, force=True)
        self.move_cursor(row=self._cursor + rows - 1, scroll=False)

    def action_page_up(self) -> None:
        self._set_hover(False)
        height = self.scrollable_content_region.height - 1
        rows = min(self._cursor + 1, height + 1)
        self.scroll_relative(y=-height, animate=False)
        self.move_cursor(row=self._cursor - rows + 1, scroll=False)

    def action_scroll_top(self) -> None:
        self._set_hover(False)
        self.move_cursor(row=0, scroll=False)

    def action_scroll_bottom(self) -> None:
        self._set_hover(False)
        self.move_cursor(row=len(self._cells) - 1, scroll=False)

    def action_scroll_home(self) -> None:
        self._set_hover(False)
        self.scroll_x = 0

    def action_scroll_end(self) -> None:
        self._set_hover(False)
        self.scroll_x = self.max_scroll_x

    def action_select_cursor(self) -> None:
        self._set_hover(False)
        if self._cells:
            self.post_message(self.RowSelected(self, self._cursor))

    # -- the mouse -------------------------------------------------------------------------------
    def _on_mouse_move(self, event: events.MouseMove) -> None:
        meta = event.style.meta
        if not meta:
            self._set_hover(False)
            return
        row = meta.get("row", self._hover)
        if not self._show_hover or row != self._hover:
            self._show_hover, self._hover = True, row
            self._lines.clear()
            self.refresh()

    def _on_leave(self, event: events.Leave) -> None:
        self._set_hover(False)

    async def _on_click(self, event: events.Click) -> None:
        self._set_hover(True)
        meta = event.style.meta
        if "row" not in meta or meta["row"] < 0:
            return  # the header: nothing to open
        again = meta["row"] == self._cursor
        self.move_cursor(row=meta["row"], scroll=False)
        if again:
            self.post_message(self.RowSelected(self, self._cursor))
        self._scroll_cursor_into_view(animate=True)
        event.stop()

    # -- drawing ---------------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._look = None
        self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self._lines.clear()
        self._look = None

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self._lines.clear()
        self._look = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._state = (self.rich_style, self.get_pseudo_class_state(), self._show_hover)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        if y >= 1:
            y += scroll_y
        base_style, *_ = self._state or (self.rich_style,)
        if y > len(self._cells):
            return Strip.blank(width, base_style)
        key = (y, scroll_x, width, self._cursor, self._hover, *self._state)
        strip = self._lines.get(key)
        if strip is None:
            line = self._line(y - 1)
            total = sum(c.get_render_width() for c in self.ordered_columns) + max(0, width - self._used())
            strip = Strip(line_crop(line, scroll_x, scroll_x + width, total)).adjust_cell_length(width, base_style)
            strip = self._lines[key] = strip.simplify()
        return strip

    def _used(self) -> int:
        return sum(c.get_render_width() for c in self.ordered_columns)

    def _line(self, row: int) -> list[Segment]:
        """Row ``row`` (-1: the header) as DataTable draws it (``table_lines.draw_line``)."""
        if self._look is None:
            self._look = Look.of(self, "room-table")
        header = row == -1
        texts = [c.label for c in self.ordered_columns] if header else self._cells_of(row)
        return draw_line(self.app.console, texts, self.ordered_columns, self._look, self.size.width, row,
                         hover=row == self._hover and self._show_hover, cursor=not header and row == self._cursor)
