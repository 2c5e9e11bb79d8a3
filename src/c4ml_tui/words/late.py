"""How late the day runs, in words: ``running 7 min late``, ``scheduled 10:00, ``.

The delay itself comes from the chair's marks (``core/delays.py``) through the timeline's
expected times; this module only says it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..core.timeline import Entry, Snapshot, Timeline

ZERO = timedelta(0)


def headline(tl: Timeline, snap: Snapshot) -> timedelta:
    """The day's delay at a snapshot: of the current talk, else the current item, else the next
    item (how late what is on, or what comes next, starts). Zero when nothing is left."""
    for entry in (snap.current_talk, snap.current, snap.next):
        if entry is not None:
            return tl.delay(entry)
    return ZERO


def minutes(delay: timedelta) -> int:
    """A delay in whole minutes, rounded to the nearest."""
    return round(delay.total_seconds() / 60)


def late_note(delay: timedelta) -> str:
    """``running 7 min late`` / ``running 2 min early``; empty within half a minute of on time."""
    m = minutes(delay)
    if m == 0:
        return ""
    return f"running {abs(m)} min {'late' if m > 0 else 'early'}"


def late_parts(tl: Timeline, snap: Snapshot) -> list[str]:
    """``["running 7 min late"]`` for the ``now`` line, or ``[]`` when on time."""
    note = late_note(headline(tl, snap))
    return [note] if note else []


def scheduled_note(entry: Entry, expected_start: datetime) -> str:
    """``scheduled 10:00, `` when ``entry`` is expected at another minute than scheduled."""
    if expected_start.strftime("%H:%M") == entry.start.strftime("%H:%M"):
        return ""
    return f"scheduled {entry.start:%H:%M}, "
