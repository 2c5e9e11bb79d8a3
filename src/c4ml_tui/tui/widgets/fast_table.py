"""A DataTable made cheap for tables whose columns all have set widths and whose rows are one
line high (the agenda, the rooms board): new rows go in at once and are not measured, a one-line
cell of plain text is drawn without Rich's renderers (a quarter of a millisecond a cell: a
screenful is drawn on every new window, width or view), and the table's style is worked out once
per drawing.

These read and write DataTable's private fields (Textual 8.2); pyproject allows any 8.x, so when
a field is missing the rows go in through ``add_row`` and the cells are drawn by Textual: a new
Textual costs speed, never a crash (tests: ``test_app_agenda_window``, ``test_app_rooms``)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable


class FastTable(DataTable):
    """A :class:`DataTable` whose columns all have set widths and whose rows are one line high."""

    def _update_dimensions(self, new_rows) -> None:
        # Every column has a set width and every row is one line high: measuring each new
        # cell (what DataTable does, five or six per row, through Rich) would change nothing.
        self._new_rows.clear()
        super()._update_dimensions(())

    def draw(self, row_index: int, column_index: int, base_style: Style, width: int, cursor: bool,
             hover: bool) -> list[list[Segment]] | None:
        """A cell drawn by hand, or ``None`` for one Textual draws (:func:`draw_cell`)."""
        return draw_cell(self, row_index, column_index, base_style, width, cursor, hover)

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> list[list[Segment]]:
        """A one-line cell drawn without Rich's renderers (:meth:`draw`), else as Textual draws it."""
        try:
            lines = self.draw(row_index, column_index, base_style, width, cursor, hover)
        except AttributeError:  # a Textual whose DataTable keeps its cells otherwise: its own drawing
            lines = None
        if lines is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        return lines

    _style_now: Style | None = None

    @property
    def rich_style(self) -> Style:
        """The table's style: worked out once per drawing (:meth:`render_lines`), not for each
        line (from the styles of every ancestor, twice a line: a tenth of drawing a screenful)."""
        return self._style_now if self._style_now is not None else super().rich_style

    def render_lines(self, crop):
        self._style_now = None
        self._style_now = super().rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._style_now = None


def draw_cell(table: DataTable, row_index: int, column_index: int, base_style: Style, width: int,
              cursor: bool = False, hover: bool = False) -> list[list[Segment]] | None:
    """A cell of ``table`` as Textual draws it (``Styled(Padding(cell))``, one line, an ellipsis
    where it does not fit: the same segments, in the same cache), or ``None`` for anything but
    a one-line plain :class:`Text` in a row (a header, a label, a span, a tab: Textual's)."""
    try:
        return _draw_cell(table, row_index, column_index, base_style, width, cursor, hover)
    except AttributeError:  # a Textual whose DataTable keeps its cells otherwise: its own drawing
        return None


def _draw_cell(table: DataTable, row_index: int, column_index: int, base_style: Style, width: int,
               cursor: bool, hover: bool) -> list[list[Segment]] | None:
    found = one_line_cell(table, row_index, column_index)
    if found is None:
        return None
    row_key, column_key, cell = found
    key = cache_key(table, row_key, column_key, base_style, cursor, hover)
    lines = table._cell_render_cache.get(key)
    if lines is None:
        component_style, post_style = cell_styles(table, cursor, hover)
        console = table.app.console
        # The cell's position (for the mouse) goes on last: Rich caches a sum of styles, but each
        # cell's own position makes a new one, whose meta is unpickled and pickled again per sum.
        where = Style.from_meta({"row": row_index, "column": column_index})
        pre = base_style + component_style
        pad = table.cell_padding
        inner = max(width - 2 * pad, 0)
        text = cell.plain
        if cell_len(text) > inner:
            ellipsis = (cell.overflow or "fold") == "ellipsis"
            text = set_cell_size(text, inner - 1) + "…" if ellipsis and inner else set_cell_size(text, inner)
        used = cell_len(text)
        text_style = console.get_style(cell.style, default=Style.null()) if cell.style else None
        plain = pre + post_style + where
        line = [Segment(" " * pad, plain)] if pad else []
        if text:
            line.append(Segment(text, pre + text_style + post_style + where if text_style else plain))
        if inner - used + pad > 0:
            line.append(Segment(" " * (inner - used + pad), plain))
        lines = table._cell_render_cache[key] = [line]
    return lines


