"""A bordered, focusable box on the now board that opens what it shows (Enter or a click)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message


class Card(Vertical, can_focus=True):
    """A box about one item or talk. The screen fills it and sets :attr:`entry_id`.

    Posts :class:`Card.Opened` on Enter or a click when it shows something openable.
    """

    BINDINGS = [
        Binding("enter", "open", "Open", id="card.open", tooltip="Open the details of this box"),
    ]

    DEFAULT_CSS = """
    Card {
        height: auto;
        border: round $foreground 30%;
        border-title-color: $foreground 70%;
        border-title-align: left;
        padding: 0 1;
        &:focus { border: round $accent; border-title-color: $accent; }
    }
    """

    class Opened(Message):
        """The user asked to open the card's item or talk."""

        def __init__(self, card: Card, entry_id: str):
            super().__init__()
            self.card = card
            self.entry_id = entry_id

    def __init__(self, heading: str, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.border_title = heading
        self.entry_id: str | None = None

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
