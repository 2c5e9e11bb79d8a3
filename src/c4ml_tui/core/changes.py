"""What changed between two copies of a program: moved, retitled, new and cancelled entries, by id.

Pure: two :class:`Program` values in, a :class:`Changes` out. Items and the talks inside them
are compared; an entry moved when its start, end or room differ, and was retitled when its title
differs (an entry can be both).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .instants import utc
from .model import Item, Program, Talk

Entry = Item | Talk


@dataclass(frozen=True)
class Changes:
    moved: tuple[tuple[Entry, Entry], ...] = ()
    """``(before, after)`` pairs, in the new program's order."""
    new: tuple[Entry, ...] = ()
    cancelled: tuple[Entry, ...] = ()
    retitled: tuple[tuple[Entry, Entry], ...] = ()
    """``(before, after)`` pairs whose title changed, in the new program's order."""

    def __bool__(self) -> bool:
        return bool(self.moved or self.new or self.cancelled or self.retitled)

    def summary(self) -> str:
        """``2 moved, 1 retitled, 1 new, 1 cancelled`` (or ``no changes``)."""
        parts = [f"{len(self.moved)} moved" if self.moved else "",
                 f"{len(self.retitled)} retitled" if self.retitled else "",
                 f"{len(self.new)} new" if self.new else "",
                 f"{len(self.cancelled)} cancelled" if self.cancelled else ""]
        return ", ".join(p for p in parts if p) or "no changes"


def diff(old: Program, new: Program) -> Changes:
    """The changes from ``old`` to ``new``, matching entries by id."""
    before, after = _entries(old), _entries(new)
    moved = tuple((before[k], e) for k, e in after.items() if k in before and _where(before[k]) != _where(e))
    added = tuple(e for k, e in after.items() if k not in before)
    gone = tuple(e for k, e in before.items() if k not in after)
    retitled = tuple((before[k], e) for k, e in after.items() if k in before and before[k].title != e.title)
    return Changes(moved, added, gone, retitled)


def _entries(program: Program) -> dict[str, Entry]:
    found: dict[str, Entry] = {}
    for item in program.items:
        found[item.id] = item
        for talk in item.talks:
            found[talk.id] = talk
    return found


def _where(entry: Entry) -> tuple[datetime, datetime, str | None]:
    room = entry.room if isinstance(entry, Item) else None
    return (utc(entry.start), utc(entry.end), room)
