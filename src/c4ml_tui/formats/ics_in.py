"""iCalendar in (RFC 5545): the ``.ics`` files Indico, Sessionize, Sched, pretalx and
conference sites publish, one event an item.

The lines are read by ``ics_lines`` (fast: a 100,000-event calendar in seconds); ``icalendar``
builds what is hard to get right by hand: a ``VTIMEZONE`` whose ``TZID`` the zone database does
not know, and, through ``recurring-ical-events``, the occurrences of a repeating event
(``RRULE``/``RDATE``/``EXDATE`` and moved or cancelled occurrences), at most
:data:`MAX_OCCURRENCES` of them within :data:`RECURRENCE_WINDOW` of its first.

* **Times**: UTC (``Z``), ``TZID=`` with or without a ``VTIMEZONE``, floating (in the event's
  zone, so they need one: ``X-WR-TIMEZONE`` or ``--timezone``), all-day dates, ``DURATION``
  instead of ``DTEND``. The event's zone is ``--timezone``, else ``X-WR-TIMEZONE`` (or a
  ``VTIMEZONE: Zone/Name`` line, as hand-made files write it), else the zone most events are
  written in, else UTC when no time is floating.
* **Fields**: ``SUMMARY`` the title, ``LOCATION`` the room, the first of ``CATEGORIES`` the
  track, ``DESCRIPTION`` (else ``X-ALT-DESC`` HTML), ``URL``, ``ATTACH`` links, ``UID`` the
  id and guid (a repeated UID gets ``-2``, ``-3``... in file order), ``LANGUAGE=`` of the
  summary. ``ORGANIZER`` names are the speakers when the events have different organisers (a
  hand-made file's way of naming them); speakers named only inside the title stay there.
  ``STATUS:CANCELLED`` events are left out.
* **The conference day** of an event is its start's date, or the day before when it starts
  before the change-over (04:00, or the calendar's ``X-C4ML-DAY-CHANGE``); an all-day event
  is on its own date; ``X-C4ML-DAY`` names it outright.
* **The event's name**: ``X-WR-CALNAME`` (or ``NAME``), else the prefix most titles share
  (``PyCon UK 2015: ...``), else the file's name.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ..core.instants import resolve, shift, wall_note
from ..core.zones import localize, year_problem
from .ics_lines import Component, Lines, param, split_list, unescape
from .ics_values import instant, parse_duration, person_names, zone_name
from .people import RawPerson
from .problems import Problem, ProgramError
from .schedule_build import Builder, RawConference, RawEvent

MAX_OCCURRENCES = 1000
RECURRENCE_WINDOW = timedelta(days=366)
_DATE_TIME = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$")
_PREFIX = re.compile(r"^(.{2,60}?)\s*(?::|\s[-\u2013\u2014|]\s)\s*\S")  # "Name: ", "Name - ", a dash

When = datetime | date | None


def read(content: bytes, source: str, digest: str, timezone_name: str | None, day_change: time | None = None):
    """A :class:`~c4ml_tui.core.model.Program` from an iCalendar file; raises ``ProgramError``."""
    lines = Lines(content, source)
    reader = _Reader(lines, source, timezone_name)
    conf = RawConference(title=reader.calendar_name(), zone=reader.zone_name(), zone_line=0,
                         day_change=day_change or reader.day_change(), url=reader.calendar_text("URL"))
    builder = Builder(source, digest, locate=lambda raw, key: lines.line_of(reader.offsets.get(id(raw), 0)))
    builder.problems.extend(lines.problems)
    tz = builder.zone(conf, timezone_name)
    events = reader.events(tz) if tz is not None else []
    builder.problems.extend(reader.problems)
    builder.warnings.extend(reader.warnings)
    return builder.program(conf, tz, events)


class _Reader:
    def __init__(self, lines: Lines, source: str, user_zone: str | None):
        self.lines = lines
        self.source = source
        self.user_zone = user_zone
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._zones: dict[str, object] = {}
        self._seen: dict[tuple[str, str], When] = {}
        self.offsets: dict[int, int] = {}
        """Where each raw event is in the text, by ``id()``: its line is worked out on a problem only."""

    def problem(self, index: int, message: str) -> None:
        self.problems.append(Problem(self.source, self.lines.line_of(index), message))

    # -- the calendar ------------------------------------------------------------------------------
    def calendar_text(self, name: str) -> str | None:
        prop = self.lines.calendar.get(name)
        return unescape(prop[0]).strip() or None if prop else None

    def calendar_name(self) -> str | None:
        named = self.calendar_text("X-WR-CALNAME") or self.calendar_text("NAME")
        if named:
            return named
        prefixes: Counter[str] = Counter()
        titles = [e.value("SUMMARY") for e in self.lines.events]
        for title in titles:
            match = _PREFIX.match(unescape(title[0]).strip()) if title else None
            if match:
                prefixes[match[1]] += 1
        common = prefixes.most_common(1)
        if common and common[0][1] * 2 > len(titles):
            return common[0][0]
        stem = re.split(r"[/\\]", self.source.rstrip("/"))[-1]
        return re.sub(r"\.(ics|ical|ifb|icalendar)$", "", stem, flags=re.IGNORECASE) or None

    def day_change(self) -> time | None:
        """``X-C4ML-DAY-CHANGE:06:00`` (what c4ml-tui's export writes for a program that has one)."""
        text = self.calendar_text("X-C4ML-DAY-CHANGE")
        try:
            return time.fromisoformat(text) if text else None
        except ValueError:
            prop = self.lines.calendar["X-C4ML-DAY-CHANGE"]
            self.problem(prop[2], f"X-C4ML-DAY-CHANGE {text!r} is not a time of day such as 04:00")
            return None

    def zone_name(self) -> str | None:
        """The event's zone (see the module's doc); ``None`` when the times need one given."""
        if self.user_zone:
            return self.user_zone
        for key in ("X-WR-TIMEZONE", "VTIMEZONE", "TIMEZONE-ID"):
            named = self.calendar_text(key)
            if named and zone_name(named):
                return zone_name(named)
        used: Counter[str] = Counter()
        floating = utc = 0
        for event in self.lines.events:
            start = event.value("DTSTART")
            if start is None:
                continue
            tzid = param(start[1], "TZID")
            if tzid:
                used[tzid] += 1
            elif start[0].strip().upper().endswith("Z"):
                utc += 1
            elif "T" in start[0].upper():
                floating += 1
        for tzid, _ in used.most_common():
            if zone_name(tzid):
                return zone_name(tzid)
        if (utc or used) and not floating:
            return "UTC"  # instants known, no zone to show them in: UTC, until --timezone says
        return None

    # -- events --------------------------------------------------------------------------------
    def events(self, tz: ZoneInfo) -> list[RawEvent]:
        found: list[RawEvent] = []
        organisers = {e.props.get("ORGANIZER") for e in self.lines.events} - {None}
        self.with_organisers = len(organisers) > 1
        recurring = [e for e in self.lines.events if "RRULE" in e.props or "RDATE" in e.props]
        series = {unescape(uid[0]) for e in recurring if (uid := e.value("UID"))}
        for event in self.lines.events:
            uid = event.value("UID") if series else None
            if uid and unescape(uid[0]) in series:
                continue  # a repeating event and its moved occurrences: expanded below
            raw = self.event(event, tz)
            if raw is not None:
                found.append(raw)
        if recurring:
            found += self.occurrences(recurring, series, tz)
        return found

    def event(self, event: Component, tz: ZoneInfo, ident: str | None = None, line: int | None = None):
        """One VEVENT as a raw event; ``None`` when cancelled or without a start. (Read for
        speed: each property present is parsed once, absent ones cost a dictionary look-up.)"""
        get = event.value
        status = get("STATUS")
        if status and status[0].upper() == "CANCELLED":
            return None
        at = event.first if line is None else line
        start_prop = get("DTSTART")
        if start_prop is None:
            self.problem(at, "event has no DTSTART: it cannot be placed in the program")
            return None
        start = self.when(start_prop, tz, event, "DTSTART")
        if start is None:
            return None
        end = self.end(event, start, tz)
        if end is None:
            return None
        day = None if isinstance(start, datetime) else start
        begin = start if isinstance(start, datetime) and start.tzinfo is tz else instant(start, tz)
        until = end if isinstance(end, datetime) and end.tzinfo is tz else instant(end, tz)
        own_day = get("X-C4ML-DAY")
        if own_day:
            try:
                day = date.fromisoformat(own_day[0])
            except ValueError:
                self.problem(event.where("X-C4ML-DAY"),
                             f"X-C4ML-DAY {own_day[0]!r} is not a date such as 2025-03-02")
        uid, summary, description = get("UID"), get("SUMMARY"), get("DESCRIPTION")
        location, url = get("LOCATION"), get("URL")
        text = unescape(description[0]) if description else None
        if not (text and text.strip()):
            alt = get("X-ALT-DESC")
            text = unescape(alt[0]) if alt else None
        categories = [c for prop in event.all("CATEGORIES") for c in split_list(prop[0])]
        persons = []
        if self.with_organisers:
            persons = [RawPerson(None, None, name)
                       for o in event.all("ORGANIZER") for name in person_names(param(o[1], "CN"))]
        links = [(param(a[1], "FILENAME") or "", unescape(a[0]).strip()) for a in event.all("ATTACH")
                 if a[0].lower().startswith(("http://", "https://"))]
        guid = unescape(uid[0]) if uid else None
        raw = RawEvent(
            line=0, id=ident or guid, guid=guid, title=unescape(summary[0]) if summary else None,
            room=unescape(location[0]) if location else None,
            track=categories[0] if categories else None, description=text,
            url=unescape(url[0]) if url else None, links=links, persons=persons,
            language=param(summary[1], "LANGUAGE") if summary and summary[1] else None,
            at=begin, until=until, day=day, local=day is not None,
        )
        self.offsets[id(raw)] = at
        return raw

    def end(self, event: Component, start: datetime | date, tz: ZoneInfo) -> When:
        prop = event.value("DTEND")
        if prop is not None:
            return self.when(prop, tz, event, "DTEND")
        duration = event.value("DURATION")
        if duration is not None:
            length = parse_duration(duration[0])
            if length is None:
                self.problem(event.where("DURATION"), f"DURATION {duration[0]!r} is not a duration such as PT45M")
                return None
            if isinstance(start, datetime):  # days are nominal (RFC 5545 3.3.6), the rest exact
                nominal, zone = timedelta(days=length.days), start.tzinfo or timezone.utc
                return shift(localize(start.replace(tzinfo=None) + nominal, zone), length - nominal)
            return start + length
        if isinstance(start, datetime):
            return start  # RFC 5545: no end, no duration: the event takes no time
        return start + timedelta(days=1)  # an all-day event without an end is one day

    def when(self, prop: tuple[str, str], tz: ZoneInfo, event: Component, name: str) -> When:
        """A DTSTART/DTEND as a date or an aware date-time (parallel rooms share their times:
        each text is worked out once)."""
        known = self._seen.get(prop)
        if known is None:
            known = self._seen[prop] = self._when(prop, tz, event.where(name))
        return known

    def _when(self, prop: tuple[str, str], tz: ZoneInfo, index: int) -> When:
        value, params = prop
        match = _DATE_TIME.match(value.strip().upper())
        if not match:
            self.problem(index, f"{value.strip()!r} is not an iCalendar date or date-time such as 20250302T093000")
            return None
        y, mo, d, h, mi, s, utc = match.groups()
        try:
            if h is None:
                day = date(int(y), int(mo), int(d))
                far = year_problem(day)
                if far:
                    self.problem(index, f"{value.strip()!r}: {far}")
                    return None
                return day
            naive = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
        except ValueError:
            self.problem(index, f"{value.strip()!r} is not a real date or time")
            return None
        far = year_problem(naive)
        if far:
            self.problem(index, f"{value.strip()!r}: {far}")
            return None
        if utc:
            return naive.replace(tzinfo=timezone.utc)
        tzid = param(params, "TZID")
        zone = self.zone(tzid, index) if tzid else tz
        if zone is None:
            return None
        moment, kind = resolve(naive, zone)
        if kind is not None:
            self.warnings.append(Problem(self.source, self.lines.line_of(index),
                                         f"warning: {value.strip()}: {wall_note(naive, zone, kind)}"))
        return moment

    def zone(self, tzid: str, index: int):
        """The zone a ``TZID`` names: the zone database's, else the file's ``VTIMEZONE``."""
        if tzid in self._zones:
            return self._zones[tzid]
        known = zone_name(tzid)
        zone = ZoneInfo(known) if known else None
        if zone is None and tzid in self.lines.zones:
            zone = self._vtimezone(self.lines.zones[tzid])
        if zone is None:
            self.problem(index, f"TZID {tzid!r} is not a zone this calendar defines or the zone database knows")
        self._zones[tzid] = zone
        return zone

    def _vtimezone(self, block: Component):
        from icalendar import Timezone

        try:
            zone = Timezone.from_ical(self.lines.text(block.first, block.last))
            return zone.to_tz() if isinstance(zone, Timezone) else None
        except Exception:  # noqa: BLE001 - a broken VTIMEZONE is reported as an unknown TZID
            return None

    # -- repeating events ----------------------------------------------------------------------
    def occurrences(self, recurring: list[Component], series: set[str], tz: ZoneInfo) -> list[RawEvent]:
        """Every occurrence of the repeating events (bounded), with their moved occurrences."""
        from icalendar import Calendar

        blocks = [self.lines.text(z.first, z.last) for z in self.lines.zones.values()]
        members = [e for e in self.lines.events
                   if e.get("UID") and unescape(e.get("UID")[0]) in series]  # type: ignore[index]
        blocks += [self.lines.text(e.first, e.last) for e in members]
        lines_of = {unescape(prop[0]): e.first for e in recurring if (prop := e.get("UID"))}
        text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//c4ml-tui//import//EN\r\n" + "".join(blocks)
                + "END:VCALENDAR\r\n")
        try:
            calendar = Calendar.from_ical(text)
        except Exception as error:  # noqa: BLE001 - icalendar's failure on a hostile file is a problem in it
            self.problem(recurring[0].first, f"a repeating event cannot be read: {_reason(error)}")
            return []
        found: list[RawEvent] = []
        for event in recurring:
            uid = unescape(event.get("UID")[0]) if event.get("UID") else ""  # type: ignore[index]
            try:
                found += self._expand(event, uid, calendar, tz, lines_of.get(uid, 0))
            except ProgramError:
                raise
            except Exception as error:  # noqa: BLE001 - a library's failure on a hostile rule is a problem in the file
                self.problem(event.first, f"the repeating event {uid!r} cannot be expanded: {_reason(error)}")
        return found

    def _expand(self, event: Component, uid: str, calendar, tz: ZoneInfo, line: int) -> list[RawEvent]:
        """The occurrences of one repeating event (at most :data:`MAX_OCCURRENCES`, within
        :data:`RECURRENCE_WINDOW` of its first)."""
        import recurring_ical_events  # type: ignore[import-untyped]

        opening = event.value("DTSTART")
        first = self.when(opening, tz, event, "DTSTART") if opening else None
        if first is None:
            return []
        start = instant(first, tz)
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        found: list[RawEvent] = []
        for occurrence in query.between(start - timedelta(days=1), start + RECURRENCE_WINDOW):
            if str(occurrence.get("UID", "")) != uid:
                continue
            if len(found) >= MAX_OCCURRENCES:
                break
            one = Lines(occurrence.to_ical(), self.source)
            if not one.events:
                continue
            at = one.events[0]
            opening = at.value("DTSTART")
            moment = self.when(opening, tz, at, "DTSTART") if opening else None
            if moment is None:
                continue
            ident = f"{uid}/{instant(moment, tz):%Y-%m-%dT%H:%M}"
            raw = self.event(at, tz, ident, line)
            if raw is not None:
                found.append(raw)
        return found


def _reason(error: Exception) -> str:
    """A library's exception in a few words (its first line, at most 200 characters)."""
    text = (str(error).splitlines() or [""])[0][:200]
    return text or type(error).__name__


__all__ = ["ProgramError", "parse_duration", "read"]
