"""A table that draws its own lines with a row cursor: what the agenda's and the rooms board's
tables share (both were Textual ``DataTable``s, and look and behave as one).

Textual's Line API (a ``ScrollView`` whose ``render_line`` draws the line asked for): the header
stays on top, and only the rows in view are drawn (``table_lines.draw_line``), each once per
cursor, mouse, scroll and width (a cache of the lines drawn). A subclass says what its rows'
cells and its columns are, what it posts when the cursor moves and when a row is chosen; this
class holds the row cursor (keys, page up and down, DataTable's home/end and ctrl+home/end), the
mouse (its row highlighted until a key is pressed, a click moves the cursor, a second click on
the cursor's row chooses it, the wheel scrolls), and the component classes' styles: DataTable's
rules for a row cursor (no zebra stripes, no fixed rows or columns) under this table's names."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Spacing
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .table_lines import Look, draw_line

HEADER = 1
"""Lines of the header (the columns' names), which stays on top as the rows scroll."""
CACHED = 400
"""The most lines kept drawn (a few screenfuls, each with and without the cursor or the mouse)."""


class RowTable(ScrollView, can_focus=True):
    """Rows of cells under a header, one row under a cursor (see the module's docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("ctrl+home", "scroll_top", "Top", show=False),
        Binding("ctrl+end", "scroll_bottom", "Bottom", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]
    """DataTable's keys (a subclass adds Enter, up and down with its own words, or binds others)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-table--header", "row-table--cursor", "row-table--hover",
                                             "row-table--header-hover"}
    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        width: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-table--header { background-tint: $foreground 5%; }
        }
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .row-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .row-table--hover { background: $block-hover-background; }
        & > .row-table--header-hover { background: $accent 30%; }
    }
    """
    """``DataTable``'s look for a row cursor (its styles, under this table's own names)."""

    HEADER_WITHOUT_ROWS: ClassVar[bool] = True
    """Whether the header is drawn when there are no rows (as DataTable's; the agenda's is blank)."""

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self._cursor = 0
        self._hover: int | None = None
        """The row under the mouse (``-1``: the header), drawn as ``DataTable`` draws it; ``None``
        once a key is pressed or the mouse leaves."""
        self._lines: dict[tuple, Strip] = {}
        self._look: Look | None = None
        """The styles lines are drawn with, worked out at the first line drawn after a change."""

    # -- what a subclass says ----------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def _columns_at(self, width: int) -> list:
        """The columns at ``width`` (each with a ``width`` of its own, padding not counted)."""
        raise NotImplementedError

    def _cells_of(self, index: int) -> list[Text]:
        """The cells of row ``index``, in the order of the columns."""
        raise NotImplementedError

    def _header_cells(self, columns: list) -> list[Text]:
        raise NotImplementedError

    def _line_key(self) -> object:
        """What else the rows' words depend on (drawn again when it changes)."""
        return None

    def _moved(self) -> None:
        """The cursor came to another row."""

    def _select(self) -> None:
        """Enter, or a second click, on the cursor's row."""

    # -- the cursor -----------------------------------------------------------------------------------
    @property
    def cursor_row(self) -> int:
        return self._cursor

    def move_cursor(self, *, row: int | None = None, scroll: bool = True, animate: bool = False) -> None:
        """Put the cursor on row ``row`` (kept within the rows) and scroll it into view."""
        if row is not None:
            self._move(row, scroll=True if scroll else None, animate=animate)

    def _move(self, index: int, *, scroll: bool | None = None, animate: bool = False) -> None:
        """The cursor to row ``index``; ``scroll``: scroll it into view (``None``: when it moved,
        as DataTable's cursor does; ``False``: the caller places the view)."""
        index = min(max(index, 0), max(self.row_count - 1, 0))
        moved = index != self._cursor
        if moved:
            self._refresh_row(self._cursor)
            self._cursor = index
            self._refresh_row(index)
            self._moved()
        if (scroll or (scroll is None and moved)) and self.row_count:
            self.scroll_to_region(Region(int(self.scroll_x), HEADER + index, max(self.size.width, 1), 1),
                                  animate=animate, spacing=Spacing(HEADER, 0, 0, 0), force=True)

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(HEADER + index)

    # -- keys -----------------------------------------------------------------------------------------------
    def _keyed(self) -> None:
        """A key was pressed: the mouse's row is no longer shown (as DataTable's)."""
        self._set_hover(None)

    def action_cursor_down(self) -> None:
        self._keyed()
        self._move(self._cursor + 1)

    def action_cursor_up(self) -> None:
        self._keyed()
        self._move(self._cursor - 1)

    def action_page_down(self) -> None:
        """The view a page down, and the cursor by as many rows (as ``DataTable`` pages)."""
        self._keyed()
        height = self.scrollable_content_region.height - HEADER
        self.scroll_relative(y=height, animate=False, force=True)
        self._move(min(self._cursor + height, self.row_count - 1), scroll=False)

    def action_page_up(self) -> None:
        self._keyed()
        height = self.scrollable_content_region.height - HEADER
        self.scroll_relative(y=-height, animate=False)
        self._move(max(self._cursor - height, 0), scroll=False)

    def action_scroll_top(self) -> None:
        self._keyed()
        self._move(0)

    def action_scroll_bottom(self) -> None:
        self._keyed()
        self._move(self.row_count - 1)

    def action_scroll_home(self) -> None:
        self._keyed()
        self.scroll_x = 0

    def action_scroll_end(self) -> None:
        self._keyed()
        self.scroll_x = self.max_scroll_x

    def action_select_cursor(self) -> None:
        self._keyed()
        self._select()

    # -- the mouse ----------------------------------------------------------------------------------------
    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            for row in (self._hover, index):
                if row is not None:
                    self._refresh_row(row)
            self._hover = index

    def _row_at(self, event: events.MouseEvent) -> int | None:
        """The row under the mouse (``-1``: the header), or ``None`` where no row is drawn."""
        offset = event.get_content_offset(self)
        if offset is None or not (self.row_count or self.HEADER_WITHOUT_ROWS):
            return None
        index = -1 if offset.y < HEADER else offset.y - HEADER + self.scroll_offset.y
        return index if index < self.row_count else None

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def _on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)  # (Widget's handler runs too: Textual calls each class's)

    async def _on_click(self, event: events.Click) -> None:
        index = self._row_at(event)
        self._set_hover(index)  # (as DataTable: a click shows the mouse's row, after a key too)
        if index is None or index < 0:
            return  # the header, or below the rows: nothing to choose
        again = index == self._cursor
        self._move(index, scroll=True, animate=True)
        if again:
            self._select()
        event.stop()

    # -- drawing ------------------------------------------------------------------------------------------
    def _forget(self) -> None:
        """Draw every line again (the rows' words or the columns changed)."""
        self._lines.clear()

    def _forget_row(self, index: int) -> None:
        """Draw row ``index`` again (its words changed)."""
        for key in [key for key in self._lines if key[0] == index]:
            del self._lines[key]
        self._refresh_row(index)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None  # (the focus, a theme: the styles are worked out again, once)
        self._lines.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._look is None:
            self._look = Look.of(self, "row-table")
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        look = self._look
        assert look is not None
        count = self.row_count
        scroll_x, scroll_y = self.scroll_offset
        index = -1 if y < HEADER else y - HEADER + scroll_y
        if index >= count or not (count or self.HEADER_WITHOUT_ROWS):
            return Strip.blank(width, look.base)
        key = (index, index == self._cursor, index == self._hover, scroll_x, width, self._line_key())
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) > CACHED:
                self._lines.clear()
            strip = self._lines[key] = self._draw(index, look, width, scroll_x)
        return strip

    def _draw(self, index: int, look: Look, width: int, scroll_x: int) -> Strip:
        """Line ``index`` (``-1``: the header) as DataTable draws it (``table_lines.draw_line``)."""
        columns = self._columns_at(width)
        cells = self._header_cells(columns) if index < 0 else self._cells_of(index)
        line = draw_line(self.app.console, cells, columns, look, width, index,
                         hover=index == self._hover, cursor=index >= 0 and index == self._cursor)
        return Strip(line).crop(scroll_x, scroll_x + width).adjust_cell_length(width, look.base).simplify()
