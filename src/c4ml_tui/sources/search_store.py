"""A program's search index kept on disk (SQLite, from the standard library), so `c4ml-tui
search` and the app's search screen answer without building the index again.

One database per program version (keyed by :func:`key_for`: the digest of the source's bytes
and the readers' version), next to the parse cache. Each searchable entry is a row of ``docs``:
its kind, id, title, times, fields and the cuts between its field classes (as JSON, to show a
hit), and, to rank, the folded text of its title, person and detail classes and the words form
of all four (``core/search.py``); and a row of ``fts``, an FTS5 table with the trigram tokenizer
over the entry's folded text (``core/textfold.py`` folds accents and case before anything is
stored, so the index and the query fold the same way; the fields keep their original text, so
highlights are offsets into it).

A query's words of three letters or more are matched by the trigram index, shorter ones by
``instr``; SQLite scores each entry found as ``SearchIndex`` does (per word, the best field
class it occurs in, then whole word, word start or inside) and sorts by score, then index
order, so only the best ``limit`` entries are read back: a search costs what it shows, and the
hits, their order, scores and highlights are those of ``SearchIndex(program).search`` (the
tests compare them on real schedules).

A database is checked before use (its schema version and the key it was built for); a damaged
or foreign one is set aside and built again. Building writes a temporary file and renames it.
A connection belongs to the thread that opened it: :meth:`Store.reopen` gives another thread
its own.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from ..core.search import BODY, DETAIL, PERSON, TITLE, SearchIndex
from ..core.search_hits import Hit, Results, _Doc, _Field

SCHEMA = "3"
_CLASSES = (("t", "ft", TITLE), ("p", "fp", PERSON), ("d", "fd", DETAIL))


def key_for(digest: str) -> bytes:
    """The key of the store of the program whose source bytes hash to ``digest``
    (``Program.digest``, the SHA-256 the readers take), for this version of the readers."""
    from ..formats import VERSION

    return f"search\0{digest}\0{VERSION}".encode()


def digest_of(content: bytes) -> str:
    """``Program.digest`` of the program read from ``content`` (as ``formats.read`` works it out)."""
    import hashlib

    return hashlib.sha256(content).hexdigest()


def path(key: bytes) -> str:
    from .parse_cache import path as cache_path

    return cache_path(key).removesuffix(".json") + ".search.sqlite"


def _digest(key: bytes) -> str:
    from .parse_cache import checksum

    return checksum(key).decode()


class Store:
    """An open search database: :meth:`search` answers as ``SearchIndex(program).search``
    (hits without a ``target``: the caller has the program, if it wants the entries)."""

    def __init__(self, db: sqlite3.Connection, where: str):
        self.db = db
        self.where = where
        meta = dict(db.execute("SELECT name, value FROM meta"))
        self.days = int(meta["days"])
        """How many days the program has (the text output shows the day when more than one)."""
        self.size = int(meta["entries"])
        self.zone = meta.get("zone", "")
        """The zone of the program indexed (``--timezone`` can give a schedule another)."""

    def reopen(self) -> Store:
        """The same database on a connection of the calling thread's own."""
        return Store(sqlite3.connect(self.where), self.where)

    def search(self, query: str, limit: int | None = 50) -> Results:
        from ..core.textfold import fold

        words = tuple(dict.fromkeys(fold(query).split()))
        if not words:
            return Results(query, (), (), 0)
        where, found = _where(words)
        if limit is not None and limit <= 0:
            return Results(query, words, (), self._count(where, found))
        score, scored = _score(words)
        # One row per query, not one per hit: the module lets go of the GIL at each row, and a
        # thread indexing meanwhile (the app's) would hold each row back for a switch interval.
        best = json.loads(self.db.execute(
            f"SELECT json_group_array(json_array(rowid, s)) FROM (SELECT r.rowid AS rowid, {score} AS s "
            f"FROM fts JOIN rank AS r ON r.rowid = fts.rowid WHERE {where} ORDER BY 2 DESC, r.rowid"
            + (" LIMIT ?)" if limit is not None else ")"),
            scored + found + ([limit] if limit is not None else [])).fetchone()[0])
        best.sort(key=lambda pair: (-pair[1], pair[0]))  # (an aggregate keeps no order)
        total = len(best) if limit is None or len(best) < limit else self._count(where, found)
        shown = {rowid: (doc, blob) for rowid, doc, blob in json.loads(self.db.execute(
            "SELECT json_group_array(json_array(d.rowid, json(d.doc), fts.blob)) FROM docs AS d "
            "JOIN fts ON fts.rowid = d.rowid WHERE d.rowid IN (SELECT value FROM json_each(?))",
            [json.dumps([r for r, _ in best])]).fetchone()[0])}
        at = datetime.fromisoformat
        hits = []
        for rowid, points in best:
            doc, blob = shown[rowid]
            kind, ident, title, start, end, parent, fields, _ = doc
            begins, ends = (at(start) if start else None), (at(end) if end else None)
            entry = _Doc(kind, ident, title, begins, ends, parent, None,  # type: ignore[arg-type]
                         tuple(_Field(*f) for f in fields))
            hits.append(Hit(kind, ident, title, begins, ends, parent, None,  # type: ignore[arg-type]
                            points, entry, blob, words))
        return Results(query, words, tuple(hits), total)

    def _count(self, where: str, params: list[str]) -> int:
        return self.db.execute(f"SELECT count(*) FROM fts WHERE {where}", params).fetchone()[0]

    def interrupt(self) -> None:
        """Stop the query running on this connection (from another thread): it raises
        ``sqlite3.OperationalError`` there."""
        self.db.interrupt()

    def close(self) -> None:
        self.db.close()


