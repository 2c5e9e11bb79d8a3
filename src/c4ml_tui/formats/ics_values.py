"""The values of iCalendar properties that ``ics_in.py`` reads: durations (RFC 5545 3.3.6), a
TZID as the zone database names it, a DATE or DATE-TIME as an instant, the people one ``CN``
names. Pure functions, each small enough to test on its own."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..core.zones import localize
from .ics_lines import unquote

MAX_LENGTH = timedelta(days=400)
"""A DURATION longer than this is refused (an event that long is a mistake, and near the end of
the years an instant may have it would overflow)."""
_DURATION = re.compile(r"^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


def person_names(common_name: str | None) -> list[str]:
    """The people one ``CN`` names: ``Ada Lovelace, Bo Example`` is two, as a person reads it
    (each part a name of at least two words); ``Lovelace, Ada`` stays one."""
    if not common_name:
        return []
    parts = [p.strip() for p in re.split(r",\s+|\s+&\s+|\s+and\s+", common_name)]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return parts
    return [common_name.strip()]


def parse_duration(text: str) -> timedelta | None:
    """An RFC 5545 duration (``PT45M``, ``P1DT2H``, ``P1W``); negative ones are refused."""
    match = _DURATION.match(text.strip().upper())
    if not match or match[1] == "-" or not any(match.groups()[1:]):
        return None
    if any(g and len(g) > 7 for g in match.groups()[1:]):  # no event lasts that long; and it overflows
        return None
    weeks, days, hours, minutes, seconds = (int(g or 0) for g in match.groups()[1:])
    length = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    return length if length <= MAX_LENGTH else None


def instant(moment: datetime | date, tz: ZoneInfo) -> datetime:
    """A DTSTART/DTEND value as an instant in ``tz`` (a date alone: its midnight there)."""
    if isinstance(moment, datetime):
        return moment.astimezone(tz)
    return localize(datetime.combine(moment, time()), tz)


_KNOWN: dict[str, str | None] = {}


def zone_name(tzid: str) -> str | None:
    """The zone database's name for a ``TZID`` (``Europe/Rome``, ``"Europe/Rome"``, Mozilla's
    ``/mozilla.org/20050126_1/Europe/Rome``), or ``None``."""
    if tzid in _KNOWN:
        return _KNOWN[tzid]
    name = unquote(tzid).strip().lstrip("/")
    parts = name.split("/")
    found = None
    for at in range(len(parts)):
        candidate = "/".join(parts[at:])
        if candidate and not candidate[0].isdigit():
            try:
                ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
                continue
            found = candidate
            break
    _KNOWN[tzid] = found
    return found
