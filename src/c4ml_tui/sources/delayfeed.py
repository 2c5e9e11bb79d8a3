"""Following a chair's delay feed (``--delays URL|FILE``): read it, check it is this program's,
keep the last good one.

A URL goes through ``remote``'s revalidation (``If-None-Match``/``If-Modified-Since``; a 304
costs the server nothing) and its cached copy, so the last good feed survives a restart and a
server that went away. A file is read again only when its time or size changed. A feed that
cannot be read, is broken, or belongs to another program never replaces the last good one: the
answer says why in one line (:attr:`Reading.problem`).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import NamedTuple

from ..core.feed import Feed, other_version, parse, refusal
from ..core.model import Program
from . import remote

UTC = timezone.utc
EVERY_SECONDS = 15.0
"""How often a followed URL is asked (a file is looked at every second: a stat costs nothing)."""
FILE_EVERY_SECONDS = 1.0

OK, OFFLINE, BROKEN, REFUSED = "ok", "offline", "broken", "refused"


class Reading(NamedTuple):
    """One look at the feed."""

    feed: Feed | None
    """The feed in use: the one just read, else the last good one (``None``: none yet)."""
    status: str
    """``ok`` (read or confirmed now), ``offline`` (unreachable or unreadable), ``broken`` (not a
    feed) or ``refused`` (another program's)."""
    confirmed_at: datetime | None
    """When the feed in use was last read or confirmed (UTC)."""
    problem: str | None = None
    """One line on why this look did not give a good feed (``WHERE: ...``)."""
    other_version: bool = False
    """The feed was written from another version of this program's file (applied by id)."""


def in_zone(feed: Feed, program: Program) -> Feed:
    """``feed`` with its instants in the event's zone (as the chair's log keeps its marks)."""
    from ..core.marks import Mark
    from ..core.model import replace

    tz = program.tz
    message = feed.message
    if message is not None:
        message = replace(message, at=message.at.astimezone(tz))
    return replace(feed, written_at=feed.written_at.astimezone(tz), message=message,
                   marks=tuple(Mark(m.kind, m.id, m.at.astimezone(tz), m.minutes) for m in feed.marks))


def is_url(where: str) -> bool:
    return where.startswith(("http://", "https://"))


class FeedSource:
    """Where a feed is followed (``--delays``), with the last good feed read from it."""

    def __init__(self, where: str, every: float | None = None):
        self.where = where
        self.url = is_url(where)
        self.every = every if every is not None else (EVERY_SECONDS if self.url else FILE_EVERY_SECONDS)
        self.last: Feed | None = None
        self.confirmed: datetime | None = None
        self._signature: tuple[int, int] | None = None
        self._body: bytes | None = None
        """The bytes of ``last`` when it came from a URL (to tell the cached copy is the same)."""

    def read(self, program: Program, *, fresh_for: float = 0, now: datetime | None = None) -> Reading:
        """Look at the feed now (blocks up to ``remote.TIMEOUT`` for a URL)."""
        now = now or datetime.now(UTC)
        if self.url:
            return self._read_url(program, fresh_for, now)
        return self._read_file(program, now)

    # -- a URL ---------------------------------------------------------------------------------
    def _read_url(self, program: Program, fresh_for: float, now: datetime) -> Reading:
        copy = remote.Copy(self.where)
        if copy.body is not None and copy.body != self._body:
            # The cached copy is not the one in use: an earlier run's, or a newer one that another
            # process on this machine (the app, ``now``, ``stage``) downloaded; the cache's ETag
            # is that copy's, so it must be the one in use before asking "modified since?".
            kept = self._accept(copy.body, program)
            if isinstance(kept, Feed):
                self.last, self._body, self.confirmed = kept, copy.body, copy.confirmed(now)
        if self.last is not None and fresh_for > 0 and self.confirmed is not None \
                and (now - self.confirmed).total_seconds() < fresh_for:
            return self._good(program)
        current = self.last is not None and copy.body is not None and copy.body == self._body
        try:
            status, data, headers = remote.get(self.where, copy.meta if current else {})
        except remote.Failure as failure:
            return self._kept(OFFLINE, f"cannot be read ({failure})")
        if status == 304 and current:
            copy.confirm(now)
            self.confirmed = now
            return self._good(program)
        found = self._accept(data, program)
        if not isinstance(found, Feed):
            return self._kept(*found)
        copy.replace(data, headers, now)
        self.last, self._body, self.confirmed = found, data, now
        return self._good(program)

    # -- a file --------------------------------------------------------------------------------
    def _read_file(self, program: Program, now: datetime) -> Reading:
        from ..store.stagenote import signature

        seen = signature(self.where)
        if seen is None:
            return self._kept(OFFLINE, "cannot be read (no such file)")
        if seen == self._signature and self.last is not None:
            self.confirmed = now
            return self._good(program)
        try:
            with open(self.where, "rb") as handle:
                data = handle.read(remote.MAX_BYTES)
        except OSError as error:
            return self._kept(OFFLINE, f"cannot be read ({error.strerror or error})")
        found = self._accept(data, program)
        if not isinstance(found, Feed):
            return self._kept(*found)
        self._signature = seen
        self.last, self.confirmed = found, now
        return self._good(program)

    # -- what both share -----------------------------------------------------------------------
    def _accept(self, data: bytes, program: Program) -> Feed | tuple[str, str]:
        """The feed in ``data``, or ``(status, why)`` when it is broken or another program's."""
        try:
            feed = parse(json.loads(data))
        except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
            return BROKEN, f"is not a delay feed ({str(error).splitlines()[0][:120]})"
        refused = refusal(feed, program)
        if refused:
            return REFUSED, refused
        return in_zone(feed, program)

    def _good(self, program: Program) -> Reading:
        assert self.last is not None
        return Reading(self.last, OK, self.confirmed, None, other_version(self.last, program))

    def _kept(self, status: str, why: str) -> Reading:
        last = self.last
        return Reading(last, status, self.confirmed if last is not None else None, f"{self.where}: {why}")
