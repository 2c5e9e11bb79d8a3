"""A program kept on disk item by item (SQLite, from the standard library), so that an answer
for one instant (``c4ml-tui now``) reads the few items around it instead of the whole program.

One database per parse, keyed like the parse cache (the file's bytes, the readers' version and
the zone) and next to it. ``items`` holds each item's JSON (``model_json.item_to_dict``) with its
start and end in UTC seconds, its conference day and its room, indexed on each; ``refs`` maps
every id and guid (talks' ids too) to its item; ``speakers`` each speaker's JSON; ``meta`` the
event, the chair's settings and what a slice must know of the whole program (its rooms, tracks
and days, the longest item).

:meth:`Stored.around` builds a :class:`~c4ml_tui.core.model.Program` holding only what an
answer at one instant needs: what runs then, the next item (globally, with no room, and in each
room), the first and last items of the program, and every whole day a chair's mark could
change (``core.delays`` works day by day): with those, ``Timeline``, ``delays.at_instant`` and
the words give the same answer as on the whole program (``tests/test_program_store.py`` checks it
instant by instant, with and without marks).

Finding the store must not cost a read of the file: a small note per path records the file's
size, modification and change times and inode next to the parse it was read as; when they all
match, the file is not read at all (a file written less than two seconds before the note would
be is not noted: its next change could keep the same times, as git's "racy" index entries).
A damaged or foreign database is set aside and built again; building writes a temporary file
and renames it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone

from ..core.model import ChairSettings, Event, Item, Program, Speaker, Talk, sliced
from ..formats.model_json import event_from_dict, event_to_dict, item_from_dict, item_to_dict, times_in
from .whole import Whole

TYPE_CHECKING = False  # not typing's: a small file's `now` comes here without SQLite (loader.SMALL_FILE)
if TYPE_CHECKING:
    import sqlite3

SCHEMA = "1"
RACY_SECONDS = 2.0
"""A file changed less than this before its note would be written is not noted (see above)."""
UTC = timezone.utc


def _name(key: bytes) -> str:
    from .parse_cache import path as cache_path

    return os.path.basename(cache_path(key)).removesuffix(".json")


def _folder() -> str:
    from ..store.paths import cache_folder

    return os.path.join(cache_folder(), "programs")


def path_of(name: str) -> str:
    return os.path.join(_folder(), name + ".program.sqlite")


def _seconds(moment: datetime) -> float:
    return moment.timestamp()


class Stored:
    """An open program store: the whole program's event and shape, and its items on demand."""

    def __init__(self, db: sqlite3.Connection, meta: dict[str, str], source: str):
        self.db = db
        self.source = source
        self.event: Event = event_from_dict(json.loads(meta["event"]))
        self.chair = ChairSettings(**json.loads(meta["chair"]))
        self.rooms: tuple[str, ...] = tuple(json.loads(meta["rooms"]))
        self.tracks: tuple[str, ...] = tuple(json.loads(meta["tracks"]))
        self.days: tuple[date, ...] = tuple(date.fromisoformat(d) for d in json.loads(meta["days"]))
        self.digest = meta["digest"]
        self.longest = float(meta["longest"])
        self.size = int(meta["items"])
        """How many items the whole program has."""
        self.entries = int(meta["entries"])
        """How many items and talks it has."""
        self._at = times_in(self.event.tz)

    @property
    def tz(self):
        return self.event.tz

    # -- reading items --------------------------------------------------------------------------
    def _items(self, positions: Iterable[int]) -> list[Item]:
        """The items at ``positions``, in the program's order."""
        rows = self._rows("SELECT doc FROM items WHERE pos IN ({}) ORDER BY pos", sorted(set(positions)))
        return [item_from_dict(json.loads(doc), self._at) for (doc,) in rows]

    def _positions(self, sql: str, params: Iterable[object] = ()) -> set[int]:
        return {pos for (pos,) in self.db.execute(sql, tuple(params))}

    def find(self, ref: str) -> Item | Talk | None:
        """An item or talk by its id, else an item by its guid (as ``Program.find``)."""
        for kind in (0, 1):
            row = self.db.execute("SELECT pos FROM refs WHERE ref = ? AND kind = ?", (ref, kind)).fetchone()
            if row is not None:
                item = self._items([row[0]])[0]
                if kind == 1 or item.id == ref:
                    return item
                return next((t for t in item.talks if t.id == ref), None)
        return None

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are ids of the program's items or talks."""
        return {ref for (ref,) in self._rows("SELECT ref FROM refs WHERE kind = 0 AND ref IN ({})", ids)}

    def days_of(self, ids: Iterable[str]) -> set[date]:
        """The conference days of the items (or of the items holding the talks) ``ids`` name."""
        return {date.fromisoformat(day) for (day,) in self._rows(
            "SELECT DISTINCT items.day FROM refs JOIN items ON items.pos = refs.pos "
            "WHERE refs.kind = 0 AND refs.ref IN ({})", ids)}

    def _rows(self, sql: str, values: Iterable[object]) -> list[tuple]:
        """The rows of ``sql`` (whose ``{}`` takes the placeholders) for ``values``, 500 at a
        time (SQLite's limit on a statement's parameters), in their order."""
        wanted = list(dict.fromkeys(values))
        found: list[tuple] = []
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk:chunk + 500]
            found.extend(self.db.execute(sql.format(",".join("?" * len(part))), part))
        return found

    # -- slices ---------------------------------------------------------------------------------
    def around(self, now: datetime, marked: Iterable[str] = (), room: str | None = None) -> Program:
        """The items an answer at ``now`` needs (see the module's doc), in one ``room`` (and
        the items with none) or all; ``marked``: the ids the chair's marks name, whose days
        are read whole when the slice touches them."""
        t = _seconds(now)
        in_room = "" if room is None else "(room = ? OR room IS NULL) AND "
        only = () if room is None else (room,)
        pos = self._positions(  # running now (by the schedule; a margin for rounding)
            f'SELECT pos FROM items WHERE {in_room}start >= ? AND start <= ? AND "end" > ?',
            (*only, t - self.longest - 1, t + 1, t - 1))
        # what is next (every item from the instant to the first start after it), the first
        # and the last: what the status and the "next" of a timeline depend on
        for part in ([""] if room is None else ["room = ? AND", "room IS NULL AND"]):
            params = (room,) if "?" in part else ()
            pos |= self._positions(
                f"SELECT pos FROM items WHERE {part} start > ? AND start <= "
                f"(SELECT min(start) FROM items WHERE {part} start > ?)", (*params, t - 1, *params, t))
            pos |= self._positions(
                f"SELECT pos FROM items WHERE {part} start = (SELECT min(start) FROM items WHERE {part} 1)",
                params * 2)
            pos |= self._positions(
                f'SELECT pos FROM items WHERE {part} "end" = (SELECT max("end") FROM items WHERE {part} 1)',
                params * 2)
        if room is None:  # what is next in each room (by the index on room and start: one step each)
            pos |= {p for (p,) in self.db.execute(
                "SELECT (SELECT pos FROM items WHERE room = rooms.name AND start > ? "
                'ORDER BY start, "end", pos LIMIT 1) FROM rooms', (t,)) if p is not None}
        marked = list(marked)
        if marked:
            local = now.astimezone(self.tz)
            touched = {self._day_at(local), local.date()}
            touched |= {date.fromisoformat(d) for (d,) in self.db.execute(
                f"SELECT DISTINCT day FROM items WHERE pos IN ({','.join(map(str, sorted(pos))) or 'NULL'})")}
            for day in sorted(touched & self.days_of(marked)):
                pos |= self._positions("SELECT pos FROM items WHERE day = ?", (day.isoformat(),))
        program = self._program(self._items(pos))
        if room is None:
            return program
        from ..core.filters import only_room

        return sliced(only_room(program, room), rooms=(room,), tracks=self.tracks, days=self.days, size=self.size,
                      known=self.known)

    def day(self, day: date, room: str | None = None) -> Program:
        """The items of one conference day (in ``room``, and those with no room)."""
        if room is None:
            found = self._positions("SELECT pos FROM items WHERE day = ?", (day.isoformat(),))
        else:
            found = self._positions("SELECT pos FROM items WHERE day = ? AND (room = ? OR room IS NULL)",
                                    (day.isoformat(), room))
        program = self._program(self._items(found))
        return program if room is None else sliced(program, rooms=(room,), tracks=self.tracks, days=self.days,
                                                   size=self.size, known=self.known)

    def widened(self, part: Program, day: date, room: str | None = None, *, first: bool = False) -> Program:
        """``part`` (a slice of :meth:`around`, all rooms) with every item of ``day`` (in ``room``
        and those with no room, or all; ``first``: its first item only), in the program's order;
        only the new items are read."""
        at = dict(self._rows("SELECT ref, pos FROM refs WHERE kind = 0 AND ref IN ({})", [i.id for i in part.items]))
        in_room = "" if room is None else " AND (room = ? OR room IS NULL)"
        new = self._positions(f"SELECT pos FROM items WHERE day = ?{in_room} ORDER BY pos{' LIMIT 1' * first}",
                              (day.isoformat(), *(() if room is None else (room,)))) - set(at.values())
        if not new:
            return part
        rows = self._rows("SELECT pos, doc FROM items WHERE pos IN ({})", new)
        found = [(at[i.id], i) for i in part.items]
        found += [(pos, item_from_dict(json.loads(doc), self._at)) for pos, doc in rows]
        return self._program([item for _, item in sorted(found, key=lambda pair: pair[0])], dict(part.speakers))

    def day_at(self, moment: datetime) -> date:
        """The conference day it is at ``moment`` (as ``Program.day_at``)."""
        return self._day_at(moment.astimezone(self.tz))

    def _day_at(self, local: datetime) -> date:
        from ..core.model import conference_day

        return conference_day(local, self.event.day_change)

    def _program(self, items: list[Item], read: dict[str, Speaker] | None = None) -> Program:
        """A slice of ``items`` with their speakers (those in ``read`` are not read again)."""
        wanted: set[str] = set()
        for item in items:
            wanted.update(item.speakers)
            if item.chair:
                wanted.add(item.chair)
            for talk in item.talks:
                wanted.update(talk.speakers)
        read = read or {}
        speakers = {sid: read[sid] for sid in wanted if sid in read}
        speakers.update((sid, Speaker(**json.loads(doc))) for sid, doc in self._rows(
            "SELECT id, doc FROM speakers WHERE id IN ({})", sorted(wanted - speakers.keys())))
        return sliced(Program(self.event, tuple(items), speakers, self.chair, self.source, self.digest),
                      rooms=self.rooms, tracks=self.tracks, days=self.days, size=self.size, known=self.known)

    def close(self) -> None:
        self.db.close()


