"""The program as immutable data: an event, its speakers and its schedule.

Every datetime here is aware and expressed in the event's zone. The model knows nothing about
files (see ``program.py``) or time passing (see ``timeline.py``). Compare and subtract its
datetimes in UTC (``timeline.py`` does): two datetimes in one zone subtract on the wall clock.

The classes are frozen records built by :func:`record` (``records.py``), which behaves like
``@dataclass(frozen=True, slots=True)`` without importing ``dataclasses``: that import alone
cost ``c4ml-tui now`` a third of its start-up. Use :func:`replace` (or ``copy.replace`` on
Python 3.13+) where you would use ``dataclasses.replace``, and :func:`fields` / :func:`asdict`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from .records import Factory, FrozenInstanceError, asdict, fields, record, replace

__all__ = [
    "DAY_CHANGE", "KINDS", "ChairSettings", "Event", "FrozenInstanceError", "Item", "Poster", "Program",
    "Speaker", "Talk", "asdict", "conference_day", "fields", "replace", "sliced", "whole_size",
]

KINDS = ("opening", "session", "talk", "break", "lunch", "posters", "other")
"""The kinds an item may have; ``session`` is the default."""

DAY_CHANGE = time(4, 0)
"""When one conference day turns into the next, unless the program says otherwise: an item that
starts at 01:30 belongs to the day before (a late-night set is part of that evening)."""


def conference_day(local: datetime, change: time | None = None) -> date:
    """The conference day of a wall-clock time in the event's zone: its calendar date, or the
    date before when it is earlier than the change-over ``change`` (default :data:`DAY_CHANGE`)."""
    change = DAY_CHANGE if change is None else change
    if local.time() < change:  # (``time()`` is the naive wall time; ``timetz()`` would keep the zone)
        return local.date() - timedelta(days=1)
    return local.date()


@record
class Speaker:
    """A person who speaks, chairs or authors; referred to by ``id`` from talks."""

    id: str
    name: str
    affiliation: str | None = None
    bio: str | None = None
    url: str | None = None
    guid: str | None = None
    """The person's own identifier in the source (a guid, pretalx's code), when it has one."""
    source_id: str | None = None
    """The person's id in the source; merged schedules reuse one for different people, so
    ``id`` (what items refer to) may differ from it."""


@record
class Talk:
    """A talk inside an item's time window (a session's presentations)."""

    id: str
    title: str
    start: datetime
    end: datetime
    speakers: tuple[str, ...] = ()
    abstract: str | None = None
    subtitle: str | None = None


@record
class Poster:
    """A poster shown during an item; authors are speaker ids or plain names."""

    id: str
    title: str
    authors: tuple[str, ...] = ()
    abstract: str | None = None


@record
class Item:
    """One entry of the schedule: an opening, a session, a break, a single talk, ...

    Imported conferences map each of their events to an item of kind ``talk`` that carries its
    own ``speakers`` and ``abstract``; a workshop session instead holds ``talks``.
    """

    id: str
    title: str
    start: datetime
    end: datetime
    kind: str = "session"
    room: str | None = None
    chair: str | None = None
    description: str | None = None
    talks: tuple[Talk, ...] = ()
    posters: tuple[Poster, ...] = ()
    speakers: tuple[str, ...] = ()
    abstract: str | None = None
    subtitle: str | None = None
    track: str | None = None
    fixed: bool = False
    """A fixed item cannot move (lunch is served at noon): a delay stops before it."""
    guid: str | None = None
    """The source's global id of the event, next to ``id`` (either finds it: :meth:`Program.find`)."""
    language: str | None = None
    url: str | None = None
    """The event's own web page."""
    links: tuple[tuple[str, str], ...] = ()
    """``(title, url)`` pairs: recordings, slides, feedback... (the title may be empty)."""
    recording: bool | None = None
    """``False`` when the source says the event is not recorded, ``True`` when it says it is."""
    conference_day: date | None = None
    """The conference day the item belongs to (a 00:30 set belongs to the evening before), as
    the source says; ``None``: its start's calendar date."""

    @property
    def day(self) -> date:
        """The conference day: what every grouping by day uses (agenda, boards, counts)."""
        return self.conference_day or self.start.date()


@record
class ChairSettings:
    """Thresholds for the chair's countdown, in minutes before the end."""

    wrap_up_minutes: int = 5
    last_minutes: int = 1


