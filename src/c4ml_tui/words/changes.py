"""What changed between two copies of a program, in words: one line per change, or JSON."""

from __future__ import annotations

from ..core import fmt
from ..core.changes import Changes, Entry
from ..core.model import Item, Program


def describe(changes: Changes, program: Program) -> list[str]:
    """One line per change, times in ``program``'s zone."""
    tz = program.tz

    def when(e: Entry) -> str:
        start = e.start.astimezone(tz)
        return f"{start:%a %d %b} {fmt.span(start, e.end.astimezone(tz))}"

    def room(e: Entry) -> str:
        return f" [{e.room}]" if isinstance(e, Item) and e.room else ""

    lines = []
    for a, b in changes.moved:
        if isinstance(a, Item) and isinstance(b, Item) and a.room != b.room:
            where = f" [{a.room} -> {b.room}]"
        else:
            where = room(b)
        lines.append(f"moved      {b.title}: {when(a)} -> {when(b)}{where}")
    lines += [f"retitled   {b.title}: was {a.title} ({when(b)}){room(b)}" for a, b in changes.retitled]
    lines += [f"new        {e.title}: {when(e)}{room(e)}" for e in changes.new]
    lines += [f"cancelled  {e.title}: was {when(e)}{room(e)}" for e in changes.cancelled]
    return lines


def as_json(changes: Changes) -> dict:
    def entry(e: Entry) -> dict:
        return {"id": e.id, "title": e.title, "start": e.start.isoformat(), "end": e.end.isoformat(),
                "room": e.room if isinstance(e, Item) else None}

    return {"moved": [{"before": entry(a), "after": entry(b)} for a, b in changes.moved],
            "retitled": [{"before": entry(a), "after": entry(b)} for a, b in changes.retitled],
            "new": [entry(e) for e in changes.new], "cancelled": [entry(e) for e in changes.cancelled]}
