"""A program followed at a URL: the last good copy, revalidated, with an offline fallback.

:func:`fetch` revalidates the cached copy with ``If-None-Match``/``If-Modified-Since``; offline,
or when the server sends something that is not a valid schedule, it keeps using the last good
copy and says how old it is. It raises ``ProgramError`` only when there is no good copy at all.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import NamedTuple

from ..core.changes import Changes, diff
from ..core.fmt import age
from ..core.model import Program
from ..formats.problems import Problem, ProgramError
from . import remote
from .parsed import from_bytes

UTC = timezone.utc


class Fetched(NamedTuple):
    """The program from a URL and how it was obtained."""

    url: str
    program: Program
    status: str
    """``downloaded`` (new bytes), ``not-modified``, ``cached`` (confirmed recently, not asked),
    ``offline`` (the server could not be reached) or ``broken`` (it sent an invalid schedule)."""
    confirmed_at: datetime
    """When the server last confirmed the copy in use (UTC)."""
    notice: str | None = None
    """One line worth telling the user (offline, broken download, what changed), or None."""
    changes: Changes | None = None
    """What changed since the previous copy, when this call downloaded a new one."""


def fetch(url: str, *, timezone: str | None = None, timeout: float | None = None, fresh_for: float = 0,
          now: datetime | None = None) -> Fetched:
    """The program at ``url``, revalidated against the server; see the module docstring.

    ``fresh_for``: seconds during which a confirmed copy is used without asking the server (a
    status bar that runs ``now`` every few seconds need not ask every time).
    """
    now = now or datetime.now(UTC)
    copy = remote.Copy(url)
    body, confirmed = copy.body, copy.confirmed(now)

    def cached(status: str, notice: str | None = None) -> Fetched:
        assert body is not None
        return Fetched(url, from_bytes(body, url, timezone), status, confirmed, notice)

    if body is not None and fresh_for > 0 and (now - confirmed).total_seconds() < fresh_for:
        try:
            return cached("cached")
        except ProgramError:
            pass  # say, the zone changed: ask the server
    try:
        status, data, headers = remote.get(url, copy.meta if body is not None else {}, timeout)
    except remote.Failure as failure:
        if body is None:
            raise ProgramError([Problem(url, 0, f"cannot download: {failure}")]) from None
        return cached("offline", f"offline ({failure}): using the copy of {url} confirmed {age(confirmed, now)} ago")
    if status == 304 and body is not None:
        copy.confirm(now)
        return Fetched(url, from_bytes(body, url, timezone), "not-modified", now)
    try:
        program = from_bytes(data, url, timezone)
    except ProgramError as error:
        if body is None:
            raise
        first = str(error.problems[0]) if error.problems else "invalid"
        return cached("broken", f"the schedule downloaded from {url} is broken ({first}); "
                                f"using the last good copy, confirmed {age(confirmed, now)} ago")
    changes = None
    if body is not None and body != data:
        try:
            changes = diff(from_bytes(body, url, timezone), program)
        except ProgramError:
            pass
    copy.replace(data, headers, now)
    notice = f"{url} changed since the last copy: {changes.summary()} (see c4ml-tui changes)" if changes else None
    return Fetched(url, program, "downloaded", now, notice, changes)


def last_good(url: str, timezone: str | None = None) -> Program | None:
    """The program in the URL's last good copy, without the network; ``None`` without one.
    Raises ``ProgramError`` when the copy does not read (say, with another ``--timezone``)."""
    body = remote.Copy(url).body
    return from_bytes(body, url, timezone) if body is not None else None


def previous(url: str, timezone: str | None = None) -> tuple[Program | None, Program | None]:
    """The previous and the current cached copies of ``url`` (None where there is none)."""
    copy = remote.Copy(url)
    out = []
    for body in (copy.previous(), copy.body):
        try:
            out.append(from_bytes(body, url, timezone) if body is not None else None)
        except ProgramError:
            out.append(None)
    return out[0], out[1]
