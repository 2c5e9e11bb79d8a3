"""The bar on top of every screen: where you are on the left, the event's clock on the right,
and after the clock a note when the day runs late (``running 7 min late``), the copy's age
when offline, and the user's own time when it differs from the event's."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from .literal import colours, literal


class ClockBar(Widget):
    """One line, one widget: the title (program text, literal) cut with an ellipsis to the room
    the clock leaves it, the event's clock (``Las Vegas 09:15:00 PST``, in the accent colour),
    and the notes after it (``· running 7 min late · your time 18:15 CET``).

    One widget on purpose: Textual draws again every widget that overlaps a line that changed,
    so a tick that moves the clock draws this widget and the screen behind it, nothing more.
    Nothing here lays the screen out again: the bar is one line, whatever it says.
    """

    DEFAULT_CSS = """
    ClockBar { height: 1; dock: top; padding: 0 1; text-wrap: nowrap; }
    """
    COMPONENT_CLASSES = {"clock-bar--clock"}
    """The event's clock (its colour is in ``app.tcss``)."""

    def __init__(self, title: str, *, id: str | None = None):
        super().__init__(id=id)
        self.heading = title
        self.clock = ""
        """The event's clock as shown: ``Las Vegas 09:15:00 PST``."""
        self.notes = ""
        """What follows the clock, as shown: ``· running 7 min late · your time 18:15 CET``, or ``""``."""

    def set_heading(self, title: str) -> None:
        """Change the title (a room filter, a day): a no-op when it is the one shown."""
        if title != self.heading:
            self.heading = title
            self.refresh()

    def show_clock(self, text: str) -> None:
        """Every tick: the event's clock; a no-op when it is the one shown."""
        if text != self.clock:
            self.clock = text
            self.refresh(layout=False)

    def show_notes(self, text: str) -> None:
        """The notes after the clock (``running 7 min late``...), or none for ``""``."""
        shown = f"· {text}" if text else ""
        if shown != self.notes:
            self.notes = shown
            self.refresh()

    def render(self) -> Content:
        """``title…  clock notes``: the clock and its notes keep their room (as far as the
        terminal has it), the title gets what is left, less two spaces before the clock."""
        # (the space before the notes goes with the clock: a run of text that starts with a
        # space is drawn narrower in the SVG screenshots)
        clock = Content(f"{self.clock} " if self.notes else self.clock).stylize(colours(self, "clock-bar--clock"))
        notes = Content(self.notes)
        width = self.content_size.width
        room = width - clock.cell_length - notes.cell_length - 2
        title = literal(self.heading).truncate(room, ellipsis=True, pad=True) if room > 0 else Content("")
        line = Content.assemble(title, "  " if room > 0 else "", clock, notes)
        return line.truncate(width) if width else line