# -- finding a store ------------------------------------------------------------------------------
def _note_file(source: str, timezone: str | None) -> str:
    from ..formats import VERSION
    from .parse_cache import checksum

    name = checksum(f"{os.path.abspath(source)}\0{timezone or ''}\0{VERSION}".encode()).decode()
    return os.path.join(_folder(), "path-" + name + ".txt")


def _stamp(stat: os.stat_result) -> str:
    return f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns} {stat.st_ino}"


def _noted(source: str, timezone: str | None) -> tuple[str, int] | None:
    """``(store name, entries)`` from the note of ``source`` when the file has not changed since."""
    try:
        stat = os.stat(source)
        with open(_note_file(source, timezone), encoding="utf-8") as handle:
            stamp, name, entries = handle.read().split("\n")[:3]
        return (name, int(entries)) if stamp == _stamp(stat) else None
    except (OSError, ValueError):
        return None


def open_noted(source: str, timezone: str | None) -> Stored | None:
    """The store of the file ``source`` when its note says the file has not changed since it
    was read (no read of the file at all); else ``None``."""
    found = _noted(source, timezone)
    return open_store(found[0], source) if found is not None else None


def noted_size(source: str, timezone: str | None) -> int | None:
    """How many items and talks the program in ``source`` has, when its note says the file has
    not changed since it was read (neither the file nor the store is opened); else ``None``."""
    found = _noted(source, timezone)
    return found[1] if found is not None else None


