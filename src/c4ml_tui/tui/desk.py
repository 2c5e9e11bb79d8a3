"""What each chair key does: mark an entry started or ended, nudge the delay, undo. No Textual.

Each function acts on the app's :class:`~c4ml_tui.tui.state.State` with the *event* clock's
``now``: which entry a key acts on is ``core.delays``' answer (``to_start``, ``focus``,
``to_nudge``) in the room the user is looking at (``State.chair_room``); the mark is saved at
once (``store/chairlog.py``). The caller then swaps in ``state.with_marks()``, and every view
redraws with the new expected times.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from ..core.delays import focus, to_nudge, to_start
from ..core.marks import Mark
from ..words.chair import describe, needs_room
from .state import State

PICK_ROOM = "Pick the room you chair first: press r."


class Outcome(NamedTuple):
    """What a key did, in words for a notification; ``done`` is false when it did nothing."""

    message: str
    done: bool = True


def start(state: State, now: datetime) -> Outcome:
    """``s``: what comes up started now."""
    if needs_room(state.program, state.chair_room):
        return Outcome(PICK_ROOM, False)
    entry = to_start(state.program, state.delays, now, state.chair_room)
    if entry is None:
        return Outcome("Nothing left to mark started today.", False)
    return _did(state, state.log.mark_start(entry.id, now))


def end(state: State, now: datetime) -> Outcome:
    """``e``: what the countdown shows ended now."""
    if needs_room(state.program, state.chair_room):
        return Outcome(PICK_ROOM, False)
    entry = focus(state.program, state.delays, now, state.chair_room)
    if entry is None:
        return Outcome("Nothing is running to mark ended.", False)
    return _did(state, state.log.mark_end(entry.id, now))


def nudge(state: State, minutes: int, now: datetime) -> Outcome:
    """``+``/``-``: the delay from the entry shown (or, in a gap, the next one) on moves ``minutes``."""
    if needs_room(state.program, state.chair_room):
        return Outcome(PICK_ROOM, False)
    entry = to_nudge(state.program, state.delays, now, state.chair_room)
    if entry is None:
        return Outcome("Nothing left today to nudge.", False)
    return _did(state, state.log.nudge(entry.id, minutes, now))


def undo(state: State) -> Outcome:
    """``u``: take back the last mark or nudge."""
    mark = state.log.undo()
    if mark is None:
        return Outcome("Nothing to undo.", False)
    return Outcome(f"Undone: {describe(state.program, mark)}.")


def _did(state: State, mark: Mark) -> Outcome:
    text = describe(state.program, mark)
    return Outcome(text[0].upper() + text[1:] + ".")
