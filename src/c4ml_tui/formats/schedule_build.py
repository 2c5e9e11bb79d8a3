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
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ..core.model import ChairSettings, Event, Item, Program, Speaker
from ..core.textclean import clean
from ..core.zones import check_zone, localize
from .html_text import plain
from .problems import Problem, ProgramError

MAX_PROBLEMS = 100
_CLOCK = re.compile(r"^\s*(\d{1,3}):(\d{2})(?::(\d{2}))?\s*$")


@dataclass(slots=True)
class RawPerson:
    key: str | None
    name: str | None
    bio: str | None = None
    url: str | None = None


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
    links: list[tuple[str, str]] = field(default_factory=list)
    persons: list[RawPerson] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


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


def kind_for(type_: str | None) -> str:
    """Our kind for a schedule's free-text event type: every event is a ``talk`` unless its type
    says it is a break, a meal, posters or the opening (``Lunch``, ``Coffee break``, ...)."""
    t = (type_ or "").casefold()
    if any(w in t for w in ("lunch", "dinner", "meal", "mittag")):
        return "lunch"
    if any(w in t for w in ("break", "pause", "coffee")):
        return "break"
    if "poster" in t:
        return "posters"
    if "opening" in t:
        return "opening"
    return "talk"


def parse_clock(text: str | None) -> timedelta | None:
    """``H:MM``, ``HH:MM`` or ``HH:MM:SS`` as a duration (or a time of day); None if not one."""
    match = _CLOCK.match(text or "")
    if not match or int(match[2]) > 59 or int(match[3] or 0) > 59:
        return None
    return timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))


def text_of(value: str | None, html: bool = False) -> str | None:
    """Imported text as we keep it: HTML made plain (when asked), control characters removed,
    surrounding blanks stripped, empty as None."""
    if value is None:
        return None
    out = clean(plain(value) if html else value).strip()
    return out or None


