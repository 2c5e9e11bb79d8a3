"""Starred items and talks, kept per program in the user data folder; and "My day".

Where: ``data_dir()/favourites/<program key>.json`` (``C4ML_TUI_DATA_DIR`` overrides the folder).

The program key (:func:`program_key`) is the event's title and first date, folded to a slug:
``fictional-workshop-on-imaginary-compilers-2031-03-29``. It is not the file's digest (an
organiser's edit changes that) nor its path (moving or re-downloading the file should keep your
stars), so two conferences never mix while edits and moves keep your choices. Renaming the event
or moving its date starts a fresh set (the old file stays). Stars on ids that the program no
longer has are kept in the file, ignored by :func:`my_day` and listed by :func:`missing`.

Writes are atomic; a corrupt file is set aside (``<name>.corrupt-<stamp>``) with a warning and
a fresh set starts; nothing here raises on a bad or unwritable file: problems land in
:attr:`Favourites.warning` for the UI to show.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .model import Item, Program, Talk
from .textfold import fold

FORMAT = 1
"""The version of the file's shape, written as ``"format"``."""


def program_key(program: Program) -> str:
    """A stable, file-name-safe key for ``program``: ``<title slug>-<event date>``.

    A title cut at 60 characters, or with letters that are not Latin (they fold to nothing
    in the slug), gets a short hash of the folded title appended, so two such events on one day
    still differ."""
    folded = fold(program.event.title)
    whole = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    slug = whole[:60].strip("-")
    key = f"{slug or 'event'}-{program.event.date.isoformat()}"
    if slug != whole or re.sub(r"[\W_]+", "", folded) != re.sub(r"[^a-z0-9]+", "", folded):
        key += "-" + hashlib.sha256(folded.encode()).hexdigest()[:8]
    return key


class Favourites:
    """The starred entry ids of one program, in the order they were starred.

    ``Favourites.load(program)`` reads them; :meth:`star`, :meth:`unstar` and :meth:`toggle`
    change them and save at once. ``warning`` says what went wrong with the file, if anything
    (a corrupt file set aside, a failed save); the UI shows it and may set it to ``None``.
    """

    def __init__(self, key: str, path: Path, ids: Iterable[str] = (), *, title: str = "",
                 day: date | None = None, warning: str | None = None):
        self.key = key
        self.path = path
        self._ids: dict[str, None] = dict.fromkeys(ids)
        self.title = title
        self.day = day
        self.warning = warning

    @classmethod
    def load(cls, program: Program, folder: Path | None = None) -> Favourites:
        """The favourites stored for ``program`` (none yet: an empty set)."""
        from .atomic import read_json, set_aside
        from .locations import data_dir

        key = program_key(program)
        path = (folder or data_dir() / "favourites") / f"{key}.json"
        data, warning = read_json(path)
        ids: list[str] = []
        if data is not None or (warning is None and path.exists()):  # a JSON null is no list either
            starred = data.get("starred") if isinstance(data, dict) else None
            if isinstance(starred, list) and all(isinstance(i, str) for i in starred):
                ids = starred
            else:
                try:
                    moved = set_aside(path)
                    warning = f"{path} did not hold a list of starred ids; it was kept as {moved.name} and a fresh one started"
                except OSError as error:
                    warning = f"{path} did not hold a list of starred ids and could not be set aside ({error})"
        return cls(key, path, ids, title=program.event.title, day=program.event.date, warning=warning)

    # -- reading -------------------------------------------------------------------------------
    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._ids

    def __iter__(self):
        return iter(tuple(self._ids))

    def __len__(self) -> int:
        return len(self._ids)

    # -- changing ------------------------------------------------------------------------------
    def star(self, entry_id: str) -> None:
        if entry_id not in self._ids:
            self._ids[entry_id] = None
            self.save()

    def unstar(self, entry_id: str) -> None:
        if entry_id in self._ids:
            del self._ids[entry_id]
            self.save()

    def toggle(self, entry_id: str) -> bool:
        """Star or unstar ``entry_id``; return whether it is starred now."""
        if entry_id in self._ids:
            self.unstar(entry_id)
            return False
        self.star(entry_id)
        return True

    def save(self) -> bool:
        """Write the file atomically; on failure keep the stars in memory, set ``warning`` and
        return ``False``."""
        from .atomic import write_json

        data = {"format": FORMAT, "program": {"title": self.title, "date": self.day.isoformat() if self.day else None},
                "starred": list(self._ids)}
        try:
            write_json(self.path, data)
        except OSError as error:
            self.warning = f"could not save favourites to {self.path}: {error.strerror or error}"
            return False
        return True


# -- My day ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DayEntry:
    """One starred entry on the "My day" list."""

    entry: Item | Talk
    start: datetime
    end: datetime
    """Expected times (a delay moves them when a timeline with expected times is given)."""
    parent: Item | None
    """The item holding a starred talk."""
    clashes: tuple[str, ...]
    """Ids of other starred entries that overlap this one (a talk never clashes with its own
    session)."""

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def clash(self) -> bool:
        return bool(self.clashes)


def my_day(program: Program, starred: Iterable[str], *, timeline=None, day: date | None = None) -> list[DayEntry]:
    """The starred items and talks in time order (the longer first when two start together, so
    a session comes before its first talk), each with the starred entries it overlaps.

    ``timeline`` (a :class:`~c4ml_tui.timeline.Timeline`) supplies expected times when a delay
    runs; ``day`` keeps only the entries that start on that day (in the event's zone). Ids the
    program does not know are skipped (see :func:`missing`). Two entries clash when their
    times overlap (touching ends do not); a talk and the session that holds it never clash.
    """
    start = timeline.start if timeline is not None else (lambda e: e.start)
    end = timeline.end if timeline is not None else (lambda e: e.end)
    found = []
    for entry_id in dict.fromkeys(starred):
        entry = program.by_id.get(entry_id)
        if entry is None:
            continue
        when = start(entry)
        if day is not None and when.astimezone(program.tz).date() != day:
            continue
        found.append((when, end(entry), entry))
    found.sort(key=lambda f: (f[0], -f[1].timestamp(), f[2].id))  # a session before its first talk
    clashes: dict[str, list[str]] = {e.id: [] for _, _, e in found}
    active: list[tuple[datetime, datetime, Item | Talk]] = []
    for when, until, entry in found:  # a sweep: compare only with entries still running
        active = [a for a in active if a[1] > when]
        for _, _, other in active:
            if not _related(program, entry, other):
                clashes[entry.id].append(other.id)
                clashes[other.id].append(entry.id)
        active.append((when, until, entry))
    return [DayEntry(entry, when, until, program.parent.get(entry.id), tuple(clashes[entry.id]))
            for when, until, entry in found]


def _related(program: Program, a: Item | Talk, b: Item | Talk) -> bool:
    return program.parent.get(a.id) is b or program.parent.get(b.id) is a


def missing(program: Program, starred: Iterable[str]) -> list[str]:
    """Starred ids the program does not have (removed or renamed by the organiser)."""
    return [i for i in dict.fromkeys(starred) if i not in program.by_id]
