"""The session chair's marks: "this started now", "this ended now" and one-minute nudges.

A mark records what the chair saw, at the event clock's instant. Pure: the log that keeps them
is ``store/chairlog.py``; what they mean for the day's times is ``delays.py``.
"""

from __future__ import annotations

from datetime import datetime

from .records import record
from .textclean import clean
from .zones import year_problem

MarkKind = str
"""One of ``MARK_KINDS``. (No ``typing.Literal``: ``now`` imports this module on every start.)"""
MARK_KINDS: tuple[str, ...] = ("start", "end", "nudge")
FORMAT_VERSION = 1
MAX_NUDGE = 24 * 60
"""The largest nudge a file may hold, in minutes (the keys nudge by one; a day's delays stay far
from the end of the calendar however many there are)."""


@record
class Mark:
    """One thing the chair said: ``id`` (an item or talk) started / ended ``at``, or a nudge of
    ``minutes`` (+1 or -1) to the delay from that entry on, made ``at``."""

    kind: MarkKind
    id: str
    at: datetime
    minutes: int = 0

    def to_json(self) -> dict[str, str | int]:
        out: dict[str, str | int] = {"kind": self.kind, "id": self.id, "at": self.at.isoformat()}
        if self.kind == "nudge":
            out["minutes"] = self.minutes
        return out

    @classmethod
    def from_json(cls, raw: object) -> Mark:
        """Raise ``ValueError`` for anything that is not a mark this version wrote."""
        if not isinstance(raw, dict):
            raise ValueError("a mark must be an object")
        kind, ident, at = raw.get("kind"), raw.get("id"), raw.get("at")
        if kind not in MARK_KINDS:
            raise ValueError(f"unknown mark kind {kind!r}")
        if not isinstance(ident, str) or not ident:
            raise ValueError("a mark needs an id")
        if not isinstance(at, str):
            raise ValueError("a mark needs an instant")
        when = datetime.fromisoformat(at)
        if when.tzinfo is None:
            raise ValueError("a mark's instant needs an offset")
        far = year_problem(when)
        if far:
            raise ValueError(f"a mark's instant {at!r}: {far}")
        minutes = raw.get("minutes", 0)
        if kind == "nudge" and (isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0):
            raise ValueError("a nudge needs a whole, non-zero number of minutes")
        if kind == "nudge" and abs(minutes) > MAX_NUDGE:
            raise ValueError(f"a nudge of {minutes} minutes is more than a day")
        ident = ident if ident.isprintable() else clean(ident).strip()
        if not ident:
            raise ValueError("a mark needs an id")
        return cls(kind, ident, when, minutes if kind == "nudge" else 0)
