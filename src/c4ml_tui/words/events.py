"""The events ``c4ml-tui watch`` writes, one JSON object per line. Pure: the caller gives the
timeline, the delays and the instant; :class:`Tracker` remembers what it said last.

Every event has ``event`` (its kind), ``at`` (the event clock's instant), ``program`` (the
program's key) and ``text`` (one line for a person). The kinds:

* ``delay``: how late the day runs changed (whole minutes): ``delay_seconds``, ``delay_minutes``;
* ``stage``: the countdown of a room changed stage or moved to another entry: ``room``, ``id``,
  ``title``, ``stage`` (``normal``, ``wrap_up``, ``last_minute``, ``overtime``, ``waiting``,
  ``idle``), ``left_seconds`` (negative in overtime; ``null`` in a gap);
* ``reminder``: a starred entry starts soon, by its *expected* start: ``id``, ``title``,
  ``start``, ``scheduled_start``, ``room``;
* ``message``: the chair's message to stage changed: ``message`` (empty: cleared), ``entry``;
* ``schedule``: a followed program URL changed: ``summary``;
* ``feed``: the delay feed cannot be read, is refused, or is back: ``status``, ``problem``.

``delay`` and ``stage`` describe a state: the first look says it (a light at overtime is right
from the start). The others are news, said only when they happen.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..core.delays import Delays
from ..core.feed import Message
from ..core.model import ChairSettings, Program
from ..core.reminders import Reminder
from ..core.timeline import Timeline
from . import chair as chairview
from . import late


def event(kind: str, program_key: str, now: datetime, text: str, **fields: object) -> dict[str, object]:
    return {"event": kind, "at": now.replace(microsecond=0).isoformat(), "program": program_key, "text": text,
            **fields}


class Tracker:
    """What ``watch`` said last: the delay, each room's stage, the message."""

    def __init__(self, program: Program, key: str, thresholds: ChairSettings, rooms: tuple[str | None, ...]):
        self.program = program
        self.key = key
        self.thresholds = thresholds
        self.rooms = rooms
        self.delay_minutes = 0
        self.stages: dict[str | None, tuple[str | None, str]] = {}
        self.message: tuple[str, datetime] | None = None
        self._first = True

    def step(self, tl: Timeline, delays: Delays, now: datetime, message: Message | None) -> list[dict[str, object]]:
        """The events since the last step (see the module docstring)."""
        found = self.delay(tl, now)
        for room in self.rooms:
            found.extend(self.stage(tl, delays, now, room))
        found.extend(self.said(message, now))
        self._first = False
        return found

    def delay(self, tl: Timeline, now: datetime) -> list[dict[str, object]]:
        delay = late.headline(tl, tl.at(now))
        minutes = late.minutes(delay)
        if minutes == self.delay_minutes:
            return []
        self.delay_minutes = minutes
        return [event("delay", self.key, now, late.late_note(delay) or "running on time",
                      delay_seconds=round(delay.total_seconds()), delay_minutes=minutes)]

    def stage(self, tl: Timeline, delays: Delays, now: datetime, room: str | None) -> list[dict[str, object]]:
        view = chairview.view(tl, delays, now, self.thresholds, room)
        seen = (view.entry_id, view.stage)
        if self.stages.get(room) == seen:
            return []
        self.stages[room] = seen
        where = f" in {room}" if room else ""
        left = round(view.left.total_seconds()) if view.left is not None else None
        if view.stage == "idle":
            text = f"Nothing more today{where}"
        else:
            text = f"{view.title}{where}: {view.word} {view.digits}"
        return [event("stage", self.key, now, text, room=room, id=view.entry_id,
                      title=view.title if view.entry_id else None, stage=view.stage, left_seconds=left)]

    def said(self, message: Message | None, now: datetime) -> list[dict[str, object]]:
        current = (message.text, message.at) if message is not None else None
        if current == self.message:
            return []
        first, self.message = self._first, current
        if first or message is None:
            return []
        text = f"Message to stage: {message.text}" if message.text else "Message to stage cleared"
        return [event("message", self.key, now, text, message=message.text, entry=message.entry)]


def reminder(key: str, found: Reminder, now: datetime, tl: Timeline) -> dict[str, object]:
    moved = tl.delay(found.entry)
    text = found.text(now)
    if late.minutes(moved):
        text += f", {late.late_note(moved).removeprefix('running ')}"
    return event("reminder", key, now, text, id=found.id, title=found.entry.title, start=found.start.isoformat(),
                 scheduled_start=found.entry.start.isoformat(), room=found.room)


def schedule(key: str, summary: str, now: datetime) -> dict[str, object]:
    return event("schedule", key, now, f"Schedule updated: {summary}", summary=summary)


def feed(key: str, status: str, problem: str | None, now: datetime) -> dict[str, object]:
    text = f"Delay feed: {problem}" if problem else "Delay feed: back"
    return event("feed", key, now, text, status=status, problem=problem)


ZERO = timedelta(0)