def note(source: str, timezone: str | None, key: bytes, entries: int, now: float | None = None) -> None:
    """Remember that the file ``source`` (as it is now) was read as the parse keyed ``key``,
    with ``entries`` items and talks."""
    import time
    from pathlib import Path

    from ..store.atomic import write_text

    try:
        stat = os.stat(source)
        if (time.time() if now is None else now) - stat.st_mtime < RACY_SECONDS:
            return  # it may change again within its clock's resolution: read it next time
        write_text(Path(_note_file(source, timezone)), f"{_stamp(stat)}\n{_name(key)}\n{entries}\n")
    except (OSError, ValueError):
        pass


def open_keyed(key: bytes, source: str) -> Stored | None:
    return open_store(_name(key), source)


def open_store(name: str, source: str) -> Stored | None:
    """The store named ``name``, or ``None`` (none yet, or unusable: then it is removed, to be
    built again)."""
    from .sqlite_file import connect

    found = connect(path_of(name), lambda meta: meta.get("schema") == SCHEMA and meta.get("name") == name)
    if found is None:
        return None
    try:
        return Stored(*found, source)
    except (ValueError, KeyError, TypeError):  # a meta value that does not read
        found[0].close()
        os.remove(path_of(name))
        return None


def build(key: bytes, program: Program) -> None:
    """Store ``program`` (the parse keyed ``key``); a read-only or full cache folder only costs speed."""
    from .sqlite_file import build as build_file

    name = _name(key)
    build_file(path_of(name), lambda db: _fill(db, name, program))


