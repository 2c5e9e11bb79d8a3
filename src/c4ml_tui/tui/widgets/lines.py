"""A few named lines of words drawn as one widget: the chair screen's words above and below
its countdown.

One widget on purpose: Textual draws again, each time anything in a container changes, every
widget in it, so a screen that ticks every second pays for each label it has (the chair
screen had eight). The lines keep what separate labels gave them: each its own style, wrapped
to the width, an empty one taking no room, a blank line before some.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.content import Content
from textual.widget import Widget

from .framed import Kept
from .literal import colours, literal


class Line(NamedTuple):
    """How one line is shown: the component class of its colour (``lines--meta``), bold or not,
    whether it keeps its room when empty, and the blank lines before it."""

    name: str
    component: str = ""
    bold: bool = False
    keep_empty: bool = True
    gap: int = 0


class Lines(Kept, Widget):
    """Named lines (``title``, ``next``...), each shown literally (program text is never markup)."""

    DEFAULT_CSS = """
    Lines { height: auto; width: 1fr; }
    Lines > .lines--meta { color: $text-muted; }
    Lines > .lines--accent { color: $accent; }
    Lines > .lines--note { color: $text-muted; text-style: italic; }
    """
    COMPONENT_CLASSES = {"lines--meta", "lines--accent", "lines--note"}

    def __init__(self, *lines: Line, id: str | None = None):
        super().__init__(id=id)
        self.lines = lines
        self._texts = dict.fromkeys((line.name for line in lines), "")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._texts)

    def text(self, name: str) -> str:
        """What line ``name`` says (``""`` when it says nothing)."""
        return self._texts[name]

    def show(self, **texts: str) -> None:
        """Show the lines given; a no-op when they say what they said. The screen is laid out
        again only when a line's length changed (it may wrap onto another line) or it appeared
        or went."""
        changed = {name: text for name, text in texts.items() if text != self._texts[name]}
        if not changed:
            return
        layout = any(len(text) != len(self._texts[name]) for name, text in changed.items())
        self._texts.update(changed)
        self.refresh(layout=layout)

    def render(self) -> Content:
        parts: list[Content] = []
        for line in self.lines:
            text = self._texts[line.name]
            if not text and not line.keep_empty:
                continue
            content = literal(text, "bold" if line.bold else "")
            if line.component:
                content = content.stylize_before(colours(self, line.component))
            parts.extend([Content("")] * line.gap)
            parts.append(content)
        return Content("\n").join(parts)
