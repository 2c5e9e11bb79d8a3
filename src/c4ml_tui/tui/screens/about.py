"""About this event (``i``, or the palette): what the event is, when and where, its web page,
its description and what the program holds. The words are ``words/about.py``'s.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from ...core.timeline import Snapshot
from ...words import about
from ..widgets.links import Link, LinkList
from ..widgets.literal import LiveLabel, literal
from ..widgets.markdown import SafeMarkdown, is_safe_url
from .base import LiveScreen


class AboutScreen(LiveScreen):
    """The event itself, from the program file's ``event:`` (or the schedule's conference)."""

    DEFAULT_CSS = """
    #about { padding: 1 2; }
    #about-title { color: $accent; }
    #about-where, #about-program { margin-top: 1; }
    AboutScreen.-wide #about { padding: 1 4; }
    #about-description { max-width: 100; }
    """

    HEADING = "About"
    PLACE = "about"

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        with VerticalScroll(id="about"):
            yield LiveLabel(id="about-title", style="bold")
            yield LiveLabel(hide_empty=True, id="about-edition", style="italic")
            yield LiveLabel(id="about-when")
            yield LiveLabel(id="about-zone", classes="meta")
            yield LiveLabel(hide_empty=True, id="about-where")
            yield LiveLabel(hide_empty=True, id="about-room")
            yield LiveLabel(id="about-program", classes="meta")
            yield LiveLabel(hide_empty=True, id="about-source", classes="meta")
            yield LinkList([], title="On the web", id="about-links")
            yield SafeMarkdown(id="about-description")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.query_one("#about", VerticalScroll).focus()

    def show_answer(self, snap: Snapshot) -> None:
        """Drawn from the state's program (a new copy of the program redraws it)."""
        program = self.c4ml.program
        words = about.about(program)
        for name in ("title", "edition", "when", "zone", "where", "room", "program", "source"):
            self.query_one(f"#about-{name}", LiveLabel).show(getattr(words, name))
        links = [Link("url", words.url, literal(words.url))] if is_safe_url(words.url) else []
        listed = self.query_one(LinkList)
        listed.set_links(links)
        listed.display = bool(links)
        text = self.query_one(SafeMarkdown)
        if text.source != words.description:
            text.update(words.description)
        text.display = bool(words.description)

    @on(LinkList.Opened)
    def _open(self, event: LinkList.Opened) -> None:
        self.c4ml.open_link(event.link)
