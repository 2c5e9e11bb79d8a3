"""The words on the chair screen for one instant. Pure: no Textual, no clock.

The countdown shows the time left in the talk the chair's keys act on (``delays.focus``: the
current talk, or the current item when its talks are unknown), by its *expected* end, with its
stage (``stages.stage``); in overtime it counts up (``+02:13``). In a gap it counts down to what
starts next. Every time shown is an expected time, with the scheduled one next to it when the
chair's marks moved it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from math import ceil
from typing import NamedTuple

from ..core import fmt
from ..core.delays import Delays, focus, leaves, to_start
from ..core.instants import between, shift, utc
from ..core.marks import Mark
from ..core.model import ChairSettings, Item, Program, Talk
from ..core.stages import stage
from ..core.timeline import Entry, Timeline
from . import board
from .agenda import scheduled

WORDS = {
    "normal": "TIME LEFT",
    "wrap_up": "WRAP UP",
    "last_minute": "LAST MINUTE",
    "overtime": "OVERTIME",
    "waiting": "STARTS IN",
    "idle": "DONE FOR TODAY",
    "later": "NOT TODAY",
    "over": "PROGRAM OVER",
    "no_room": "WHICH ROOM?",
}
"""The word beside the digits for each stage: the stage reads without colour (NO_COLOR)."""


class ChairView(NamedTuple):
    """What the chair screen shows. ``stage`` is a ``stages.Stage``, or ``waiting`` (a gap: the
    digits count down to the next start) or ``idle`` (nothing left today)."""

    entry_id: str | None
    """The entry counted down (``None`` in a gap or when the day is done)."""
    left: timedelta | None
    """Time left in it (negative in overtime); ``None`` when no entry is counted down."""
    stage: str
    digits: str
    word: str
    context: str
    """``Session A · talk 2 of 4 · Hall Zero``, or ``session · Willow`` for an item."""
    title: str
    who: str
    window: str
    """``09:37-09:57, scheduled 09:30 · must end by 12:00 (5 min squeezed)``."""
    next: str
    then: str
    """The next item after the session, when it is not what ``next`` already names."""
    counts_to: datetime | None = None
    """The instant the digits count to (the talk's end, or what starts next), or in a view that
    says ``in 2 d 3 h`` the instant that counts to; ``None`` when nothing counts."""


def countdown_digits(left: timedelta) -> str:
    """``04:59`` (rounded up, so ``05:00`` is the first second of a 5-minute wrap-up) or
    ``+02:13`` in overtime (rounded down: ``+00:00`` for the first second)."""
    seconds = left.total_seconds()
    if seconds < 0:
        return "+" + fmt.countdown(timedelta(seconds=int(-seconds)))
    return fmt.countdown(timedelta(seconds=ceil(seconds)))


def view(tl: Timeline, delays: Delays, now: datetime, thresholds: ChairSettings,
         room: str | None = None) -> ChairView:
    """The chair screen at ``now``: ``tl`` carries ``delays.expected``."""
    program = tl.program
    entry = focus(program, delays, now, room)
    day = leaves(program, room, now.astimezone(program.tz).date())
    current: str  # a stages.Stage, or "waiting" or "idle"
    shown: Entry | None
    if entry is not None:
        left = between(now, tl.due(entry))  # past the end it was expected at: overtime, counting up
        current = stage(left, thresholds)
        following = _after(day, entry)
        digits, word = countdown_digits(left), WORDS[current]
        shown = entry
    else:
        left, following = None, to_start(program, delays, now, room)
        shown = following
        if following is None:
            current, digits = "idle", "--:--"
        else:
            current, digits = "waiting", countdown_digits(between(now, tl.start(following)))
            following = _after(day, following)
        word = WORDS[current]
    if shown is None:
        return _after_today(tl, now, room, bool(day))
    nxt = _next_line(tl, following, now, entry is not None, over=entry is not None and left is not None
                     and left.total_seconds() < 0)
    return ChairView(
        entry_id=entry.id if entry else None, left=left, stage=current, digits=digits, word=word,
        counts_to=tl.due(entry) if entry is not None else tl.start(shown),
        context=context(tl, shown, day) if shown else "",
        title=shown.title if shown else "Nothing more today.",
        who=_who(tl, shown) if shown else "",
        window=window(tl, delays, shown) if shown else "",
        next=nxt,
        then=_then(tl, shown, following, room),
    )


def count(shown: ChairView, now: datetime, thresholds: ChairSettings) -> tuple[str, str] | None:
    """The digits and the stage of the view ``shown`` at a later ``now``, while its other words
    still hold (no instant of :func:`changes` passed since): only the digits count. ``None`` when
    the stage is another one (the wrap-up, the last minute, overtime just after the end, what
    was waited for starting): the whole view must be worked out again."""
    if shown.counts_to is None or shown.stage == "idle":
        return shown.digits, shown.stage  # the digits stand still (``--:--``)
    left = between(now, shown.counts_to)
    if shown.stage == "waiting":
        return (countdown_digits(left), "waiting") if left > timedelta(0) else None
    current = stage(left, thresholds)
    return (countdown_digits(left), current) if current == shown.stage else None


def changes(tl: Timeline, delays: Delays, now: datetime, thresholds: ChairSettings, room: str | None,
            shown: ChairView) -> list[datetime]:
    """The instants after ``now`` when a word of the chair screen other than its digits can
    change: each start and end of the room's day (by the expected times: what runs, what is
    next), each talk's due end and the stage thresholds before it, and what ``shown`` counts to.
    Between them (and each wall-clock minute, ``board.next_change``) :func:`count` tells the
    digits."""
    program = tl.program
    found = [shown.counts_to] if shown.counts_to is not None else []
    steps = [timedelta(minutes=m) for m in (thresholds.wrap_up_minutes, thresholds.last_minutes) if m > 0]
    for entry in leaves(program, room, now.astimezone(program.tz).date()):
        due = tl.due(entry)
        found += [tl.start(entry), tl.end(entry), delays.start(entry), delays.end(entry), due]
        found += [shift(due, -step) for step in steps]
    later = utc(now)
    return [instant for instant in found if utc(instant) > later]


def _after_today(tl: Timeline, now: datetime, room: str | None, had_today: bool) -> ChairView:
    """Nothing (more) today in the room: what the chair sees the evening before, between the
    days of the event, and after it. The day before, the first talk is counted down (within a
    day; ``NOT TODAY`` further off); after a day of talks, ``DONE FOR TODAY`` and the next
    day's first; after the last day, ``PROGRAM OVER`` and when it ended."""
    program = tl.program
    today = now.astimezone(program.tz).date()
    ahead = [e for e in leaves(program, room) if tl.start(e).astimezone(program.tz).date() > today]
    if not ahead:
        end = max((tl.end(e) for e in leaves(program, room)), default=None)
        ended = f"The program ended {board.at_time(end, now)}." if end else "The program is empty."
        return ChairView(None, None, "idle", "--:--", WORDS["over"], "", "Nothing more: the program is over.",
                         "", ended, "", "")
    first = ahead[0]
    start = tl.start(first)
    when = f"Next: {first.title}, {board.at_time(start, now)} · in {fmt.duration(between(now, start))}"
    if had_today:
        return ChairView(None, None, "idle", "--:--", WORDS["idle"], "", "Nothing more today.", "", "", when, "")
    soon = between(now, start) < timedelta(days=1)
    later = _after(ahead, first)
    return ChairView(
        entry_id=None, left=None, stage="waiting" if soon else "idle",
        digits=countdown_digits(between(now, start)) if soon else "--:--", word=WORDS["waiting" if soon else "later"],
        context=f"{fmt.day_title(start)} · {context(tl, first, ahead)}", title=first.title,
        who=_who(tl, first), window=window(tl, Delays(), first) + (f" · in {fmt.duration(between(now, start))}"
                                                                    if not soon else ""),
        next=_next_line(tl, later, now, False) if later else "", then="", counts_to=start)


