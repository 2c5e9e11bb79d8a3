"""The command palette's view of the program: open any item, talk or speaker by name.

Fast on a big program (38C3: 1,600 names). Textual's fuzzy matcher tries every way a query
can match each candidate, about a second a keystroke there; here each name is folded once per
timeline (case and accents ignored), a query matches when each of its words is in the name
(whole-word and word-start matches first), else, when that finds few, when its letters come in
order, and only the best :data:`LIMIT` are highlighted and listed. Opened with nothing typed,
the palette lists what runs now and what comes next, not the whole program.

Program text is highlighted on a literal ``Content``, never parsed as markup; help lines hold
only times and kinds (the palette renders help as markup), never program text.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from ..core.model import Program
from ..core.textfold import fold_map, merge, to_original, words_form
from ..core.timeline import Timeline
from ..words import board
from .widgets.literal import literal

if TYPE_CHECKING:
    from .app import C4mlApp

LIMIT = 40
"""Hits listed for a query: the palette lays out every hit it gets."""
NOW_AND_NEXT = 12
"""Entries listed when nothing is typed yet."""


class Candidate(NamedTuple):
    """One thing the palette can open, with its name folded for matching."""

    text: str
    help: str
    open: Callable[[], object]
    folded: str
    words: str
    """``folded`` with non-word characters as spaces (a match that starts a word scores more)."""
    starts: list[int] | None
    """Folded offsets back to ``text`` (``None``: the same)."""
    entry_id: str | None


_CACHE: weakref.WeakKeyDictionary[Timeline, list[Candidate]] = weakref.WeakKeyDictionary()


def candidates(app: C4mlApp) -> list[Candidate]:
    """Every item, talk and speaker of the app's program, built once per timeline (a delay
    makes a new timeline, and the times in the help lines move)."""
    tl = app.timeline
    found = _CACHE.get(tl)
    if found is None:
        found = _CACHE[tl] = list(_build(app, tl))
    return found


def _build(app: C4mlApp, tl: Timeline) -> Iterator[Candidate]:
    program = tl.program

    def candidate(text: str, help: str, opener: Callable[[], object], entry_id: str | None) -> Candidate:
        folded, starts = fold_map(text)
        return Candidate(text, help, opener, folded, words_form(folded), starts, entry_id)

    for item in tl.items:
        yield candidate(item.title + (f" · {item.room}" if item.room else ""),
                        f"{board.when(tl, item)} · {item.kind}", partial(app.open_entry, item.id), item.id)
        for talk in item.talks:
            names = ", ".join(program.speaker_name(s) for s in talk.speakers)
            yield candidate(talk.title + (f" — {names}" if names else ""), f"{board.when(tl, talk)} · talk",
                            partial(app.open_entry, talk.id), talk.id)
    for speaker in program.speakers.values():
        yield candidate(speaker.name, "speaker", partial(app.open_speaker, speaker.id), None)


def by_id(program: Program, pool: list[Candidate], query: str) -> int | None:
    """Where in ``pool`` the item or talk whose id or guid is ``query`` stands, if one is."""
    entry = program.find(query) if query else None
    if entry is None:
        return None
    return next((k for k, candidate in enumerate(pool) if candidate.entry_id == entry.id), None)


def score(query_words: list[str], candidate: Candidate) -> tuple[float, list[tuple[int, int]]] | None:
    """How well ``candidate`` matches (0.5 to 1, higher first) and the folded spans matched:
    every word must occur; a word that starts a word of the name scores more, a whole word
    more still; shorter names first among equals."""
    folded, words = candidate.folded, candidate.words
    spans: list[tuple[int, int]] = []
    points = 0
    for word in query_words:
        at = _best(folded, words, word)
        if at < 0:
            return None
        end = at + len(word)
        begins = at == 0 or words[at - 1] == " "
        whole = begins and (end == len(folded) or words[end] == " ")
        points += 1 + begins + whole
        spans.append((at, end))
    return 0.5 + 0.5 * points / (3 * len(query_words)) - min(len(folded), 400) / 100_000, spans


def _best(folded: str, words: str, word: str) -> int:
    """Where ``word`` occurs in ``folded``: at the start of a word if it does anywhere, else
    first; -1 when it does not."""
    first = at = folded.find(word)
    while at >= 0:
        if at == 0 or words[at - 1] == " ":
            return at
        at = folded.find(word, at + 1)
    return first


def letters(query: str) -> re.Pattern[str]:
    """The letters of ``query`` in order, anything between: the loose match."""
    return re.compile(".*?".join(f"({re.escape(c)})" for c in query if not c.isspace()))


def highlight(candidate: Candidate, spans: list[tuple[int, int]], style: Style) -> Content:
    """The candidate's text literal, with the matched (folded) spans in ``style``."""
    content = literal(candidate.text)
    for a, b in merge(spans):
        start, end = to_original(candidate.starts, a, b)
        content = content.stylize(style, start, end)
    return content


class EntriesProvider(Provider):
    """Every item, talk and speaker of the program, opened by choosing it."""

    @property
    def c4ml(self) -> C4mlApp:
        return cast("C4mlApp", self.app)

    async def discover(self) -> Hits:
        """What runs now and what comes next (the whole program is a query away)."""
        app = self.c4ml
        tl, now = app.timeline, app.clock.now()
        wanted = [i.id for i in tl.running(now)] + [i.id for i in tl.upcoming(now)[:NOW_AND_NEXT]]
        order = {ident: k for k, ident in enumerate(wanted[:NOW_AND_NEXT])}
        shown = sorted((c for c in candidates(app) if c.entry_id in order), key=lambda c: order[c.entry_id or ""])
        for found in shown:
            yield DiscoveryHit(literal(found.text), found.open, text=found.text, help=found.help)

    async def search(self, query: str) -> Hits:
        folded, _ = fold_map(query.strip())
        query_words = folded.split()
        if not query_words:
            return
        style = self.matcher(query).match_style
        pool = candidates(self.c4ml)
        exact = by_id(self.c4ml.program, pool, query.strip())
        if exact is not None:  # an id or guid (from a link, a chat, the schedule's web page): that one first
            candidate = pool[exact]
            yield Hit(1.0, literal(candidate.text), candidate.open, text=candidate.text,
                      help=f"{candidate.help} · {query.strip()}")
        ranked: list[tuple[float, int, list[tuple[int, int]]]] = []
        for k, candidate in enumerate(pool):
            if k == exact:
                continue
            found = score(query_words, candidate)
            if found is not None:
                ranked.append((found[0], k, found[1]))
        if len(ranked) < LIMIT:  # few whole words: the letters in order, scored below them
            loose = letters(folded)
            seen = {k for _, k, _ in ranked}
            for k, candidate in enumerate(pool):
                if k in seen:
                    continue
                match = loose.search(candidate.folded)
                if match is not None:
                    spread = match.end() - match.start()
                    spans = [(match.start(g), match.end(g)) for g in range(1, (match.lastindex or 0) + 1)]
                    ranked.append((0.4 * len(spans) / spread, k, spans))
        ranked.sort(key=lambda hit: (-hit[0], hit[1]))
        for points, k, spans in ranked[:LIMIT]:
            candidate = pool[k]
            yield Hit(points, highlight(candidate, spans, style), candidate.open, text=candidate.text,
                      help=candidate.help)
