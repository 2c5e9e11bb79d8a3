"""The bar on top of every screen: where you are on the left, the event's clock on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from .literal import LiveLabel, literal


class ClockBar(Horizontal):
    """One line: a title (program text, literal) and the clock, redrawn alone once a second.

    The clock keeps its width while the text keeps its length, so a tick repaints those few
    cells and never lays out the screen again.
    """

    DEFAULT_CSS = """
    ClockBar {
        height: 1;
        width: 1fr;
        dock: top;
        & > #clock-title { width: 1fr; text-overflow: ellipsis; text-wrap: nowrap; padding: 0 1; }
        & > #clock-time { width: auto; padding: 0 1; }
    }
    """

    def __init__(self, title: str, *, id: str | None = None):
        super().__init__(id=id)
        self._title = title

    def compose(self) -> ComposeResult:
        yield Label(literal(self._title), id="clock-title", markup=False)
        yield ClockFace(id="clock-time")

    def show(self, text: str) -> None:
        self.query_one(ClockFace).show(text)


class ClockFace(LiveLabel):
    """The clock text; its own type so the theme can style it."""

    DEFAULT_CSS = """
    ClockFace { width: auto; }
    """
