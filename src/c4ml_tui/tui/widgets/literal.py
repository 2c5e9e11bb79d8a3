"""Program text as literal content: never markup, never control characters.

A title such as ``[/] oops`` or ``[@click=app.quit]x[/]`` is data. ``textual.markup.escape`` is
not enough on Textual 8.2 (``[/`` still raises), so text is wrapped in ``Content`` directly.
"""

from __future__ import annotations

from dataclasses import replace

from textual.content import Content
from textual.style import Style
from textual.widgets import Label

from ...core.textclean import clean

STAR = "★"
"""The mark of a starred item or talk (a shape: it reads under ``NO_COLOR`` too)."""


def literal(text: str | None, style: str = "") -> Content:
    """``text`` exactly as typed (control characters removed), optionally in one style."""
    content = Content(clean(text or ""))
    return content.stylize(style) if style and content else content


def colours(widget, component: str) -> Style:
    """A component class's colour and text style as resolved on ``widget`` (so a theme variable
    is worked out against the widget's real background), without a background of its own: on a
    highlighted row the cursor's background shows through."""
    return replace(widget.get_visual_style(component), background=None)


def text_style(widget, component: str) -> Style:
    """Only the text style (``dim``, ``bold``, ``italic``...) of a component class: text that
    keeps whatever colour its row has, so it reads on a highlighted row in every theme."""
    style = widget.get_visual_style(component)
    return Style(bold=style.bold, dim=style.dim, italic=style.italic, underline=style.underline)


def highlighted(text: str | None, spans, style: str | Style, base: str = "") -> Content:
    """``text`` literal, one line, with the ``[start, end)`` ``spans`` (offsets into ``text``) in
    ``style``. Each piece is cleaned on its own, so removed control characters never shift a
    highlight; newlines become spaces."""
    text = text or ""
    pieces: list[tuple[str, str | Style] | str] = []
    at = 0
    for start, end in spans:
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        pieces.append(_one_line(text[at:start]))
        pieces.append((_one_line(text[start:end]), style))
        at = end
    pieces.append(_one_line(text[at:]))
    content = Content.assemble(*pieces)
    return content.stylize_before(base) if base and content else content


def _one_line(text: str) -> str:
    return clean(text).replace("\n", " ").replace("\t", " ")


class LiveLabel(Label):
    """A label updated every tick that repaints only when its text changes.

    The text is program data or words from ``board``; it is shown literally. With
    ``hide_empty`` the label takes no room while it has nothing to say.
    """

    DEFAULT_CSS = """
    LiveLabel { width: 1fr; }
    """

    def __init__(self, text: str = "", *, style: str = "", hide_empty: bool = False,
                 id: str | None = None, classes: str | None = None):
        self._text = text
        self._style = style
        self._hide_empty = hide_empty
        super().__init__(literal(text, style), id=id, classes=classes, markup=False)
        if hide_empty and not text:
            self.display = False

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str) -> None:
        """Show ``text``; a no-op (no repaint) when it is what is shown already."""
        if text != self._text:
            same_width = len(text) == len(self._text)
            self._text = text
            self.update(literal(text, self._style), layout=not same_width)
            if self._hide_empty:
                self.display = bool(text)
