"""Follow a program published at a URL while the app runs: refresh it every
:data:`remote.REFRESH_MINUTES` in a worker thread, swap in a new version, say what changed.

:class:`Source` says how to load the program again (URL, ``--timezone``, ``--room``) and
answers with an :class:`Update`; :func:`note` and :func:`message` are the words. All of that is
pure. :class:`Follower` is the app's side: it needs an app (``set_interval``, ``run_worker``,
``call_from_thread``, ``notify``, ``swap_program``) but imports nothing from Textual.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, NamedTuple

from . import fmt
from .changes import Changes, diff
from .model import Program

if TYPE_CHECKING:
    from .app import C4mlApp

UTC = timezone.utc
UNREACHED = ("offline", "broken")
"""The statuses of a refresh that did not get a new answer from the server."""


class Update(NamedTuple):
    """The answer of one refresh."""

    program: Program | None
    """The program (narrowed to the room) in use after it; ``None`` when the refresh failed."""
    status: str
    """``remote.Fetched.status`` (``downloaded``, ``not-modified``, ``cached``, ``offline``,
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
        from . import remote
        from .program import ProgramError
        from .sources import find_room, only_room

        try:
            fetched = remote.fetch(self.url, timezone=self.timezone, fresh_for=fresh_for)
        except ProgramError as error:
            return Update(None, "failed", None, str(error.problems[0]) if error.problems else "cannot download")
        program = fetched.program
        if self.room:
            try:
                program = only_room(program, find_room(program, self.room))
            except ValueError as error:
                return Update(None, "failed", fetched.confirmed_at, str(error))
        return Update(program, fetched.status, fetched.confirmed_at, fetched.notice)


def source_of(args) -> Source | None:
    """The :class:`Source` of the command line's ``--program``, when it is a URL."""
    from .sources import is_url

    url = getattr(args, "program", None)
    if not url or not is_url(url):
        return None
    return Source(url, getattr(args, "timezone", None), getattr(args, "room", None))


def changed(old: Program, update: Update) -> Changes | None:
    """What changed from ``old`` to the update's program; ``None`` when it is the same copy."""
    new = update.program
    if new is None or (new.digest and new.digest == old.digest):
        return None
    return diff(old, new)


def age(confirmed: datetime, now: datetime) -> str:
    """``2 h 5 min`` in whole minutes, rounded down (a copy never looks older than it is)."""
    minutes = max(0, int((now - confirmed).total_seconds() // 60))
    return fmt.duration(timedelta(minutes=minutes)) if minutes else "less than a minute"


def note(update: Update, now: datetime) -> str:
    """The short status before the clock: ``offline · copy 2 h 5 min old``; empty when online."""
    if update.status not in UNREACHED or update.confirmed_at is None:
        return ""
    what = "offline" if update.status == "offline" else "bad download"
    return f"{what} · copy {age(update.confirmed_at, now)} old"


def message(changes: Changes) -> str:
    """``Schedule updated: 2 moved, 1 new, 1 cancelled``."""
    return f"Schedule updated: {changes.summary()}"


class Follower:
    """Refreshes an app's program from its :class:`Source`, never on the app's thread."""

    def __init__(self, app: C4mlApp, source: Source, every: float | None = None):
        from .remote import REFRESH_MINUTES

        self.app = app
        self.source = source
        self.every = every if every is not None else REFRESH_MINUTES * 60
        self.last: Update | None = None
        self._busy = False

    def start(self) -> None:
        """Ask now (a copy confirmed in the last minute is used as it is), then every ``every`` s."""
        self.app.set_interval(self.every, self.refresh)
        self.refresh(fresh_for=60)

    def refresh(self, fresh_for: float = 0) -> None:
        """Start one refresh in a worker thread (none while one is running)."""
        if self._busy:
            return
        self._busy = True
        self.app.run_worker(lambda: self._work(fresh_for), name="refresh the program", group="refresh",
                            thread=True, exit_on_error=False)

    def _work(self, fresh_for: float) -> None:
        try:
            update = self.source.load(fresh_for=fresh_for)
        except Exception as error:  # noqa: BLE001 - a refresh must never take the app down
            update = Update(None, "failed", None, f"{type(error).__name__}: {error}")
        finally:
            self._busy = False
        self.app.call_from_thread(self.apply, update)

    def apply(self, update: Update) -> None:
        """On the app's thread: swap in a new program, and say what happened when it matters."""
        app, before = self.app, self.last
        self.last = update
        app.source_note = note(update, datetime.now(UTC))
        was_unreached = before is not None and before.status in UNREACHED
        if update.status == "failed":
            app.notify(f"Could not refresh the schedule: {update.notice}", severity="warning", markup=False)
        elif update.status in UNREACHED and not was_unreached and update.notice:
            app.notify(update.notice, title="Schedule", severity="warning", markup=False, timeout=10)
        elif update.status not in UNREACHED and was_unreached:
            app.notify("Back online: the schedule is up to date.", title="Schedule", markup=False)
        changes = changed(app.program, update)
        if changes is not None and update.program is not None:
            app.swap_program(update.program)
            if changes:  # else only words changed (an abstract, a title): no news worth a toast
                app.notify(message(changes), title="Schedule", markup=False, timeout=10)
        app.tick(force=True)  # the offline note is not a countdown: redraw it now
