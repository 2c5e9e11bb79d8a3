"""The command palette's view of the program: open any item, talk or speaker by name.

``Matcher.highlight`` parses its candidate as markup, so program text is highlighted here on
a literal ``Content`` instead. Help lines hold only times and kinds (the palette renders help
as markup), never program text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from ..words import board
from .widgets.literal import literal

if TYPE_CHECKING:
    from .app import C4mlApp


def highlight(matcher: Matcher, text: str) -> Content:
    """``text`` literal, with the letters the query matched in the palette's match style."""
    content = literal(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class EntriesProvider(Provider):
    """Every item, talk and speaker of the program, opened by choosing it."""

    def candidates(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """``(text, help, open)`` for each thing that can be opened."""
        app = cast("C4mlApp", self.app)
        program, tl = app.program, app.timeline
        for item in tl.items:
            yield (f"{item.title}" + (f" · {item.room}" if item.room else ""),
                   f"{board.when(tl, item)} · {item.kind}", partial(app.open_entry, item.id))
            for talk in item.talks:
                names = ", ".join(program.speaker_name(s) for s in talk.speakers)
                yield (talk.title + (f" — {names}" if names else ""), f"{board.when(tl, talk)} · talk",
                       partial(app.open_entry, talk.id))
        for speaker in program.speakers.values():
            yield speaker.name, "speaker", partial(app.open_speaker, speaker.id)

    async def discover(self) -> Hits:
        for text, help, command in self.candidates():
            yield DiscoveryHit(literal(text), command, text=text, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help, command in self.candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), command, text=text, help=help)
