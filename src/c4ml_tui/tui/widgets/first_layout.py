"""Before a screen's first layout: the size a scrolling widget will get, and its scrollbar shown
at once, so the first frame draws it in its place (a widget that learns its size from the first
layout's resize has the screen laid out and drawn once more for what it then changes)."""

from __future__ import annotations

from textual.css.scalar import Unit
from textual.geometry import Size
from textual.widget import Widget


def expected_size(widget: Widget) -> Size | None:
    """The size the screen's first layout will give ``widget``, worked out before it: the
    screen's, less the lines of the one-line widgets docked or stacked beside it (a clock bar,
    a note, a footer). ``None`` when another widget's height is not a set number of lines."""
    parent = widget.parent
    width, height = widget.app.size
    if parent is not widget.screen or not width or widget.styles.gutter.height or widget.styles.gutter.width:
        return None
    for other in parent.children:
        if other is widget or not other.display:
            continue
        lines = other.styles.height
        if lines is None or lines.unit is not Unit.CELLS or other.styles.margin.height:
            return None
        height -= int(lines.value)
    return Size(width, height) if height > 0 else None


def expect_scrollbar(widget: Widget, size: Size) -> None:
    """Show ``widget``'s vertical scrollbar now when its lines will not fit the view the layout
    is expected to give (``size``), so the first layout places it (found by that layout, it was
    placed by the next one). Textual's own check, at each layout, keeps it or takes it away."""
    styles = widget.styles
    if styles.overflow_y != "auto" or styles.overflow_x not in ("auto", "hidden"):
        return
    fits_across = widget.virtual_size.width <= size.width - styles.scrollbar_size_vertical
    if widget.virtual_size.height > size.height and fits_across and not widget.show_vertical_scrollbar:
        widget.show_vertical_scrollbar = True
        widget.vertical_scrollbar.display = True
