"""Load a followed program again, the way it was loaded first (its URL, ``--timezone`` and
``--room``): what the app's follower runs in a worker thread every few minutes.

:class:`Source` says how; :meth:`Source.load` answers with an :class:`Update`. The words about an
update are ``words/live.py``; the app's side is ``tui/follower.py``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from ..core.model import Program

UNREACHED = ("offline", "broken")
"""The statuses of a refresh that did not get a new answer from the server."""


class Update(NamedTuple):
    """The answer of one refresh."""

    program: Program | None
    """The program (narrowed to the room) in use after it; ``None`` when the refresh failed."""
    status: str
    """``fetch.Fetched.status`` (``downloaded``, ``not-modified``, ``cached``, ``offline``,
    ``broken``), or ``failed`` (no copy at all, or the room is gone)."""
    confirmed_at: datetime | None
    notice: str | None = None


class Source(NamedTuple):
    """Where the app's program comes from, to load it again the same way."""

    url: str
    timezone: str | None = None
    room: str | None = None

    def load(self, *, fresh_for: float = 0) -> Update:
        """Revalidate the program against its server (blocks for up to ``remote.TIMEOUT``)."""
        from ..core.filters import find_room, only_room
        from ..formats.problems import ProgramError
        from .fetch import fetch

        try:
            fetched = fetch(self.url, timezone=self.timezone, fresh_for=fresh_for)
        except ProgramError as error:
            return Update(None, "failed", None, str(error.problems[0]) if error.problems else "cannot download")
        program = fetched.program
        if self.room:
            try:
                program = only_room(program, find_room(program, self.room))
            except ValueError as error:
                return Update(None, "failed", fetched.confirmed_at, str(error))
        return Update(program, fetched.status, fetched.confirmed_at, fetched.notice)


    def last_good(self) -> Program | None:
        """The program from the URL's last good copy on this machine, without asking the server
        (what the app opens on); ``None`` when there is none (or it is not this room's)."""
        from ..core.filters import find_room, only_room
        from ..formats.problems import ProgramError
        from .fetch import last_good

        try:
            program = last_good(self.url, self.timezone)
            if program is not None and self.room:
                program = only_room(program, find_room(program, self.room))
        except (ProgramError, ValueError):
            return None
        return program


WAITING = "c4ml-tui: fetching"
"""The digest of :func:`waiting`'s stand-in program."""


def waiting(source: Source, today: date) -> Program:
    """A program with nothing in it, titled "Fetching URL...": what the app shows for a URL with
    no copy on this machine yet, until the first download swaps in the real one."""
    from ..core.model import ChairSettings, Event

    event = Event(title=f"Fetching {source.url}...", date=today, timezone=source.timezone or "UTC")
    return Program(event, (), {}, ChairSettings(), source.url, WAITING)


def is_waiting(program: Program) -> bool:
    """Whether ``program`` is :func:`waiting`'s stand-in."""
    return program.digest == WAITING


def source_of(program: str | None, timezone: str | None = None, room: str | None = None) -> Source | None:
    """The :class:`Source` of a ``--program`` that is a URL (``None`` for a file)."""
    from .loader import is_url

    if not program or not is_url(program):
        return None
    return Source(program, timezone, room)
