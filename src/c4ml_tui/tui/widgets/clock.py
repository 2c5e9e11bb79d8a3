"""The bar on top of every screen: where you are on the left, the event's clock on the right,
and before the clock a note when the day runs late (``running 7 min late``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label

from .literal import LiveLabel, literal


class ClockBar(Horizontal):
    """A title (program text, literal) drawn once, the event's clock that ticks every second,
    and the user's own time, which changes once a minute.

    A tick repaints the event clock's few cells only (``Las Vegas 09:15:00 PST``), and never
    lays out the screen while that text keeps its length.
    """

    DEFAULT_CSS = """
    ClockBar {
        height: 1;
        dock: top;
        & > Label { width: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
        & > YourTime { width: auto; padding: 0 1 0 0; }
    }
    """

    def __init__(self, title: str, *, id: str | None = None):
        super().__init__(id=id)
        self.heading = title

    def compose(self) -> ComposeResult:
        yield Label(literal(self.heading), markup=False)
        yield ClockFace()
        yield YourTime()

    def set_heading(self, title: str) -> None:
        """Change the title (a room filter, a day): a no-op when it is the one shown."""
        if title != self.heading:
            self.heading = title
            self.query_one(Label).update(literal(title))


class ClockFace(Widget):
    """Just the event's clock: ``Las Vegas 09:15:00 PST``."""

    DEFAULT_CSS = """
    ClockFace { width: auto; padding: 0 1; text-wrap: nowrap; text-overflow: clip; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.text = ""

    def show(self, text: str) -> None:
        """Show ``text``; a no-op when it is unchanged, no layout while its length is."""
        if text != self.text:
            layout = len(text) != len(self.text)
            self.text = text
            self.refresh(layout=layout)

    def render(self) -> Content:
        return Content(self.text)


class YourTime(LiveLabel):
    """``· your time 18:15 CET``, or nothing when the user's clock shows the event's time."""

    def __init__(self) -> None:
        super().__init__(hide_empty=True)

    def show(self, text: str) -> None:
        super().show(f"· {text}" if text else "")
