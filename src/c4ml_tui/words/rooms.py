"""The words of the rooms board: what runs in each room, how long it has left, what is next.
Pure: no Textual, no clock; the timeline answers every time question.

The board of a program with several rooms is a table, one row per room. Its *answer* (which
item runs and which is next in each room) changes only when an item starts or ends, so it is
worked out then (:func:`answer`, with the instant it next changes); the countdowns in each row
(:func:`row`) are redrawn as the minutes pass.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

from ..core import fmt
from ..core.filters import Filter
from ..core.instants import between
from ..core.model import Item, replace
from ..core.timeline import Snapshot, Timeline
from . import agenda
from .agenda import Row
from .board import status_line

UTC = timezone.utc
FREE = "free"
"""What the Now column says for a room where nothing runs."""
EVERYWHERE = "All rooms"
"""The row of the items that name no room (a workshop's lunch): they are in every room."""


class RoomLine(NamedTuple):
    """One room at one instant: what runs there and what starts there next."""

    room: str
    """The room's name; empty for the items that name no room (:data:`EVERYWHERE`)."""
    current: Item | None
    next: Item | None


class Answer(NamedTuple):
    """The rooms board at one instant; the same until ``until`` (an item starts or ends)."""

    lines: tuple[RoomLine, ...]
    """The rooms shown, in the program's order of rooms."""
    quiet: int
    """Rooms left out: nothing runs there and nothing more starts there on ``day``."""
    day: date
    """The day the board is about: today, or the next day with items (see ``agenda.board_day``)."""
    at: datetime
    until: datetime | None
    """When the answer next changes; ``None`` when nothing will ever change it again."""

    def stale(self, now: datetime) -> bool:
        """Whether ``now`` needs a new answer (it is past ``until``, or the clock went back)."""
        utc = now.astimezone(UTC)
        return utc < self.at.astimezone(UTC) or (self.until is not None and utc >= self.until)


class RoomRow(NamedTuple):
    """The words of one row of the board."""

    key: str
    """The room's name (empty for the items that name no room): the row's identity."""
    room: str
    """What the Room column says."""
    now: str
    """The running item's title, or ``free``."""
    left: str
    """``25 min`` left of it; empty when the room is free."""
    next: str
    """The next item's title; empty when nothing more starts in the room."""
    at: str
    """``14:45``, or ``Sun 11:00`` when it is not today."""
    until: str
    """``in 10 min``; empty when nothing is next."""
    busy: bool
    """Something runs in the room."""


def answer(tl: Timeline, now: datetime, *, keep_quiet: bool = False) -> Answer:
    """Each room of ``tl`` at ``now``; rooms with nothing on and nothing more on the board's day
    are left out (counted in ``quiet``) unless ``keep_quiet``."""
    day = agenda.board_day(tl, now)
    lines, quiet = [], 0
    for room, current, nxt in everywhere(tl, now) + tl.by_room(now):
        if current is None and not keep_quiet and (nxt is None or tl.start(nxt).date() != day):
            quiet += 1
            continue
        lines.append(RoomLine(room, current, nxt))
    return Answer(tuple(lines), quiet, day, now, next_change(tl, now))


def everywhere(tl: Timeline, now: datetime) -> list[tuple[str, Item | None, Item | None]]:
    """``[("", current, next)]`` for the items that name no room, when there are any."""
    roomless = tuple(i for i in tl.items if i.room is None)
    if not roomless or len(roomless) == len(tl.items):
        return []
    only = Timeline(replace(tl.program, items=roomless), expected=tl.expected)
    running = only.running(now)
    return [("", running[0] if running else None, only.next_item(now))]


def next_change(tl: Timeline, now: datetime) -> datetime | None:
    """The first instant after ``now`` when an item of ``tl`` starts or ends (in UTC)."""
    moments = [tl.end(i) for i in tl.running(now)]
    nxt = tl.next_item(now)
    if nxt is not None:
        moments.append(tl.start(nxt))
    return min((m.astimezone(UTC) for m in moments), default=None)


def row(tl: Timeline, line: RoomLine, now: datetime) -> RoomRow:
    """The words of ``line``'s row at ``now`` (they change once a minute)."""
    current, nxt = line.current, line.next
    left = compact(between(now, tl.end(current))) if current else ""
    since = tl.overtime_since(current) if current else None
    if since is not None:  # running over (the chair's countdown reads +03:07)
        left = f"+{compact(timedelta(minutes=int(between(since, now).total_seconds() // 60)))}"
    at = until = ""
    if nxt is not None:
        start = tl.start(nxt)
        at = fmt.hm(start, weekday=fmt.viewed(start).date() != fmt.viewed(now).date())
        until = f"in {compact(between(now, start))}"
    return RoomRow(line.room, line.room or EVERYWHERE, current.title if current else FREE, left,
                   nxt.title if nxt else "", at, until, current is not None)


def compact(delta) -> str:
    """``25 min``, ``1 h 45`` (no ``min`` once there are hours), ``2 d 3 h``: for a narrow column."""
    text = fmt.duration(delta)
    return text[: -len(" min")] if " h " in text and text.endswith(" min") else text


def status(tl: Timeline, snap: Snapshot, shown: Answer) -> str:
    """``Saturday 28 December 2024 · live · 35 busy, 21 free, 16 quiet today``: the day, and
    how many rooms have something on, have nothing on now but more later, and are left out
    (quiet: nothing on now and nothing more that day)."""
    busy = sum(1 for line in shown.lines if line.current is not None)
    parts = [status_line(tl, snap)]
    when = "today" if shown.day == snap.at.date() else f"on {fmt.short_day(shown.day)}"
    counted = [f"{busy} busy" if busy else "", f"{len(shown.lines) - busy} free" if len(shown.lines) > busy else "",
               f"{shown.quiet} quiet {when}" if shown.quiet else ""]
    if any(counted) and (shown.lines or shown.until is not None):  # (not once it is all over)
        parts.append(", ".join(c for c in counted if c))
    return " · ".join(parts)


def empty(shown: Answer, flt: Filter) -> str:
    """What the board says when it has no row; empty when it has rows."""
    if shown.lines:
        return ""
    scope = "in any room" if not flt.active else f"for {flt.label()}"
    if not shown.quiet:
        return f"Nothing scheduled {scope}." if flt.active else "Nothing scheduled."
    if shown.until is None:
        return f"Nothing more {scope}: the program is over."
    return f"Nothing on now and nothing more today {scope}."


def now_row(found: list[Row]) -> int:
    """The agenda row of "now" when rooms run in parallel: the running row that started last,
    so that the rows around it are what runs now and what comes next (``agenda.now_index``
    would pick the one that started first, hours ago at a big event)."""
    running = [i for i, r in enumerate(found) if r.state == "now" and r.kind in ("item", "talk", "gap")]
    return running[-1] if running else agenda.now_index(found)


def filter_note(flt: Filter) -> str:
    """``Only Saal 1 · track Security (r, t to change)``: said above a filtered view, so that a
    narrow terminal, whose heading is cut, still shows what is hidden; empty without a filter."""
    return f"Only {flt.label()} · r, t or the palette's Clear filters to change" if flt.active else ""


def filtered_gaps(found: list[Row], flt: Filter) -> list[Row]:
    """Agenda rows where a gap says that nothing *of the filter* is on (``nothing for Saal 1 ·
    track Security (1 h 30 min)``): a talk filtered out still runs there."""
    if not flt.active:
        return found
    return [r._replace(title=f"nothing for {flt.label()} ({fmt.duration(between(r.start, r.end))})")
            if r.kind == "gap" and r.start and r.end else r for r in found]


def heading(base: str, flt: Filter) -> str:
    """The heading left of the clock: ``Rooms · all rooms``, ``Rooms · Saal 1``."""
    return f"{base} · {flt.label()}" if base else flt.label()


def room_day(tl: Timeline, line: RoomLine, now: datetime, day: date, *, whole: bool) -> tuple[str, list[Row]]:
    """The day of one room, for the panel beside (``whole``) or under the table: its items and
    gaps on ``day``; under the table only those after the row's current and next item."""
    later, today = room_days(tl, line, now, day)
    return today if whole else later


def room_days(tl: Timeline, line: RoomLine, now: datetime,
              day: date) -> tuple[tuple[str, list[Row]], tuple[str, list[Row]]]:
    """``(under, beside)``: :func:`room_day` for the panel under the table and the one beside
    it, from one timeline of the room (the board shows both, one of them hidden, and asks again
    at each move of the cursor)."""
    if line.room:
        one = Timeline(tl.program, room=line.room, expected=tl.expected)
    else:
        one = Timeline(replace(tl.program, items=tuple(i for i in tl.items if i.room is None)), expected=tl.expected)
    rows = agenda.day_rows(agenda.rows(one, now), day)
    name = line.room or EVERYWHERE.lower()
    shown = {line.current.id if line.current else None, line.next.id if line.next else None}
    later = [r for r in rows if r.state == "later" and r.kind == "item" and r.entry_id not in shown]
    return (f"Later in {name}", later), (f"{line.room or EVERYWHERE} · {fmt.day_title(day)}", rows)
