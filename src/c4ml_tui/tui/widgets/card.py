"""A bordered, focusable box on the now board, drawn as one widget from a :class:`CardView`.

One widget per box (not a label per line) keeps the board light: Textual's start-up and
restyling cost grows with the number of widgets. Enter or a click opens what the box shows.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from ...words.board import CardView
from .literal import literal

BAR_DONE, BAR_TODO = "━", "─"
"""Different shapes, so the bar reads under NO_COLOR too."""
ROLE_STYLES = {"plain": "", "meta": "", "note": "italic", "accent": "bold"}
"""Text styles of a line's role; colours come from the component classes (the theme)."""


class Card(Widget, can_focus=True):
    """A box about one item or talk; :meth:`show` redraws it only when its view changed."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="card.open", tooltip="Open the details of this box"),
    ]

    COMPONENT_CLASSES = {"card--muted", "card--accent", "card--todo"}
    """Colours only (few on purpose: each component class costs a style pass per box)."""

    DEFAULT_CSS = """
    Card {
        height: auto;
        border: round $foreground 30%;
        border-title-color: $foreground 70%;
        border-title-align: left;
        padding: 0 1;
        /* Focused: a heavy border and a bold title, so it stands out by shape too (NO_COLOR). */
        &:focus { border: heavy $accent; border-title-color: $accent; border-title-style: bold; }
        & > .card--muted { color: $text-muted; }
        & > .card--accent { color: $accent; }
        & > .card--todo { color: $foreground 30%; }
    }
    """

    class Opened(Message):
        """The user asked to open the card's item or talk."""

        def __init__(self, card: Card, entry_id: str):
            super().__init__()
            self.card = card
            self.entry_id = entry_id

    def __init__(self, heading: str, view: CardView | None = None, *, id: str | None = None):
        super().__init__(id=id)
        self.border_title = heading
        self.view = view or CardView("")

    @property
    def entry_id(self) -> str | None:
        return self.view.entry_id

    def show(self, view: CardView) -> None:
        """Draw ``view``; nothing happens when it is what is drawn already."""
        if view == self.view:
            return
        same_shape = view.shape() == self.view.shape()
        openable = (view.entry_id is None) != (self.view.entry_id is None)
        self.view = view
        self.refresh(layout=not same_shape)
        if openable:  # the footer's "Open" comes or goes (rebuilding the footer is not free)
            self.refresh_bindings()

    def render(self) -> Content:
        view, style = self.view, self.get_visual_style
        muted, accent = style("card--muted"), style("card--accent")
        title = literal(view.title, "bold")
        lines = [title.stylize(muted) if view.quiet else title]

        def add(text: str, role: str) -> None:
            line = literal(text, ROLE_STYLES[role])
            lines.append(line.stylize(accent if role == "accent" else muted) if role != "plain" else line)

        for text, role in view.lines:
            add(text, role)
        if view.fraction is not None:
            label = literal(view.fraction_label, "bold").stylize(accent)
            width = max(0, self.size.width - label.cell_length - 2)
            done = round(view.fraction * width)
            lines.append(Content.assemble(
                (BAR_DONE * done, accent), (BAR_TODO * (width - done), style("card--todo")), "  ", label))
        for text, role in view.notes:
            add(text, role)
        return Content("\n").join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.entry_id is not None
        return True

    def action_open(self) -> None:
        if self.entry_id is not None:
            self.post_message(self.Opened(self, self.entry_id))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()
