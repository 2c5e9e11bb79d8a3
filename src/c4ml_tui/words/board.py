"""The words on the now board and the detail panes, for one instant. Pure: no Textual, no clock.

The screens place these strings; every time here is an *expected* time from the timeline (so a
delay shows up everywhere), and every duration is rounded up to the minute by ``fmt.duration``.
Where the chair's marks moved an entry, its window says when it was scheduled
(``10:07-10:37, scheduled 10:00``) and :func:`late_line` says how late the day runs.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Literal, NamedTuple

from ..core import fmt
from ..core.instants import between, shift, utc
from ..core.model import Item, Program, Talk
from ..core.timeline import Entry, Snapshot, Timeline
from . import late
from .agenda import scheduled

Role = Literal["plain", "meta", "note", "accent"]


class CardView(NamedTuple):
    """What one box of the board says: a title, lines in a role each, maybe a progress bar.

    Equal views draw the same, so a box is redrawn only when its view changes. (A named
    tuple, not a dataclass: it is cheaper to define, and start-up time counts.)
    """

    title: str
    lines: tuple[tuple[str, Role], ...] = ()
    fraction: float | None = None
    """Part of the window gone, for the bar; ``None`` for no bar."""
    fraction_label: str = ""
    """Shown right of the bar: ``45 min left``."""
    notes: tuple[tuple[str, Role], ...] = ()
    """Lines under the bar."""
    entry_id: str | None = None
    """What Enter opens; ``None`` when the box shows nothing to open."""
    quiet: bool = False
    """The title says that nothing is on, rather than naming something."""

    def shape(self) -> tuple:
        """What decides the box's height: a change here needs a new layout."""
        return (len(self.title), tuple(len(t) for t, _ in self.lines + self.notes), self.fraction is None)


def _waiting(program: Program) -> bool:
    """Whether ``program`` is the stand-in shown while a URL's first copy downloads (the module
    that knows is imported only for an empty program: the board's start-up does not need it)."""
    from ..sources.refresh import is_waiting

    return is_waiting(program)


def now_card(tl: Timeline, snap: Snapshot) -> CardView:
    """The "Now" box: the running item, its window, the bar and time left, who speaks."""
    current, program = snap.current, tl.program
    if current is None and not program.items and _waiting(program):  # a URL's first download
        return CardView("Fetching the schedule...", (("It shows here as soon as it arrives.", "note"),), quiet=True)
    if current is None:
        return CardView(nothing_now(tl, snap), ((countdown_now(snap), "note"),), quiet=True)
    notes: tuple[tuple[str, Role], ...] = ()
    if current.speakers:
        notes = ((who(program, current.speakers), "plain"),)
    elif talks_unknown(current):
        notes = (("Talks not announced yet.", "note"),)
    done, total = elapsed(tl, current, snap.at)
    return CardView(current.title, ((meta(tl, current), "meta"),), done / total, time_left(tl, current, snap.at),
                    notes=notes, entry_id=current.id)


def talk_card(tl: Timeline, snap: Snapshot) -> CardView | None:
    """The "Talk on stage" box, for a session with talks (``None`` otherwise)."""
    if snap.current is None or not snap.current.talks:
        return None
    talk, nxt, now = snap.current_talk, snap.next_talk, snap.at
    if talk is None:
        return CardView(between_talks(tl, snap), entry_id=nxt.id if nxt else None, quiet=True)
    lines: list[tuple[str, Role]] = [
        (who(tl.program, talk.speakers) or "Speaker not announced.", "plain"),
        (f"{noted_window(tl, talk)} · {time_left(tl, talk, now)}", "meta"),
    ]
    if nxt:
        lines.append((f"Then: {nxt.title}, {after(tl, talk, nxt, now)}", "note"))
    return CardView(talk.title, tuple(lines), entry_id=talk.id)


def next_card(tl: Timeline, snap: Snapshot) -> CardView:
    """The "Next" box: what starts next, when, and in how long."""
    nxt = snap.next
    if nxt is None:
        return CardView(nothing_next(snap), quiet=True)
    when = after(tl, snap.current, nxt, snap.at, "what runs now") if snap.current else starts(tl, nxt, snap.at)
    return CardView(nxt.title, ((meta(tl, nxt), "meta"), (when, "accent")), entry_id=nxt.id)


def after(tl: Timeline, running: Entry, nxt: Entry, now: datetime, this: str = "this one") -> str:
    """When ``nxt`` starts, with ``running`` on now: ``at 10:00 · in 45 min``, or while
    ``running`` runs over (its end unknown), ``after this one (it runs over)``."""
    if tl.overtime_since(running) is not None:
        return f"after {this} (it runs over)"
    return starts(tl, nxt, now)


