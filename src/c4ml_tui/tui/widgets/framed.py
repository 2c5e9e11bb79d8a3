"""Drawing less each frame, for the widgets of a screen that ticks (the chair screen).

Textual draws again, each frame, every widget whose clip overlaps what changed, and every line
that changed through its styles (border, padding, colours, filters).

- :class:`Framed` (the countdown, the clock bar): Textual draws the whole widget once per size,
  styles, colours and filters; after that a content row that changed is the left edge of
  Textual's row, the new content with the app's line filters applied, and the right edge: the
  same segments Textual would have drawn (for the 5x countdown, 11 rows a second).
- :class:`Kept` (the chair's words, their container, the screen): while Textual has nothing of
  the widget to draw again, its last lines are handed back as they were.
- :func:`repaint`: a tick's repaint of a few cells, told straight to the screen.

The screen (and an SVG screenshot) is the same, segment by segment (``tests/test_app_chair_look.py``).
"""

from __future__ import annotations

from typing import cast

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.dom import NoScreen
from textual.filter import ANSIToTruecolor, DimFilter, LineFilter, Monochrome, NoColor
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

Row = Strip | list[Segment]
"""A content row: a strip, or segments exactly as wide as the content (no strip to build)."""

PER_SEGMENT = (ANSIToTruecolor, DimFilter, Monochrome, NoColor)
"""Textual's line filters, each of which changes a segment's style alone (by the style and the
background): a row's segments are filtered once per style."""


class Framed(Widget):
    """A widget whose content rows (:meth:`row`) are drawn inside a box (border, padding) that
    Textual draws once.

    A subclass returns the same row object from :meth:`row` while a row is unchanged (a
    :class:`~textual.strip.Strip`, or a list of segments exactly as wide as the content), and
    repaints what changed (:func:`repaint`, or ``refresh``)."""

    _frame: tuple[tuple, list[Strip], list[tuple[list[Segment], list[Segment]] | None], int, Color, int] | None = None
    """What Textual drew last: its key, the rows, each row's edges (left, right), the first
    content row, the background the line filters see, the content's width."""
    _rows: dict[int, tuple[Row, Strip]]
    """Each content row: the content drawn there, and the row it gave (box and content)."""
    _filtered: dict[Style | None, Style | None]
    """Each style of the content as the line filters leave it (for the box drawn last)."""

    def row(self, y: int, width: int) -> Row:
        """Content row ``y``, ``width`` cells wide. Override."""
        return Strip.blank(width)

    def render_line(self, y: int) -> Strip:
        row = self.row(y, self.content_size.width)
        return row if isinstance(row, Strip) else Strip(row)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._frame = None  # another stage's border, another theme: Textual draws the box again

    def plain_box(self) -> bool:
        """Whether the box is one this class can join to (no tint, opacity, hatch or outline:
        anything else is drawn by Textual every time)."""
        styles = self.styles
        return (not styles.tint.a and styles.opacity == 1 and styles.text_opacity == 1
                and not any(edge for edge, _ in styles.outline)
                and not (styles.has_rule("hatch") and styles.hatch != "none"))

    def render_lines(self, crop: Region) -> list[Strip]:
        width, height = size = self.outer_size  # (``region`` asks the screen where the widget is)
        filters = tuple(self.get_line_filters())
        key = (size, filters)
        # Textual clears its line cache when the widget's styles or an ancestor's background
        # change (``Styles.refresh(children=True)``): then the box is drawn again
        if self._frame is None or self._frame[0] != key or not self._styles_cache._cache:
            if not width or not height or not self.plain_box():
                self._frame = None
                return super().render_lines(crop)
            inner = self.content_size
            rows = super().render_lines(Region(0, 0, width, height))
            top, right, bottom, left = self.styles.gutter
            between = range(top, min(height - bottom, top + inner.height))
            edges: list[tuple[list[Segment], list[Segment]] | None] = [None] * height
            for y in between:
                edges[y] = (list(rows[y].crop(0, left)), list(rows[y].crop(width - right, width)))
            self._frame = (key, rows, edges, top, self.background_colors[1], inner.width)
            self._rows = {y: (self.row(y - top, inner.width), rows[y]) for y in between}
            self._filtered = {}
        else:
            _, box, edges, top, background, inner_width = self._frame
            rows = list(box)
            for y in range(top, top + len(self._rows)):
                edge = edges[y]
                assert edge is not None
                content = self.row(y - top, inner_width)
                seen = self._rows.get(y)
                if seen is None or seen[0] is not content:  # (else the row it gave, again)
                    if isinstance(content, Strip) and content.cell_length != inner_width:
                        self._frame = None  # Textual would fit it: let it
                        return super().render_lines(crop)
                    segments = self.filtered(list(content), filters, background)
                    joined = Strip([*edge[0], *segments, *edge[1]], width)  # (one strip, not three)
                    self._rows[y] = (content, joined)
                    rows[y] = joined
                else:
                    rows[y] = seen[1]
        if crop.y or crop.bottom != height:
            rows = rows[crop.y:crop.bottom]
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            rows = [row.crop(x1, x2) for row in rows]
        return rows

    def filtered(self, segments: list[Segment], filters: tuple[LineFilter, ...], background: Color) -> list[Segment]:
        """``segments`` through the app's line filters, as Textual passes each line it draws."""
        if not all(type(line_filter) in PER_SEGMENT for line_filter in filters):
            for line_filter in filters:
                segments = line_filter.apply(segments, background)
            return segments
        styles, out = self._filtered, []
        for text, style, control in segments:
            if control:  # (not in a content row; as it is, to be safe)
                out.append(Segment(text, style, control))
                continue
            if style not in styles:
                one = [Segment(" ", style)]
                for line_filter in filters:
                    one = line_filter.apply(one, background)
                styles[style] = one[0].style
            out.append(Segment(text, styles[style]))
        return out