@record(slots=False)
class Event:
    """What the program is about: where, when, and in which zone its times are written."""

    title: str
    date: date
    timezone: str
    edition: str | None = None
    location: str | None = None
    venue: str | None = None
    room: str | None = None
    description: str | None = None
    url: str | None = None
    day_change: time | None = None
    """When a conference day turns into the next (``None``: :data:`DAY_CHANGE`)."""

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@record(slots=False)
class Program:
    """A loaded, valid program: items sorted by start (then room), speakers by id."""

    event: Event
    items: tuple[Item, ...]
    speakers: dict[str, Speaker] = Factory(default_factory=dict)
    chair: ChairSettings = Factory(default_factory=ChairSettings)
    source: str = ""
    """Where the program came from (a path or URL); used in messages and to key user data."""
    digest: str = ""
    """A hash of the source's bytes, to key caches and user data to this program."""
    warnings: tuple[str, ...] = ()
    """``FILE:LINE: warning: ...`` lines about what loaded but was a guess (a wall time that DST
    skips or repeats). A fresh parse has them; a cached one does not keep them (``validate``
    always parses afresh)."""

    @property
    def tz(self) -> ZoneInfo:
        return self.event.tz

    @cached_property
    def days(self) -> tuple[date, ...]:
        """Every day that has an item, in order (the event date when there are none)."""
        found = sorted({item.day for item in self.items})
        return tuple(found) or (self.event.date,)

    @cached_property
    def rooms(self) -> tuple[str, ...]:
        """Every named room, in order of first appearance."""
        return tuple(dict.fromkeys(i.room for i in self.items if i.room))

    @cached_property
    def tracks(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.track for i in self.items if i.track))

    def day_of(self, entry: Item | Talk) -> date:
        """The conference day of an item, or of the item holding a talk."""
        if isinstance(entry, Item):
            return entry.day
        parent = self.parent.get(entry.id)
        return parent.day if parent is not None else conference_day(entry.start, self.event.day_change)

    def day_at(self, moment: datetime) -> date:
        """The conference day it is at ``moment`` (before the change-over: the day before)."""
        return conference_day(moment.astimezone(self.tz), self.event.day_change)

    @cached_property
    def by_guid(self) -> dict[str, Item]:
        """Items by the source's guid."""
        return {item.guid: item for item in self.items if item.guid}

    def find(self, ref: str) -> Item | Talk | None:
        """An item or talk by its id, else an item by its guid."""
        return self.by_id.get(ref) or self.by_guid.get(ref)

    @cached_property
    def by_id(self) -> dict[str, Item | Talk]:
        """Items and talks by their id."""
        found: dict[str, Item | Talk] = {}
        for item in self.items:
            found[item.id] = item
            for talk in item.talks:
                found[talk.id] = talk
        return found

    @cached_property
    def parent(self) -> dict[str, Item]:
        """The item that holds each talk, by talk id."""
        return {talk.id: item for item in self.items for talk in item.talks}

    def speaker_name(self, ref: str) -> str:
        """A speaker's name for an id, or the text itself (authors and chairs may be free text)."""
        speaker = self.speakers.get(ref)
        return speaker.name if speaker else ref

    def talks_of(self, speaker_id: str) -> list[Item | Talk]:
        """Everything a speaker gives, chairs or authors, in time order."""
        found: list[Item | Talk] = []
        for item in self.items:
            if speaker_id in item.speakers or item.chair == speaker_id:
                found.append(item)
            found.extend(t for t in item.talks if speaker_id in t.speakers)
        return found

    @property
    def talk_count(self) -> int:
        return sum(len(i.talks) for i in self.items) + sum(1 for i in self.items if i.kind == "talk")


def sliced(program: Program, *, rooms: tuple[str, ...], tracks: tuple[str, ...], days: tuple[date, ...],
           size: int | None = None, known: Callable[[Iterable[str]], set[str]] | None = None) -> Program:
    """``program`` marked as a slice of a bigger one (the items a store read for one instant):
    its rooms, tracks and days are the whole program's, not only those of the items it holds;
    ``size`` is how many items the whole program has, ``known(ids)`` which ids it knows."""
    vars(program).update(rooms=rooms, tracks=tracks, days=days)  # what the cached properties give
    if size is not None:
        vars(program)["whole_size"] = size
    if known is not None:
        vars(program)["known"] = known
    return program


def whole_size(program: Program) -> int | None:
    """For a slice (:func:`sliced`), how many items the whole program has; ``None`` for a whole one."""
    return vars(program).get("whole_size")
