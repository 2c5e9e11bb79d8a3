"""The chair's desk: the log of marks, the delays they give, and what each chair key does. Pure.

The app builds one :class:`ChairDesk` at start (so a restart shows the delay in every view,
not only on the chair screen) and the chair screen calls :meth:`ChairDesk.start`,
:meth:`~ChairDesk.end`, :meth:`~ChairDesk.nudge` and :meth:`~ChairDesk.undo` with the *event*
clock's ``now``. Each saves the log at once (``marks.ChairLog``), recomputes the delays
(``delays.compute``) and says what it did in an :class:`Outcome`; the screen then hands
:meth:`ChairDesk.timeline` to the app, and every view redraws with the expected times.
Which entry a key acts on is ``delays.focus``/``to_start``/``to_nudge``'s answer.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from . import fmt
from .delays import Delays, Entry, compute, focus, to_nudge, to_start
from .marks import ChairLog, Mark
from .model import Program
from .timeline import Timeline


class Outcome(NamedTuple):
    """What a key did, in words for a notification; ``done`` is false when it did nothing."""

    message: str
    done: bool = True


class ChairDesk:
    """The chair's marks for one program and the delays they give, optionally in one room."""

    def __init__(self, program: Program, log: ChairLog, room: str | None = None):
        self.program = program
        self.log = log
        self.room = room
        self.delays: Delays = compute(program, log.marks)

    @classmethod
    def load(cls, program: Program, room: str | None = None, path: Path | None = None) -> ChairDesk:
        """Read the program's chair log back (see ``marks.ChairLog.load``; never raises for a
        corrupt file: it is set aside and :attr:`warnings` says so)."""
        return cls(program, ChairLog.load(program, path), room)

    @property
    def warnings(self) -> list[str]:
        """What went wrong reading the log at start."""
        return self.log.warnings

    @property
    def save_error(self) -> str | None:
        """Why the last save failed (the marks are kept in memory and saved at the next change)."""
        return self.log.save_error

    def timeline(self) -> Timeline:
        """The program's timeline with the expected times the marks give."""
        return Timeline(self.program, expected=self.delays.expected)

    # -- what the keys act on -------------------------------------------------------------------
    def focus(self, now: datetime) -> Entry | None:
        """The talk (or item) the countdown shows, and ``e`` ends."""
        return focus(self.program, self.delays, now, self.room)

    def to_start(self, now: datetime) -> Entry | None:
        """What ``s`` marks started."""
        return to_start(self.program, self.delays, now, self.room)

    def to_nudge(self, now: datetime) -> Entry | None:
        """What ``+``/``-`` nudge."""
        return to_nudge(self.program, self.delays, now, self.room)

    # -- the keys ---------------------------------------------------------------------------------
    def start(self, now: datetime) -> Outcome:
        """``s``: what comes up started now."""
        entry = self.to_start(now)
        if entry is None:
            return Outcome("Nothing left to mark started today.", False)
        return self._did(self.log.mark_start(entry.id, now))

    def end(self, now: datetime) -> Outcome:
        """``e``: what the countdown shows ended now."""
        entry = self.focus(now)
        if entry is None:
            return Outcome("Nothing is running to mark ended.", False)
        return self._did(self.log.mark_end(entry.id, now))

    def nudge(self, minutes: int, now: datetime) -> Outcome:
        """``+``/``-``: the delay from the entry shown (or, in a gap, the next one) on moves
        ``minutes``."""
        entry = self.to_nudge(now)
        if entry is None:
            return Outcome("Nothing left today to nudge.", False)
        return self._did(self.log.nudge(entry.id, minutes, now))

    def undo(self) -> Outcome:
        """``u``: take back the last mark or nudge."""
        mark = self.log.undo()
        if mark is None:
            return Outcome("Nothing to undo.", False)
        self.delays = compute(self.program, self.log.marks)
        return Outcome(f"Undone: {self.describe(mark)}.")

    def _did(self, mark: Mark) -> Outcome:
        self.delays = compute(self.program, self.log.marks)
        text = self.describe(mark)
        return Outcome(text[0].upper() + text[1:] + ".")

    # -- words ------------------------------------------------------------------------------------
    def describe(self, mark: Mark) -> str:
        """``started Tensor Folding at 09:37``, ``nudged Break 1 min later at 10:02``."""
        entry = self.program.by_id.get(mark.id)
        title = entry.title if entry is not None else mark.id
        at = fmt.hm(mark.at.astimezone(self.program.tz))
        if mark.kind == "start":
            return f"started {title} at {at}"
        if mark.kind == "end":
            return f"ended {title} at {at}"
        way = "later" if mark.minutes > 0 else "earlier"
        return f"nudged {title} {abs(mark.minutes)} min {way} at {at}"

    def last_mark(self) -> str:
        """``last mark: started Tensor Folding at 09:37``; ``no marks yet``."""
        marks = self.log.marks
        return f"last mark: {self.describe(marks[-1])}" if marks else "no marks yet"
