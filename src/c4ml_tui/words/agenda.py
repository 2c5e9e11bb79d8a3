"""The agenda as rows: each day, its items, their talks and the gaps between, each marked past,
running or to come at one instant. Pure: no Textual, no clock.

Times are the timeline's expected times, so a delay moves the rows too, and a row the chair's
marks moved says when it was scheduled (:func:`scheduled`). A gap is time on a day when nothing
at all is scheduled (in any room) between two items.
"""

from __future__ import annotations

from datetime import date, datetime
from itertools import groupby
from typing import Literal, NamedTuple

from ..core import fmt
from ..core.instants import utc
from ..core.timeline import Entry, Timeline

RowKind = Literal["day", "item", "talk", "gap"]
State = Literal["past", "now", "later", ""]


class Row(NamedTuple):
    """One line of the agenda. ``key`` is unique and stable as time passes (for the cursor)."""

    kind: RowKind
    key: str
    title: str
    start: datetime | None = None
    end: datetime | None = None
    label: str = ""
    """The item's kind (``session``, ``break``, ...), ``talk`` or ``gap``; empty for a day."""
    room: str = ""
    who: str = ""
    """Speaker names, comma-separated."""
    entry_id: str | None = None
    """The item or talk this row opens; ``None`` for days and gaps."""
    state: State = ""
    scheduled: str = ""
    """``scheduled 10:00`` when a delay moved the row (see :func:`scheduled`); else empty."""
    day: date | None = None
    """The conference day the row is under (a 00:30 set is under the evening before)."""

    @property
    def times(self) -> str:
        return fmt.span(self.start, self.end) if self.start and self.end else ""

    @property
    def caption(self) -> str:
        """The title, then when it was scheduled if a delay moved it: ``Break, scheduled 10:00``."""
        return f"{self.title}, {self.scheduled}" if self.scheduled else self.title


def scheduled(tl: Timeline, entry: Entry) -> str:
    """``scheduled 10:00`` when the expected start is at another minute than the scheduled one,
    ``scheduled to end 10:00`` when only the end moved; empty when the entry runs as scheduled."""
    if not tl.expected:
        return ""
    zone = entry.start.tzinfo
    if fmt.hm(tl.start(entry).astimezone(zone)) != fmt.hm(entry.start):
        return f"scheduled {fmt.hm(entry.start)}"
    if fmt.hm(tl.end(entry).astimezone(zone)) != fmt.hm(entry.end):
        return f"scheduled to end {fmt.hm(entry.end)}"
    return ""


def _state(start: datetime, end: datetime, now: datetime) -> State:
    """``now`` in UTC already: then Python compares each time with it as instants (aware
    datetimes of different zones compare in UTC; two of one zone would compare on the wall
    clock, which a DST night gets wrong), without converting thousands of rows' times."""
    if end <= now:
        return "past"
    return "now" if start <= now else "later"


def rows(tl: Timeline, now: datetime) -> list[Row]:
    """Every row of the agenda at ``now``, grouped by conference day in time order.

    (A day of a big program has thousands of rows, worked out each time the agenda shows a
    day: the rows are made as plain tuples, what the timeline does not move is not asked,
    and an entry with no speakers joins no names.)"""
    name = tl.program.speaker_name
    found: list[Row] = []
    add = found.append
    make = tuple.__new__
    now = utc(now)
    moved = tl.expected
    for day, group in groupby(sorted(tl.items, key=lambda i: i.day), key=lambda i: i.day):
        add(Row("day", f"day:{day.isoformat()}", fmt.day_title(day), day=day))
        latest: datetime | None = None
        for item in group:
            start, end = (tl.start(item), tl.end(item)) if moved else (item.start, item.end)
            if latest is not None and start > latest:
                add(Row("gap", f"gap:{latest.isoformat()}", f"nothing scheduled ({fmt.duration(start - latest)})",
                        latest, start, "gap", state=_state(latest, start, now), day=day))
            state: State = "past" if end <= now else "now" if start <= now else "later"  # (_state, inline)
            who = ", ".join([name(s) for s in item.speakers]) if item.speakers else ""
            add(make(Row, ("item", item.id, item.title, start, end, item.kind, item.room or "", who, item.id,
                           state, scheduled(tl, item) if moved else "", day)))
            for talk in item.talks:
                t0, t1 = (tl.start(talk), tl.end(talk)) if moved else (talk.start, talk.end)
                state = "past" if t1 <= now else "now" if t0 <= now else "later"
                who = ", ".join([name(s) for s in talk.speakers]) if talk.speakers else ""
                add(make(Row, ("talk", talk.id, talk.title, t0, t1, "talk", "", who, talk.id,
                               state, scheduled(tl, talk) if moved else "", day)))
            latest = end if latest is None or end > latest else latest
    return found


def instants(found: list[Row]) -> list[tuple[float, float] | None]:
    """Each row's start and end as POSIX timestamps (``None`` for a day's heading), for
    :func:`marked`: worked out once per day's rows (comparing an event's times with an instant
    in UTC asks the zone each time: ~3 µs a row)."""
    return [None if r.start is None or r.end is None else (r.start.timestamp(), r.end.timestamp()) for r in found]


def marked(found: list[Row], now: datetime, spans: list[tuple[float, float] | None] | None = None) -> list[Row]:
    """``found`` (from :func:`rows`) with each row marked past, running or to come at ``now``,
    as :func:`rows` at ``now`` would mark it: the agenda a while later, without working its
    rows out again. ``spans`` are the rows' :func:`instants`, when known. A row whose mark
    holds is the same object; ``found`` itself when none changed."""
    at = now.timestamp()
    changed: list[Row] | None = None
    for index, span in enumerate(spans if spans is not None else instants(found)):
        if span is None:
            continue  # a day's heading: no mark
        state: State = "past" if span[1] <= at else "now" if span[0] <= at else "later"
        row = found[index]
        if state != row.state:
            if changed is None:
                changed = list(found)
            changed[index] = row._replace(state=state)
    return found if changed is None else changed


def now_index(found: list[Row]) -> int:
    """The row that shows "now": the running talk, else the running item or gap, else the first
    row still to come, else the last row (the day is over)."""
    running = [i for i, r in enumerate(found) if r.state == "now"]
    talks = [i for i in running if found[i].kind == "talk"]
    if talks or running:
        return (talks or running)[0]
    upcoming = next((i for i, r in enumerate(found) if r.state == "later"), None)
    return upcoming if upcoming is not None else max(len(found) - 1, 0)


def day_rows(found: list[Row], day: date) -> list[Row]:
    """The item and gap rows of one conference day (no heading, no talks): the board's "today"
    column."""
    return [r for r in found if r.kind in ("item", "gap") and r.day == day]


def board_day(tl: Timeline, now: datetime) -> date:
    """The conference day the board's "today" column shows: today's (at 01:30 still the evening
    before's, past the program's change-over hour the new one) when it has items, else the next
    day with items, else the last one."""
    days = sorted({i.day for i in tl.items})
    today = tl.program.day_at(now)
    return next((d for d in days if d >= today), days[-1] if days else today)
