"""What a search finds (``search.py`` ranks it): a :class:`Hit` per entry, with the fields its
words matched and their highlight spans, worked out only when a view asks (``Hit.matches``), and
:class:`Results`, the best hits of a query and how many more there are. Pure; no Textual."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from .model import Item, Poster, Program, Speaker, Talk
from .records import record
from .textfold import excerpt, fold_map, merge, to_original

Kind = Literal["item", "talk", "poster", "speaker"]
Span = tuple[int, int]
Target = Item | Talk | Poster | Speaker


@record
class FieldMatch:
    """One field of a hit that matched: its name, its original text and where to highlight."""

    field: str
    """``title``, ``subtitle``, ``speaker``, ``author``, ``affiliation``, ``chair``, ``abstract``,
    ``description``, ``bio``, ``room``, ``track`` or (for speakers) ``name``."""
    text: str
    """The field's text exactly as in the model."""
    spans: tuple[Span, ...]
    """``[start, end)`` offsets into ``text``, sorted, merged, never splitting a character."""
    ref: str | None = None
    """The speaker id for ``speaker``/``author``/``affiliation``/``chair`` fields, when known."""

    def excerpt(self, width: int = 100) -> tuple[str, tuple[Span, ...]]:
        """A one-line window around the first span, with the spans moved into it."""
        return excerpt(self.text, self.spans, width)


@record
class _Field:
    name: str
    text: str
    ref: str | None
    offset: int
    """Where the folded text starts in the entry's folded blob."""
    length: int
    """The length of the folded text."""
    aligned: bool
    """Folded offsets are original offsets (no mapping needed)."""


@record
class _Doc:
    kind: Kind
    id: str
    title: str
    start: datetime | None
    end: datetime | None
    parent: str | None
    target: Target
    fields: tuple[_Field, ...] = ()


class Hit:
    """One search result. ``matches`` is computed on first use (a list widget asks only for the
    rows it shows). (A plain class: ``dataclasses`` costs a command's start-up ~35 ms.)"""

    __slots__ = ("_blob", "_doc", "_matches", "_words", "end", "id", "kind", "parent", "score", "start",
                 "target", "title")

    kind: Kind
    id: str
    title: str
    """The title (a speaker's name for speakers)."""
    start: datetime | None
    end: datetime | None
    """Scheduled times; a poster has its item's times, a speaker none."""
    parent: str | None
    """The id of the item that holds a talk or poster."""
    target: Target
    """The model object, to open it (``None`` from a stored index: ``sources/search_store.py``)."""
    score: int

    def __init__(self, kind: Kind, id: str, title: str, start: datetime | None, end: datetime | None,
                 parent: str | None, target: Target, score: int, _doc: _Doc, _blob: str,
                 _words: tuple[str, ...]) -> None:
        self.kind, self.id, self.title, self.start, self.end = kind, id, title, start, end
        self.parent, self.target, self.score = parent, target, score
        self._doc, self._blob, self._words = _doc, _blob, _words
        self._matches: tuple[FieldMatch, ...] | None = None

    def __repr__(self) -> str:
        return f"Hit(kind={self.kind!r}, id={self.id!r}, title={self.title!r}, score={self.score})"

    @property
    def matches(self) -> tuple[FieldMatch, ...]:
        """Every field with a highlight, in the order the entry shows them (title first)."""
        if self._matches is None:
            self._matches = _field_matches(self._doc, self._blob, self._words)
        return self._matches

    @property
    def matched(self) -> tuple[str, ...]:
        """The names of the fields that matched, without repeats: ``("title", "speaker")``."""
        return tuple(dict.fromkeys(m.field for m in self.matches))

    def spans(self, name: str = "title") -> tuple[Span, ...]:
        """Highlight spans in the first ``name`` field (``()`` when it did not match); for a
        speaker the title is the ``name`` field."""
        if name == "title" and self.kind == "speaker":
            name = "name"
        return next((m.spans for m in self.matches if m.field == name), ())


@record
class Results:
    query: str
    words: tuple[str, ...]
    """The folded query words every hit contains."""
    hits: tuple[Hit, ...]
    """The best ``limit`` hits, best first."""
    total: int
    """How many entries match in all."""

    @property
    def more(self) -> int:
        """How many matches are not in ``hits``."""
        return self.total - len(self.hits)


def _field_matches(doc: _Doc, blob: str, words: tuple[str, ...]) -> tuple[FieldMatch, ...]:
    found = []
    for f in doc.fields:
        folded = blob[f.offset:f.offset + f.length]
        spans = []
        for w in words:
            at = folded.find(w)
            while at >= 0:
                spans.append((at, at + len(w)))
                at = folded.find(w, at + 1)
        if spans:
            starts = None if f.aligned else fold_map(f.text)[1]
            original = merge([to_original(starts, a, b) for a, b in spans])
            found.append(FieldMatch(f.name, f.text, original, f.ref))
    return tuple(found)


def entry_of(program: Program, hit: Hit) -> Item | Talk | Poster | Speaker | None:
    """The entry of a hit from the stored index (which keeps ids, not the model), in ``program``."""
    if hit.kind == "speaker":
        return program.speakers.get(hit.id)
    if hit.kind == "poster":
        parent = program.by_id.get(hit.parent or "")
        return next((p for p in getattr(parent, "posters", ()) if p.id == hit.id), None)
    return program.by_id.get(hit.id)