def one_line_cell(table: DataTable, row_index: int, column_index: int) -> tuple[object, object, Text] | None:
    """``(row key, column key, cell)`` of the cell at ``row_index``, ``column_index`` when it is
    what a cell drawn by hand can be (a one-line plain :class:`Text` in a row, not a header, a
    label, a span or a tab: those are Textual's to draw), else ``None``. Reads DataTable's
    private fields (Textual 8.2): ``AttributeError`` when they are kept otherwise."""
    if row_index < max(table.fixed_rows, 0) or column_index < max(table.fixed_columns, 0):
        return None
    row_key = table._row_locations.get_key(row_index)
    column_key = table._column_locations.get_key(column_index)
    if row_key is None or column_key is None:
        return None
    row = table.rows.get(row_key)
    cell = table._data.get(row_key, {}).get(column_key)
    if (row is None or row.height != 1 or row.label is not None or not isinstance(cell, Text) or cell.spans
            or "\n" in cell.plain or "\t" in cell.plain):
        return None
    return row_key, column_key, cell


def cache_key(table: DataTable, row_key, column_key, base_style: Style, cursor: bool, hover: bool) -> tuple:
    """Where DataTable keeps a drawn cell (its ``_cell_render_cache``), keyed as Textual keys it."""
    return (row_key, column_key, base_style, cursor, hover, table._show_hover_cursor, table._update_count,
            table._pseudo_class_state)


def cell_styles(table: DataTable, cursor: bool, hover: bool) -> tuple[Style, Style]:
    """The component style and the style laid over it for a cell, as DataTable works them out."""
    return table._get_styles_to_render_cell(
        False, False, False, hover, cursor, table.show_cursor, table._show_hover_cursor,
        table.cursor_foreground_priority == "css", table.cursor_background_priority == "css")


_INTERNALS = ("_row_locations", "_data", "rows", "_new_rows", "_require_update_dimensions", "cursor_coordinate",
              "_highlight_cursor", "_update_count", "check_idle")
"""What :func:`append_rows` writes in a ``DataTable`` (Textual's private fields, as of 8.2): with
any of them missing, the rows go in through ``add_row``."""


def append_rows(table: DataTable, rows: list[tuple[str, list[Text]]]) -> None:
    """``table.add_row(*cells, key=key)`` for each of ``rows`` (one line high, no label), at once:
    ``add_row`` validates the cursor, counts an update and asks for an idle pass for each row
    (60 microseconds a row, two thirds of a window's build); here once for them all."""
    if not rows:
        return
    try:
        from textual.widgets._data_table import DuplicateKey, RowKey
        from textual.widgets._data_table import Row as TableRow
    except ImportError:
        known = False
    else:
        known = all(hasattr(table, name) for name in _INTERNALS)
    if not known:
        # a Textual whose DataTable keeps its rows otherwise: its own way, a row at a time
        for key, cells in rows:
            table.add_row(*cells, key=key)
        return
    keys = [column.key for column in table.ordered_columns]
    first = table.row_count
    for offset, (key, cells) in enumerate(rows):
        row_key = RowKey(key)
        if row_key in table._row_locations:
            raise DuplicateKey(f"The row key {row_key!r} already exists.")
        if len(cells) > len(keys):
            raise ValueError("More values provided than there are columns.")
        table._row_locations[row_key] = first + offset
        table._data[row_key] = dict(zip(keys, cells, strict=False))
        table.rows[row_key] = TableRow(row_key, 1, None, False)
        table._new_rows.add(row_key)
    table._require_update_dimensions = True
    table.cursor_coordinate = table.cursor_coordinate
    if first == 0 and keys and table.show_cursor and table.cursor_type != "none":
        table._highlight_cursor()  # as add_row does when the first row gives the cursor a cell
    table._update_count += 1
    table.check_idle()
