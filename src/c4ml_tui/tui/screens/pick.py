"""A box to pick one room or one track from a long list, typing to narrow it (``r``, ``t``).

38C3 has 72 rooms and FOSDEM over a hundred: the list is in alphabetical order (``Saal 2``
before ``Saal 10``), filtered as you type (ignoring case and accents; ``all`` finds "All
rooms"), and the arrows move in it while the typing stays in the input line. The arrows stop
at the ends of the list (Home and End jump there) instead of wrapping around.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...core import fmt
from ...core.textfold import fold
from ..widgets.literal import literal


def natural(name: str) -> tuple:
    """A sort key: case, accents and punctuation ignored, numbers by value (``Saal 2`` before
    ``Saal 10``)."""
    words = re.sub(r"[^\w\s]", "", fold(name))
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", words))


ALL = ""
"""What the box answers for "all rooms" / "all tracks"; ``None`` means it was closed."""


class PickScreen(ModalScreen[str | None]):
    """Dismisses with the chosen name, :data:`ALL`, or ``None`` (Escape)."""

    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    #pick-box {
        width: 70%;
        max-width: 70;
        height: auto;
        max-height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #pick-input { margin-bottom: 1; }
    #pick-list { height: auto; max-height: 60vh; border: none; }
    """

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="pick.cancel", tooltip="Close without changing"),
        Binding("down", "move('cursor_down')", "Down", show=False, id="pick.down", tooltip="Next in the list"),
        Binding("up", "move('cursor_up')", "Up", show=False, id="pick.up", tooltip="Previous in the list"),
        Binding("pagedown", "move('page_down')", "Page down", show=False, id="pick.pagedown",
                tooltip="A page down the list"),
        Binding("pageup", "move('page_up')", "Page up", show=False, id="pick.pageup",
                tooltip="A page up the list"),
        Binding("ctrl+home,home", "move('first')", "First", show=False, id="pick.first",
                tooltip="The top of the list"),
        Binding("ctrl+end,end", "move('last')", "Last", show=False, id="pick.last",
                tooltip="The bottom of the list"),
    ]

    def __init__(self, title: str, everything: str | None, names: dict[str, int], current: str | None):
        """``names`` maps each choice to how many items it has; ``everything`` labels
        :data:`ALL` (``All rooms``; ``None``: no such choice); ``current`` is marked."""
        super().__init__()
        self.title_text = title
        self.everything = everything
        self.names = dict(sorted(names.items(), key=lambda pair: natural(pair[0])))
        self.current = current
        self._folded = {name: fold(name) for name in names}
        self._shown: list[str] = []
        self._query: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = "enter picks · escape closes"
            yield Input(placeholder="type to narrow the list", id="pick-input")
            yield OptionList(id="pick-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    @property
    def options(self) -> OptionList:
        return self.query_one("#pick-list", OptionList)

    def _fill(self, query: str) -> None:
        if query == self._query:
            return
        self._query = query
        wanted = fold(query.strip())
        shown = [name for name in self.names if wanted in self._folded[name]]
        everything = self.everything is not None and wanted in fold(self.everything)
        self._shown = ([ALL] if everything else []) + shown
        self.options.set_options(self._option(i, name) for i, name in enumerate(self._shown))
        if self._shown:
            marked = self._shown.index(self.current or ALL) if (self.current or ALL) in self._shown else 0
            self.options.highlighted = marked

    def _option(self, index: int, name: str) -> Option:
        chosen = name == (self.current or ALL)
        mark = Content("✓ " if chosen else "  ")
        if name == ALL:
            return Option(Content.assemble(mark, (self.everything or "", "bold")), id=str(index))
        count = Content(f"  {fmt.count(self.names[name], 'item')}").stylize("dim")
        return Option(Content.assemble(mark, literal(name), count), id=str(index))

    def action_move(self, action: str) -> None:
        """Move in the list, stopping at its ends (Down on the last name stays there)."""
        options, before = self.options, self.options.highlighted
        last = options.option_count - 1
        if (action == "cursor_down" and before == last) or (action == "cursor_up" and before == 0):
            return
        getattr(options, f"action_{action}")()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self._fill(event.value)  # what is typed, even if Enter came before the last change
        index = self.options.highlighted
        if index is not None and 0 <= index < len(self._shown):
            self.dismiss(self._shown[index])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[int(event.option.id or 0)])
