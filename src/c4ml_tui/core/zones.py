"""Time zones: checking a zone's name, and attaching a zone to a wall-clock time.

Pure (``zoneinfo`` reads the zone database, which is data that ships with Python or ``tzdata``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .records import record

# Cities people write as zones that are not zones of their own.
_CITY_ZONES = {
    "las_vegas": "America/Los_Angeles",
    "san_francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "san_diego": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "san_jose": "America/Los_Angeles",
    "washington": "America/New_York",
    "boston": "America/New_York",
    "philadelphia": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "pittsburgh": "America/New_York",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "austin": "America/Chicago",
    "salt_lake_city": "America/Denver",
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "geneva": "Europe/Zurich",
    "barcelona": "Europe/Madrid",
    "milan": "Europe/Rome",
    "beijing": "Asia/Shanghai",
    "osaka": "Asia/Tokyo",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new_delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
}


def zone_suggestion(name: str) -> str | None:
    """The zone someone probably meant by ``name`` (``America/Las_Vegas`` -> Los Angeles)."""
    import difflib
    from zoneinfo import available_timezones

    city = name.rsplit("/", 1)[-1].strip().lower().replace(" ", "_")
    if city in _CITY_ZONES:
        return _CITY_ZONES[city]
    by_lower = {z.lower(): z for z in available_timezones()}
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.8)
    return by_lower[close[0]] if close else None


def check_zone(name: str) -> str | None:
    """``None`` when ``name`` is a zone, else a message saying what to write instead."""
    try:
        if (name and "/" in name) or name == "UTC":
            ZoneInfo(name)
            return None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    hint = zone_suggestion(name) if name else None
    tail = f"; did you mean {hint}?" if hint else " (an IANA zone such as America/Los_Angeles)"
    return f"timezone {name!r} is not a known time zone{tail}"


FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years an instant read from outside data (a program, an import, a chair's marks, a feed)
may fall in. Python's datetimes end at years 1 and 9999, and converting ``0001-01-01 +14:00`` to
UTC, or adding a day's delay near the end, raises ``OverflowError``: a date outside these years
is a problem in the file, never a crash, and a day's arithmetic stays far from either end."""


def year_problem(moment: date) -> str | None:
    """``None`` when ``moment`` (a date or a datetime) is within :data:`FIRST_YEAR` to
    :data:`LAST_YEAR`, else what to say about it."""
    if FIRST_YEAR <= moment.year <= LAST_YEAR:
        return None
    return f"the year {moment.year} is out of range (a year from {FIRST_YEAR} to {LAST_YEAR})"


def localize(naive: datetime, tz: tzinfo) -> datetime:
    """Attach ``tz`` to a wall-clock time; a time that does not exist (DST gap) moves forward,
    a repeated one takes its first occurrence (``instants.resolve`` says which happened)."""
    from .instants import resolve

    return resolve(naive, tz)[0]


@record
class Observance:
    """One span of a zone's time for a VTIMEZONE (RFC 5545 3.6.5): from ``onset`` (the wall
    time in the offset *before* the change, as ``DTSTART`` must be written) the offset is
    ``offset_to`` and the name ``name``; ``daylight`` says DAYLIGHT rather than STANDARD."""

    onset: datetime
    """Naive: the local time of the change read in ``offset_from``."""
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool
    at: datetime
    """The instant of the change, in UTC."""


def observances(zone: tzinfo, first: datetime, last: datetime) -> list[Observance]:
    """The zone's observances from instant ``first`` up to instant ``last`` (both aware): the
    one in force at ``first`` (its onset written as ``first``'s wall time, offsets equal), then
    one per change of offset or name, each found to the second."""
    start = first.astimezone(timezone.utc)
    end = last.astimezone(timezone.utc)

    def state(moment: datetime) -> tuple[timedelta | None, str | None, bool]:
        local = moment.astimezone(zone)
        return local.utcoffset(), local.tzname(), bool(local.dst())

    def observance(moment: datetime, before: timedelta) -> Observance:
        offset, name, daylight = state(moment)
        assert offset is not None
        onset = (moment + before).replace(tzinfo=None)
        return Observance(onset, before, offset, name or offset_name(offset), daylight, moment)

    first_offset = state(start)[0]
    assert first_offset is not None
    found = [observance(start, first_offset)]
    step = timedelta(hours=1)
    here, now = start.replace(microsecond=0), state(start)
    while here < end:
        there = min(here + step, end)
        then = state(there)
        if then != now:
            lo, hi = here, there  # the change lies in (lo, hi]: bisect to the second
            while hi - lo > timedelta(seconds=1):
                mid = lo + timedelta(seconds=int((hi - lo).total_seconds()) // 2)
                if state(mid) == now:
                    lo = mid
                else:
                    hi = mid
            before = now[0]
            assert before is not None
            found.append(observance(hi, before))
            now = state(hi)
        here = there
    return found


def offset_name(offset: timedelta) -> str:
    """``+0530`` for a zone span with no name of its own."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
