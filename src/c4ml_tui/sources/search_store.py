"""A program's search index kept on disk (SQLite, from the standard library), so `c4ml-tui
search` answers without reading the whole program or building its index again.

One database per parse (keyed like the parse cache: the file's bytes, the readers' version and
the zone), next to the parse cache. Each searchable entry is a row of ``docs`` (its kind, id,
title, times, fields and the cuts between its field classes, as JSON) and of ``fts``, an FTS5
table with the trigram tokenizer over the entry's folded text (``core/textfold.py`` folds
accents and case before anything is stored, so the index and the query fold the same way; the
fields keep their original text, so highlights are offsets into it). A query's words of three
letters or more are matched by the trigram index, shorter ones by ``instr``; the entries found
(every entry that contains every word) are handed, in index order, to
``SearchIndex.from_rows``, which ranks and highlights them exactly as the whole index would.

A database is checked before use (its schema version and the key it was built for); a damaged
or foreign one is set aside and built again. Building writes a temporary file and renames it.
"""

from __future__ import annotations

import json
import os
import sqlite3

from ..core.search import SearchIndex
from ..core.search_hits import Results

SCHEMA = "1"


def path(key: bytes) -> str:
    from .parse_cache import path as cache_path

    return cache_path(key).removesuffix(".json") + ".search.sqlite"


def _digest(key: bytes) -> str:
    from .parse_cache import checksum

    return checksum(key).decode()


class Store:
    """An open search database: :meth:`search` answers as ``SearchIndex(program).search``."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        meta = dict(db.execute("SELECT name, value FROM meta"))
        self.days = int(meta["days"])
        """How many days the program has (the text output shows the day when more than one)."""
        self.size = int(meta["entries"])

    def search(self, query: str, limit: int | None = 50) -> Results:
        from ..core.textfold import fold

        words = tuple(dict.fromkeys(fold(query).split()))
        if not words:
            return Results(query, (), (), 0)
        long_ = [w for w in words if len(w) >= 3]
        short = [w for w in words if len(w) < 3]
        where, params = [], []
        if long_:
            where.append("fts MATCH ?")
            params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_))
        for w in short:
            where.append("instr(blob, ?) > 0")
            params.append(w)
        found = self.db.execute(
            f"SELECT d.rowid, d.doc, fts.blob FROM fts JOIN docs AS d ON d.rowid = fts.rowid "
            f"WHERE {' AND '.join(where)} ORDER BY d.rowid", params).fetchall()
        rows = [(tuple(json.loads(doc)), blob) for _, doc, blob in found]
        return SearchIndex.from_rows(rows).search(query, limit)

    def close(self) -> None:
        self.db.close()


def open_store(key: bytes) -> Store | None:
    """The stored index of the parse keyed ``key``, or ``None`` (none yet, or unusable: then
    the file is removed, to be built again)."""
    where = path(key)
    if not os.path.exists(where):
        return None
    try:
        db = sqlite3.connect(where)  # (not a file: URI, which a '?' or '#' in the folder would break)
        meta = dict(db.execute("SELECT name, value FROM meta"))
        if meta.get("schema") != SCHEMA or meta.get("key") != _digest(key):
            raise sqlite3.DatabaseError("built for another parse or schema")
        return Store(db)
    except (sqlite3.Error, ValueError, KeyError):
        try:
            os.remove(where)
        except OSError:
            pass
        return None


def build(key: bytes, index: SearchIndex, days: int) -> None:
    """Store ``index`` (of a program with ``days`` days) under ``key``; a read-only or full
    cache folder only costs speed."""
    from pathlib import Path

    from ..store.atomic import remove_orphans

    where = path(key)
    folder, name = os.path.split(where)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")  # named as atomic writes name theirs
    try:
        os.makedirs(folder, exist_ok=True)
        remove_orphans(Path(where))  # a build killed half-way left its copy: gone after 10 minutes
        if os.path.exists(temporary):
            os.remove(temporary)
        db = sqlite3.connect(temporary)
        try:
            db.executescript(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
                "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, kind TEXT, id TEXT, doc TEXT);"
                "CREATE VIRTUAL TABLE fts USING fts5(blob, tokenize = 'trigram case_sensitive 1');")
            rows = list(enumerate(index.rows()))
            db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                           ((i, plain[0], plain[1], json.dumps(plain, ensure_ascii=False)) for i, (plain, _) in rows))
            db.executemany("INSERT INTO fts (rowid, blob) VALUES (?, ?)", ((i, blob) for i, (_, blob) in rows))
            db.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("schema", SCHEMA), ("key", _digest(key)), ("days", str(days)), ("entries", str(len(rows)))])
            db.commit()
        finally:
            db.close()
        os.replace(temporary, where)
    except (OSError, sqlite3.Error, ValueError):
        try:
            os.remove(temporary)
        except OSError:
            pass