def _where(words: tuple[str, ...]) -> tuple[str, list[str]]:
    """The entries holding every word: the trigram index for words of three letters or more,
    ``instr`` for shorter ones."""
    long_ = [w for w in words if len(w) >= 3]
    where, params = [], []
    if long_:
        where.append("fts MATCH ?")
        params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_))
    for w in words:
        if len(w) < 3:
            where.append("instr(fts.blob, ?) > 0")
            params.append(w)
    return " AND ".join(where), params


def _score(words: tuple[str, ...]) -> tuple[str, list[str]]:
    """An entry's score as ``SearchIndex._rank`` works it out: per word, ``3 * class`` of the
    best field class holding it, plus 2 for a whole word or 1 for a word start in that class."""
    from ..core.textfold import words_form

    parts, params = [], []
    bonus = "CASE WHEN instr({0}, ?) THEN 2 WHEN instr({0}, ?) THEN 1 ELSE 0 END"
    for w in words:
        form = words_form(w)
        whole, start = f" {form} ", f" {form}"
        cases = []
        for text, forms, cls in _CLASSES:
            cases.append(f"WHEN instr(r.{text}, ?) THEN {3 * cls} + {bonus.format('r.' + forms)}")
            params += [w, whole, start]
        body = f"(SELECT {bonus.format('b.form')} FROM body AS b WHERE b.rowid = r.rowid)"  # read only if needed
        parts.append(f"(CASE {' '.join(cases)} ELSE {3 * BODY} + {body} END)")
        params += [whole, start]
    return " + ".join(parts), params


def open_store(key: bytes) -> Store | None:
    """The stored index of the program keyed ``key``, or ``None`` (none yet, or unusable: then
    the file is removed, to be built again)."""
    from .sqlite_file import connect

    where = path(key)
    found = connect(where, lambda meta: meta.get("schema") == SCHEMA and meta.get("key") == _digest(key))
    return Store(found[0], where) if found is not None else None


def build(key: bytes, index: SearchIndex, days: int) -> None:
    """Store ``index`` (of a program with ``days`` days) under ``key``; a read-only or full
    cache folder only costs speed."""
    from .sqlite_file import build as build_file

    build_file(path(key), lambda db: _fill(db, key, index, days))


def _fill(db: sqlite3.Connection, key: bytes, index: SearchIndex, days: int) -> None:
    from ..core.textfold import words_form

    zone = index.program.event.timezone if index.program is not None else ""
    db.executescript(
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, kind TEXT, id TEXT, doc TEXT);"
        "CREATE TABLE rank (rowid INTEGER PRIMARY KEY, t TEXT, p TEXT, d TEXT, ft TEXT, fp TEXT, fd TEXT);"
        "CREATE TABLE body (rowid INTEGER PRIMARY KEY, form TEXT);"
        "CREATE VIRTUAL TABLE fts USING fts5(blob, tokenize = 'trigram case_sensitive 1');")
    rows = list(enumerate(index.rows()))

    def ranked():
        for i, (plain, blob) in rows:
            cuts: tuple[int, int, int] = plain[-1]  # type: ignore[assignment]
            pieces = blob[:cuts[0]], blob[cuts[0]:cuts[1]], blob[cuts[1]:cuts[2]]
            yield (i, *pieces, *map(words_form, pieces))

    def bodies():
        for i, (plain, blob) in rows:
            cuts: tuple[int, int, int] = plain[-1]  # type: ignore[assignment]
            yield i, words_form(blob[cuts[2]:])

    db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", (
        (i, plain[0], plain[1], json.dumps(plain, ensure_ascii=False)) for i, (plain, _) in rows))
    db.executemany("INSERT INTO rank VALUES (?, ?, ?, ?, ?, ?, ?)", ranked())
    db.executemany("INSERT INTO body VALUES (?, ?)", bodies())
    db.executemany("INSERT INTO fts (rowid, blob) VALUES (?, ?)", ((i, blob) for i, (_, blob) in rows))
    db.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("schema", SCHEMA), ("key", _digest(key)), ("days", str(days)), ("entries", str(len(rows))),
        ("zone", zone)])
