"""The speaker pane: who they are, their web page, and every talk they give or session they chair."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from ...core.model import Item, Speaker
from ...core.timeline import Snapshot
from ...words import board
from ..widgets.links import Link, LinkList
from ..widgets.literal import LiveLabel, literal
from ..widgets.markdown import SafeMarkdown, is_safe_url
from .base import LiveScreen


class SpeakerScreen(LiveScreen):
    """One speaker; their talks open from the list."""

    DEFAULT_CSS = """
    #speaker { padding: 1 2; }
    #speaker-name { color: $accent; }
    """

    HEADING = "Speaker"

    def __init__(self, speaker_id: str):
        super().__init__()
        self.speaker_id = speaker_id

    @property
    def speaker(self) -> Speaker:
        return self.c4ml.program.speakers[self.speaker_id]

    def compose(self) -> ComposeResult:
        speaker = self.speaker
        yield from self.compose_clock()
        with VerticalScroll(id="speaker"):
            yield LiveLabel(speaker.name, style="bold", id="speaker-name")
            yield LiveLabel(speaker.affiliation or "", hide_empty=True, id="speaker-affiliation")
            if speaker.url:
                yield LiveLabel(speaker.url, id="speaker-url", classes="meta")
            links = self.links()
            if links:
                yield LinkList(links, title="Talks", id="speaker-links")
            if speaker.bio:
                yield SafeMarkdown(speaker.bio, id="speaker-bio")
        yield from self.compose_footer()

    def links(self) -> list[Link]:
        """Their web page, then every talk and chaired session in time order."""
        speaker, program, tl = self.speaker, self.c4ml.program, self.c4ml.timeline
        found = []
        if speaker.url and is_safe_url(speaker.url):
            found.append(Link("url", speaker.url, literal("Open their web page in the browser")))
        for entry in program.talks_of(self.speaker_id):
            role = " (chair)" if isinstance(entry, Item) and entry.chair == self.speaker_id else ""
            found.append(Link("entry", entry.id, literal(f"{board.short_when(tl, entry)}  {entry.title}{role}")))
        return found

    def show_answer(self, snap: Snapshot) -> None:
        """Times may have moved (a delay): refresh the list of talks."""
        for links in self.query(LinkList):
            links.set_links(self.links())

    def on_mount(self) -> None:
        links = self.query(LinkList)
        (links.first() if links else self.query_one("#speaker", VerticalScroll)).focus()

    # -- stars (issue 5): f stars the highlighted talk ----------------------------------------------
    STARS = True

    def star_target(self) -> str | None:
        lists = self.query(LinkList)
        links = lists.first() if lists else None
        if links is None or links.highlighted is None or not links.has_focus:
            return None
        link = links.links[links.highlighted]
        return link.ref if link.target == "entry" else None

    @on(LinkList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(LinkList.Opened)
    def _open(self, event: LinkList.Opened) -> None:
        self.c4ml.open_link(event.link)
