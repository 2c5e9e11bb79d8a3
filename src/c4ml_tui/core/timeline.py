"""Pure questions about time: what runs now, what is next, how long is left.

A :class:`Timeline` answers for any aware instant. It never reads a clock: the caller passes
``now``. Expected times (a running delay, see the chair issue) are passed in as a mapping from
id to ``(start, end)``; without them the scheduled times are used. An item runs from its start
(inclusive) to its end (exclusive).

Every comparison and subtraction is done in UTC. Python compares and subtracts two datetimes that
share a ``tzinfo`` on the wall clock, ignoring the offset and ``fold``: on a spring-forward day
``03:30 PDT - 01:30 PST`` would be two hours instead of one, and on a fall-back day the second
``01:30`` would equal the first.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from .instants import utc
from .model import Item, Program, Talk
from .records import record

STATUSES = ("upcoming", "live", "between", "over")
Entry = Item | Talk
Times = Mapping[str, tuple[datetime, datetime]]
UTC = timezone.utc


def __getattr__(name: str) -> object:
    # ``Status`` is a typing.Literal; built on demand so that ``c4ml-tui now`` never imports typing.
    if name == "Status":
        from typing import Literal

        return Literal["upcoming", "live", "between", "over"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@record
class Snapshot:
    """The answer for one instant. Durations are ``None`` when there is nothing to measure."""

    at: datetime
    """The instant asked about, in the event's zone."""
    status: str
    """One of ``STATUSES``: ``upcoming``, ``live``, ``between``, ``over``."""
    current: Item | None
    next: Item | None
    current_talk: Talk | None
    next_talk: Talk | None
    remaining: timedelta | None
    until_next: timedelta | None
    talk_remaining: timedelta | None
    until_next_talk: timedelta | None
    day_starts_in: timedelta | None
    """Time until the first item of the whole program, while the status is ``upcoming``."""

    def key(self) -> tuple[str | None, ...]:
        """What changes only when the answer (not the countdown) changes: for cheap redraws."""
        return (self.status, _id(self.current), _id(self.next), _id(self.current_talk), _id(self.next_talk))


def _id(entry: Entry | None) -> str | None:
    return entry.id if entry else None


class Expected(dict[str, tuple[datetime, datetime]]):
    """Expected ``(start, end)`` by id at one instant, and the entries then running over.

    ``overtime`` maps each entry that runs past the end it was expected at (marked started, not
    yet marked ended: ``delays.at_instant``) to that end, which its countdown counts from. The
    mapping travels with the times, so every timeline made from them (a filter, one room) knows.
    """

    def __init__(self, times: Times | None = None, overtime: Mapping[str, datetime] | None = None):
        super().__init__(times or {})
        self.overtime: Mapping[str, datetime] = dict(overtime or {})


NO_OVERTIME: Mapping[str, datetime] = {}


class ExpectedTimes:
    """The expected start and end of entries, from a mapping of id to ``(start, end)`` (the
    scheduled times for an id it lacks). Shared by :class:`Timeline` and ``delays.Delays``."""

    expected: Times

    def start(self, entry: Entry) -> datetime:
        """The expected start (the scheduled one unless a delay moved it)."""
        times = self.expected.get(entry.id)
        return times[0] if times else entry.start

    def end(self, entry: Entry) -> datetime:
        times = self.expected.get(entry.id)
        return times[1] if times else entry.end

    def delay(self, entry: Entry) -> timedelta:
        """How much later than scheduled the entry is expected to start (negative: earlier)."""
        return _utc(self.start(entry)) - _utc(entry.start)

    def end_delay(self, entry: Entry) -> timedelta:
        """How much later than scheduled the entry is expected to end (negative: earlier)."""
        return _utc(self.end(entry)) - _utc(entry.end)

    def overtime_since(self, entry: Entry) -> datetime | None:
        """For an entry running over (see :class:`Expected`): the end it was expected at, which
        it has passed; ``None`` otherwise."""
        return getattr(self.expected, "overtime", NO_OVERTIME).get(entry.id)

    def due(self, entry: Entry) -> datetime:
        """The end a countdown counts to: the expected end, or for an entry running over, the
        end it was expected at before (so the countdown shows how far over it is)."""
        return self.overtime_since(entry) or self.end(entry)


