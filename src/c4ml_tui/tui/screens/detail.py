"""The detail pane of an item or a talk: everything the program says about it.

Title and subtitle, day and time, room, track, language, recording, its speakers, session and
talks (each opens), its web pages (each address shown in full, to read or copy, and opened in
the browser), then the abstract and the description as Markdown, one under the other.

The pane scrolls at once: ↑/↓ move through the list of things to open and, past its ends,
scroll the pane; Page Up/Page Down, Home and End always scroll it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from ...core.model import Item, Talk
from ...core.timeline import Snapshot
from ...words import board, detail
from ..widgets.links import Link, LinkList
from ..widgets.literal import STAR, LiveLabel, literal
from ..widgets.markdown import SafeMarkdown, is_safe_url
from .base import LiveScreen


def links_for(app, entry: Item | Talk) -> list[Link]:
    """Everything openable from ``entry``: the session of a talk, its speakers, chair and
    talks, then its web pages."""
    program, tl = app.program, app.timeline
    found: list[Link] = []
    parent = board.parent_of(program, entry)
    if parent:
        found.append(Link("entry", parent.id, literal(f"Part of {parent.title} ({board.window(tl, parent)})")))
    for ref in entry.speakers:
        if ref in program.speakers:
            found.append(Link("speaker", ref, literal(f"Speaker: {board.who(program, (ref,))}")))
    chair = getattr(entry, "chair", None)
    if chair and chair in program.speakers:
        found.append(Link("speaker", chair, literal(f"Chair: {board.who(program, (chair,))}")))
    for talk in getattr(entry, "talks", ()):
        names = ", ".join(program.speaker_name(s) for s in talk.speakers)
        text = f"{board.short_when(tl, talk)}  {talk.title}" + (f" — {names}" if names else "")
        found.append(Link("entry", talk.id, literal(text)))
    for label, url in detail.web_links(entry):
        if is_safe_url(url):
            found.append(Link("url", url, literal(f"{label}: {url}")))
    return found


class DetailScreen(LiveScreen):
    """One item or talk. Its speakers, talks, session and web pages open from the list under
    the header."""

    DEFAULT_CSS = """
    #detail { padding: 1 2; }
    #detail-title { color: $accent; }
    #detail-when, #detail-room { color: $foreground; }
    #detail-state { margin-bottom: 0; }
    .poster { margin-top: 1; }
    """

    HEADING = "Detail"
    STARS = True
    BINDINGS = [
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True, id="detail.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, priority=True, id="detail.page-down"),
        Binding("home", "edge(-1)", "Top", show=False, priority=True, id="detail.top"),
        Binding("end", "edge(1)", "Bottom", show=False, priority=True, id="detail.bottom"),
    ]

    def __init__(self, entry_id: str):
        super().__init__()
        self.entry_id = entry_id

    @property
    def entry(self) -> Item | Talk:
        return self.c4ml.program.by_id[self.entry_id]

    def compose(self) -> ComposeResult:
        entry, program = self.entry, self.c4ml.program
        yield from self.compose_clock()
        with VerticalScroll(id="detail"):
            yield LiveLabel(entry.title, style="bold", id="detail-title")
            yield LiveLabel(entry.subtitle or "", style="italic", hide_empty=True, id="detail-subtitle")
            yield LiveLabel(id="detail-when")
            yield LiveLabel(" · ".join(detail.facts(program, entry)), hide_empty=True, id="detail-facts")
            yield LiveLabel(id="detail-state", classes="note")
            chair = getattr(entry, "chair", None)
            if chair and chair not in program.speakers:
                yield LiveLabel(f"Chair: {chair}", id="detail-chair")
            unknown = [s for s in entry.speakers if s not in program.speakers]
            if unknown:
                yield LiveLabel(f"Speakers: {', '.join(unknown)}", id="detail-speakers")
            if isinstance(entry, Item) and board.talks_unknown(entry):
                yield LiveLabel("Talks not announced yet.", id="detail-no-talks", classes="note")
            links = links_for(self.c4ml, entry)
            if links:
                title = "People, talks and links" if any(link.target == "url" for link in links) else "People and talks"
                yield LinkList(links, title=title, id="detail-links", spill=True)
            for poster in getattr(entry, "posters", ()):
                authors = ", ".join(program.speaker_name(a) for a in poster.authors)
                yield LiveLabel(f"Poster: {poster.title}" + (f" — {authors}" if authors else ""), classes="poster")
            for ident, text in detail.texts(entry):
                yield SafeMarkdown(text, id=ident)
        yield from self.compose_footer()

    @property
    def pane(self) -> VerticalScroll:
        return self.query_one("#detail", VerticalScroll)

    def on_mount(self) -> None:
        links = self.query(LinkList)
        (links.first() if links else self.pane).focus()

    def action_page(self, step: int) -> None:
        """Page Up/Down scroll the pane, whatever has the focus."""
        (self.pane.scroll_page_down if step > 0 else self.pane.scroll_page_up)(animate=False)

    def action_edge(self, step: int) -> None:
        (self.pane.scroll_end if step > 0 else self.pane.scroll_home)(animate=False)

    def show_answer(self, snap: Snapshot) -> None:
        tl, entry = self.c4ml.timeline, self.entry
        self.query_one("#detail-when", LiveLabel).show(board.when(tl, entry))
        for links in self.query(LinkList):
            links.set_links(links_for(self.c4ml, entry))

    def targets(self) -> list:
        """This pane counts to the entry's start and end."""
        return [self.c4ml.timeline.start(self.entry), self.c4ml.timeline.end(self.entry)]

    def show_countdown(self, snap: Snapshot) -> None:
        self.query_one("#detail-state", LiveLabel).show(board.entry_state(self.c4ml.timeline, self.entry, snap.at))

    def star_target(self) -> str | None:
        return self.entry_id

    def show_stars(self) -> None:
        title = self.entry.title
        shown = f"{STAR} {title}" if self.c4ml.is_starred(self.entry_id) else title
        self.query_one("#detail-title", LiveLabel).show(shown)

    @on(LinkList.Opened)
    def _open(self, event: LinkList.Opened) -> None:
        self.c4ml.open_link(event.link)
