"""What each chair key does: mark an entry started or ended, nudge the delay, undo. No Textual.

Each function acts on the app's :class:`~c4ml_tui.tui.state.State` with the *event* clock's
``now``: which entry a key acts on is ``core.delays``' answer (``to_start``, ``focus``,
``to_nudge``) in the room the user is looking at (``State.chair_room``); the mark is saved at
once (``store/chairlog.py``). The caller then swaps in ``state.with_marks()``, and every view
redraws with the new expected times; with ``chair --publish`` the app then writes the delay feed
(``feedfollow.Publishing``). :func:`tell` sends the speaker a message (the stage view shows it).

An app that follows a chair's feed (``--delays``) takes its marks from there: its keys say so
and change nothing.
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


def following(state: State) -> Outcome | None:
    """The refusal of a key that would mark or tell while the delays come from a chair's feed."""
    if not state.following:
        return None
    return Outcome("This app follows the chair's delay feed (--delays): marks and messages are made there.", False)


def start(state: State, now: datetime) -> Outcome:
    """``s``: what comes up started now."""
    if refused := following(state):
        return refused
    if needs_room(state.program, state.chair_room):
        return Outcome(PICK_ROOM, False)
    entry = to_start(state.program, state.delays, now, state.chair_room)
    if entry is None:
        return Outcome("Nothing left to mark started today.", False)
    return _did(state, state.log.mark_start(entry.id, now))


def end(state: State, now: datetime) -> Outcome:
    """``e``: what the countdown shows ended now."""
    if refused := following(state):
        return refused
    if needs_room(state.program, state.chair_room):
        return Outcome(PICK_ROOM, False)
    entry = focus(state.program, state.delays, now, state.chair_room)
    if entry is None:
        return Outcome("Nothing is running to mark ended.", False)
    return _did(state, state.log.mark_end(entry.id, now))


def nudge(state: State, minutes: int, now: datetime) -> Outcome:
    """``+``/``-``: the delay from the entry shown (or, in a gap, the next one) on moves ``minutes``."""
    if refused := following(state):
        return refused
    if needs_room(state.program, state.chair_room):
        return Outcome(PICK_ROOM, False)
    entry = to_nudge(state.program, state.delays, now, state.chair_room)
    if entry is None:
        return Outcome("Nothing left today to nudge.", False)
    return _did(state, state.log.nudge(entry.id, minutes, now))


def undo(state: State) -> Outcome:
    """``u``: take back the last mark or nudge."""
    if refused := following(state):
        return refused
    mark = state.log.undo()
    if mark is None:
        return Outcome("Nothing to undo.", False)
    return Outcome(f"Undone: {describe(state.program, mark)}.")


def tell(state: State, text: str, now: datetime) -> Outcome:
    """``t``: show ``text`` to the speaker (an empty text clears the message). It shows on the
    stage view until cleared or replaced, or until the talk on stage now leaves the stage."""
    if refused := following(state):
        return refused
    from ..store import stagenote
    from ..words.feed import message_for

    message = message_for(state.program, state.marks, text, now, state.chair_room)
    if not message.text and not (state.message and state.message.text):
        return Outcome("No message to clear.", False)
    state.user.message = message
    error = stagenote.write(state.program, message)
    if error:
        return Outcome(f"Shown here, but {error}", False)
    return Outcome(f"Message to stage: {message.text}" if message.text else "Message to stage cleared.")


def _did(state: State, mark: Mark) -> Outcome:
    text = describe(state.program, mark)
    return Outcome(text[0].upper() + text[1:] + ".")
