"""A list of things to open from a pane: speakers, talks, the session a talk belongs to, a web page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import on
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

Target = Literal["entry", "speaker", "url"]


@dataclass(frozen=True, slots=True)
class Link:
    """What an option opens: an item or talk id, a speaker id, or a web address."""

    target: Target
    ref: str
    prompt: Content
    """Shown as is: build it with ``literal`` from program text."""


class LinkList(OptionList):
    """Options that each open something; Enter or a click posts :class:`LinkList.Opened`."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="links.open", tooltip="Open the highlighted link"),
        Binding("down,j", "cursor_down", "Down", show=False, id="links.down", tooltip="Next link"),
        Binding("up,k", "cursor_up", "Up", show=False, id="links.up", tooltip="Previous link"),
    ]

    DEFAULT_CSS = """
    LinkList {
        height: auto;
        max-height: 14;
        margin: 1 0 0 0;
        border: round $foreground 30%;
        border-title-color: $foreground 70%;
        background: transparent;
        border-title-align: left;
        padding: 0 1;
        &:focus { border: heavy $accent; border-title-color: $accent; border-title-style: bold; }
    }
    """

    class Opened(Message):
        """The user chose a link."""

        def __init__(self, links: LinkList, link: Link):
            super().__init__()
            self.links = links
            self.link = link

    def __init__(self, links: list[Link], *, title: str = "Open", id: str | None = None, spill: bool = False):
        self.links = list(links)
        self.spill = spill
        super().__init__(*(Option(link.prompt) for link in self.links), id=id)
        self.border_title = title

    def action_cursor_down(self) -> None:
        """Down; with ``spill``, past the last link it scrolls the pane the list is in."""
        if self.spill and self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self._scroll_pane(1)
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up; with ``spill``, above the first link it scrolls the pane the list is in."""
        if self.spill and self.highlighted is not None and self.highlighted <= 0:
            self._scroll_pane(-1)
        else:
            super().action_cursor_up()

    def _scroll_pane(self, step: int) -> None:
        pane = next((w for w in self.ancestors if isinstance(w, ScrollableContainer)), None)
        if pane is not None:
            (pane.scroll_down if step > 0 else pane.scroll_up)(animate=False)

    def set_links(self, links: list[Link]) -> None:
        """Replace the links (times moved), keeping the highlight where it was."""
        if links == self.links:
            return
        highlighted = self.highlighted
        self.links = list(links)
        self.clear_options()
        self.add_options([Option(link.prompt) for link in self.links])
        if highlighted is not None and self.links:
            self.highlighted = min(highlighted, len(self.links) - 1)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(self, self.links[event.option_index]))