class Kept:
    """A widget that seldom changes on a screen that ticks: while Textual has nothing of it to
    draw again (no line marked dirty since, the same part asked, the same size, colours and
    filters), its last lines are handed back without walking its styles again.

    Textual draws again, each frame, every widget whose clip overlaps what changed: on the chair
    screen the words above and below the countdown, their container, the screen itself and its
    footer, which change a few times an hour.

    A mixin, first among the bases (``class Lines(Kept, Widget)``): not a widget itself, so
    the widget's styles, focus and bindings are those of the Textual class after it."""

    _kept: tuple[tuple, list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        widget = cast("Widget", self)
        key = (crop, widget.outer_size, tuple(widget.get_line_filters()))
        # Textual's own line cache: with no line dirty it would hand back the same strips; it is
        # cleared when the widget's styles change or an ancestor's background does
        # (``Styles.refresh(children=True)``), as at a theme change
        cache = widget._styles_cache
        if self._kept is not None and self._kept[0] == key and cache._cache and not cache._dirty_lines:
            return list(self._kept[1])
        lines: list[Strip] = super().render_lines(crop)  # type: ignore[misc]
        self._kept = (key, lines)
        return list(lines)


def repaint(widget: Widget, region: Region) -> None:
    """``widget.refresh(region)`` for a widget whose content changed in ``region`` (its size,
    styles and layout did not), told straight to its screen: Textual's ``refresh`` wakes the
    widget's own message queue, which then tells the screen (two messages and an idle round
    per widget each second, for the clock and the countdown), and the screen's frame is asked
    for as its idle handler asks for it (without a message and an idle round of the screen's
    queue). The screen draws the region in its next frame just as after ``refresh``."""
    try:
        screen = widget.screen
    except NoScreen:
        screen = None
    if (screen is None or not widget.is_mounted or not widget.display or screen is not widget.app.screen
            or widget not in screen._compositor.visible_widgets):
        widget.refresh(region)
        return
    widget._set_dirty(region)
    screen._dirty_widgets.add(widget)
    if widget.app._batch_count:
        screen.check_idle()  # (the screen draws once the batch is over)
    else:
        screen._update_timer.resume()  # what the screen's idle handler does when a widget is dirty
