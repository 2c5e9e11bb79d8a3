"""The words about a followed program: offline, a bad download, what a refresh changed."""

from __future__ import annotations

from datetime import datetime

from ..core.changes import Changes
from ..core.fmt import age
from ..sources.refresh import UNREACHED, Update


def note(update: Update, now: datetime) -> str:
    """The short status before the clock: ``offline · copy 2 h 5 min old``; empty when online."""
    if update.status not in UNREACHED or update.confirmed_at is None:
        return ""
    what = "offline" if update.status == "offline" else "bad download"
    return f"{what} · copy {age(update.confirmed_at, now)} old"


def message(changes: Changes) -> str:
    """``Schedule updated: 2 moved, 1 new, 1 cancelled``."""
    return f"Schedule updated: {changes.summary()}"
