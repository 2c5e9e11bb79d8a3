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


class Shown:
    """How every view shows a time: ``hours`` 24 or 12, in ``zone`` (``None``: the event's, the
    zone each time comes in; :data:`LOCAL`: the viewer's machine zone at that instant; or a zone).

    Set once by a command (``--clock``, ``--show-zone``) or by the app (its key), through
    :func:`show`: a process shows one way at a time, so the words need not pass it around.
    """

    __slots__ = ("hours", "yours", "zone")

    def __init__(self, hours: int = 24, zone: tzinfo | str | None = None, yours: bool = False):
        self.hours = hours
        self.zone = zone
        self.yours = yours or zone == LOCAL
        """Whether ``zone`` is the viewer's own (given as a zone in tests, or ``--show-zone local``)."""

    @property
    def elsewhere(self) -> bool:
        """Whether times are shown in another zone than the event's (then always labelled)."""
        return self.zone is not None


LOCAL = "local"
"""``Shown.zone`` for the viewer's own zone (the machine's, at each instant: DST-correct)."""

_shown = Shown()


def show(hours: int | None = 24, zone: tzinfo | str | None = None, yours: bool = False) -> Shown:
    """Show times with ``hours`` (12 or 24; ``None``: 24) in ``zone`` from now on (``yours``:
    it is the viewer's own zone); returns the previous setting (to put back)."""
    global _shown
    before, _shown = _shown, Shown(hours or 24, zone, yours)
    return before


def shown() -> Shown:
    return _shown


def restore(previous: Shown) -> None:
    global _shown
    _shown = previous


def viewed(moment: datetime) -> datetime:
    """``moment`` in the zone times are shown in."""
    zone = _shown.zone
    if zone is None:
        return moment
    return moment.astimezone() if zone == LOCAL else moment.astimezone(zone)  # type: ignore[arg-type]


def zone_label() -> str:
    """``your zone`` / ``Asia/Tokyo``: what the shown times are in, when not the event's."""
    zone = _shown.zone
    if zone is None:
        return ""
    return "your zone" if _shown.yours else str(getattr(zone, "key", zone))


def wall(moment: datetime, seconds: bool = False) -> str:
    """The wall time of ``moment`` in its own zone: ``09:15`` or, on a 12-hour clock, ``9:15 AM``."""
    if _shown.hours == 12:
        hour = moment.hour % 12 or 12
        clock = f"{hour}:{moment:%M:%S}" if seconds else f"{hour}:{moment:%M}"
        return f"{clock} {'AM' if moment.hour < 12 else 'PM'}"
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def _label(shown: datetime, moment: datetime) -> str:
    """`` CET`` for a time shown in another zone than the event's, or one that happens twice
    (``01:10 EDT``); with the weekday when it is another day there (``Mon 01:00 JST``)."""
    if _shown.zone is None:
        return f" {shown.tzname()}" if _ambiguous(shown) else ""
    return f" {shown.tzname()}"


def _day(shown: datetime, moment: datetime) -> str:
    return f"{shown:%a} " if _shown.zone is not None and shown.date() != moment.date() else ""


def hm(moment: datetime, weekday: bool | None = None) -> str:
    """``09:15`` (``9:15 AM`` on a 12-hour clock) in the zone times are shown in; labelled with
    the zone's abbreviation when that is not the event's zone or the wall time happens twice.
    ``weekday``: ``True`` always puts the day first (``Mon 09:15``), ``False`` never; by default
    it comes when the shown zone is on another day than the venue (``Mon 01:00 JST``)."""
    there = viewed(moment)
    day = _day(there, moment) if weekday is None else (f"{there:%a} " if weekday else "")
    return f"{day}{wall(there)}{_label(there, moment)}"


def span(start: datetime, end: datetime) -> str:
    """``09:15-10:00``; ``9:15-10:00 AM``; ``18:15-19:00 CET``; ``01:50 EDT-01:10 EST``: one
    label at the end when both ends share it."""
    a, b = viewed(start), viewed(end)
    la, lb = _label(a, start), _label(b, end)
    if la != lb:  # one end in a repeated hour: label both (``01:30 CEST-02:30 CET``)
        la, lb = f" {a.tzname()}", f" {b.tzname()}"
    ta, tb = wall(a), wall(b)
    if _shown.hours == 12 and ta[-2:] == tb[-2:] and la == lb:
        ta = ta[:-3]  # 9:15-10:00 AM
    if la == lb:
        return f"{_day(a, start)}{ta}-{tb}{lb}"
    return f"{_day(a, start)}{ta}{la}-{tb}{lb}"


def your_time(now: datetime, local: tzinfo | None = None) -> str:
    """``your time 18:15 CET`` when the viewer's wall clock differs from the event's, with the
    weekday when it is another day there (``your time Mon 01:00 JST``); else ``""``."""
    mine = now.astimezone(local) if local is not None else now.astimezone()
    if mine.utcoffset() == now.utcoffset():
        return ""
    day = f"{mine:%a} " if mine.date() != now.date() else ""  # already tomorrow there: say so
    return f"your time {day}{wall(mine)} {mine.tzname()}"


def shown_note(now: datetime) -> str:
    """``times in your zone (CET)`` while times are shown in another zone than the event's (the
    app's ``z``, ``--show-zone``), so nobody takes them for the venue's; else ``""``."""
    where = zone_label()
    return f"times in {where} ({viewed(now).tzname()})" if where else ""


def viewer_note(now: datetime, local: tzinfo | None = None) -> str:
    """The viewer's side of the clock: ``your time 18:15 CET``; while times are shown in the
    viewer's zone ``times in your zone: 18:15 CET``; in another zone ``your time 18:15 CET ·
    times in Asia/Tokyo (JST)``; ``""`` when there is nothing to add to the venue's clock."""
    if _shown.yours:
        mine = viewed(now)
        day = f"{mine:%a} " if mine.date() != now.date() else ""
        return f"times in your zone: {day}{wall(mine)} {mine.tzname()}"
    return " · ".join(part for part in (your_time(now, local), shown_note(now)) if part)


_CHANGE_DAYS: dict[tuple[object, int], bool] = {}
"""Whether a zone's offset changes between the days around a day (by ordinal): most days it
does not, and this look-up is cheaper than asking the zone about both folds."""


def _ambiguous(moment: datetime) -> bool:
    zone, day = moment.tzinfo, moment.toordinal()
    near = _CHANGE_DAYS.get((zone, day))
    if near is None:
        base = datetime.fromordinal(day - 1)
        offsets = {(base + timedelta(days=k)).replace(tzinfo=zone).utcoffset() for k in range(3)}
        near = _CHANGE_DAYS[(zone, day)] = len(offsets) > 1
    return near and moment.replace(fold=1 - moment.fold).utcoffset() != moment.utcoffset()


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
