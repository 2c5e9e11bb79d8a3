"""The chair's box for a message to the speaker (``t`` on the chair screen): type one, or pick
a usual one; an empty message clears what the stage shows. Dismissed with the text (``None``:
cancelled)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList

PRESETS = ("5 minutes", "2 minutes", "Wrap up", "Questions now", "Mic!", "Slower, please", "")
"""The usual messages, in the order offered; the empty one clears the message."""


class TellScreen(ModalScreen[str | None]):
    """A line to type a message, and the usual ones to pick (Enter sends, Escape cancels)."""

    DEFAULT_CSS = """
    TellScreen { align: center middle; }
    #tell-box { width: 60; max-width: 90%; height: auto; border: round $accent; background: $surface;
                padding: 0 1; }
    #tell-box > Label { color: $text-muted; }
    #tell-box > OptionList { height: auto; max-height: 9; border: none; padding: 0; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="tell.cancel", tooltip="Close without sending"),
        Binding("down", "presets", "Usual", id="tell.presets", show=False, tooltip="Pick a usual message"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="tell-box"):
            yield Label("Message to the speaker (Enter sends, empty clears, Escape cancels)", markup=False)
            yield Input(placeholder="2 min, questions now, mic!", id="tell-input", max_length=120)
            yield OptionList(*(p or "(clear the message)" for p in PRESETS), id="tell-presets")

    def action_presets(self) -> None:
        self.query_one(OptionList).focus()

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(PRESETS[event.option_index])
