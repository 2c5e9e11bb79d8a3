"""The detail pane of an item or a talk: when and where, who, and the abstract as Markdown."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from ...core.model import Item, Talk
from ...core.timeline import Snapshot
from ...words import board
from ..widgets.links import Link, LinkList
from ..widgets.literal import STAR, LiveLabel, literal
from ..widgets.markdown import SafeMarkdown
from .base import LiveScreen


def links_for(app, entry: Item | Talk) -> list[Link]:
    """Everything openable from ``entry``: the session of a talk, its speakers, chair and talks."""
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
    return found


class DetailScreen(LiveScreen):
    """One item or talk. Its speakers, talks and session open from the list under the header."""

    HEADING = "Detail"
    STARS = True

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
            yield LiveLabel(hide_empty=True, id="detail-room")
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
                yield LinkList(links, title="People and talks", id="detail-links")
            for poster in getattr(entry, "posters", ()):
                authors = ", ".join(program.speaker_name(a) for a in poster.authors)
                yield LiveLabel(f"Poster: {poster.title}" + (f" — {authors}" if authors else ""), classes="poster")
            text = getattr(entry, "abstract", None) or getattr(entry, "description", None)
            if text:
                yield SafeMarkdown(text, id="detail-abstract")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        links = self.query(LinkList)
        (links.first() if links else self.query_one("#detail", VerticalScroll)).focus()

    def show_answer(self, snap: Snapshot) -> None:
        tl, entry = self.c4ml.timeline, self.entry
        self.query_one("#detail-when", LiveLabel).show(board.when(tl, entry))
        room = getattr(entry, "room", None) or getattr(board.parent_of(self.c4ml.program, entry), "room", None)
        self.query_one("#detail-room", LiveLabel).show(f"Room: {room}" if room else "")
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
