"""A SQLite file next to the parse cache, as the program store and the search store keep theirs:
built whole in a temporary file and renamed into place (a reader never sees half of one), opened
only when its ``meta`` table says it is the one wanted, and removed when it is not (damaged,
foreign, an older schema): it is built again. A read-only or full cache folder only costs speed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable


def build(where: str, fill: Callable[[sqlite3.Connection], object]) -> None:
    """Make the database ``where``: ``fill`` writes its tables into a fresh temporary file,
    which then replaces ``where``. Failures are swallowed (the caller works without it)."""
    from pathlib import Path

    from ..store.atomic import remove_orphans

    folder, name = os.path.split(where)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")  # named as atomic writes name theirs
    try:
        os.makedirs(folder, exist_ok=True)
        remove_orphans(Path(where))  # a build killed half-way left its copy: gone after 10 minutes
        if os.path.exists(temporary):
            os.remove(temporary)
        db = sqlite3.connect(temporary)
        try:
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            fill(db)
            db.commit()
        finally:
            db.close()
        os.replace(temporary, where)
    except (OSError, sqlite3.Error, ValueError):
        try:
            os.remove(temporary)
        except OSError:
            pass


def connect(where: str, wanted: Callable[[dict[str, str]], bool]) -> tuple[sqlite3.Connection, dict[str, str]] | None:
    """The database ``where`` and its ``meta`` table, when ``wanted(meta)``; ``None`` when there
    is none, or it is not wanted or not a database (then it is removed, to be built again)."""
    if not os.path.exists(where):
        return None
    try:
        # (not a file: URI, which a '?' or '#' in the folder would break). Any thread may read it
        # (the app's slice asks its store which mark ids it knows from wherever it is loaded);
        # SQLite's default build serializes the calls.
        db = sqlite3.connect(where, check_same_thread=False)
        meta = dict(db.execute("SELECT name, value FROM meta"))
        if not wanted(meta):
            db.close()
            raise sqlite3.DatabaseError("built for another parse or schema")
        return db, meta
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        try:
            os.remove(where)
        except OSError:
            pass
        return None
