"""A program already read whole, asked the questions a program store answers
(``program_store.Stored``): a URL's program, one the store could not keep, and a small file's
(``loader.SMALL_FILE``: reading it whole costs less than opening SQLite)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..core.model import Item, Program, Talk


class Whole:
    """A program already read whole, with the questions ``program_store.Stored`` answers: its
    slices are itself."""

    def __init__(self, program: Program):
        self.program = program
        self.event = program.event
        self.source = program.source
        self.digest = program.digest
        self.rooms = program.rooms

    @property
    def tz(self):
        return self.program.tz

    def find(self, ref: str) -> Item | Talk | None:
        return self.program.find(ref)

    def known(self, ids: Iterable[str]) -> set[str]:
        return set(ids) & self.program.by_id.keys()

    def around(self, now: datetime, marked: Iterable[str] = (), room: str | None = None) -> Program:
        if room is None:
            return self.program
        from ..core.filters import only_room

        return only_room(self.program, room)

    def widened(self, part: Program, day: date, room: str | None = None, *, first: bool = False) -> Program:
        return part  # (it holds every item already)

    def day(self, day: date, room: str | None = None) -> Program:
        from ..core.filters import only_room
        from ..core.model import replace

        program = self.program if room is None else only_room(self.program, room)
        return replace(program, items=tuple(i for i in program.items if i.day == day))

    def day_at(self, moment: datetime) -> date:
        return self.program.day_at(moment)

    @property
    def days(self) -> tuple[date, ...]:
        return self.program.days
