"""``c4ml-tui watch``: the day's events without the app, one JSON object per line (for tmux, a
systemd user service, a status bar, a light): reminders by the *expected* start, a room's
countdown changing stage, the delay changing, the schedule changing, a message to stage.

``--exec CMD`` runs CMD for each event (the JSON on its standard input and in ``C4ML_JSON``,
the kind in ``C4ML_EVENT``, the line for a person in ``C4ML_TEXT``); ``--notify`` shows
reminders, delays, messages and schedule changes through ``notify-send``. The events are
``words/events.py``'s; reminders that fired are remembered per program (``store/reminded.py``),
so neither a restart nor the app repeats one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time

EXEC_TIMEOUT = 30.0
NOTIFIED = ("reminder", "delay", "message", "schedule", "feed")


def add_parser(sub, common):
    from .app import minutes

    parser = sub.add_parser(
        "watch", help="the day's events as JSON lines, without the app (reminders, stages, delays, messages)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui watch --delays http://room.lan/willow.json\n"
               "  c4ml-tui watch --notify --remind 10\n"
               "  c4ml-tui watch --exec 'jq -r .text >> ~/day.log'\n"
               "  c4ml-tui watch --at 2025-03-02T09:50 --speed 60   (rehearse)\n\n"
               "events: delay, stage, reminder, message, schedule, feed (see docs/running-a-room.md)")
    common(parser)
    parser.add_argument("--remind", metavar="MIN", type=minutes, default=None,
                        help="a reminder event MIN minutes before a starred item or talk starts "
                             "(default: the settings file's remind, else 5; 0: none)")
    parser.add_argument("--exec", metavar="CMD", dest="exec_cmd", default=None,
                        help="run CMD (with the shell) for each event, the event's JSON on its standard input")
    parser.add_argument("--notify", action="store_true",
                        help="desktop notifications through notify-send (reminders, delays, messages, schedule)")
    return parser


class Outlet:
    """Where each event goes: a JSON line on stdout, ``--exec``, ``notify-send``."""

    def __init__(self, exec_cmd: str | None, notify: bool):
        import shutil

        from .common import say

        self.exec_cmd = exec_cmd
        self.notify_send = shutil.which("notify-send") if notify else None
        if notify and self.notify_send is None:
            say("--notify: notify-send is not installed (Debian: libnotify-bin); events are only printed")

    def emit(self, event: dict) -> None:
        from .common import say, show

        line = json.dumps(event, ensure_ascii=False)
        show(line, flush=True)
        if self.exec_cmd:
            env = dict(os.environ, C4ML_EVENT=str(event["event"]), C4ML_TEXT=str(event["text"]), C4ML_JSON=line)
            try:
                # The user's own command, with the shell, as they typed it.
                done = subprocess.run(self.exec_cmd, shell=True, input=line + "\n", text=True, env=env,
                                      timeout=EXEC_TIMEOUT, check=False)
                if done.returncode:
                    say(f"--exec failed for a {event['event']} event (exit {done.returncode})")
            except (subprocess.TimeoutExpired, OSError) as error:
                say(f"--exec failed for a {event['event']} event: {error}")
        if self.notify_send and event["event"] in NOTIFIED:
            subprocess.run([self.notify_send, "-a", "c4ml-tui", f"c4ml-tui: {event['event']}", str(event["text"])],
                           capture_output=True, timeout=EXEC_TIMEOUT, check=False)


def run(args) -> int:
    from .common import feed_source, program_and_clock

    loaded = program_and_clock(args)
    if loaded is None:
        return 2
    program, clock = loaded
    source = feed_source(args)
    if source is not None:
        from .common import read_feed

        if read_feed(program, source) is None:  # another program's feed: a mistake worth stopping for
            return 2
    watcher = Watcher(program, clock, args, source)
    try:
        watcher.loop()
    except KeyboardInterrupt:
        return 0
    return 0


class Watcher:
    """The loop: look at the feed, local files and the schedule when due, then say what changed."""

    def __init__(self, program, clock, args, source):
        from ..core.identity import program_key
        from ..sources.refresh import source_of
        from ..store.favourites import Favourites
        from ..store.reminded import Reminded
        from ..tui.state import State
        from ..words.events import Tracker
        from .chair import chosen_room

        self.clock, self.args, self.source = clock, args, source
        self.key = program_key(program)
        self.state = State(program)
        self.favourites = Favourites.load(program)
        self.reminded = Reminded.load(program)
        self.schedule = source_of(getattr(args, "program", None), getattr(args, "timezone", None),
                                  getattr(args, "room", None))
        room = chosen_room(program, args)
        rooms = (room,) if room else (tuple(program.rooms) or (None,))
        self.tracker = Tracker(program, self.key, program.chair, rooms)
        self.outlet = Outlet(args.exec_cmd, args.notify)
        self.since = None
        self._feed_due = self._schedule_due = 0.0
        self._feed_status = "ok"
        self._seen: dict[str, object] = {}
        speed = getattr(args, "speed", None) or 1.0
        self.pause = max(0.05, min(1.0, 30.0 / speed))  # at most 30 event-clock seconds a step

    def loop(self) -> None:
        while True:
            self.step()
            time.sleep(self.pause)

    def step(self) -> None:
        now = self.clock.now()
        events = self.look(now)
        state = self.state
        events += self.tracker.step(state.timeline, state.delays, now, state.message)
        events += self.reminders(now)
        for found in events:
            self.outlet.emit(found)

    def look(self, now) -> list[dict]:
        """The feed, the local files and the schedule, each when due; the events they bring."""
        from ..words import events

        found: list[dict] = []
        tick = time.monotonic()
        if self.source is not None and tick >= self._feed_due:
            self._feed_due = tick + self.source.every
            reading = self.source.read(self.state.program)
            if reading.status != self._feed_status:
                self._feed_status = reading.status
                found.append(events.feed(self.key, reading.status, reading.problem, now))
            if reading.feed is not None or self.state.feed is None:
                self.state = self.state.with_feed(reading)
        elif self.source is None:
            self.local()
        if self.schedule is not None and tick >= self._schedule_due:
            from ..sources.remote import REFRESH_MINUTES

            self._schedule_due = tick + REFRESH_MINUTES * 60
            found += self.refresh(now)
        if self.changed(str(self.favourites.path)):
            from ..store.favourites import Favourites

            self.favourites = Favourites.load(self.state.program)
        return found

    def changed(self, path: str) -> bool:
        from ..store.stagenote import signature

        seen = signature(path)
        first = path not in self._seen
        if seen == self._seen.get(path):
            return False
        self._seen[path] = seen
        return not first

    def local(self) -> None:
        """Marks and messages made on this machine (``chair``, ``say``) since the last look."""
        from ..store import stagenote
        from ..store.chairlog import ChairLog, log_file

        state = self.state
        if self.changed(log_file(state.program)):
            state.user.log = ChairLog.load(state.program)
            self.state = state.with_marks()
        if self.changed(stagenote.note_file(state.program)):
            self.state.user.message = stagenote.read(state.program)

    def refresh(self, now) -> list[dict]:
        """A followed program URL: a new version, and what changed in it."""
        from ..tui.follower import changed
        from ..words import events

        assert self.schedule is not None
        update = self.schedule.load()
        diff = changed(self.state.program, update)
        if diff is None or update.program is None:
            return []
        self.state = self.state.with_program(update.program)
        return [events.schedule(self.key, diff.summary(), now)] if diff else []

    def reminders(self, now) -> list[dict]:
        from ..core import reminders
        from ..words import events

        lead = self.args.remind
        if lead is None:
            from .common import setting

            lead = setting(self.args, "remind")
        if lead <= 0:
            return []
        state = self.state
        due = reminders.due(state.program, self.favourites, self.since, now, lead, timeline=state.timeline)
        self.since = now
        fresh = self.reminded.fresh(r.id for r in due) if due else []
        if fresh:
            self.reminded.record(fresh, now)
            if self.reminded.warning:
                from .common import say

                say(self.reminded.warning)
                self.reminded.warning = None
        return [events.reminder(self.key, r, now, state.timeline) for r in due if r.id in fresh]
