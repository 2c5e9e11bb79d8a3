"""The footer's keys as one widget: one line of text drawn as Textual's footer draws each key.

Textual's footer is a widget per key (fourteen on the agenda), each composed, styled, mounted,
laid out and drawn: 3-4 ms apiece when a screen is shown. :class:`KeyLine` is a ``FooterKey``
(so the footer's styles apply to it: the key's and the description's colours, the compact
padding, the margin after a key) that draws every key shown, each as a ``FooterKey`` draws
itself, one cell apart (the margin). Pointing at a key highlights it as Textual's ``:hover``
does and shows its tooltip; a click presses it (a key shown disabled rings the bell).
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.color import Color
from textual.widgets._footer import FooterKey


class Key(NamedTuple):
    """One key of the footer, as Textual's footer shows it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class KeyLine(FooterKey):
    """The keys in ``keys`` whose index is in :attr:`shown`, left to right, one cell apart."""

    DEFAULT_CSS = """
    KeyLine:hover { background: $footer-item-background; }
    """

    def __init__(self, keys: list[Key]) -> None:
        super().__init__("", "", "", "", classes="-compact")
        self.keys = keys
        self.shown: frozenset[int] = frozenset(range(len(keys)))
        self.pointed: int | None = None
        """The key under the mouse (drawn as Textual draws a key under the mouse)."""
        self._widths: dict[tuple[str, str], int] = {}
        """Each key's cells by its display and description (the footer asks for each key's
        width at each fitting: its paddings are the styles', worked out again only when they
        change)."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._widths.clear()

    def width_of(self, index: int) -> int:
        """The cells key ``index`` takes, with the cell after it (the margin Textual's keys have)."""
        key = self.keys[index]
        width = self._widths.get((key.display, key.description))
        if width is None:
            width = self._widths[key.display, key.description] = len(self._piece(key, Style(), Style(), Style()))
        return width + self.styles.margin.right

    def show_keys(self, keys: list[Key], shown: frozenset[int]) -> None:
        """New keys, or another choice of them shown: drawn again, laid out only if the width changed."""
        if keys == self.keys and shown == self.shown:
            return
        before = self._width()
        self.keys, self.shown = keys, shown
        self.pointed = None
        self._update_tooltip()
        if self._width() != before:
            self.clear_cached_dimensions()  # (Textual keeps a widget's width until told)
            self.refresh(layout=True)
        else:
            self.refresh()

    def _width(self) -> int:
        return sum(self.width_of(i) for i in self.shown) - (self.styles.margin.right if self.shown else 0)

    def _piece(self, key: Key, key_style: Style, description_style: Style, base: Style) -> Text:
        """One key as ``FooterKey.render`` draws it."""
        key_padding = self.get_component_styles("footer-key--key").padding
        description_padding = self.get_component_styles("footer-key--description").padding
        if key.description:
            piece = Text.assemble(
                (" " * key_padding.left + key.display + " " * key_padding.right, key_style),
                (" " * description_padding.left + key.description + " " * description_padding.right,
                 description_style))
        else:
            piece = Text.assemble((key.display, key_style))
        piece.stylize_before(base)
        return piece

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        base = self.rich_style
        line = Text(no_wrap=True, end="")
        gap = " " * self.styles.margin.right
        for index, key in enumerate(self.keys):
            if index not in self.shown:
                continue
            if len(line):
                line.append(gap)
            style = base + Style(dim=True) if not key.enabled else base
            if index == self.pointed:
                pointed = self._pointed_style(style)
                over = Style(bgcolor=pointed.bgcolor)  # (the parts' own backgrounds are drawn over it)
                line.append_text(self._piece(key, key_style + over, description_style + over, pointed))
                continue
            line.append_text(self._piece(key, key_style, description_style, style))
        return line

    def _pointed_style(self, style: Style) -> Style:
        """A key under the mouse: ``FooterKey:hover``'s colours (the key's, over the hover background)."""
        variables = self.app.get_css_variables()
        try:
            background = Color.parse(variables["block-hover-background"])
            foreground = Color.parse(variables["footer-key-foreground"])
        except (KeyError, ValueError):  # (a theme without them, or a value Textual cannot read)
            return style
        under = Color.from_rich_color(style.bgcolor) if style.bgcolor else Color(0, 0, 0)
        return style + Style(bgcolor=(under + background).rich_color, color=foreground.rich_color)

    def key_at(self, x: int) -> int | None:
        """The index of the key drawn at cell ``x`` of the line."""
        left = 0
        for index in sorted(self.shown):
            width = self.width_of(index)
            if left <= x < left + width - self.styles.margin.right:
                return index
            left += width
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        pointed = self.key_at(event.x)
        if pointed != self.pointed:
            self.pointed = pointed
            self._update_tooltip()
            self.refresh()

    def on_leave(self) -> None:
        if self.pointed is not None:
            self.pointed = None
            self.refresh()

    def _update_tooltip(self) -> None:
        key = self.keys[self.pointed] if self.pointed is not None else None
        self.tooltip = (key.tooltip or None) if key is not None else None  # (as FooterKey: a tooltip if any)

    @on(events.MouseDown)
    def _pressed(self, event: events.MouseDown) -> None:
        event.stop()
        event.prevent_default()  # (not FooterKey's: it presses the key it stands for, here none)
        index = self.key_at(event.x)
        if index is None:
            return
        if self.keys[index].enabled:
            self.app.simulate_key(self.keys[index].key)
        else:
            self.app.bell()
