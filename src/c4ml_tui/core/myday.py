"""My day: the starred items and talks in time order, each with the starred entries it clashes
with. Pure: the stars come from ``store/favourites.py``; times from a timeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .model import Item, Program, Talk
from .records import record
from .timeline import ExpectedTimes


@record
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
    day: date
    """The conference day of the entry (a 00:30 set belongs to the evening before)."""

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def clash(self) -> bool:
        return bool(self.clashes)


def my_day(program: Program, starred: Iterable[str], *, timeline: ExpectedTimes | None = None,
           day: date | None = None) -> list[DayEntry]:
    """The starred items and talks in time order (the longer first when two start together, so
    a session comes before its first talk), each with the starred entries it overlaps.

    ``timeline`` (a :class:`~c4ml_tui.core.timeline.Timeline`) supplies expected times when a delay
    runs; ``day`` keeps only the entries of that conference day (``Program.day_of``). Ids the
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
        if day is not None and program.day_of(entry) != day:
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
    return [DayEntry(entry, when, until, program.parent.get(entry.id), tuple(clashes[entry.id]),
                     program.day_of(entry))
            for when, until, entry in found]


def _related(program: Program, a: Item | Talk, b: Item | Talk) -> bool:
    return program.parent.get(a.id) is b or program.parent.get(b.id) is a


def missing(program: Program, starred: Iterable[str]) -> list[str]:
    """Starred ids the program does not have (removed or renamed by the organiser)."""
    return [i for i in dict.fromkeys(starred) if i not in program.by_id]