class Builder:
    """Builds a :class:`Program` from raw values, collecting problems with their lines."""

    def __init__(self, source: str, digest: str, locate: Callable[[RawEvent, str], int] | None = None):
        self.source = source
        self.digest = digest
        self.problems: list[Problem] = []
        self.locate = locate
        self.speakers: dict[str, Speaker] = {}
        self.items: list[Item] = []
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
    def add(self, raw: RawEvent, tz: ZoneInfo) -> None:
        start = self._start(raw, tz)
        end = self._end(raw, tz, start) if start else None
        if start is None or end is None:
            return
        title = text_of(raw.title) or f"Untitled event {raw.id or raw.guid or len(self.items) + 1}"
        kind = kind_for(raw.type)
        refs = tuple(dict.fromkeys(filter(None, (self._speaker(p) for p in raw.persons))))
        self.items.append(Item(
            id=self._unique_id(raw), title=title, start=start, end=end, kind=kind,
            room=text_of(raw.room), description=_with_links(text_of(raw.description, html=True), raw),
            speakers=refs, abstract=text_of(raw.abstract, html=True), subtitle=text_of(raw.subtitle),
            track=text_of(raw.track), fixed=kind == "lunch",
        ))

    def _start(self, raw: RawEvent, tz: ZoneInfo) -> datetime | None:
        if raw.date and len(raw.date.strip()) > 10:  # a full timestamp: it decides the instant
            try:
                when = datetime.fromisoformat(raw.date.strip())
            except ValueError:
                self.event_problem(raw, "date", f"date {raw.date!r} is not an ISO 8601 date-time")
                return None
            return when.astimezone(tz) if when.tzinfo else localize(when, tz)
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
        at = (datetime.min + clock).time()
        if raw.rollover is not None and at < raw.rollover:
            day += timedelta(days=1)  # after midnight, still the same conference day
        return localize(datetime.combine(day, at), tz)

    def _end(self, raw: RawEvent, tz: ZoneInfo, start: datetime) -> datetime | None:
        if raw.end:
            try:
                end = datetime.fromisoformat(raw.end.strip())
            except ValueError:
                self.event_problem(raw, "end", f"end {raw.end!r} is not an ISO 8601 date-time")
                return None
            end = end.astimezone(tz) if end.tzinfo else localize(end, tz)
        else:
            length = parse_clock(raw.duration)
            if length is None:
                what = f"duration {raw.duration!r} is not H:MM or HH:MM:SS" if raw.duration else "has no duration"
                self.event_problem(raw, "duration", what)
                return None
            # in UTC: adding to a zoned time would add wall-clock time across a DST change
            end = (start.astimezone(timezone.utc) + length).astimezone(tz)
        if end < start:
            self.event_problem(raw, "end" if raw.end else "duration", "ends before it starts")
            return None
        if end == start:  # a zero-length event could never be "on": give it one slot of the grid
            end = (start.astimezone(timezone.utc) + self._slot).astimezone(tz)
        return end

    def _unique_id(self, raw: RawEvent) -> str:
        """The event's id, else its guid, else its slug; a repeated one takes the guid, then a
        ``-2``, ``-3``... suffix in file order, so ids stay the same on every import."""
        base = next((v.strip() for v in (raw.id, raw.guid, raw.slug) if v and v.strip()), None)
        base = base or f"event-{len(self.items) + 1}"
        candidates = [base] + ([raw.guid.strip()] if raw.guid and raw.guid.strip() else [])
        ident = next((c for c in candidates if c not in self._ids), None)
        n = 2
        while ident is None:
            ident = f"{base}-{n}" if f"{base}-{n}" not in self._ids else None
            n += 1
        self._ids.add(ident)
        return ident

    def _speaker(self, person: RawPerson) -> str | None:
        name = text_of(person.name)
        key = text_of(person.key) or name
        if not key or not name:
            return None
        known = self.speakers.get(key)
        bio, url = text_of(person.bio, html=True), text_of(person.url)
        if known is None:
            self.speakers[key] = Speaker(key, name, None, bio, url)
        elif (bio and not known.bio) or (url and not known.url):
            self.speakers[key] = Speaker(key, known.name, None, known.bio or bio, known.url or url)
        return key

    # -- the program ---------------------------------------------------------------------------
    def program(self, conf: RawConference, tz: ZoneInfo | None, events: list[RawEvent]) -> Program:
        slot = parse_clock(conf.timeslot)
        if slot:
            self._slot = slot
        if tz is not None:
            for raw in events:
                self.add(raw, tz)
        if self.problems or tz is None:
            problems = sorted(self.problems, key=lambda p: p.line)
            if len(problems) > MAX_PROBLEMS:
                more = len(problems) - MAX_PROBLEMS
                problems = [*problems[:MAX_PROBLEMS], Problem(self.source, 0, f"... and {more} more problems")]
            raise ProgramError(problems)
        self.items.sort(key=lambda i: (i.start, i.room or "", i.end))
        first = conf.first_day or (self.items[0].start.date() if self.items else None)
        if first is None and conf.start:
            try:
                first = date.fromisoformat(conf.start.strip()[:10])
            except ValueError:
                pass
        event = Event(
            title=text_of(conf.title) or text_of(conf.acronym) or "Imported schedule",
            date=first or date.today(),
            timezone=tz.key,
            edition=text_of(conf.subtitle),
            location=text_of(conf.city),
            venue=text_of(conf.venue),
            url=text_of(conf.url),
        )
        return Program(event, tuple(self.items), self.speakers, ChairSettings(), self.source, self.digest)


def _with_links(description: str | None, raw: RawEvent) -> str | None:
    """The model has no field for links: they close the description, one ``label: URL`` a line."""
    links = []
    if raw.url and raw.url.strip():
        links.append(("Event page", raw.url.strip()))
    links += [(label, href) for label, href in raw.links if href and href.strip()]
    lines = []
    for label, href in links:
        href, label = clean(href).strip(), (text_of(label) or "").replace("\n", " ")
        lines.append(f"{label}: {href}" if label and label != href else href)
    lines = list(dict.fromkeys(lines))
    if not lines:
        return description
    block = "Links:\n" + "\n".join(lines)
    return f"{description}\n\n{block}" if description else block