def targets(tl: Timeline, snap: Snapshot) -> list[datetime]:
    """The instants the board counts to or from at ``snap``: what runs, what is next, the talks."""
    found = [tl.start(e) for e in (snap.current, snap.next, snap.current_talk, snap.next_talk) if e]
    found += [tl.end(e) for e in (snap.current, snap.current_talk) if e]
    return found


def next_change(now: datetime, instants: list[datetime]) -> datetime:
    """The first moment after ``now`` when any word on screen can change: a countdown to (or
    from) one of ``instants`` reaching another whole minute, the wall clock's next minute, or
    midnight. Until then only the seconds of the clock move, so nothing else is redrawn."""
    minute = timedelta(minutes=1)
    due = shift(now.replace(second=0, microsecond=0), minute)
    for instant in instants:
        step = between(now, instant) % minute
        due = min(due, shift(now, step or minute), key=utc)
    return due


def event_clock(place: str, now: datetime) -> str:
    """``Las Vegas 09:15:00 PST``: the part of the clock that moves every second (short, so a
    tick repaints few cells). ``place`` is ``fmt.place`` of the event, worked out once; a
    program in UTC with no place reads ``UTC 10:00:06``, not ``UTC 10:00:06 UTC``."""
    zone, clock = now.tzname(), fmt.wall(now, seconds=True)
    return f"{place} {clock}" if zone == place else f"{place} {clock} {zone}"


def your_time(now: datetime, local: tzinfo | None = None) -> str:
    """``your time 18:15 CET`` when the user's wall clock differs from the event's, else ``""``.

    ``local`` is the user's zone; ``None`` means the machine's zone at ``now`` (DST-correct).
    """
    return fmt.your_time(now, local)


shown_note = fmt.shown_note
viewer_note = fmt.viewer_note


def clock_text(program: Program, now: datetime, local: tzinfo | None = None) -> str:
    """``Las Vegas 09:15:00 PST · your time 18:15 CET``: both parts, as the clock bar shows them."""
    parts = [event_clock(fmt.place(program.event.location, program.event.timezone), now),
             fmt.viewer_note(now, local)]
    return " · ".join(p for p in parts if p)


def window(tl: Timeline, entry: Entry) -> str:
    """``08:40-10:00``: the expected window."""
    return fmt.span(tl.start(entry), tl.end(entry))


def noted_window(tl: Timeline, entry: Entry) -> str:
    """``10:07-10:37, scheduled 10:00`` when a delay moved it; else just the window."""
    note = scheduled(tl, entry)
    return f"{window(tl, entry)}, {note}" if note else window(tl, entry)


def late_line(tl: Timeline, snap: Snapshot) -> str:
    """``running 7 min late`` (or early) by the chair's marks, for the bar of every screen;
    empty without marks or within half a minute of on time."""
    return late.late_note(late.headline(tl, snap)) if tl.expected else ""


def kind(entry: Entry) -> str:
    return entry.kind if isinstance(entry, Item) else "talk"


def meta(tl: Timeline, entry: Entry) -> str:
    """``08:40-10:00 · session · Willow``; ``10:07-10:37, scheduled 10:00 · break`` after a delay."""
    parts = [noted_window(tl, entry), kind(entry)]
    room = getattr(entry, "room", None)
    if room:
        parts.append(room)
    return " · ".join(parts)