def needs_room(program: Program, room: str | None) -> bool:
    """Whether the chair must pick a room first: several rooms run in parallel and none is
    chosen (the keys would act on whichever room's talk happens to come first)."""
    return room is None and len(program.rooms) > 1


def no_room_view(program: Program) -> ChairView:
    """The chair screen of a program with parallel rooms before a room is picked."""
    return ChairView(None, None, "idle", "--:--", WORDS["no_room"], f"{len(program.rooms)} rooms in parallel",
                     "Which room do you chair? Press r to pick it.",
                     "On the rooms board, c opens this screen on the highlighted room.", "", "", "")


def heading(room: str | None) -> str:
    """The chair screen's heading: ``Chair · Saal 1`` when it works in one room."""
    return f"Chair · {room}" if room else "Chair"


def context(tl: Timeline, entry: Entry, day: list[Entry]) -> str:
    """Where the entry sits: ``Session A · talk 2 of 4 · Hall Zero`` or ``break · Willow``."""
    program = tl.program
    parent = board.parent_of(program, entry)
    if parent is not None:
        k = parent.talks.index(entry) + 1 if isinstance(entry, Talk) else 0
        parts = [parent.title, f"talk {k} of {len(parent.talks)}"]
        room = parent.room
    else:
        parts = [board.kind(entry)]
        room = getattr(entry, "room", None)
    if room:
        parts.append(room)
    return " · ".join(parts)


