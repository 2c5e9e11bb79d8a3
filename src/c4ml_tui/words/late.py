"""How late the day runs, in words: ``running 7 min late``, ``scheduled 10:00, ``.

The delay itself comes from the chair's marks (``core/delays.py``) through the timeline's
expected times; this module only says it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..core import fmt
from ..core.instants import between
from ..core.timeline import Entry, Snapshot, Timeline

ZERO = timedelta(0)


def headline(tl: Timeline, snap: Snapshot) -> timedelta:
    """The day's delay at a snapshot: how late what is on will end (the current talk, else, between
    talks, how late the next talk starts, else the current item), or in a gap how late what comes
    next starts. Zero when nothing is left.

    By the *end*, because that is what the rest of the day inherits: a talk that started a
    minute early and runs three minutes over its countdown (``OVERTIME +03:07``, which
    ``delays.at_instant`` counts) makes the day late, not early."""
    if snap.current_talk is not None:
        return tl.end_delay(snap.current_talk)
    if snap.next_talk is not None:
        return tl.delay(snap.next_talk)
    if snap.current is not None:
        return tl.end_delay(snap.current)
    if snap.next is not None:
        return tl.delay(snap.next)
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
    if fmt.hm(expected_start) == fmt.hm(entry.start):
        return ""
    return f"scheduled {fmt.hm(entry.start)}, "


def time_left(tl: Timeline, entry: Entry, now: datetime) -> str:
    """``45 min left``; ``over time by 3 min`` for an entry running past its expected end (the
    chair marked it started and not yet ended: its countdown reads ``+03:07``)."""
    since = tl.overtime_since(entry)
    if since is not None:
        return over_time(between(since, now))
    return f"{fmt.duration(between(now, tl.end(entry)))} left"


def over_time(delta: timedelta) -> str:
    """``over time by 3 min`` in whole minutes, as the chair's ``+03:07`` reads; ``over time``
    in the first minute."""
    minutes = int(delta.total_seconds() // 60)
    return f"over time by {minutes} min" if minutes > 0 else "over time"
