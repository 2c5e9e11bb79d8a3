"""Time zones: checking a zone's name, and attaching a zone to a wall-clock time.

Pure (``zoneinfo`` reads the zone database, which is data that ships with Python or ``tzdata``).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


def localize(naive: datetime, tz: tzinfo) -> datetime:
    """Attach ``tz`` to a wall-clock time; a time that does not exist (DST gap) moves forward,
    a repeated one takes its first occurrence (``instants.resolve`` says which happened)."""
    from .instants import resolve

    return resolve(naive, tz)[0]
