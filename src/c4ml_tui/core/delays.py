"""How late the day runs: the expected times of every item and talk, from the chair's marks.

Pure: marks in, expected ``(start, end)`` by id out (what ``Timeline(expected=...)`` takes).
The rule, walked once through each day in time order (O(n)):

* **Marks are facts.** A start mark fixes the entry's start, an end mark its end. An entry
  without an end mark keeps its scheduled duration from its (expected) start, and ends at the
  latest when the next entry in its room was marked started.
* **The delay carries forward** through the items that follow in the same room, each keeping
  its duration. An item without a start mark starts at ``max(scheduled start, when the room is
  free)``: a gap of G minutes absorbs G minutes of delay, and nothing starts before its
  scheduled time unless the chair marked it so. An item with no room is in every room (it
  waits for all of them). The delay does not carry over to the next day.
* **Talks shift with their session**: a talk without a start mark starts at its scheduled
  start plus the delay so far inside the session (never earlier); the pauses between talks
  move with them (they are changeovers, not slack). A session without a start mark of its own
  opens with its first talk's start mark (keeping the scheduled offset), ends as late as its
  last talk plus the scheduled time after it, and always contains its talks.
* **Fixed items** (lunch, ``fixed: true``) keep their scheduled times whatever the delay before
  them; only the chair's own marks and nudges on them move them (and, like any entry, a start
  mark on what follows ends them). Whatever would run into a
  fixed item is **cut short** at its start (its expected end becomes the fixed item's start;
  an entry that would start after it gets no time at all) and ``Delays.squeezed`` says by how
  much, so a view can say "must end by 12:00 (5 min squeezed)".
* **Nudges** (+1/-1 minute): a nudge made before the entry's expected start moves its start
  (never earlier than scheduled); a nudge made once it has started (or was marked started)
  moves its end. Either way what follows moves with it.

:func:`compute` gives the times the marks alone say; :func:`at_instant` adds, at one instant,
an **overrun in progress** (an entry marked started and not ended, past its expected end), so
that every view says "late" while the chair's countdown says "overtime".

The chair's keys act on :func:`focus` (``e``, ``+``, ``-``) and :func:`to_start` (``s``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from .instants import between, key, utc
from .marks import Mark
from .model import Item, Program, Talk, replace
from .records import Factory, record
from .timeline import Entry, Expected, ExpectedTimes

ZERO = timedelta(0)
MINUTE = timedelta(minutes=1)


@record(slots=False)
class Delays(ExpectedTimes):
    """The outcome of the marks. ``expected`` is empty when there are no marks (nothing moved)."""

    expected: dict[str, tuple[datetime, datetime]] = Factory(default_factory=dict)
    squeezed: dict[str, timedelta] = Factory(default_factory=dict)
    """Entries cut short by a fixed item after them: how much of their time they lose."""
    actual_start: dict[str, datetime] = Factory(default_factory=dict)
    actual_end: dict[str, datetime] = Factory(default_factory=dict)
    since: datetime | None = None
    """For :func:`at_instant`: the instant the times were worked out for (``None``: any)."""
    until: datetime | None = None
    """For :func:`at_instant`: when they may next change (``None``: never, until a new mark)."""

    def holds(self, now: datetime) -> bool:
        """Whether these are the times :func:`at_instant` gives at ``now``: ``now`` is in
        ``[since, until)``. Times from :func:`compute` hold at every instant only when nothing
        moved (no marks)."""
        if self.since is None:
            return not self.expected
        return _utc(self.since) <= _utc(now) and (self.until is None or _utc(now) < _utc(self.until))


class _Walk:
    """One pass over a program's items; holds the marks indexed by id."""

    def __init__(self, program: Program, marks: Iterable[Mark]):
        self.program = program
        self.starts: dict[str, datetime] = {}
        self.ends: dict[str, datetime] = {}
        self.nudges: dict[str, list[tuple[datetime, int]]] = {}
        known = program.by_id
        for mark in marks:  # in log order: a later start/end mark replaces an earlier one
            if mark.id not in known:
                continue
            if mark.kind == "start":
                self.starts[mark.id] = _utc(mark.at)
            elif mark.kind == "end":
                self.ends[mark.id] = _utc(mark.at)
            else:
                self.nudges.setdefault(mark.id, []).append((_utc(mark.at), mark.minutes))
        self.expected: dict[str, tuple[datetime, datetime]] = {}
        self.squeezed: dict[str, timedelta] = {}

    def first_start_mark(self, item: Item | None) -> datetime | None:
        """When the item after an entry was marked started: its own mark, else its first talk's
        (less the scheduled time between them, as :meth:`place` opens it)."""
        if item is None:
            return None
        if item.id in self.starts:
            return self.starts[item.id]
        if item.talks and item.talks[0].id in self.starts:
            return self.starts[item.talks[0].id] - (item.talks[0].start - item.start)
        return None

    def start_of(self, entry: Entry, base: datetime, limit: datetime | None,
                 floor: datetime | None = None) -> tuple[datetime, int]:
        """The entry's start from ``base`` (where the carried delay puts it), and the minutes of
        nudges that move its end instead. Cut back to a fixed item's start (``limit``), it never
        goes before ``floor``: the end of what runs before it, when that overran by the marks."""
        marked = self.starts.get(entry.id)
        start = marked if marked is not None else base
        before = after = 0
        for at, minutes in self.nudges.get(entry.id, ()):
            if marked is None and at < start:
                before += minutes
            else:
                after += minutes
        if marked is None:
            if before:
                start = max(entry.start, start + before * MINUTE)
            if limit is not None and start > limit:
                start = max(limit, floor) if floor is not None else limit
        return start, after

    def end_of(self, entry: Entry, start: datetime, natural: datetime, limit: datetime | None,
               follow: datetime | None) -> tuple[datetime, datetime]:
        """The entry's ``(start, end)``: its end mark, else ``natural`` cut by the next start mark
        (``follow``) and by the next fixed item (``limit``)."""
        marked = self.ends.get(entry.id)
        if marked is not None:
            if marked < start:
                start = start if entry.id in self.starts else marked
            return start, max(marked, start)
        end = max(natural, start)
        if follow is not None and start <= follow < end:
            end = follow
        if limit is not None and end > limit:
            self.squeezed[entry.id] = end - max(limit, start)
            end = max(limit, start)
        return start, end

    def place(self, item: Item, free: datetime | None, limit: datetime | None, after: Item | None) -> datetime:
        """Place ``item`` (and its talks) when its room is ``free``; return when it ends."""
        base = item.start if item.fixed or free is None else max(item.start, free)
        start, extra = self.start_of(item, base, limit, None if item.fixed else free)
        talks = item.talks
        if talks and item.id not in self.starts and talks[0].id in self.starts:
            start = self.starts[talks[0].id] - (talks[0].start - item.start)  # it opened with its talk
        follow = self.first_start_mark(after)
        closed = min((t for t in (follow, self.ends.get(item.id)) if t is not None), default=None)
        delay = start - item.start
        floor = start
        for k, talk in enumerate(talks):
            t_start, t_extra = self.start_of(talk, talk.start + max(delay, ZERO), limit, floor)
            t_follow = self.starts.get(talks[k + 1].id) if k + 1 < len(talks) else closed
            natural = t_start + (talk.end - talk.start) + t_extra * MINUTE
            t_start, t_end = self.end_of(talk, t_start, natural, limit, t_follow)
            self.expected[talk.id] = (t_start, t_end)
            delay, floor = t_end - talk.end, max(floor, t_end)
        if talks:
            natural = item.end + delay + extra * MINUTE
            if item.id not in self.starts:
                start = min(start, *(self.expected[t.id][0] for t in talks))
        else:
            natural = start + (item.end - item.start) + extra * MINUTE
        start, end = self.end_of(item, start, natural, limit, follow)
        last = max((self.expected[t.id][1] for t in talks), default=end)
        if item.id not in self.ends:
            end = max(end, last)
        self.expected[item.id] = (start, end)
        return max(end, last)  # the room is free once the session and all its talks are over

    def run(self) -> None:
        """Walk the day in UTC (wall-clock arithmetic is an hour off across a DST change), then
        give the expected times in the event's zone."""
        items = _in_utc(self.program.items)
        after, limits = _links(items)
        free: dict[str | None, datetime] = {}
        free_all: datetime | None = None  # when the last item with no room ended
        day: date | None = None
        for item in items:
            if item.day != day:
                day, free, free_all = item.day, {}, None
            if item.room is None:
                ready = max([t for t in (free_all, *free.values()) if t is not None], default=None)
            else:
                ready = free.get(item.room, free_all)
            end = self.place(item, ready, limits.get(item.id), after.get(item.id))
            if item.room is None:
                free, free_all = {}, end
            else:
                free[item.room] = end
        tz = self.program.tz
        self.expected = {k: (a.astimezone(tz), b.astimezone(tz)) for k, (a, b) in self.expected.items()}


