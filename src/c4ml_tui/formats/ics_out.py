"""The program (or the starred part of it) as an RFC 5545 calendar, with ``icalendar``.

Imported only by ``c4ml-tui export ics``: nothing else pays for ``icalendar``.

* **What is exported.** The whole program: every item without talks as itself, and an item
  with talks as its talks (the session block would only repeat them; each talk's description
  names its session and chair). With favourites: each starred item or talk as itself, so a
  starred session is one block listing its talks.
* **Times.** ``DTSTART``/``DTEND`` carry ``TZID=<the event's zone>`` with a ``VTIMEZONE`` built
  here from the zone database for the years of the program (:func:`vtimezone`); never floating.
  An instant that wall time cannot name (the second 01:30 of a fall-back night) is written in
  UTC instead.
* **The VTIMEZONE** follows RFC 5545 3.6.5 to the letter: each observance's ``DTSTART`` is the
  onset *in the offset before the change* (Berlin's spring change is ``DTSTART:20250330T020000``
  with ``TZOFFSETFROM:+0100``, i.e. 01:00Z). icalendar's ``add_missing_timezones`` writes the
  wall time after the change (an hour late, Lord Howe's half hour 30 min late), and reads its own
  mistake back, so it is not used. One observance per change, found to the second, no RRULE:
  every reader computes the same instants.
* **The conference day** of an entry that starts after midnight but belongs to the evening
  before is kept as ``X-C4ML-DAY:2024-12-27`` (c4ml-tui reads it back; others ignore it).
* **UIDs** are ``<entry id>@<program key>.c4ml-tui`` (see ``core.identity.program_key``): the
  same entry keeps its UID across exports and edits, so re-importing updates, not duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from urllib.parse import quote
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .. import __version__
from ..core import fmt
from ..core.identity import program_key
from ..core.instants import key
from ..core.model import Item, Program, Talk
from ..core.zones import observances

PRODID = f"-//c4ml-tui//c4ml-tui {__version__}//EN"
Entry = tuple[Item | Talk, Item | None]
"""An entry to export and the item holding it (for a talk)."""


def entries(program: Program, starred: Iterable[str] | None = None) -> list[Entry]:
    """What to export, in time order: the whole program (``starred=None``) or the starred ids
    the program knows."""
    if starred is not None:
        chosen = [program.by_id[i] for i in dict.fromkeys(starred) if i in program.by_id]
        found = [(e, program.parent.get(e.id)) for e in chosen]
    else:
        found = []
        for item in program.items:
            found += [(t, item) for t in item.talks] if item.talks else [(item, None)]
    found.sort(key=lambda pair: (key(pair[0].start), key(pair[0].end), pair[0].id))
    return found


def uid(key: str, entry_id: str) -> str:
    """``<id>@<key>.c4ml-tui``; characters outside ``A-Za-z0-9._-`` in the id are %-escaped."""
    return f"{quote(entry_id, safe='._-')}@{key}.c4ml-tui"


def calendar(program: Program, chosen: list[Entry], *, stamp: datetime, favourites: bool = False,
             zoned: bool | None = None) -> Calendar:
    """The calendar for ``chosen`` entries; ``stamp`` (aware) becomes every ``DTSTAMP``.

    ``zoned=False`` writes every time in UTC; by default times carry the event's zone with
    its ``VTIMEZONE`` (:func:`vtimezone`): never a ``TZID`` without one, never a floating time.
    """
    if zoned is None:
        zoned = True
    shown = fmt.show()  # a calendar file says the event's times its own way: never --clock/--show-zone's
    try:
        return _calendar(program, chosen, stamp, favourites, zoned)
    finally:
        fmt.restore(shown)


def _calendar(program: Program, chosen: list[Entry], stamp: datetime, favourites: bool, zoned: bool) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = program.event.title + (" (favourites)" if favourites else "")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", program.event.timezone)
    if program.event.day_change is not None:
        cal.add("x-c4ml-day-change", program.event.day_change.strftime("%H:%M"))
    key = program_key(program)
    stamp = stamp.astimezone(timezone.utc).replace(microsecond=0)
    for entry, parent in chosen:
        cal.add_component(_event(program, entry, parent, key, stamp, zoned))
    if chosen and zoned:
        years = [e.start.astimezone(program.tz).year for e, _ in chosen]
        years += [e.end.astimezone(program.tz).year for e, _ in chosen]
        cal.subcomponents.insert(0, vtimezone(program.event.timezone, min(years), max(years)))  # before its users
    return cal


def vtimezone(name: str, first_year: int, last_year: int) -> Timezone:
    """The ``VTIMEZONE`` of zone ``name`` from 1 January ``first_year`` to the end of
    ``last_year`` (local time): one observance per change (see the module doc)."""
    zone = ZoneInfo(name)
    block = Timezone()
    block.add("tzid", name)
    start = datetime(first_year, 1, 1, tzinfo=zone)
    end = datetime(last_year + 1, 1, 1, tzinfo=zone)
    for span in observances(zone, start, end):
        part = TimezoneDaylight() if span.daylight else TimezoneStandard()
        part.add("dtstart", span.onset)
        part.add("tzoffsetfrom", span.offset_from)
        part.add("tzoffsetto", span.offset_to)
        part.add("tzname", span.name)
        block.add_component(part)
    return block


def _instant(moment: datetime, program: Program, zoned: bool) -> datetime:
    """The event-zone time, or UTC when wall time is ambiguous there (RFC 5545 reads an
    ambiguous local time as its first occurrence) or when asked for."""
    local = moment.astimezone(program.tz)
    if not zoned or local.replace(fold=0).utcoffset() != local.utcoffset():
        return moment.astimezone(timezone.utc)
    return local


def _event(program: Program, entry: Item | Talk, parent: Item | None, key: str, stamp: datetime,
           zoned: bool) -> Event:
    event = Event()
    event.add("uid", uid(key, entry.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", _instant(entry.start, program, zoned))
    event.add("dtend", _instant(entry.end, program, zoned))
    event.add("summary", entry.title)
    where = _location(program, entry, parent)
    if where:
        event.add("location", where)
    event.add("description", _description(program, entry, parent))
    holder = parent or entry
    if isinstance(holder, Item) and holder.track:
        event.add("categories", [holder.track])
    url = holder.url if isinstance(holder, Item) and holder.url else program.event.url
    if url:
        event.add("url", url)
    day = program.day_of(entry)
    if day != entry.start.astimezone(program.tz).date():  # a late set: say which day it is on
        event.add("x-c4ml-day", day.isoformat())
    return event


def _location(program: Program, entry: Item | Talk, parent: Item | None) -> str:
    holder = parent or entry
    room = holder.room if isinstance(holder, Item) else None
    ev = program.event
    return ", ".join(dict.fromkeys(x for x in (room or ev.room, ev.venue, ev.location) if x))


def _people(program: Program, refs: Iterable[str]) -> str:
    out = []
    for ref in refs:
        speaker = program.speakers.get(ref)
        name = speaker.name if speaker else ref
        out.append(f"{name} ({speaker.affiliation})" if speaker and speaker.affiliation else name)
    return ", ".join(out)


def _description(program: Program, entry: Item | Talk, parent: Item | None) -> str:
    lines: list[str] = []
    if entry.subtitle:
        lines.append(entry.subtitle)
    if entry.speakers:
        lines.append(("Speaker: " if len(entry.speakers) == 1 else "Speakers: ") + _people(program, entry.speakers))
    if parent is not None:
        session = f"Part of: {parent.title} ({fmt.span(parent.start, parent.end)})"
        if parent.chair:
            session += f", chaired by {program.speaker_name(parent.chair)}"
        lines.append(session)
    elif isinstance(entry, Item) and entry.chair:
        lines.append(f"Chair: {_people(program, [entry.chair])}")
    for text in (entry.abstract, getattr(entry, "description", None)):
        if text:
            lines += ["", text.strip()]
    if isinstance(entry, Item) and entry.links:
        lines += ["", "Links:"] + [f"{title}: {url}" if title else url for title, url in entry.links]
    if isinstance(entry, Item) and entry.talks:
        lines += ["", "Talks:"]
        for talk in entry.talks:
            who = _people(program, talk.speakers)
            lines.append(f"  {fmt.span(talk.start, talk.end)} {talk.title}" + (f" - {who}" if who else ""))
    if isinstance(entry, Item) and entry.posters:
        lines += ["", "Posters:"]
        for poster in entry.posters:
            who = _people(program, poster.authors)
            lines.append(f"  {poster.title}" + (f" - {who}" if who else ""))
    ev = program.event
    lines += ["", ev.title + (f" ({ev.edition})" if ev.edition else "")]
    return "\n".join(lines).strip()


def to_bytes(program: Program, starred: Iterable[str] | None = None, *, stamp: datetime | None = None) -> bytes:
    """The calendar file's bytes (CRLF line ends, UTF-8)."""
    stamp = stamp or datetime.now(timezone.utc)
    chosen = entries(program, starred)
    return calendar(program, chosen, stamp=stamp, favourites=starred is not None).to_ical()
