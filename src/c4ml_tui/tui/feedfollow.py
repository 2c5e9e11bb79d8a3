"""The room's clock reaching the app: follow a chair's delay feed (``--delays``), notice marks
and messages another process made on this machine, and publish the feed (``--publish``).

* :class:`FeedFollower` looks at the feed in a worker thread (never on the app's thread, never
  before the first frame), every 15 s for a URL, every second for a file; the app's state takes
  the feed's marks and message (``State.with_feed``) only when they changed.
* :class:`LocalWatch` (when not following a feed) looks every 2 s at this program's
  ``chair.json`` and ``stage.json`` (and the published feed file, which ``say`` may have
  written): marks made by ``c4ml-tui chair`` in another terminal reach this app's views and a
  local ``c4ml-tui stage``. A stat costs nothing; the file is read only when it changed.
* :class:`Publishing` writes the feed after each change of marks or message, and once a minute.

Only :class:`LocalWatch` runs in every app, so what the other two need (the feed's reader, its
words) is imported when one of them is made: the board's first frame does not wait for it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..sources.delayfeed import FeedSource, Reading
    from ..store.publish import Publisher
    from .app import C4mlApp

UTC = timezone.utc
LOCAL_EVERY = 2.0
HEARTBEAT = 60.0
"""Seconds between two writes of an unchanged feed: its age then says the chair is still there."""
GAP = 1.05
"""Seconds at least between two writes of the feed (see ``Publishing.publish``)."""


class FeedFollower:
    """Follows one feed for the app; ``last`` is the last look (``None`` before the first)."""

    def __init__(self, app: C4mlApp, source: FeedSource):
        self.app = app
        self.source = source
        self.last: Reading | None = None
        self._busy = False

    def start(self) -> None:
        """The first look right after the first frame, then one every ``source.every`` seconds."""
        self.app.set_interval(self.source.every, self.poll)
        self.app.call_after_refresh(self.poll)

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        program = self.app.program
        self.app.run_worker(lambda: self._work(program), name="read the delay feed", group="delay-feed",
                            thread=True, exit_on_error=False)

    def _work(self, program) -> None:
        try:
            reading = self.source.read(program)
        except Exception as error:  # noqa: BLE001 - a feed must never take the app down
            from ..sources.delayfeed import Reading

            reading = Reading(self.source.last, "offline", self.source.confirmed,
                              f"{self.source.where}: {type(error).__name__}: {error}")
        finally:
            self._busy = False
        self.app.call_from_thread(self.apply, reading)

    def apply(self, reading: Reading) -> None:
        """On the app's thread: take the feed's marks and message when they changed, and say
        what matters (a feed that cannot be read, refused, back, another version)."""
        from ..sources.delayfeed import OK
        from ..words import late

        app, before = self.app, self.last
        self.last = reading
        was_bad = before is not None and before.status != OK
        if reading.problem and (before is None or not was_bad or before.problem != reading.problem):
            kept = " Keeping the last good one." if reading.feed is not None else ""
            app.notify(f"Delay feed: {reading.problem}.{kept}", title="Delays", severity="warning",
                       markup=False, timeout=10)
        elif reading.status == OK and was_bad:
            app.notify("The delay feed is back.", title="Delays", markup=False)
        if reading.other_version and (before is None or not before.other_version):
            app.notify("The delay feed was written from another version of this program; its marks "
                       "apply by id.", title="Delays", markup=False, timeout=10)
        current = app.state.feed
        changed = current is None or reading.feed is None or current.feed is None \
            or not reading.feed.same_state(current.feed)
        if reading.feed is not None and changed:
            old = self._delay()
            app.state = app.state.with_feed(reading)
            new = self._delay()
            if late.minutes(new) != late.minutes(old):
                app.notify(f"Chair: {late.late_note(new) or 'on time'}.", title="Delays", markup=False)
        elif current is None:
            app.state = app.state.with_feed(reading)  # following, no good feed yet: scheduled times
        app.tick(force=True)  # the age on the bar

    def _delay(self):
        from ..words import late

        app = self.app
        return late.headline(app.timeline, app.snapshot())

    def note(self, now: datetime) -> str:
        """``on time · chair, 20 s ago``, ``last known: chair, 5 min ago``: after the delay on the bar."""
        reading = self.last
        if reading is None:
            return ""
        from ..words import feed as feedwords
        from ..words import late

        app = self.app
        delay = late.headline(app.timeline, app.timeline.at(now)) if reading.feed is not None else late.ZERO
        return feedwords.note(reading.feed, reading.status, now, delay)


class LocalWatch:
    """Marks and messages made on this machine by another process (see the module docstring)."""

    def __init__(self, app: C4mlApp):
        self.app = app
        self._seen: dict[str, tuple[int, int] | None] = {}

    def start(self) -> None:
        for path in self.paths():
            self.changed(path)  # what is there now is what the app read at start
        self.app.set_interval(LOCAL_EVERY, self.check)

    def paths(self) -> list[str]:
        from ..store.chairlog import log_file
        from ..store.stagenote import note_file

        program = self.app.program
        found = [log_file(program), note_file(program)]
        publishing = self.app.publishing
        if publishing is not None:
            found.append(str(publishing.publisher.path))
        return found

    def changed(self, path: str) -> bool:
        from ..store.stagenote import signature

        seen = signature(path)
        if seen == self._seen.get(path, ()):
            return False
        self._seen[path] = seen
        return True

    def check(self) -> None:
        app = self.app
        if app.state.following:
            return
        log, note, *feed = self.paths()
        state = app.state
        if self.changed(log):
            from ..store.chairlog import ChairLog

            fresh = ChairLog.load(state.program)
            if fresh.marks != state.log.marks and not fresh.warnings:
                state.user.log = fresh
                app.state = state.with_marks()
        message = state.user.message
        if self.changed(note):
            from ..core.feed import newest
            from ..store import stagenote

            message = newest(message, stagenote.read(state.program))
        if feed and self.changed(feed[0]):
            from pathlib import Path

            from ..core.feed import newest
            from ..store.publish import message_on_disk

            message = newest(message, message_on_disk(Path(feed[0])))
        if message is not state.user.message:
            state.user.message = message
            app.after_message()
        for path in (log, note, *feed):
            self.changed(path)  # our own writes since are not news


class Publishing:
    """The app's feed: written after each change of marks or message, and every minute."""

    def __init__(self, app: C4mlApp, publisher: Publisher):
        self.app = app
        self.publisher = publisher
        self._said: tuple | None = None
        self._error_said: str | None = None
        self._written = -10.0
        self._later = False

    def start(self) -> None:
        self.publish()
        self.app.set_interval(HEARTBEAT, lambda: self.publish(force=True))

    def publish(self, force: bool = False) -> None:
        """Write the feed when the marks or the message changed since the last write (or ``force``)."""
        app = self.app
        state = app.state
        if state.following:
            return
        what = (state.marks, state.message)
        if not force and what == self._said:
            return
        import time

        # Two writes in one second can share a Last-Modified (and an nginx ETag): a poll between
        # them would be told "not modified" and keep the first. So the second waits a second.
        wait = GAP - (time.monotonic() - self._written)
        if wait > 0:
            if not self._later:
                self._later = True
                self.app.set_timer(wait, self._write_later)
            return
        from ..words import feed as feedwords

        self._written = time.monotonic()
        self._said = what
        document = feedwords.build(state.program, state.marks, app.clock.now(), room=state.chair.room,
                                   message=state.message, timeline=state.timeline)
        self.publisher.write(document)
        self.say_error()

    def _write_later(self) -> None:
        self._later = False
        self.publish(force=True)

    def say_error(self) -> None:
        error = self.publisher.error
        if error and error != self._error_said:
            self.app.notify(error, title="Delay feed", severity="error", markup=False, timeout=15)
        self._error_said = error

    def status(self) -> str:
        """``feed willow.json written`` (or why not) for the chair's status line."""
        error = self.publisher.error
        if error:
            return f"feed NOT written: {error}"
        return f"feed {self.publisher.path.name} written"