class Timeline(ExpectedTimes):
    """Where each item falls in time, and what is on at any instant, optionally in one room."""

    def __init__(self, program: Program, *, room: str | None = None, expected: Times | None = None):
        self.program = program
        self.room = room
        self.expected: Times = expected or {}
        items = [i for i in program.items if room is None or i.room in (None, room)]
        items.sort(key=lambda i: (self._start(i), self._end(i)))
        self.items: tuple[Item, ...] = tuple(items)
        self._starts = [self._start(i) for i in items]
        self._longest = max((self._end(i) - self._start(i) for i in items), default=timedelta(0))

    # -- where an entry falls, in UTC ------------------------------------------------------------
    def _start(self, entry: Entry) -> datetime:
        return _utc(self.start(entry))

    def _end(self, entry: Entry) -> datetime:
        return _utc(self.end(entry))

    # -- what is on -------------------------------------------------------------------------------
    def running(self, now: datetime) -> list[Item]:
        """Every item running at ``now`` (several when rooms run in parallel), latest start first."""
        now = _utc(now)
        hi = bisect_right(self._starts, now)
        lo = bisect_right(self._starts, now - self._longest - timedelta(microseconds=1))
        found = [i for i in self.items[lo:hi] if self._end(i) > now]
        found.sort(key=self._start, reverse=True)
        return found

    def upcoming(self, now: datetime) -> list[Item]:
        """Items that start after ``now``, soonest first."""
        return list(self.items[bisect_right(self._starts, _utc(now)):])

    def next_item(self, now: datetime) -> Item | None:
        hi = bisect_right(self._starts, _utc(now))
        return self.items[hi] if hi < len(self.items) else None

    def at(self, now: datetime) -> Snapshot:
        """What is on at ``now``: status, current and next item and talk, and time left."""
        utc = _utc(now)
        running = self.running(utc)
        current = running[0] if running else None
        nxt = self.next_item(utc)
        current_talk = next_talk = None
        if current is not None and current.talks:
            for talk in current.talks:
                if self._start(talk) <= utc < self._end(talk):
                    current_talk = talk
                elif self._start(talk) > utc and next_talk is None:
                    next_talk = talk
        if current is not None:
            status = "live"
        elif not self.items or utc < self._starts[0]:
            status = "upcoming"
        elif nxt is None:
            status = "over"
        else:
            status = "between"
        first = self._starts[0] if self.items else None
        return Snapshot(
            at=now.astimezone(self.program.tz),
            status=status,
            current=current,
            next=nxt,
            current_talk=current_talk,
            next_talk=next_talk,
            remaining=self._end(current) - utc if current else None,
            until_next=self._start(nxt) - utc if nxt else None,
            talk_remaining=self._end(current_talk) - utc if current_talk else None,
            until_next_talk=self._start(next_talk) - utc if next_talk else None,
            day_starts_in=first - utc if status == "upcoming" and first else None,
        )

    def by_room(self, now: datetime) -> list[tuple[str, Item | None, Item | None]]:
        """For each room of the program: ``(room, current, next)`` at ``now``."""
        rooms = self.program.rooms if self.room is None else (self.room,)
        current: dict[str | None, Item] = {}
        for item in self.running(now):  # latest start first: the first of a room is its current
            current.setdefault(item.room, item)
        wanted: set[str | None] = set(rooms)
        later: dict[str | None, Item] = {}
        for k in range(bisect_right(self._starts, _utc(now)), len(self.items)):  # soonest first
            item = self.items[k]
            if item.room in wanted and item.room not in later:
                later[item.room] = item
                if len(later) == len(wanted):
                    break
        return [(room, current.get(room), later.get(room)) for room in rooms]


_utc = utc
