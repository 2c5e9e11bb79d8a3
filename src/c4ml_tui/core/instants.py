"""Instants: the one place for arithmetic, ordering and wall-time questions about aware datetimes.

Python compares and subtracts two datetimes that share a ``tzinfo`` on the *wall clock*,
ignoring the offset and ``fold``: on a fall-back night ``01:30 EST`` (fold=1) equals ``01:30
EDT`` and ``01:10 EST - 5 min`` gives ``01:05 EDT``, an hour early. Every layer that orders,
compares, adds or subtracts instants does it here, in UTC, and converts back to the zone the
value came in. A wall time that a zone skips (spring forward) or repeats (fall back) is resolved
here too, saying which it was, so readers can warn instead of guessing silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone, tzinfo

UTC = timezone.utc

GAP = "gap"
"""A wall time the zone skips (02:30 on a spring-forward night)."""
FOLD = "fold"
"""A wall time the zone shows twice (01:30 on a fall-back night)."""


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime would silently mean the machine's zone, so it is refused."""
    if moment.tzinfo is None:
        raise ValueError("an instant needs an aware datetime")
    return moment.astimezone(UTC)


def key(moment: datetime) -> datetime:
    """A sort key that orders instants by when they happen (``sorted(xs, key=instants.key)``)."""
    return moment.astimezone(UTC)


def before(a: datetime, b: datetime) -> bool:
    return a.astimezone(UTC) < b.astimezone(UTC)


def at_or_before(a: datetime, b: datetime) -> bool:
    return a.astimezone(UTC) <= b.astimezone(UTC)


def same(a: datetime, b: datetime) -> bool:
    """The same instant (``01:30 EDT`` and ``01:30 EST`` are not)."""
    return a.astimezone(UTC) == b.astimezone(UTC)


def between(start: datetime, end: datetime) -> timedelta:
    """The real time from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def shift(moment: datetime, delta: timedelta) -> datetime:
    """``moment`` moved by ``delta`` of real time, in ``moment``'s own zone."""
    zone = moment.tzinfo
    if zone is None:
        raise ValueError("an instant needs an aware datetime")
    return (moment.astimezone(UTC) + delta).astimezone(zone)


def latest(moments: Iterable[datetime]) -> datetime:
    return max(moments, key=key)


def earliest(moments: Iterable[datetime]) -> datetime:
    return min(moments, key=key)


# -- wall times ---------------------------------------------------------------------------------

def resolve(naive: datetime, zone: tzinfo) -> tuple[datetime, str | None]:
    """Attach ``zone`` to a wall-clock time: ``(aware, None)`` when the time happens once;
    ``(moved forward, GAP)`` for a time the zone skips (02:30 on the spring-forward night
    becomes 03:30, the instant 02:30 would be on the old offset); ``(first, FOLD)`` for a time
    the zone shows twice (the earlier of the two, ``fold=0``)."""
    aware = naive.replace(tzinfo=zone, fold=0)
    back = aware.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None, fold=0) != naive.replace(fold=0):  # in a spring-forward gap
        return back, GAP
    if aware.replace(fold=1).utcoffset() != aware.utcoffset():
        return aware, FOLD
    return aware, None


def ambiguous(moment: datetime, zone: tzinfo | None = None) -> bool:
    """Whether the wall time of ``moment`` (in ``zone``, default its own) happens twice there,
    so that ``01:30`` alone would not say which instant it is."""
    local = moment.astimezone(zone) if zone is not None else moment
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def offset_text(moment: datetime) -> str:
    """``+02:00``, ``-05:00``, ``+10:30``: the moment's UTC offset as ISO 8601 writes it."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def with_offset(moment: datetime) -> str:
    """``2025-11-02 01:30-04:00``: a wall time that names one instant in any zone."""
    clock = f"{moment:%H:%M:%S}" if moment.second else f"{moment:%H:%M}"
    return f"{moment:%Y-%m-%d} {clock}{offset_text(moment)}"


def both(naive: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The two instants a repeated wall time may mean (first, second)."""
    return naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)


def wall_note(naive: datetime, zone: tzinfo, kind: str) -> str:
    """What was chosen for a wall time that a zone skips or repeats, and how to write it so
    that it names one instant: the tail of a ``validate`` warning."""
    first, second = both(naive, zone)
    name = getattr(zone, "key", None) or str(zone)
    day = f"{naive:%Y-%m-%d}"
    clock = f"{naive:%H:%M:%S}" if naive.second else f"{naive:%H:%M}"
    step = abs((second.utcoffset() or timedelta(0)) - (first.utcoffset() or timedelta(0)))
    size = "an hour" if step == timedelta(hours=1) else f"{int(step.total_seconds()) // 60} min"
    if kind == GAP:
        chosen = resolve(naive, zone)[0]
        return (f"{clock} does not exist in {name} on {day} (clocks go forward {size}); read as "
                f"{chosen:%H:%M} {chosen.tzname()} ({offset_text(chosen)}); write the instant you mean "
                f"with an offset, e.g. \"{with_offset(chosen)}\"")
    return (f"{clock} happens twice in {name} on {day} (clocks go back {size}); read as the first, "
            f"{clock} {first.tzname()} ({offset_text(first)}); to be explicit write "
            f"\"{with_offset(first)}\" ({first.tzname()}) or \"{with_offset(second)}\" ({second.tzname()})")
