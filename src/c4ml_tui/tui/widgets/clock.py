"""The bar on top of every screen: where you are on the left, the event's clock on the right,
and after the clock a note when the day runs late (``running 7 min late``), the copy's age
when offline, and the user's own time when it differs from the event's."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from .framed import Framed, Row, repaint
from .literal import literal


class ClockBar(Framed):
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
        self._styles: tuple[Style, Style] | None = None
        self._key: tuple | None = None
        self._strip: Row = Strip([])
        self._title: tuple[str, int, str] = ("", 0, "")
        self._clock_x = 0
        """Where the clock starts on the line last built."""

    def set_heading(self, title: str) -> None:
        """Change the title (a room filter, a day): a no-op when it is the one shown."""
        if title != self.heading:
            self.heading = title
            self.refresh()

    def show_clock(self, text: str) -> None:
        """Every tick: the event's clock; a no-op when it is the one shown. Only the cells that
        changed are repainted (usually the last digit of the seconds): Textual writes to the
        terminal, and works out again, only the dirty part of a line."""
        if text == self.clock:
            return
        before, self.clock = self.clock, text
        if (changed := self.changed_cells(before, text)) is not None:
            repaint(self, changed)
        else:
            self.refresh()

    def changed_cells(self, before: str, after: str) -> Region | None:
        """Where on the bar ``after`` differs from ``before`` (the clock as drawn last), or
        ``None`` when the whole bar must be repainted: the clock's width changed, or it holds
        wide characters, or the bar was not drawn with it."""
        key = self._key  # (a new width repaints the whole bar anyway: a resize)
        if (key is None or key[:3] != (self.heading, before, self.notes) or len(before) != len(after)
                or cell_len(after) != len(after)):
            return None
        first = next(k for k, (a, b) in enumerate(zip(before, after, strict=True)) if a != b)
        last = len(after) - next(k for k, (a, b) in enumerate(zip(reversed(before), reversed(after), strict=True))
                                 if a != b)
        return Region(self._clock_x + first, 0, last - first, 1)

    def show_notes(self, text: str) -> None:
        """The notes after the clock (``running 7 min late``...), or none for ``""``."""
        shown = f"· {text}" if text else ""
        if shown != self.notes:
            self.notes = shown
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None  # a new theme, or the app's styles read again

    def line_styles(self) -> tuple[Style, Style]:
        """The bar's style and the clock's, worked out once (Textual works a widget's styles
        out again at each repaint when it draws through ``render``: most of a tick's cost)."""
        if self._styles is None:
            base = self.rich_style
            self._styles = (base, base + self.get_component_rich_style("clock-bar--clock", partial=True))
        return self._styles

    def row(self, y: int, width: int) -> Row:
        """``title…  clock notes``: the clock and its notes keep their room (as far as the
        terminal has it), the title gets what is left, less two spaces before the clock."""
        key = (self.heading, self.clock, self.notes, width)
        if key != self._key:
            self._key, self._strip = key, self.build(width)
        return self._strip if y == 0 else Strip.blank(width, self.line_styles()[0])

    def build(self, width: int) -> Row:
        base, clock_style = self.line_styles()
        # (the space before the notes goes with the clock: a run of text that starts with a
        # space is drawn narrower in the SVG screenshots)
        clock = f"{self.clock} " if self.notes else self.clock
        room = width - cell_len(clock) - cell_len(self.notes) - 2
        parts = []
        self._clock_x = room + 2 if room > 0 else 0
        if room > 0:
            if self._title[:2] != (self.heading, room):  # (cut once per title and width)
                self._title = (self.heading, room, literal(self.heading).truncate(room, ellipsis=True, pad=True).plain)
            parts.append(Segment(f"{self._title[2]}  ", base))
        parts.extend([Segment(clock, clock_style), Segment(self.notes, base)])
        if room > 0 and cell_len(self._title[2]) == room:  # (the line is the width: no strip to fit)
            return parts
        return Strip(parts).crop_extend(0, width, base) if width else Strip(parts)
