"""The delay feed in words, and the document the chair publishes.

``chair, 20 s ago`` after the delay on every screen's bar (``last known: chair, 5 min ago`` when
the feed cannot be read), and the feed document with the day's delay as every view says it
(``late.headline``). Pure: no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from ..core import fmt
from ..core.delays import compute, focus
from ..core.feed import Feed, Message, document
from ..core.instants import between
from ..core.marks import Mark
from ..core.model import Program
from ..core.timeline import Entry, Timeline
from . import late

ZERO = timedelta(0)


def build(program: Program, marks: Iterable[Mark], now: datetime, *, room: str | None = None,
          message: Message | None = None, timeline: Timeline | None = None) -> dict[str, object]:
    """The feed document for ``marks`` at ``now``: expected times of every item and talk, the
    delay at ``now`` (as the bar says it), the message. ``timeline`` saves recomputing the
    delays when the caller has them (the app's state)."""
    marks = tuple(marks)
    if timeline is None:
        timeline = Timeline(program, expected=compute(program, marks).expected)
    narrowed = timeline if room is None else Timeline(program, room=room, expected=timeline.expected)
    delay = late.headline(narrowed, narrowed.at(now))
    entries: list[Entry] = []
    for item in program.items:
        entries += (item, *item.talks)
    expected = {e.id: (timeline.start(e), timeline.end(e)) for e in entries}
    return document(program, marks=marks, expected=expected, delay=delay, now=now, room=room, message=message)


def message_for(program: Program, marks: Iterable[Mark], text: str, now: datetime,
                room: str | None = None) -> Message:
    """A message sent at ``now``, tied to what is on stage then (it shows until that leaves)."""
    from ..core.feed import tidy

    on_stage = focus(program, compute(program, marks), now, room)
    return Message(tidy(text), now.replace(microsecond=0), on_stage.id if on_stage is not None else None)


def ago(then: datetime, now: datetime) -> str:
    """``just now``, ``20 s ago`` (tens of seconds), ``3 min ago``, ``2 h 5 min ago``."""
    seconds = int(between(then, now).total_seconds())
    if seconds < 10:
        return "just now"
    if seconds < 60:
        return f"{seconds // 10 * 10} s ago"
    return f"{fmt.age(then, now)} ago"


def note(feed: Feed | None, status: str, now: datetime, delay: timedelta = ZERO) -> str:
    """What the bar says about the feed: ``on time · chair, 20 s ago`` (the delay itself is said
    before it, when there is one), ``last known: chair, 5 min ago`` while it cannot be read,
    ``delay feed refused`` when it is another program's and none was good before."""
    if feed is None:
        return {"refused": "delay feed refused", "broken": "delay feed broken"}.get(status, "no delay feed yet")
    said = f"chair, {ago(feed.written_at, now)}"
    if status != "ok":
        said = f"last known: {said}"
    return said if late.minutes(delay) else f"on time · {said}"


def line(feed: Feed | None, status: str, now: datetime, delay: timedelta) -> str:
    """One line for ``now`` and ``watch``: ``running 7 min late · chair, 20 s ago``."""
    said = note(feed, status, now, delay)
    running = late.late_note(delay) if feed is not None else ""
    return f"{running} · {said}" if running else said