def _in_utc(items: Sequence[Item]) -> list[Item]:
    """The items (and talks) with their times in UTC, each keeping its conference day."""
    def talk(t: Talk) -> Talk:
        return replace(t, start=_utc(t.start), end=_utc(t.end))

    return [replace(i, start=_utc(i.start), end=_utc(i.end), conference_day=i.day,
                    talks=tuple(talk(t) for t in i.talks)) for i in items]


def _links(items: Sequence[Item]) -> tuple[dict[str, Item], dict[str, datetime]]:
    """For each item, the next item sharing its room and the start of the next fixed item sharing
    its room, the same day. An item with no room shares every room. One backward pass."""
    after: dict[str, Item] = {}
    limits: dict[str, datetime] = {}
    next_in: dict[str | None, Item] = {}
    fixed_in: dict[str | None, datetime] = {}
    day: date | None = None
    for item in reversed(items):
        if item.day != day:
            day, next_in, fixed_in = item.day, {}, {}
        if item.room is None:
            nexts, fixeds = list(next_in.values()), list(fixed_in.values())
        else:
            nexts = [i for i in (next_in.get(item.room), next_in.get(None)) if i is not None]
            fixeds = [t for t in (fixed_in.get(item.room), fixed_in.get(None)) if t is not None]
        if nexts:
            after[item.id] = min(nexts, key=lambda i: i.start)
        if fixeds:
            limits[item.id] = min(fixeds)
        next_in[item.room] = item
        if item.fixed:
            fixed_in[item.room] = item.start
    return after, limits


