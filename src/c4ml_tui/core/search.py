"""Offline search over a program: items, talks, posters and speakers. Pure; no Textual.

Build a :class:`SearchIndex` once per program, then call :meth:`SearchIndex.search` on every
keystroke. Matching is case- and accent-insensitive (see ``textfold.py``); every word of the
query must occur somewhere in an entry (words may match different fields). Ranking, best first:

* per query word, the best class of field it occurs in: the entry's own title (or a speaker's
  name) 4, a speaker's or author's name 3, a subtitle, affiliation or chair 2, an abstract,
  description, bio, room or track 1; the words' scores add up;
* within a class, a whole-word match beats a word-start match, which beats one inside a word;
* ties go to the earlier entry (a speaker counts at their first talk), then to the title.

Only the best ``limit`` hits are returned, and their highlight spans are computed when first
asked for; ``total`` counts every match so a UI can offer "more" (asking again with a larger
limit completes the ranking). The matches and ranking of recent queries are kept, and a query
that only adds to an earlier one ("com" -> "comp", "zoe" -> "zoe ex") filters that query's
matches instead of the whole program. ``bench/search.py`` measures all this on 10,000 talks.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from .model import Program
from .search_hits import Hit, Results, _Doc, _Field
from .textfold import fold, fold_aligned, words_form

TITLE, PERSON, DETAIL, BODY = 4, 3, 2, 1
FIELD_CLASS = {
    "title": TITLE, "name": TITLE, "speaker": PERSON, "author": PERSON,
    "subtitle": DETAIL, "affiliation": DETAIL, "chair": DETAIL,
    "abstract": BODY, "description": BODY, "bio": BODY, "room": BODY, "track": BODY,
    "id": BODY, "guid": BODY,
}
"""The class of each field; a word scores ``3 * class + bonus`` (bonus 2 whole word, 1 word
start), so the class always decides before the kind of match."""

_KIND_ORDER = {"item": 0, "talk": 1, "poster": 2, "speaker": 3}
_CACHE_SIZE = 32


class SearchIndex:
    """Folded texts of every item, talk, poster and speaker of one program, ready to search.

    Building reads every text once (``bench/search.py`` measures it; about a second for
    10,000 talks), so a UI builds it once, in a worker if it likes. One caller at a time: the
    query cache is not locked.
    """

    def __init__(self, program: Program, pause: Callable[[], object] | None = None):
        """``pause``: called every few hundred entries (a thread building the index lets the
        UI thread run there: ``time.sleep(0)``)."""
        self.program = program
        raw = list(_documents(program))
        raw.sort(key=lambda r: (r[0].timestamp() if r[0] else float("inf"), _KIND_ORDER[r[1].kind],
                                fold(r[1].title), r[1].id))
        self._docs: list[_Doc] = []
        self._blobs: list[str] = []
        self._texts: dict[int, list[str]] = {c: [] for c in (TITLE, PERSON, DETAIL)}
        self._forms: dict[int, list[str]] = {c: [] for c in (TITLE, PERSON, DETAIL, BODY)}
        for count, (_, doc, fields) in enumerate(raw):
            self._add(doc, fields)
            if pause is not None and not count % 256:
                pause()
        self._every = list(range(len(self._docs)))
        self._cache: OrderedDict[tuple[str, ...], _Cached] = OrderedDict()

    def __len__(self) -> int:
        return len(self._docs)

    # -- a stored copy (``sources/search_store.py``) -------------------------------------------
    def rows(self) -> Iterator[tuple[tuple[object, ...], str]]:
        """Each entry, in index order, as plain data (``(doc, blob)``) for a store to keep:
        :meth:`from_rows` on any of them, in the same order, answers as this index does."""
        t, p, d = self._texts[TITLE], self._texts[PERSON], self._texts[DETAIL]
        for i, (doc, blob) in enumerate(zip(self._docs, self._blobs, strict=True)):
            fields = tuple((f.name, f.text, f.ref, f.offset, f.length, f.aligned) for f in doc.fields)
            cuts = (len(t[i]), len(t[i]) + len(p[i]), len(t[i]) + len(p[i]) + len(d[i]))
            plain = (doc.kind, doc.id, doc.title, doc.start.isoformat() if doc.start else None,
                     doc.end.isoformat() if doc.end else None, doc.parent, fields, cuts)
            yield plain, blob

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[tuple[Any, ...], str]]) -> SearchIndex:
        """An index of stored entries (from :meth:`rows`), without their program: its hits have
        no ``target``. Given every entry that contains a query's words, in index order, it finds
        the same hits in the same order, scores and highlights as the whole index."""
        index = cls.__new__(cls)
        index.program = None  # type: ignore[assignment]
        index._docs, index._blobs = [], []
        index._texts = {c: [] for c in (TITLE, PERSON, DETAIL)}
        index._forms = {c: [] for c in (TITLE, PERSON, DETAIL, BODY)}
        at = datetime.fromisoformat
        for (kind, ident, title, start, end, parent, fields, (a, b, c)), blob in rows:
            placed = tuple(_Field(*f) for f in fields)
            index._docs.append(_Doc(kind, ident, title, at(start) if start else None, at(end) if end else None,
                                    parent, None, placed))  # type: ignore[arg-type]
            index._blobs.append(blob)
            pieces = (blob[:a], blob[a:b], blob[b:c], blob[c:])
            for cls_, text in zip((TITLE, PERSON, DETAIL, BODY), pieces, strict=True):
                index._forms[cls_].append(words_form(text))
                if cls_ != BODY:
                    index._texts[cls_].append(text)
        index._every = list(range(len(index._docs)))
        index._cache = OrderedDict()
        return index

    def _add(self, doc: _Doc, fields: list[tuple[str, str, str | None]]) -> None:
        """Fold the fields and keep, per entry: one blob of every folded field (``in`` filters
        a whole entry), the folded text of each field class (to rank) and its words form (to
        tell whole words and word starts). Each class text starts with a newline and ends every
        field with one; a query word never holds a newline, so no match spans two fields."""
        at = 0
        placed: list[tuple[int, _Field]] = []
        texts = []
        by_class: dict[int, list[tuple[int, str, str, str | None]]] = {TITLE: [], PERSON: [], DETAIL: [], BODY: []}
        for position, (name, text, ref) in enumerate(fields):
            by_class[FIELD_CLASS[name]].append((position, name, text, ref))
        for cls in (TITLE, PERSON, DETAIL, BODY):
            pieces = ["\n"]
            at += 1
            for position, name, text, ref in by_class[cls]:
                folded, aligned = fold_aligned(text)
                placed.append((position, _Field(name, text, ref, at, len(folded), aligned)))
                pieces.append(folded + "\n")
                at += len(folded) + 1
            texts.append("".join(pieces))
            self._forms[cls].append(words_form(texts[-1]))
            if cls != BODY:
                self._texts[cls].append(texts[-1])
        placed.sort(key=lambda pair: pair[0])
        self._docs.append(_Doc(doc.kind, doc.id, doc.title, doc.start, doc.end, doc.parent,
                               doc.target, tuple(f for _, f in placed)))
        self._blobs.append("".join(texts))

    # -- querying ------------------------------------------------------------------------------
    def search(self, query: str, limit: int | None = 200) -> Results:
        """Every entry containing all words of ``query``, best first; at most ``limit`` hits
        (``None``: all). An empty query finds nothing."""
        words = tuple(dict.fromkeys(fold(query).split()))
        if not words:
            return Results(query, (), (), 0)
        cached = self._lookup(words)
        if limit is not None and limit <= 0:
            return Results(query, words, (), len(cached.matches))
        if cached.keys is None or (cached.exact is not None and (limit is None or limit > cached.exact)):
            cached.keys, cached.exact = self._rank(cached.matches, words, limit)
        chosen = cached.keys if limit is None else cached.keys[:limit]
        n, docs, blobs = len(self._docs), self._docs, self._blobs
        hits = []
        for key in chosen:
            i = key % n
            d = docs[i]
            hits.append(Hit(d.kind, d.id, d.title, d.start, d.end, d.parent, d.target, -(key // n),
                            d, blobs[i], words))
        return Results(query, words, tuple(hits), len(cached.matches))

    def _lookup(self, words: tuple[str, ...]) -> _Cached:
        """The entries matching ``words``, from the cache or narrowed from a broader query."""
        cached = self._cache.get(words)
        if cached is not None:
            self._cache.move_to_end(words)
            return cached
        pool = self._every
        for previous, earlier in self._cache.items():  # narrow from a broader, earlier query
            if len(earlier.matches) < len(pool) and all(any(p in w for w in words) for p in previous):
                pool = earlier.matches
        needed = [w for w in words if not any(w != o and w in o for o in words)]
        needed.sort(key=len, reverse=True)  # a longer word is usually rarer: filter with it first
        blobs = self._blobs
        found = pool
        for w in needed:
            found = [i for i in found if w in blobs[i]]
        cached = self._cache[words] = _Cached(found)
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return cached

    def _rank(self, matches: list[int], words: tuple[str, ...], need: int | None) -> tuple[list[int], int | None]:
        """Sort keys ``index - score * n`` (one int per entry: best first, then earliest), in
        their final order for at least the first ``need``; returns the keys and how many are
        final (``None``: all). Only ints are allocated per entry: a keystroke that allocated a
        tuple per entry would wake the garbage collector, which then walks the whole index."""
        probes = [(w, " " + f + " ", " " + f) for w, f in zip(words, map(words_form, words), strict=True)]
        if len(words) == 1:
            return self._rank_one(matches, probes[0], need)
        n, forms = len(self._docs), self._forms
        t, p, d = self._texts[TITLE], self._texts[PERSON], self._texts[DETAIL]
        ft, fp, fd, fb = forms[TITLE], forms[PERSON], forms[DETAIL], forms[BODY]
        keys = []
        for i in matches:
            ti, pi, di = t[i], p[i], d[i]
            score = 0
            for w, whole, start in probes:
                if w in ti:
                    cls, form = TITLE, ft[i]
                elif w in pi:
                    cls, form = PERSON, fp[i]
                elif w in di:
                    cls, form = DETAIL, fd[i]
                else:
                    cls, form = BODY, fb[i]
                score += cls * 3 + (2 if whole in form else 1 if start in form else 0)
            keys.append(i - score * n)
        keys.sort()
        return keys, None

    def _rank_one(self, matches: list[int], probe: tuple[str, str, str],
                  need: int | None) -> tuple[list[int], int | None]:
        """One word: the matches in tiers, best first (title whole word, title word start, inside
        a title, then the same for names, details, bodies). Within a tier entries stay in index
        order, so no sort is needed, and a tier is read only until the page is full: a short word
        whose whole-word titles fill ``need`` reads the titles' word forms once, and the long
        abstracts are read only when the titles do not fill the page. What is left after a class
        is worked out only when the next class is needed."""
        w, whole, start = probe
        n = len(self._docs)
        keys: list[int] = []
        rest = matches
        for cls in (TITLE, PERSON, DETAIL, BODY):
            form, text = self._forms[cls], self._texts.get(cls)  # (no text for BODY: every match is inside)
            taken: set[int] = set()
            for bonus in (2, 1, 0):
                room = None if need is None else need - len(keys)
                if bonus == 2:
                    tier = (i for i in rest if whole in form[i] and (text is None or w in text[i]))
                elif bonus == 1:  # (" w " holds " w": the whole words are taken already)
                    tier = (i for i in rest if start in form[i] and i not in taken and (text is None or w in text[i]))
                elif text is None:
                    tier = (i for i in rest if i not in taken)
                else:
                    tier = (i for i in rest if i not in taken and w in text[i])
                found = list(islice(tier, room))
                base = -(cls * 3 + bonus) * n
                keys += [base + i for i in found]
                if room is not None and len(found) >= room:
                    return keys, len(keys)  # the page is full: what follows is ranked if asked for
                taken.update(found)
            if cls != BODY:
                rest = [i for i in rest if i not in taken] if taken else rest
            if not rest:
                break
        return keys, None


class _Cached:
    """A query's matches (in index order) and, once ranked, its sort keys; ``exact`` says how
    many keys are in their final order (``None``: all)."""

    __slots__ = ("exact", "keys", "matches")

    def __init__(self, matches: list[int]) -> None:
        self.matches = matches
        self.keys: list[int] | None = None
        self.exact: int | None = None


# -- what is searchable ---------------------------------------------------------------------------
def _people(program: Program, refs: Iterable[str], role: str) -> list[tuple[str, str, str | None]]:
    """Name and affiliation fields for speaker ids (or free-text names)."""
    out: list[tuple[str, str, str | None]] = []
    for ref in refs:
        speaker = program.speakers.get(ref)
        if speaker is None:
            out.append((role, ref, None))
            continue
        out.append((role, speaker.name, ref))
        if speaker.affiliation:
            out.append(("affiliation", speaker.affiliation, ref))
    return out


def _texts(**fields: str | None) -> list[tuple[str, str, str | None]]:
    return [(name, text, None) for name, text in fields.items() if text]


def _documents(program: Program) -> Iterator[tuple[datetime | None, _Doc, list[tuple[str, str, str | None]]]]:
    """``(time, doc, fields)`` for every searchable entry; fields in display order. A speaker's
    time is that of their first item, talk or poster (for "ties by time")."""
    first: dict[str, datetime] = {}

    def seen(refs: Iterable[str], when: datetime) -> None:
        for ref in refs:
            if ref in program.speakers and (ref not in first or when < first[ref]):
                first[ref] = when

    for item in program.items:
        chair = [item.chair] if item.chair else []
        fields = (_texts(title=item.title, subtitle=item.subtitle)
                  + _people(program, item.speakers, "speaker") + _people(program, chair, "chair")
                  + _texts(abstract=item.abstract, description=item.description, room=item.room,
                           track=item.track)
                  # an imported event is found by its id or guid too (``c4ml-tui search 4711``)
                  + (_texts(id=item.id, guid=item.guid) if item.guid else []))
        yield item.start, _Doc("item", item.id, item.title, item.start, item.end, None, item), fields
        seen(item.speakers + tuple(chair), item.start)
        for talk in item.talks:
            fields = (_texts(title=talk.title, subtitle=talk.subtitle)
                      + _people(program, talk.speakers, "speaker") + _texts(abstract=talk.abstract))
            yield talk.start, _Doc("talk", talk.id, talk.title, talk.start, talk.end, item.id, talk), fields
            seen(talk.speakers, talk.start)
        for poster in item.posters:
            fields = (_texts(title=poster.title) + _people(program, poster.authors, "author")
                      + _texts(abstract=poster.abstract))
            yield item.start, _Doc("poster", poster.id, poster.title, item.start, item.end, item.id,
                                   poster), fields
            seen(poster.authors, item.start)
    for speaker in program.speakers.values():
        fields = _texts(name=speaker.name, affiliation=speaker.affiliation, bio=speaker.bio)
        yield first.get(speaker.id), _Doc("speaker", speaker.id, speaker.name, None, None, None,
                                          speaker), fields
