"""What part of a big program the app shows: one room, one track, one day. Pure: no Textual.

A :class:`Filter` narrows a timeline to the items of a room and/or a track; the app keeps one
for all its screens (the rooms board and the agenda), so that "only Saal 1" holds everywhere.
Items without a room are in every room (as ``--room`` has it). The day helpers pick which day
of a multi-day program the agenda shows, and step through its days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .model import Item, Program, replace
from .records import record
from .timeline import Timeline


@record
class Filter:
    """A room and a track to keep (``None``: every room, every track)."""

    room: str | None = None
    track: str | None = None

    @property
    def active(self) -> bool:
        return self.room is not None or self.track is not None

    def keeps(self, item: Item) -> bool:
        if self.room is not None and item.room not in (None, self.room):
            return False
        return self.track is None or item.track == self.track

    def label(self) -> str:
        """``all rooms``, ``Saal 1``, ``track Security``, ``Saal 1 · track Security``."""
        parts = [self.room or ""] + ([f"track {self.track}"] if self.track else [])
        return " · ".join(p for p in parts if p) or "all rooms"

    def without_room(self) -> Filter:
        return Filter(None, self.track)

    def with_room(self, room: str | None) -> Filter:
        return Filter(room, self.track)

    def with_track(self, track: str | None) -> Filter:
        return Filter(self.room, track)


def narrow(program: Program, flt: Filter) -> Program:
    """``program`` with only the items ``flt`` keeps (the same program when it keeps all)."""
    if not flt.active:
        return program
    return replace(program, items=tuple(i for i in program.items if flt.keeps(i)))


def narrowed(tl: Timeline, flt: Filter, day: date | None = None) -> Timeline:
    """``tl`` narrowed to ``flt`` (and to the items of conference day ``day``), with the same
    expected times: a delay shows in every narrowed view."""
    program = narrow(tl.program, flt)
    if day is not None:
        program = replace(program, items=tuple(i for i in program.items if i.day == day))
    if program is tl.program:
        return tl
    return Timeline(program, room=tl.room, expected=tl.expected)


def days(tl: Timeline) -> tuple[date, ...]:
    """The conference days with items, in order (the event's date when there are none). An
    item's day is the one its program gives it (a 00:30 set belongs to the evening before),
    and a delay does not move it to another."""
    found = sorted({i.day for i in tl.items})
    return tuple(found) or (tl.program.event.date,)


def opening_day(tl: Timeline, now: datetime) -> date:
    """The day the agenda opens on: today's conference day when ``now`` is within the program
    (or the next day with items, on a rest day), else the first day."""
    found = days(tl)
    today = tl.program.day_at(now)
    if found[0] <= today <= found[-1]:
        return next(d for d in found if d >= today)
    return found[0]


def step_day(found: tuple[date, ...], day: date, step: int) -> date:
    """The day ``step`` days of the program away from ``day``, stopping at the first and last."""
    index = found.index(day) if day in found else 0
    return found[min(max(index + step, 0), len(found) - 1)]


def counts(program: Program, field: str) -> dict[str, int]:
    """How many items each room (``field="room"``) or track has, in order of first appearance."""
    found: dict[str, int] = {}
    for item in program.items:
        value = getattr(item, field)
        if value:
            found[value] = found.get(value, 0) + 1
    return found


# -- ``--room``: a program narrowed to one room ----------------------------------------------------
def find_room(program: Program, name: str) -> str:
    """The room ``--room NAME`` means: exact, else ignoring case, else the one room whose name
    contains it. Raises ``ValueError`` with a one-line message otherwise."""
    rooms = program.rooms
    if name in rooms:
        return name
    folded = name.casefold().strip()
    same = [r for r in rooms if r.casefold() == folded] or [r for r in rooms if folded in r.casefold()]
    if len(same) == 1:
        return same[0]
    if not rooms:
        raise ValueError(f"--room {name!r}: this program names no rooms")
    if same:
        raise ValueError(f"--room {name!r} is ambiguous: {_listing(same)}")
    import difflib

    near = difflib.get_close_matches(name, list(rooms), n=1, cutoff=0.6)
    hint = f"did you mean {near[0]!r}? " if near else ""
    raise ValueError(f"no room {name!r} in this program; {hint}rooms: {_listing(rooms)}")


def only_room(program: Program, room: str) -> Program:
    """The program narrowed to one room (items without a room are in every room)."""
    return replace(program, items=tuple(i for i in program.items if i.room in (None, room)))


def _listing(rooms: tuple[str, ...] | list[str]) -> str:
    shown = ", ".join(rooms[:8])
    return shown + (f" and {len(rooms) - 8} more" if len(rooms) > 8 else "")


def day_named(found: tuple[date, ...], text: str, today: date) -> date:
    """The day ``--day TEXT`` names among the program's days ``found``: ``today``/``tomorrow``
    (conference days, ``today`` being the one the clock is in), ``1``..``N`` (the Nth day of the
    program), or a date (``2024-12-28``). Raises ``ValueError`` with a one-line message naming
    the days there are."""
    asked = text.strip().casefold()
    listing = ", ".join(d.isoformat() for d in found[:8]) + (f" and {len(found) - 8} more" if len(found) > 8 else "")
    if asked in ("today", "tomorrow"):
        day = today + timedelta(days=asked == "tomorrow")
    elif asked.isdigit():
        number = int(asked)
        if not 1 <= number <= len(found):
            raise ValueError(f"--day {text}: the program has {len(found)} day(s), numbered 1 to {len(found)}")
        return found[number - 1]
    else:
        try:
            day = date.fromisoformat(asked)
        except ValueError:
            raise ValueError(f"--day {text!r}: not a day; write today, tomorrow, a day's number "
                             f"(1 to {len(found)}) or a date such as {found[0].isoformat()}") from None
    if day not in found:
        raise ValueError(f"--day {text}: the program has nothing on {day.isoformat()}; its days: {listing}")
    return day
