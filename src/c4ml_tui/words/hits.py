"""The words of one search hit besides its own text: when it is (expected, from the timeline),
what kind of entry it is, and who (its speakers or authors; a speaker's affiliation)."""

from __future__ import annotations

from ..core.model import Item, Poster, Speaker, Talk
from ..core.search_hits import Hit
from ..core.timeline import Timeline
from . import board


def hit_words(tl: Timeline, hit: Hit) -> tuple[str, str, str]:
    """``(when, kind, context)`` of ``hit``, whose ``target`` is its entry in ``tl``'s program."""
    program = tl.program
    if isinstance(hit.target, Speaker):  # hit.kind == "speaker"
        return "", "speaker", hit.target.affiliation or ""
    entry = hit.target if hit.kind != "poster" else program.by_id.get(hit.parent or "")
    when = board.short_when(tl, entry) if isinstance(entry, (Item, Talk)) else ""
    kind = entry.kind if hit.kind == "item" and isinstance(entry, Item) else hit.kind
    people = hit.target.authors if isinstance(hit.target, Poster) else getattr(hit.target, "speakers", ())
    return when, kind, ", ".join(program.speaker_name(s) for s in people)