def window(tl: Timeline, delays: Delays, entry: Entry) -> str:
    """``09:37-09:57, scheduled 09:30``, and ``must end by 12:00 (5 min squeezed)`` when a
    fixed item after it cuts it short."""
    text = board.noted_window(tl, entry)
    squeezed = delays.squeezed.get(entry.id)
    if squeezed:
        text += f" · must end by {fmt.hm(tl.end(entry))} ({fmt.duration(squeezed)} squeezed)"
    return text


def _who(tl: Timeline, entry: Entry) -> str:
    if entry.speakers:
        return board.who(tl.program, entry.speakers)
    if isinstance(entry, Item) and board.talks_unknown(entry):
        return "Talks not announced yet: the countdown is the session's."
    return ""


def _after(day: list[Entry], entry: Entry) -> Entry | None:
    ids = [e.id for e in day]
    k = ids.index(entry.id) if entry.id in ids else -1
    return day[k + 1] if 0 <= k < len(day) - 1 else None


def _next_line(tl: Timeline, entry: Entry | None, now: datetime, running: bool, over: bool = False) -> str:
    """``Next: A Type System for Vapour at 10:02, scheduled 09:55 · in 17 min``; while the talk
    shown runs over, ``Next: A Type System for Vapour, scheduled 09:55 · after this one`` (it
    starts when this one ends, which nobody knows yet)."""
    if entry is None:
        return "Next: nothing more today." if running else ""
    start, note = tl.start(entry), scheduled(tl, entry)
    when = board.at_time(start, now) + (f", {note}" if note else "")
    if over and note:
        return f"Next: {entry.title}, {note} · after this one"
    if utc(start) <= utc(now):
        return f"Next: {entry.title}, {when} · after this one"
    return f"Next: {entry.title}, {when} · in {fmt.duration(between(now, start))}"


def _then(tl: Timeline, shown: Entry | None, following: Entry | None, room: str | None = None) -> str:
    """After a session's talks: the item that follows the session in its room (``Then: Break at
    10:37, scheduled 10:30``), unless ``following`` is that item or one of its talks."""
    parent = board.parent_of(tl.program, shown) if shown is not None else None
    if parent is None:
        return ""
    end = tl.end(parent)
    after = next((i for i in tl.items if i.id != parent.id and end <= tl.start(i)
                  and tl.start(i).date() == end.date() and (room is None or i.room in (None, room))), None)
    if after is None or following is None or following.id == after.id or following in after.talks:
        return ""
    note = scheduled(tl, after)
    return f"Then: {after.title}, at {fmt.hm(tl.start(after))}" + (f", {note}" if note else "")


# -- the chair's marks, in words -------------------------------------------------------------------
def describe(program: Program, mark: Mark) -> str:
    """``started Tensor Folding at 09:37``, ``nudged Break 1 min later at 10:02``."""
    entry = program.by_id.get(mark.id)
    title = entry.title if entry is not None else mark.id
    at = fmt.hm(mark.at.astimezone(program.tz))
    if mark.kind == "start":
        return f"started {title} at {at}"
    if mark.kind == "end":
        return f"ended {title} at {at}"
    way = "later" if mark.minutes > 0 else "earlier"
    return f"nudged {title} {abs(mark.minutes)} min {way} at {at}"


def last_mark(program: Program, marks: tuple[Mark, ...]) -> str:
    """``last mark: started Tensor Folding at 09:37``; ``no marks yet``."""
    return f"last mark: {describe(program, marks[-1])}" if marks else "no marks yet"