def compute(program: Program, marks: Iterable[Mark]) -> Delays:
    """Expected times of every item and talk from the chair's ``marks`` (see the module doc)."""
    walk = _Walk(program, marks)
    if not (walk.starts or walk.ends or walk.nudges):
        return Delays()
    walk.run()
    tz = program.tz
    return Delays(walk.expected, walk.squeezed, {k: v.astimezone(tz) for k, v in walk.starts.items()},
                  {k: v.astimezone(tz) for k, v in walk.ends.items()})


def at_instant(program: Program, marks: Iterable[Mark], now: datetime, base: Delays | None = None) -> Delays:
    """The expected times at ``now``: :func:`compute`'s (``base``, when already known), with an
    **overrun in progress** counted as lateness.

    In each room, the entry the chair marked started and has not marked ended (nor anything after
    it), while it is the chair's focus (:func:`focus`: until the entry after it was expected to
    end), is expected to run at least into the next whole minute of its overrun once it passes
    its expected end: expected to end 09:39, at 09:42:07 it is expected to end at 09:43, and what
    follows moves as if it had been marked ended then. Its countdown still counts from 09:39
    (:meth:`~c4ml_tui.core.timeline.ExpectedTimes.due`), so the chair reads ``+03:07`` while
    every view reads "running 3 min late". The answer holds until ``until``: the moment an
    overrun starts or reaches another minute, the focus moves on, a later mark, or midnight.
    """
    marks = tuple(marks)
    base = base if base is not None else compute(program, marks)
    if not base.expected:  # no marks: nothing moves, at any instant
        return base
    utc = _utc(now)
    until = _midnight_after(now, program.tz)
    for mark in marks:
        if _utc(mark.at) > utc:  # a mark ahead of the clock (a rehearsal rewound) counts from then
            until = min(until, _utc(mark.at))
    overtime: dict[str, datetime] = {}
    ends: dict[str, datetime] = {}
    day = now.astimezone(program.tz).date()
    for room in program.rooms or (None,):
        seq = leaves(program, room, day)
        last = _last_started(seq, base, now)
        if last is None or seq[last].id in ends or any(e.id in base.actual_end for e in seq[last:]):
            continue
        entry, due = seq[last], _utc(base.end(seq[last]))
        cap = _utc(base.end(seq[last + 1])) if last + 1 < len(seq) else None
        if cap is not None and utc >= cap:
            continue  # no longer the focus: the chair forgot to mark it ended
        if utc < due:
            until = min(until, due)
            continue
        ends[entry.id] = due + ((utc - due) // MINUTE + 1) * MINUTE
        overtime[entry.id] = base.end(entry)
        until = min(until, ends[entry.id], *((cap,) if cap is not None else ()))
    expected: dict[str, tuple[datetime, datetime]] = base.expected
    squeezed = base.squeezed
    if ends:
        walk = _Walk(program, marks)
        walk.ends.update(ends)
        walk.run()
        expected, squeezed = walk.expected, walk.squeezed
    return Delays(Expected(expected, overtime), squeezed, base.actual_start, base.actual_end,
                  since=now, until=until.astimezone(program.tz))


_utc = utc


def _midnight_after(now: datetime, tz: tzinfo) -> datetime:
    """The next midnight in the event's zone (the chair's day ends there), in UTC."""
    day = now.astimezone(tz).date() + timedelta(days=1)
    return _utc(datetime.combine(day, time(0), tzinfo=tz))


# -- what the chair's keys act on -----------------------------------------------------------------
def leaves(program: Program, room: str | None = None, day: date | None = None) -> list[Entry]:
    """What a chair marks, in order: the talks of a session whose talks are known, else the item.
    ``room`` keeps the items of that room and those with no room; ``day`` keeps one day."""
    found: list[Entry] = []
    for item in program.items:
        if room is not None and item.room not in (None, room):
            continue
        if day is not None and item.day != day:
            continue
        found.extend(item.talks or (item,))
    return found


def focus(program: Program, delays: Delays, now: datetime, room: str | None = None) -> Entry | None:
    """The entry the chair's countdown shows and ``e``/``+``/``-`` act on.

    The last entry marked started and not ended (and with no later entry marked) stays the focus
    while it runs over, until the entry after it is expected to end; otherwise the entry running
    at ``now`` by the expected times; ``None`` in a gap.
    """
    seq = leaves(program, room, now.astimezone(program.tz).date())
    last = _last_started(seq, delays, now)
    if last is not None:
        entry = seq[last]
        untouched = all(e.id not in delays.actual_end for e in seq[last:])
        cap = delays.end(seq[last + 1]) if last + 1 < len(seq) else None
        if untouched and (cap is None or _utc(now) < _utc(cap)):
            return entry
    running = [e for e in seq if _utc(delays.start(e)) <= _utc(now) < _utc(delays.end(e))]
    return max(running, key=lambda e: key(delays.start(e)), default=None)


def to_start(program: Program, delays: Delays, now: datetime, room: str | None = None) -> Entry | None:
    """The entry ``s`` ("this started now") marks: the one after the focus when the focus was
    marked started; otherwise, among the entries after the last one marked started that are not
    expected to be over yet, the one expected to start nearest to ``now``."""
    seq = leaves(program, room, now.astimezone(program.tz).date())
    current = focus(program, delays, now, room)
    if current is not None and current.id in delays.actual_start:
        k = next(i for i, e in enumerate(seq) if e.id == current.id)
        return seq[k + 1] if k + 1 < len(seq) else None
    last = _last_started(seq, delays, now)
    rest = seq if last is None else seq[last + 1:]
    candidates = [e for e in rest if e.id not in delays.actual_start and _utc(delays.end(e)) > _utc(now)]
    return min(candidates, key=lambda e: abs(between(now, delays.start(e))), default=None)


def to_nudge(program: Program, delays: Delays, now: datetime, room: str | None = None) -> Entry | None:
    """The entry ``+``/``-`` act on: the focus, or in a gap the entry about to start."""
    return focus(program, delays, now, room) or to_start(program, delays, now, room)


def _last_started(seq: list[Entry], delays: Delays, now: datetime) -> int | None:
    for k in range(len(seq) - 1, -1, -1):
        at = delays.actual_start.get(seq[k].id)
        if at is not None and _utc(at) <= _utc(now):
            return k
    return None
