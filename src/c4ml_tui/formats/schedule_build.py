"""What the schedule importers share: raw events in, the model out.

Each schedule format (``frab_xml``, ``schedule_json``) only reads its file into :class:`RawConference`
and :class:`RawEvent` values, remembering lines; :class:`Builder` turns them into a
:class:`Program` with one set of rules for instants, durations, kinds, ids and speakers, and
collects every problem as ``FILE:LINE: message``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..core.instants import key, resolve, shift, utc, wall_note
from ..core.model import ChairSettings, Event, Item, Program, conference_day
from ..core.textclean import clean
from ..core.zones import check_zone, year_problem
from .html_text import normalise
from .kinds import kind_for
from .people import People, RawPerson
from .problems import Problem, ProgramError

MAX_PROBLEMS = 100
_CLOCK = re.compile(r"^\s*(\d{1,3}):(\d{2})(?::(\d{2}))?\s*$")


Day = date
"""``date``, for RawEvent, whose field ``date`` hides the class in its body."""


@dataclass(slots=True)
class RawEvent:
    """One event as its file wrote it; ``lines`` has the line of each field where known."""

    line: int
    id: str | None = None
    guid: str | None = None
    slug: str | None = None
    title: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    duration: str | None = None
    day: Day | None = None
    rollover: time | None = None
    room: str | None = None
    type: str | None = None
    track: str | None = None
    subtitle: str | None = None
    abstract: str | None = None
    description: str | None = None
    url: str | None = None
    language: str | None = None
    recording: bool | None = None
    links: list[tuple[str, str]] = field(default_factory=list)
    persons: list[RawPerson] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    at: datetime | None = None
    """The start as an instant, when the reader worked it out itself (iCalendar)."""
    until: datetime | None = None
    local: bool = False
    """Whether ``day`` is the conference day the source gives (``<day>``, a JSON day); else the
    change-over decides it."""


@dataclass(slots=True)
class RawConference:
    title: str | None = None
    acronym: str | None = None
    subtitle: str | None = None
    venue: str | None = None
    city: str | None = None
    url: str | None = None
    zone: str | None = None
    zone_line: int = 0
    first_day: date | None = None
    start: str | None = None
    timeslot: str | None = None
    day_change: time | None = None
    """When the source's conference day turns into the next (``day_change``, or the end of a
    day that runs past midnight)."""


def parse_clock(text: str | None) -> timedelta | None:
    """``H:MM``, ``HH:MM`` or ``HH:MM:SS`` as a duration (or a time of day); None if not one."""
    match = _CLOCK.match(text or "")
    if not match or int(match[2]) > 59 or int(match[3] or 0) > 59:
        return None
    return timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))


def text_of(value: str | None, html: bool = False) -> str | None:
    """Imported text as we keep it: a one-line field cleaned and stripped, a long text
    (``html=True``) normalised to Markdown (``html_text.normalise``); empty as None."""
    return normalise(value, html_ok=html)


class Builder:
    """Builds a :class:`Program` from raw values, collecting problems with their lines."""

    def __init__(self, source: str, digest: str, locate: Callable[[RawEvent, str], int] | None = None):
        self.source = source
        self.digest = digest
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.locate = locate
        self.people = People()
        self.items: list[Item] = []
        self._texts: dict[str, str | None] = {}
        self._starts: dict[tuple[str, ZoneInfo], datetime] = {}
        self._ids: set[str] = set()
        self._slot = timedelta(minutes=5)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.source, line, message))

    def event_problem(self, raw: RawEvent, key: str, message: str) -> None:
        line = raw.lines.get(key) or raw.line
        if not line and self.locate:
            line = self.locate(raw, key)
        what = f"event {raw.id or raw.guid or raw.title or '?'!s}"
        self.problem(line, f"{what}: {message}")

    # -- the zone ------------------------------------------------------------------------------
    def zone(self, conf: RawConference, user_zone: str | None) -> ZoneInfo | None:
        """The event's zone: ``--timezone`` when given, else the file's ``time_zone_name``."""
        if user_zone:
            return ZoneInfo(user_zone)  # checked by the caller
        if not conf.zone:
            self.problem(0, "the schedule names no time zone; say which zone its times are in with "
                            "--timezone ZONE (e.g. --timezone Europe/Brussels)")
            return None
        message = check_zone(conf.zone)
        if message:
            self.problem(conf.zone_line, f"{message} (or give --timezone ZONE)")
            return None
        return ZoneInfo(conf.zone)

    # -- events --------------------------------------------------------------------------------
    def add(self, raw: RawEvent, tz: ZoneInfo, change: time | None = None) -> None:
        start = self._start(raw, tz)
        end = self._end(raw, tz, start) if start else None
        if start is None or end is None:
            return
        title = text_of(raw.title) or "(untitled)"
        kind = kind_for(raw.type, title)
        refs = tuple(dict.fromkeys(filter(None, (self.people.ref(p) for p in raw.persons))))
        abstract, description = text_of(raw.abstract, html=True), text_of(raw.description, html=True)
        if description and abstract and description == abstract:
            description = None  # the same text twice says nothing more
        self.items.append(Item(
            id=self._unique_id(raw), title=title, start=start, end=end, kind=kind,
            room=self._short(raw.room), description=description,
            speakers=refs, abstract=abstract, subtitle=text_of(raw.subtitle),
            track=self._short(raw.track), fixed=kind == "lunch", guid=text_of(raw.guid),
            language=self._short(raw.language), url=_url(raw.url), links=_links(raw) if raw.links else (),
            recording=raw.recording, conference_day=self._day(raw, start, change),
        ))

    def _short(self, value: str | None) -> str | None:
        """A one-line field that repeats (room, track, language), cleaned once per value."""
        if value is None:
            return None
        known = self._texts.get(value, "")
        if known == "":
            known = self._texts[value] = text_of(value)
        return known

    @staticmethod
    def _day(raw: RawEvent, start: datetime, change: time | None) -> date | None:
        """The source's day when it gives one and it is within a day of the start (a file
        that files an event under a far day is wrong about the day, not the instant); else
        the change-over's. ``None`` when that is the start's calendar date (as the model keeps it)."""
        if raw.local and raw.day is not None and abs((start.date() - raw.day).days) <= 1:
            day = raw.day
        else:
            day = conference_day(start, change)
        return None if day == start.date() else day

    def _far(self, raw: RawEvent, key: str, moment: date) -> bool:
        """Whether ``moment`` is outside the years an instant may have (then said as a problem):
        converting it between zones could overflow."""
        problem = year_problem(moment)
        if problem:
            self.event_problem(raw, key, f"{key}: {problem}")
        return problem is not None

    def _start(self, raw: RawEvent, tz: ZoneInfo) -> datetime | None:
        if raw.at is not None:
            if self._far(raw, "start", raw.at):
                return None
            return raw.at if raw.at.tzinfo is tz else raw.at.astimezone(tz)
        if raw.date and len(raw.date.strip()) > 10:  # a full timestamp: it decides the instant
            known = self._starts.get((raw.date, tz))
            if known is not None:  # parallel rooms share their times: each worked out once
                return known
            try:
                when = datetime.fromisoformat(raw.date.strip())
            except ValueError:
                self.event_problem(raw, "date", f"date {raw.date!r} is not an ISO 8601 date-time")
                return None
            if self._far(raw, "date", when):
                return None
            if when.tzinfo:
                moment = when.astimezone(tz)
            else:
                warned = len(self.warnings)
                moment = self.wall(raw, "date", when, tz)
                if len(self.warnings) != warned:
                    return moment  # said where it is written, each time
            self._starts[(raw.date, tz)] = moment
            return moment
        clock = parse_clock(raw.start)
        if clock is None or clock >= timedelta(days=1):
            what = f"start {raw.start!r} is not a time such as 09:30" if raw.start else "has no date or start"
            self.event_problem(raw, "start", what)
            return None
        day = raw.day
        if day is None and raw.date:
            try:
                day = date.fromisoformat(raw.date.strip())
            except ValueError:
                pass
        if day is None:
            self.event_problem(raw, "start", "has a start time but no day")
            return None
        if self._far(raw, "date", day):
            return None
        at = (datetime.min + clock).time()
        if raw.rollover is not None and at < raw.rollover:
            day += timedelta(days=1)  # after midnight, still the same conference day
        return self.wall(raw, "start", datetime.combine(day, at), tz)

    def _end(self, raw: RawEvent, tz: ZoneInfo, start: datetime) -> datetime | None:
        if raw.until is not None:
            if self._far(raw, "end", raw.until):
                return None
            end = raw.until if raw.until.tzinfo is tz else raw.until.astimezone(tz)
        elif raw.end:
            try:
                end = datetime.fromisoformat(raw.end.strip())
            except ValueError:
                self.event_problem(raw, "end", f"end {raw.end!r} is not an ISO 8601 date-time")
                return None
            if self._far(raw, "end", end):
                return None
            end = end.astimezone(tz) if end.tzinfo else self.wall(raw, "end", end, tz)
        else:
            length = parse_clock(raw.duration)
            if length is None:
                what = f"duration {raw.duration!r} is not H:MM or HH:MM:SS" if raw.duration else "has no duration"
                self.event_problem(raw, "duration", what)
                return None
            # in UTC: adding to a zoned time would add wall-clock time across a DST change; a
            # zero-length event could never be "on": it gets one slot of the grid
            return shift(start, length or self._slot)
        if utc(end) < utc(start):
            self.event_problem(raw, "end" if raw.end else "duration", "ends before it starts")
            return None
        if utc(end) == utc(start):  # a zero-length event could never be "on": give it one slot of the grid
            end = shift(start, self._slot)
        return end

    def wall(self, raw: RawEvent, key: str, naive: datetime, tz: ZoneInfo) -> datetime:
        """A wall time without an offset, read as ``instants.resolve`` says; a warning when DST
        skips or repeats it."""
        moment, kind = resolve(naive, tz)
        if kind is not None:
            self.warn(raw, key, wall_note(naive, tz, kind))
        return moment

    def warn(self, raw: RawEvent, key: str, message: str) -> None:
        line = raw.lines.get(key) or raw.line
        if not line and self.locate:
            line = self.locate(raw, key)
        what = f"event {raw.id or raw.guid or raw.title or '?'!s}"
        self.warnings.append(Problem(self.source, line, f"warning: {what}: {message}"))

    def _unique_id(self, raw: RawEvent) -> str:
        """The event's id, else its guid, else its slug; a repeated one takes the guid, then a
        ``-2``, ``-3``... suffix in file order, so ids stay the same on every import."""
        first = _ident(raw.id)
        if first and first not in self._ids:  # the usual case, first
            self._ids.add(first)
            return first
        guid = _ident(raw.guid)
        base = next((v for v in (first, guid, _ident(raw.slug)) if v), None)
        base = base or f"event-{len(self.items) + 1}"
        candidates = [base] + ([guid] if guid else [])
        ident = next((c for c in candidates if c not in self._ids), None)
        n = 2
        while ident is None:
            ident = f"{base}-{n}" if f"{base}-{n}" not in self._ids else None
            n += 1
        self._ids.add(ident)
        return ident

    # -- the program ---------------------------------------------------------------------------
    def program(self, conf: RawConference, tz: ZoneInfo | None, events: list[RawEvent]) -> Program:
        slot = parse_clock(conf.timeslot)
        if slot:
            self._slot = slot
        if tz is not None:
            self.people.learn(p for raw in events for p in raw.persons)
            for raw in events:
                self.add(raw, tz, conf.day_change)
        if self.problems or tz is None:
            problems = sorted(self.problems, key=lambda p: p.line)
            if len(problems) > MAX_PROBLEMS:
                more = len(problems) - MAX_PROBLEMS
                problems = [*problems[:MAX_PROBLEMS], Problem(self.source, 0, f"... and {more} more problems")]
            raise ProgramError(problems)
        self.items.sort(key=lambda i: (key(i.start), i.room or "", key(i.end)))  # by instant, as the YAML reader
        first = conf.first_day if conf.first_day and not year_problem(conf.first_day) else None
        first = first or (self.items[0].start.date() if self.items else None)
        if first is None and conf.start:
            try:
                first = date.fromisoformat(conf.start.strip()[:10])
            except ValueError:
                pass
            if first is not None and year_problem(first):
                first = None
        event = Event(
            title=text_of(conf.title) or text_of(conf.acronym) or "Imported schedule",
            date=first or date.today(),
            timezone=tz.key,
            edition=text_of(conf.subtitle),
            location=text_of(conf.city),
            venue=text_of(conf.venue),
            url=_url(conf.url),
            day_change=conf.day_change,
        )
        warnings = tuple(str(w) for w in sorted(self.warnings, key=lambda w: w.line))
        return Program(event, tuple(self.items), self.people.speakers, ChairSettings(), self.source, self.digest,
                       warnings)


def _ident(value: str | None) -> str | None:
    """An id from the file, as we keep it: cleaned (an id is printed and searched), stripped."""
    if not value:
        return None
    out = (value if value.isprintable() else " ".join(clean(value).split())).strip()
    return out or None


def _url(value: str | None) -> str | None:
    if not value:
        return None
    out = (value if value.isprintable() else clean(value)).strip()
    return out or None


def _links(raw: RawEvent) -> tuple[tuple[str, str], ...]:
    """The event's links and attachments as ``(title, url)``, each address once (the event's
    own page is ``url``, not a link)."""
    found: dict[str, str] = {}
    for label, href in raw.links:
        address = _url(href)
        if address and address != _url(raw.url) and address not in found:
            title = text_of(label) or ""
            found[address] = "" if title == address else title
    return tuple((title, address) for address, title in found.items())
