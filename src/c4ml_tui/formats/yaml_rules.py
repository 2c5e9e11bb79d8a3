"""The rules of the program format: plain data from ``yaml_nodes`` in, the model out.

Every problem found is collected with its line; nothing stops at the first. Times are compared
in UTC (two datetimes in one zone compare on the wall clock, wrong across a DST change).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date, datetime, timezone
from itertools import pairwise

from ..core.instants import ambiguous, utc, with_offset
from ..core.model import KINDS, ChairSettings, Event, Item, Poster, Program, Speaker, Talk, conference_day
from ..core.zones import check_zone, year_problem
from .yaml_fields import Fields, _kind
from .yaml_nodes import Map, Seq


class Reader(Fields):
    """Turns plain data from ``yaml_nodes`` into the model, collecting problems as it goes."""

    # -- the document --------------------------------------------------------------------------
    def program(self, data: object, source: str, digest: str) -> Program | None:
        if not isinstance(data, Map):
            self.problem(getattr(data, "line", 1),
                         f"the top level must be a mapping (event:, schedule:), not {_kind(data)}")
            return None
        self.keys(data, "the program", ("event", "speakers", "schedule", "chair"), ("event", "schedule"))
        event = self.event(data)
        tz = event.tz if event else timezone.utc
        day = event.date if event else date(2000, 1, 3)  # keep checking times against some day
        speakers = self.speakers(data)
        chair = self.chair(data)
        items = self.schedule(data, day, tz, event.room if event else None, speakers,
                              event.day_change if event else None)
        if event is None or self.problems:
            return None
        return self.finish(event, items, speakers, chair, source, digest)

    def finish(self, event: Event, items: list[Item], speakers: dict[str, Speaker], chair: ChairSettings,
               source: str, digest: str) -> Program:
        """The program of a document found valid: its items in time order, its warnings by line."""
        items.sort(key=lambda i: (_utc(i.start), i.room or "", _utc(i.end)))
        warnings = tuple(str(w) for w in sorted(self.warnings, key=lambda w: w.line))
        return Program(event, tuple(items), speakers, chair, source, digest, warnings)

    def event(self, data: Map) -> Event | None:
        m = data.get("event")
        if m is None:
            return None
        if not isinstance(m, Map):
            self.problem(data.value_lines["event"], f"'event' must be a mapping, not {_kind(m)}")
            return None
        fields = ("title", "edition", "date", "timezone", "location", "venue", "room", "description", "url",
                  "day_change")
        self.keys(m, "event", fields, ("title", "date", "timezone"))
        change = self.clock(m, "day_change", "event")
        zone = self.text(m, "timezone", "event")
        ok = True
        if zone is not None:
            message = check_zone(zone)
            if message:
                self.problem(m.value_lines["timezone"], message)
                ok = False
        when = m.get("date")
        if isinstance(when, datetime) or (when is not None and not isinstance(when, date)):
            raw = m.raw.get("date")
            try:
                when = date.fromisoformat(str(raw).strip()) if isinstance(raw, str) else None
            except ValueError:
                when = None
            if when is None:
                self.problem(m.value_lines["date"], f"event 'date' must be a date such as 2025-03-02, not {raw!r}")
        if isinstance(when, date) and year_problem(when):
            self.problem(m.value_lines["date"], f"event 'date' {when}: {year_problem(when)}")
            when = None
        title = self.text(m, "title", "event")
        if not (ok and zone and title and isinstance(when, date)):
            return None
        return Event(
            title=title,
            date=when,
            timezone=zone,
            **{k: self.text(m, k, "event") for k in ("edition", "location", "venue", "room", "description", "url")},
            day_change=change,
        )

    def speakers(self, data: Map) -> dict[str, Speaker]:
        found: dict[str, Speaker] = {}
        lines: dict[str, int] = {}
        for m, line in self.maps(data, "speakers", "the program"):
            self.keys(m, "a speaker", ("id", "name", "affiliation", "bio", "url", "guid", "source_id"), ("id", "name"))
            sid, name = self.text(m, "id", "speaker"), self.text(m, "name", "speaker")
            if not sid or not name:
                continue
            if sid in found:
                self.problem(line, f"duplicate speaker id {sid!r} (first at line {lines[sid]})")
                continue
            lines[sid] = line
            found[sid] = Speaker(sid, name, *(self.text(m, k, "speaker")
                                              for k in ("affiliation", "bio", "url", "guid", "source_id")))
        return found

    def chair(self, data: Map) -> ChairSettings:
        m = data.get("chair")
        if m is None:
            return ChairSettings()
        if not isinstance(m, Map):
            self.problem(data.value_lines["chair"], f"'chair' must be a mapping, not {_kind(m)}")
            return ChairSettings()
        self.keys(m, "chair", ("wrap_up_minutes", "last_minutes"))
        values = {}
        for key in ("wrap_up_minutes", "last_minutes"):
            value = m.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                self.problem(m.value_lines[key], f"chair {key!r} must be a whole number of minutes")
            else:
                values[key] = value
        return ChairSettings(**values)

    def schedule(self, data, day, tz, default_room, speakers, change=None) -> list[Item]:
        if data.get("schedule") is not None and not isinstance(data.get("schedule"), Seq):
            self.seq(data, "schedule", "the program")
            return []
        return self.items(self.maps(data, "schedule", "the program"), day, tz, default_room, speakers, change)

    def items(self, entries: Iterable[tuple[Map, int]], day, tz, default_room, speakers, change=None) -> list[Item]:
        """The items of ``schedule:``'s entries (each a mapping and its line), read one at a time
        (``yaml_stream`` reads them as the parser gets to them)."""
        items: list[Item] = []
        seen: dict[str, int] = {}
        item_lines: dict[str, int] = {}
        fields = ("id", "title", "kind", "start", "end", "room", "chair", "description", "talks",
                  "posters", "speakers", "abstract", "subtitle", "track", "fixed", "overlap",
                  "day", "guid", "language", "url", "links", "recording")
        may_overlap: set[str] = set()  # overlap: true (imported schedules) skips the room rule
        for m, line in entries:
            self.keys(m, "a schedule item", fields, ("id", "title", "start", "end"))
            iid = self.text(m, "id", "item")
            where = f"item {iid!r}" if iid else "item"
            self.claim(iid, line, seen)
            kind = self.text(m, "kind", where) or "session"
            if kind not in KINDS:
                near = difflib.get_close_matches(kind, KINDS, n=1)
                hint = f"did you mean {near[0]!r}? " if near else ""
                self.problem(m.value_lines["kind"],
                             f"{where} kind {kind!r} is not known: {hint}one of {', '.join(KINDS)}")
            start, end = self.window(m, where, day, tz)
            refs = self.refs(m, "speakers", where, speakers)
            # HH:MM in a talk means the item's day (the event date unless the item says otherwise)
            talk_day = start.date() if start else day
            talks = self.talks(m, where, talk_day, tz, start, end, speakers, seen)
            posters = self.posters(m, where, seen)
            fixed = m.get("fixed")
            if fixed is not None and not isinstance(fixed, bool):
                self.problem(m.value_lines["fixed"], f"{where} 'fixed' must be true or false")
                fixed = None
            if m.get("overlap") is not None and not isinstance(m.get("overlap"), bool):
                self.problem(m.value_lines["overlap"], f"{where} 'overlap' must be true or false")
            elif m.get("overlap") and iid:
                may_overlap.add(iid)
            title = self.text(m, "title", where)
            own_day = self.date_of(m, "day", where)
            if own_day is not None and start is not None and abs((start.date() - own_day).days) > 1:
                self.problem(m.value_lines["day"], f"{where} 'day' {own_day} is more than a day from its start "
                                                   f"{start:%Y-%m-%d %H:%M}")
            links, recording = self.links(m, where), self.flag(m, "recording", where)
            if iid and title and start and end:
                the_day = own_day or conference_day(start, change)
                item_lines[iid] = line
                items.append(Item(
                    id=iid, title=title, start=start, end=end, kind=kind,
                    room=self.text(m, "room", where) or default_room,
                    chair=self.text(m, "chair", where),
                    description=self.text(m, "description", where),
                    talks=talks, posters=posters, speakers=refs,
                    abstract=self.text(m, "abstract", where),
                    subtitle=self.text(m, "subtitle", where),
                    track=self.text(m, "track", where),
                    fixed=kind == "lunch" if fixed is None else fixed,
                    guid=self.text(m, "guid", where), language=self.text(m, "language", where),
                    url=self.text(m, "url", where), links=links, recording=recording,
                    conference_day=None if the_day == start.date() else the_day,
                ))
        self.overlaps([i for i in items if i.id not in may_overlap], item_lines)
        return items

    def claim(self, ident: str | None, line: int, seen: dict[str, int]) -> None:
        if not ident:
            return
        if ident in seen:
            self.problem(line, f"duplicate id {ident!r} (first at line {seen[ident]})")
        else:
            seen[ident] = line

    def window(self, m: Map, where: str, day, tz) -> tuple[datetime | None, datetime | None]:
        """An entry's start and end; an ``HH:MM`` end is on the day the entry starts."""
        start = self.instant(m, "start", where, day, tz)
        end = self.instant(m, "end", where, start.date() if start else day, tz)
        if start and end and _utc(end) <= _utc(start):
            hint = ""
            if end.date() == start.date() and end.time() < start.time():
                hint = " (an end on the next day needs a full date-time such as \"2025-03-03 00:30\")"
            self.problem(m.value_lines["end"], f"{where} ends at {_hm(end)}, not after its start {_hm(start)}{hint}")
            return start, None
        return start, end

    def refs(self, m: Map, key: str, where: str, speakers: dict) -> tuple[str, ...]:
        """Speaker ids under ``key``; each must name a speaker."""
        found = self.texts(m, key, where)
        for ref, line in found:
            if ref not in speakers:
                near = difflib.get_close_matches(ref, list(speakers), n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else " (add it under speakers:)"
                self.problem(line, f"unknown speaker id {ref!r}{hint}")
        return tuple(ref for ref, _ in found)

    def talks(self, item: Map, where, day, tz, start, end, speakers, seen) -> tuple[Talk, ...]:
        found: list[tuple[datetime, datetime, Talk, int]] = []  # each talk with its start and end in UTC
        first, last = (_utc(start), _utc(end)) if start and end else (None, None)
        for m, line in self.maps(item, "talks", where):
            self.keys(m, "a talk", ("id", "title", "speakers", "start", "end", "abstract", "subtitle"),
                      ("id", "title", "start", "end"))
            tid = self.text(m, "id", "talk")
            here = f"talk {tid!r}" if tid else "talk"
            self.claim(tid, line, seen)
            t0, t1 = self.window(m, here, day, tz)
            refs = self.refs(m, "speakers", here, speakers)
            u0, u1 = (_utc(t0), _utc(t1)) if t0 and t1 else (None, None)
            if t0 and t1 and u0 and u1 and first and last and (u0 < first or u1 > last):
                self.problem(line, f"{here} ({_hm(t0)}-{_hm(t1)}) is outside {where} ({_hm(start)}-{_hm(end)})")
            title = self.text(m, "title", here)
            if tid and title and t0 and t1 and u0 and u1:
                found.append((u0, u1, Talk(tid, title, t0, t1, refs, self.text(m, "abstract", here),
                                           self.text(m, "subtitle", here)), line))
        found.sort(key=lambda entry: entry[0])
        for (_, a_end, a, _), (b_start, _, b, line) in pairwise(found):
            if b_start < a_end:
                self.problem(line, f"talk {b.id!r} starts at {_hm(b.start)}, before talk {a.id!r} ends at {_hm(a.end)}")
        return tuple(entry[2] for entry in found)

    def posters(self, item: Map, where, seen) -> tuple[Poster, ...]:
        found = []
        for m, line in self.maps(item, "posters", where):
            self.keys(m, "a poster", ("id", "title", "authors", "abstract"), ("id", "title"))
            pid = self.text(m, "id", "poster")
            self.claim(pid, line, seen)
            title = self.text(m, "title", "poster")
            authors = self.ids(m, "authors", "poster")
            if pid and title:
                found.append(Poster(pid, title, authors, self.text(m, "abstract", "poster")))
        return tuple(found)

    def overlaps(self, items: list[Item], lines: dict[str, int]) -> None:
        """Items in one room must not overlap (an item with no room is in every room)."""
        ordered = sorted(items, key=lambda i: (_utc(i.start), _utc(i.end)))
        last_in: dict[str | None, Item] = {}
        for item in ordered:
            rivals = list(last_in.values()) if item.room is None else [
                v for k, v in last_in.items() if k in (item.room, None)]
            for other in rivals:
                if _utc(item.start) < _utc(other.end):
                    where = f" in room {item.room}" if item.room else ""
                    self.problem(lines[item.id], f"item {item.id!r} ({_hm(item.start)}-{_hm(item.end)}) overlaps "
                                 f"{other.id!r} ({_hm(other.start)}-{_hm(other.end)}, line {lines[other.id]}){where}"
                                 f"{_repeated_hint(item)}")
                    break
            prev = last_in.get(item.room)
            if prev is None or _utc(item.end) > _utc(prev.end):
                last_in[item.room] = item


_utc = utc


def _hm(moment: datetime) -> str:
    """``01:10``; ``01:10 EDT`` when that wall time happens twice (a fall-back night)."""
    return f"{moment:%H:%M} {moment.tzname()}" if ambiguous(moment) else moment.strftime("%H:%M")


def _repeated_hint(item: Item) -> str:
    """For an item whose times fall in a repeated hour: how to put it in the second one."""
    if not (ambiguous(item.start) or ambiguous(item.end)):
        return ""
    second = item.start.replace(fold=1) if ambiguous(item.start) else item.start
    end = item.end.replace(fold=1) if ambiguous(item.end) else item.end
    return (f"; {item.start:%H:%M} happens twice that night and is read as the first: if {item.id!r} is in "
            f"the repeated hour, write its times with the offset, start: \"{with_offset(second)}\", "
            f"end: \"{with_offset(end)}\"")
