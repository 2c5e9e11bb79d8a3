"""The help screen (``?``): every key of the screen it was opened from, plus mouse and palette."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

MOUSE = (
    "Mouse: click a box on the board or a link in a pane to open it; in the agenda click a row, "
    "then click it again to open it. The wheel scrolls."
)
PALETTE = (
    "ctrl+p opens the command palette: jump to now, open the agenda, about this event, clear "
    "filters, open any item, talk or speaker by typing part of its name, change the theme."
)


def key_lines(app, screen: Screen) -> list[tuple[str, str]]:
    """``(keys, description)`` for the bindings active on ``screen``: ours (with an id) and any
    shown in the footer, with every other key bound to the same action (``↓ j``, ``q ^q``)."""
    actives = [active.binding for active in screen.active_bindings.values()]
    described: dict[str, str] = {}
    for binding in actives:
        if binding.description and (binding.id or binding.show):
            described.setdefault(binding.action, binding.description)
    keys: dict[str, list[str]] = {action: [] for action in described}
    for binding in actives:
        if binding.action in keys:
            # The real key, not a footer abbreviation (q and ctrl+q both show as "q" there).
            keys[binding.action].append(app.get_key_display(replace(binding, key_display=None)))
    return [(" ".join(sorted(dict.fromkeys(keys[a]), key=len)), described[a]) for a in described]


class HelpScreen(ModalScreen[None]):
    """A box over the current screen; Escape, ``?`` or Enter closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help-box {
        width: 80%;
        max-width: 80;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 2;
        overflow-y: auto;  /* more keys than lines on a short terminal: the wheel scrolls */
    }
    HelpScreen.-tall #help-box { padding: 1 2; }
    #help-mouse, #help-palette { margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape,question_mark,enter", "dismiss", "Close", id="help.close", tooltip="Close the help"),
    ]

    def compose(self) -> ComposeResult:
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else stack[-1]
        lines = key_lines(self.app, below)
        width = max((len(k) for k, _ in lines), default=4) + 2
        keys = Content("\n").join(
            Content.assemble((keys.ljust(width), "bold"), description) for keys, description in lines
        )
        with Vertical(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape closes"
            yield Static(keys, id="help-keys")
            yield Static(Content(MOUSE), id="help-mouse", classes="note")
            yield Static(Content(PALETTE), id="help-palette", classes="note")