def elapsed(tl: Timeline, entry: Entry, now: datetime) -> tuple[int, int]:
    """Whole minutes done and the length in minutes: a progress bar that moves once a minute."""
    total = max(1, round(between(tl.start(entry), tl.end(entry)).total_seconds() / 60))
    done = int(between(tl.start(entry), now).total_seconds() // 60)
    return min(max(done, 0), total), total


time_left = late.time_left
"""``45 min left``, or ``over time by 3 min`` for an entry running over."""


def starts(tl: Timeline, entry: Entry, now: datetime) -> str:
    """``at 10:00 · in 45 min``; the day is named when it is not ``now``'s day."""
    start = tl.start(entry)
    return f"{at_time(start, now)} · in {fmt.duration(between(now, start))}"


def at_time(moment: datetime, now: datetime) -> str:
    """``at 10:00``, or ``on Monday 3 March 2025 at 10:00`` when that is not ``now``'s day."""
    there, here = fmt.viewed(moment), fmt.viewed(now)  # days as the shown zone has them
    if there.date() == here.date():
        return f"at {fmt.hm(moment, weekday=False)}"
    return f"on {fmt.day_title(there)} at {fmt.hm(moment, weekday=False)}"


def talks_unknown(item: Item) -> bool:
    """A session that names no talks and no speakers: say so instead of an empty box."""
    return item.kind == "session" and not item.talks and not item.speakers


def who(program: Program, refs: tuple[str, ...]) -> str:
    """``Ada Example (Example University), Bo Sample``: names with affiliations."""
    names = []
    for ref in refs:
        speaker = program.speakers.get(ref)
        if speaker and speaker.affiliation:
            names.append(f"{speaker.name} ({speaker.affiliation})")
        else:
            names.append(program.speaker_name(ref))
    return ", ".join(names)


def last_end(tl: Timeline) -> datetime | None:
    return max((tl.end(i) for i in tl.items), default=None)


def status_line(tl: Timeline, snap: Snapshot) -> str:
    """The day and where it stands: ``Sunday 2 March 2025 · live``."""
    day = fmt.day_title(snap.at)
    if snap.status == "upcoming":
        start = f" · starts in {fmt.duration(snap.day_starts_in)}" if snap.day_starts_in else ""
        return f"{day} · not started yet{start}"
    if snap.status == "live":
        return f"{day} · live"
    if snap.status == "between" and snap.next:
        return f"{day} · in a gap until {fmt.hm(tl.start(snap.next))}"
    return f"{day} · {program_over(tl, snap.at)}"


def program_over(tl: Timeline, now: datetime) -> str:
    """``the program ended at 16:20``, or ``... on Sunday 2 March 2025 at 16:20`` another day."""
    end = last_end(tl)
    return f"the program ended {at_time(end, now)}" if end else "the program is empty"


def nothing_now(tl: Timeline, snap: Snapshot) -> str:
    """What the now card says when no item runs."""
    if snap.status == "upcoming" and snap.next:
        return f"Nothing yet: the program starts {at_time(tl.start(snap.next), snap.at)}."
    if snap.status == "between" and snap.next:
        return f"Nothing on: free until {at_time(tl.start(snap.next), snap.at).removeprefix('at ')}."
    return f"Nothing on: {program_over(tl, snap.at)}."


def countdown_now(snap: Snapshot) -> str:
    """The second line of an empty now card: the countdown to whatever comes next."""
    if snap.until_next is None:
        return "Thank you for coming."
    return f"in {fmt.duration(snap.until_next)}"


def nothing_next(snap: Snapshot) -> str:
    return "Nothing more: this is the last item." if snap.current else "Nothing more."


def between_talks(tl: Timeline, snap: Snapshot) -> str:
    """The talk card when the session has talks but none runs right now."""
    if snap.next_talk:
        return f"Between talks. Next: {snap.next_talk.title}, {starts(tl, snap.next_talk, snap.at)}."
    return "The talks of this session are over."


def big_clock(now: datetime) -> str:
    """``09:15``: the large clock of a wide board (the venue's), which changes once a minute; on
    a 12-hour clock ``9:15`` (the digits have no AM/PM)."""
    return fmt.wall(now).removesuffix(" AM").removesuffix(" PM")


def day_heading(day: date, now: datetime) -> str:
    """``Today`` over the board's day column, or the day's name when it is another day."""
    return "Today" if day == now.date() else fmt.day_title(datetime.combine(day, now.timetz()))


def entry_state(tl: Timeline, entry: Entry, now: datetime) -> str:
    """For a detail pane: ``on now · 45 min left``, ``starts at 10:00 · in 45 min`` or ``over``."""
    if utc(tl.start(entry)) <= utc(now) < utc(tl.end(entry)):
        return f"on now · {time_left(tl, entry, now)}"
    if utc(now) < utc(tl.start(entry)):
        return "starts " + starts(tl, entry, now)
    return f"over (ended at {fmt.hm(tl.end(entry))})"


def when(tl: Timeline, entry: Entry) -> str:
    """``Sunday 2 March 2025 · 08:40-10:00 PST``: the day and window in the event's zone (and
    ``· scheduled 08:30`` when a delay moved it)."""
    start, note, span = tl.start(entry), scheduled(tl, entry), window(tl, entry)
    zone = "" if fmt.shown().elsewhere or span.endswith(f" {start.tzname()}") else f" {start.tzname()}"
    return f"{fmt.day_title(fmt.viewed(start))} · {span}{zone}" + (f" · {note}" if note else "")


def short_when(tl: Timeline, entry: Entry) -> str:
    """``09:10-09:40``, with ``Tue 20 May`` before it when the program has several days."""
    if len(tl.program.days) > 1:
        return f"{tl.start(entry):%a} {tl.start(entry).day} {tl.start(entry):%b} {window(tl, entry)}"
    return window(tl, entry)


def parent_of(program: Program, entry: Entry) -> Item | None:
    """The session a talk belongs to (``None`` for an item)."""
    return program.parent.get(entry.id) if isinstance(entry, Talk) else None