def _fill(db: sqlite3.Connection, name: str, program: Program) -> None:
    from ..core.model import asdict

    db.executescript(
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
        'CREATE TABLE items (pos INTEGER PRIMARY KEY, start REAL, "end" REAL, day TEXT, room TEXT, doc TEXT);'
        "CREATE TABLE refs (ref TEXT, kind INTEGER, pos INTEGER);"
        "CREATE TABLE speakers (id TEXT PRIMARY KEY, doc TEXT);"
        "CREATE TABLE rooms (ord INTEGER PRIMARY KEY, name TEXT);")
    db.executemany("INSERT INTO rooms VALUES (?, ?)", enumerate(program.rooms))
    db.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)", (
        (pos, _seconds(i.start), _seconds(i.end), i.day.isoformat(), i.room,
         json.dumps(item_to_dict(i), ensure_ascii=False))
        for pos, i in enumerate(program.items)))
    db.executemany("INSERT INTO refs VALUES (?, ?, ?)", _refs(program.items))
    db.executemany("INSERT INTO speakers VALUES (?, ?)", (
        (s.id, json.dumps(asdict(s), ensure_ascii=False)) for s in program.speakers.values()))
    longest = max(((i.end - i.start) for i in program.items), default=timedelta(0))
    db.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("schema", SCHEMA), ("name", name), ("digest", program.digest),
        ("event", json.dumps(event_to_dict(program.event), ensure_ascii=False)),
        ("chair", json.dumps(asdict(program.chair))),
        ("rooms", json.dumps(program.rooms, ensure_ascii=False)),
        ("tracks", json.dumps(program.tracks, ensure_ascii=False)),
        ("days", json.dumps([d.isoformat() for d in program.days])),
        ("longest", repr(longest.total_seconds())), ("items", str(len(program.items))),
        ("entries", str(len(program.items) + sum(len(i.talks) for i in program.items)))])
    db.executescript(
        'CREATE INDEX items_start ON items (start); CREATE INDEX items_end ON items ("end");'
        'CREATE INDEX items_day ON items (day); CREATE INDEX items_room ON items (room, start, "end");'
        'CREATE INDEX items_room_end ON items (room, "end"); CREATE INDEX refs_ref ON refs (ref, kind);')


def _refs(items: Iterable[Item]) -> Iterable[tuple[str, int, int]]:
    for pos, item in enumerate(items):
        yield item.id, 0, pos
        if item.guid:
            yield item.guid, 1, pos
        for talk in item.talks:
            yield talk.id, 0, pos


def view(source: str, content_of, timezone: str | None, whole_of) -> Stored | Whole:
    """The store of the file ``source``: found by its note without reading the file, else by
    its bytes (``content_of()``), else built from the whole program (``whole_of(content)``,
    which raises ``ProgramError`` for a broken file)."""
    stored = open_noted(source, timezone)
    if stored is not None:
        return stored
    from .parsed import cache_key

    content = content_of()
    key = cache_key(content, timezone)
    stored = open_keyed(key, source)
    if stored is None:
        program = whole_of(content)
        build(key, program)
        stored = open_keyed(key, source)
        if stored is None:  # a read-only or full cache folder
            return Whole(program)
    note(source, timezone, key, stored.entries)
    return stored
