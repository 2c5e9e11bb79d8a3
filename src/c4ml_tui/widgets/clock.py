"""The bar on top of every screen: where you are on the left, the event's clock on the right,
and before the clock a note when the day runs late (``running 7 min late``)."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from .literal import literal


class ClockBar(Widget):
    """One line, one widget: a title (program text, literal) and the clock.

    A tick that changes the clock repaints this line only; it never lays out the screen.
    """

    COMPONENT_CLASSES = {"clockbar--time", "clockbar--note"}
    DEFAULT_CSS = """
    ClockBar {
        height: 1;
        width: 1fr;
        dock: top;
        & > .clockbar--time { text-style: bold; }
        & > .clockbar--note { text-style: bold; }
    }
    """

    def __init__(self, title: str, *, id: str | None = None):
        super().__init__(id=id)
        self.heading = title
        self.clock_text = ""
        self.note = ""

    def show(self, text: str, note: str = "") -> None:
        """Show the clock ``text`` and the ``note`` before it; a no-op when both are unchanged."""
        if (text, note) != (self.clock_text, self.note):
            self.clock_text, self.note = text, note
            self.refresh()

    def render(self) -> Content:
        clock = Content(self.clock_text).stylize(self.get_visual_style("clockbar--time"))
        if self.note:  # the title gives way first: the delay matters more than the event's name
            note = Content(self.note).stylize(self.get_visual_style("clockbar--note"))
            clock = Content.assemble(note, " · ", clock)
        room = max(0, self.size.width - clock.cell_length - 4)
        title = literal(self.heading)
        if title.cell_length > room:
            title = title.truncate(room, ellipsis=True)
        gap = " " * max(1, self.size.width - title.cell_length - clock.cell_length - 2)
        return Content.assemble(" ", title, gap, clock, " ")
