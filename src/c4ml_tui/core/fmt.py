"""Plain-text formatting of times and durations, shared by the commands and the screens."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo


def duration(delta: timedelta) -> str:
    """A human duration rounded up to the minute: ``45 min``, ``1 h 20 min``, ``2 d 3 h``."""
    seconds = max(0, int(-(-delta.total_seconds() // 60)) * 60)
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def countdown(delta: timedelta) -> str:
    """``MM:SS`` (or ``H:MM:SS``) for a countdown; negative values get a leading ``+`` (overtime)."""
    total = int(delta.total_seconds())
    sign = "+" if total < 0 else ""
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes:02d}:{seconds:02d}"


def hm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def span(start: datetime, end: datetime) -> str:
    return f"{hm(start)}-{hm(end)}"


def day_title(moment: date) -> str:
    """``Sunday 2 March 2025``."""
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def local_zone() -> tzinfo:
    """The machine's zone as a fixed offset *today* (``TZ`` or the system setting).

    Prefer :func:`local` for a given instant: the offset today may not be the offset then.
    """
    return datetime.now().astimezone().tzinfo  # type: ignore[return-value]


def local(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` on the user's wall clock: in ``zone``, or in the machine's zone as it was at
    that instant (``09:15 PST`` is ``18:15 CET`` in Berlin in March, whatever today's offset)."""
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def differs(moment: datetime, other: tzinfo | None = None) -> bool:
    """Whether wall clocks in ``other`` (default: the machine's zone) show a different time
    than in ``moment``'s zone at that instant."""
    return moment.utcoffset() != local(moment, other).utcoffset()


def place(location: str | None, zone: str) -> str:
    """A short place name for the clock: ``Las Vegas`` from ``Las Vegas, USA``, else the zone's city."""
    if location:
        return location.split(",")[0].split("(")[0].strip() or location
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def count(n: int, noun: str) -> str:
    """``1 talk``, ``8 talks``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def age(then: datetime, now: datetime) -> str:
    """How long ago ``then`` was: ``2 h 5 min`` in whole minutes, rounded down (a copy never looks
    older than it is); ``less than a minute`` under one. A clock set back gives age 0."""
    minutes = max(0, int((now.astimezone(timezone.utc) - then.astimezone(timezone.utc)).total_seconds() // 60))
    return duration(timedelta(minutes=minutes)) if minutes else "less than a minute"


def short_day(day: date) -> str:
    """``Sat 28 Dec``: a day in a heading."""
    return f"{day:%a} {day.day} {day:%b}"
