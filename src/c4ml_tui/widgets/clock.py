"""The bar on top of every screen: where you are on the left, the event's clock on the right."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from .literal import literal


class ClockBar(Widget):
    """One line, one widget: a title (program text, literal) and the clock.

    A tick that changes the clock repaints this line only; it never lays out the screen.
    """

    COMPONENT_CLASSES = {"clockbar--time"}
    DEFAULT_CSS = """
    ClockBar {
        height: 1;
        width: 1fr;
        dock: top;
        & > .clockbar--time { text-style: bold; }
    }
    """

    def __init__(self, title: str, *, id: str | None = None):
        super().__init__(id=id)
        self.heading = title
        self.clock_text = ""

    def show(self, text: str) -> None:
        """Show the clock ``text``; a no-op when it is unchanged."""
        if text != self.clock_text:
            self.clock_text = text
            self.refresh()

    def render(self) -> Content:
        clock = Content(self.clock_text).stylize(self.get_visual_style("clockbar--time"))
        room = max(0, self.size.width - clock.cell_length - 4)
        title = literal(self.heading)
        if title.cell_length > room:
            title = title.truncate(room, ellipsis=True)
        gap = " " * max(1, self.size.width - title.cell_length - clock.cell_length - 2)
        return Content.assemble(" ", title, gap, clock, " ")
