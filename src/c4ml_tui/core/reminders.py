"""Reminders for starred items and talks, computed from the event clock. Pure: the caller
passes the instants, so a simulated clock fires reminders exactly like the real one.

The rule. A starred entry's reminder instant is ``start - lead`` (lead: 5 minutes unless the
user sets another). Each check covers the window ``(since, now]``, where ``since`` is the
``now`` of the previous check. A reminder is due when

* its instant lies in the window, ``since < start - lead <= now``, and
* the entry is still ahead, or started less than :data:`GRACE` ago: ``now < start + GRACE``.

So consecutive checks fire every reminder exactly once, and a jump of the clock (``--at``, a
rehearsal skipping ahead) fires only the few entries starting within the lead time of the new
``now``, never a flood of stale ones. ``since=None`` (the first check after start-up) means "from
the beginning", with the same rule. A clock that goes backwards (``now <= since``) fires
nothing. The grace minute lets a lead of 0 ("starts now") fire at the first check after the
start; a simulated clock so fast that one check spans more than ``lead + GRACE`` can skip
reminders, so an app running fast should check at least that often (:func:`next_due` says
when the next one falls).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from .instants import between, shift, utc
from .model import Item, Program, Talk

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .timeline import ExpectedTimes

DEFAULT_LEAD_MINUTES = 5
GRACE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder to show: the entry, when it starts and when the reminder was due."""

    entry: Item | Talk
    start: datetime
    at: datetime
    """The reminder instant: ``start - lead``."""
    parent: Item | None
    """The item holding a talk."""

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def room(self) -> str | None:
        holder = self.parent or self.entry
        return holder.room if isinstance(holder, Item) else None

    def text(self, now: datetime) -> str:
        """``Tensor Fusion starts in 5 min (09:15, Main Hall)``, or ``starts now``."""
        from . import fmt

        left = between(now, self.start)
        when = f"starts in {fmt.duration(left)}" if left > timedelta(0) else "starts now"
        where = ", ".join(x for x in (fmt.hm(self.start), self.room) if x)
        return f"{self.entry.title} {when} ({where})"


def _lead(minutes: float) -> timedelta:
    if minutes < 0:
        raise ValueError(f"a reminder lead time cannot be negative ({minutes} minutes)")
    return timedelta(minutes=minutes)


def _entries(program: Program, starred: Iterable[str],
             timeline: ExpectedTimes | None) -> Iterator[tuple[Item | Talk, datetime]]:
    start = timeline.start if timeline is not None else (lambda e: e.start)
    for entry_id in dict.fromkeys(starred):
        entry = program.by_id.get(entry_id)
        if entry is not None:
            yield entry, start(entry)


def due(program: Program, starred: Iterable[str], since: datetime | None, now: datetime,
        lead_minutes: float = DEFAULT_LEAD_MINUTES, *, timeline: ExpectedTimes | None = None) -> list[Reminder]:
    """The reminders due in the check window ``(since, now]``, soonest start first.

    ``starred`` holds entry ids (a :class:`~c4ml_tui.favourites.Favourites` will do); ids the
    program does not know are skipped. ``timeline`` supplies expected times when a delay runs.
    """
    if now.tzinfo is None or (since is not None and since.tzinfo is None):
        raise ValueError("reminders need aware instants")
    lead = _lead(lead_minutes)
    found = []
    after, until = (utc(since) if since is not None else None), utc(now)
    for entry, start in _entries(program, starred, timeline):
        at = utc(start) - lead  # real minutes before the start, whatever the wall clock does
        if (after is None or after < at) and at <= until < utc(start) + GRACE:
            found.append(Reminder(entry, start, at.astimezone(start.tzinfo), program.parent.get(entry.id)))
    found.sort(key=lambda r: (utc(r.start), r.id))
    return found


def next_due(program: Program, starred: Iterable[str], now: datetime,
             lead_minutes: float = DEFAULT_LEAD_MINUTES, *,
             timeline: ExpectedTimes | None = None) -> datetime | None:
    """The earliest reminder instant after ``now`` (``None`` when no starred entry lies ahead):
    when an app should check next."""
    lead = _lead(lead_minutes)
    ahead = [shift(start, -lead) for _, start in _entries(program, starred, timeline)
             if utc(start) - lead > utc(now)]
    return min(ahead, key=utc, default=None)
