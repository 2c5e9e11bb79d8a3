"""The words of the "about this event" pane: what the event is, when, where, and what the
program holds. Pure: no Textual, no clock.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import NamedTuple

from ..core import fmt
from ..core.model import Program


class About(NamedTuple):
    """The pane's lines; an empty string is a line the event does not give."""

    title: str
    edition: str
    when: str
    """``Sunday 2 March 2025`` or ``Friday 27 to Monday 30 December 2024``."""
    zone: str
    """``Times in America/Los_Angeles (PST, UTC-08:00)``."""
    where: str
    """``The Westin Las Vegas Hotel & Spa · Las Vegas, USA (in person)``."""
    room: str
    """``Room: Willow``, or ``72 rooms`` when rooms run in parallel."""
    program: str
    """``The program: 8 items · 1 day``."""
    source: str
    """``Read from program.yaml`` (a file's name, or a URL)."""
    url: str
    description: str


def days(first: date, last: date) -> str:
    """``Sunday 2 March 2025``, ``Friday 27 to Monday 30 December 2024``, or across months and
    years ``Monday 30 December 2024 to Thursday 2 January 2025``."""
    if first == last:
        return fmt.day_title(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%A} {first.day} to {fmt.day_title(last)}"
    if first.year == last.year:
        return f"{first:%A} {first.day} {first:%B} to {fmt.day_title(last)}"
    return f"{fmt.day_title(first)} to {fmt.day_title(last)}"


def zone(program: Program) -> str:
    """``Times in America/Los_Angeles (PST, UTC-08:00)``, at the event's first day."""
    noon = datetime.combine(program.days[0], time(12), tzinfo=program.tz)
    offset = noon.strftime("%z")
    utc = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    name = noon.tzname() or ""
    return f"Times in {program.event.timezone} ({name}, {utc})" if name and name != "UTC" else \
        f"Times in {program.event.timezone} ({utc})"


def about(program: Program) -> About:
    """What the pane says about ``program``'s event."""
    event = program.event
    where = " · ".join(part for part in (event.venue, event.location) if part)
    rooms = program.rooms
    if len(rooms) > 1:
        room = f"{len(rooms)} rooms in parallel"
    else:
        room = f"Room: {event.room or (rooms[0] if rooms else '')}" if (event.room or rooms) else ""
    talks = sum(len(item.talks) for item in program.items)  # inside sessions (an imported talk is an item)
    counts = [_count(len(program.items), "item"), _count(talks, "talk in sessions", "talks in sessions"),
              _count(len(program.speakers), "speaker"), _count(len(program.days), "day"),
              _count(len(program.tracks), "track")]
    return About(event.title, event.edition or "", days(program.days[0], program.days[-1]), zone(program),
                 where, room, "The program: " + " · ".join(c for c in counts if c), source(program.source),
                 event.url or "", event.description or "")


def source(where: str) -> str:
    """``Read from 38c3.xml``: a file's name (its folder is the user's business), or a URL."""
    if not where:
        return ""
    if where.startswith(("http://", "https://")):
        return f"Read from {where}"
    return f"Read from {where.replace(chr(92), '/').rsplit('/', 1)[-1]}"


def _count(n: int, one: str, many: str = "") -> str:
    """``1,007 items``, ``1 day``; empty for none."""
    if not n:
        return ""
    return f"{n:,} {one if n == 1 else many or one + 's'}"
