"""The chair's countdown stages, as dedicated stage timers colour them. Pure.

For the time left in the current talk (or the item, when its talks are not known):

* ``normal`` while more than ``wrap_up_minutes`` are left;
* ``wrap_up`` from ``wrap_up_minutes`` left (inclusive);
* ``last_minute`` from ``last_minutes`` left (inclusive) down to zero;
* ``overtime`` once the time is up (less than zero left): the countdown then counts up.

A threshold of 0 (or a wrap-up not above the last minute) skips that stage. The thresholds come
from the program file's ``chair:`` block, or the command line (:func:`settings`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from .instants import between
from .model import ChairSettings

Stage = Literal["normal", "wrap_up", "last_minute", "overtime"]
STAGES: tuple[Stage, ...] = ("normal", "wrap_up", "last_minute", "overtime")
ZERO = timedelta(0)


def settings(base: ChairSettings, wrap_up: int | None = None, last: int | None = None) -> ChairSettings:
    """The program's thresholds with the command line's overrides (``None`` keeps the program's)."""
    return ChairSettings(
        wrap_up_minutes=base.wrap_up_minutes if wrap_up is None else wrap_up,
        last_minutes=base.last_minutes if last is None else last,
    )


def stage(left: timedelta, thresholds: ChairSettings) -> Stage:
    """The stage for ``left`` time remaining (negative: overtime)."""
    if left < ZERO:
        return "overtime"
    if thresholds.last_minutes > 0 and left <= timedelta(minutes=thresholds.last_minutes):
        return "last_minute"
    if thresholds.wrap_up_minutes > 0 and left <= timedelta(minutes=thresholds.wrap_up_minutes):
        return "wrap_up"
    return "normal"


def next_change(left: timedelta, thresholds: ChairSettings) -> tuple[timedelta, Stage] | None:
    """How long until the stage changes as the countdown runs down, and to which stage; ``None``
    in overtime (it lasts until the chair moves on).

    The change to ``wrap_up`` and ``last_minute`` happens when exactly that much time is left
    (the boundary belongs to the new stage); overtime starts just after zero, so the value
    returned for it is ``left`` itself: the stage is ``overtime`` at any instant after that.
    """
    current = stage(left, thresholds)
    if current == "overtime":
        return None
    bounds = {timedelta(minutes=thresholds.wrap_up_minutes), timedelta(minutes=thresholds.last_minutes)}
    for bound in sorted(bounds, reverse=True):
        if ZERO < bound < left and stage(bound, thresholds) != current:
            return left - bound, stage(bound, thresholds)
    return left, "overtime"


def countdown(end: datetime, now: datetime, thresholds: ChairSettings) -> tuple[timedelta, Stage]:
    """Time left until ``end`` (negative in overtime) and its stage: what the big digits show."""
    left = between(now, end)
    return left, stage(left, thresholds)


@dataclass
class StageWatch:
    """Remembers the stage last seen, so the UI rings the bell once per change.

    ``update`` returns the new stage when it changed for the same entry; it returns ``None`` on
    the first look, when nothing changed, and when the chair moved to another entry (a new talk
    starting in ``normal`` is not an alarm).
    """

    thresholds: ChairSettings = field(default_factory=ChairSettings)
    entry_id: str | None = None
    current: Stage | None = None

    def update(self, entry_id: str | None, left: timedelta | None) -> Stage | None:
        new = None if left is None else stage(left, self.thresholds)
        if entry_id != self.entry_id:
            self.entry_id, self.current = entry_id, new
            return None
        changed = new is not None and self.current is not None and new != self.current
        self.current = new
        return new if changed else None


@dataclass(frozen=True)
class ChairOptions:
    """What ``c4ml-tui chair`` hands the chair screen."""

    thresholds: ChairSettings = field(default_factory=ChairSettings)
    bell: bool = False
    room: str | None = None
