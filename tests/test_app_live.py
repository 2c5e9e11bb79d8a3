"""Live updates in the app against a real HTTP server on 127.0.0.1 started by the test: a new
version swaps in and says what changed, offline shows how old the copy is, a pane of a cancelled
entry closes, and the refresh never blocks the app. Fixtures are fictional."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from apptools import pilot_test
from test_remote import V1, V2

from c4ml_tui.commands.app import source_of
from c4ml_tui.core.clock import ManualClock
from c4ml_tui.sources import refresh
from c4ml_tui.sources.loader import load as load_source
from c4ml_tui.tui.app import make_app
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.rooms import RoomsScreen
from c4ml_tui.tui.widgets.clock import ClockFace, YourTime
from c4ml_tui.tui.widgets.room_table import RoomTable
from c4ml_tui.words import live

UTC = timezone.utc
AT = datetime(2031, 1, 2, 10, 10, tzinfo=UTC)  # Talk One runs in Hall A


class Server:
    """Serves ``body`` with an ETag (304 to a matching revalidation), after ``delay`` seconds."""

    def __init__(self):
        self.body, self.etag, self.delay = V1, '"v1"', 0.0
        self.hits = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.hits += 1
                time.sleep(outer.delay)
                if self.headers.get("If-None-Match") == outer.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", outer.etag)
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/schedule.json"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self):
        if self.thread.is_alive():
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(timeout=5)


@pytest.fixture
def server():
    s = Server()
    yield s
    s.stop()


def app_on(url: str, every: float = 3600):
    """The app on the program at ``url`` (loaded as the command line does), following it."""
    program = load_source(url)
    app = make_app(program, ManualClock(program.tz, AT), source=refresh.Source(url))
    app.follower.every = every
    notes: list[tuple[str, str]] = []
    original = app.notify
    app.notify = lambda message, **kw: (notes.append((message, kw.get("severity", "information"))),
                                        original(message, **kw))
    return app, notes


async def settle(app, pilot) -> None:
    """Wait for the refresh worker and for what it hands back to the app."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def rooms(app) -> dict[str, str]:
    return {row.key: row.now for row in app.screen.query_one(RoomTable).rows_shown}


@pilot_test
async def test_a_new_version_swaps_in_and_says_what_changed(server):
    app, notes = app_on(server.url)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)  # the refresh on start: just confirmed, nothing to say
        assert isinstance(app.screen, RoomsScreen) and notes == []
        before = app.timeline
        server.body, server.etag = V2, '"v2"'
        app.follower.refresh()
        await settle(app, pilot)
        assert app.timeline is not before
        assert [i.id for i in app.program.items] == ["1", "2", "4"]
        assert notes == [("Schedule updated: 1 moved, 1 new, 1 cancelled", "information")]
        app.follower.refresh()  # the same version again (304): nothing swaps, nothing said
        await settle(app, pilot)
        assert len(notes) == 1 and [i.id for i in app.program.items] == ["1", "2", "4"]


def your_time(app) -> str:
    """The right-hand part of the clock bar: the offline note, then the user's own time."""
    return app.screen.query_one(YourTime).text


@pilot_test
async def test_offline_shows_how_old_the_copy_is_and_back_online_says_so(server):
    app, notes = app_on(server.url)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        meta = refresh.Update(app.program, "offline", datetime.now(UTC) - timedelta(hours=2, minutes=5))
        assert live.note(meta, datetime.now(UTC)) == "offline · copy 2 h 5 min old"
        server.stop()
        app.follower.refresh()
        await settle(app, pilot)
        assert "offline · copy less than a minute old" in your_time(app)
        assert len(notes) == 1 and notes[0][1] == "warning" and notes[0][0].startswith("offline (")
        app.follower.refresh()  # still offline: the note stays, no second toast
        await settle(app, pilot)
        assert len(notes) == 1
        assert [i.id for i in app.program.items] == ["1", "2", "3"]  # the last good copy
        app.follower.apply(refresh.Update(app.program, "not-modified", datetime.now(UTC)))
        await pilot.pause()
        assert notes[-1] == ("Back online: the schedule is up to date.", "information")
        assert "offline" not in your_time(app)


@pilot_test
async def test_the_pane_of_a_cancelled_entry_closes(server):
    app, _notes = app_on(server.url)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.open_entry("3")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        server.body, server.etag = V2, '"v2"'
        app.follower.refresh()
        await settle(app, pilot)
        assert isinstance(app.screen, RoomsScreen)
        assert rooms(app) == {"Hall A": "Talk One", "Hall B": "free"}  # Talk Two moved there, at 13:00


@pilot_test
async def test_the_refresh_runs_in_a_thread_and_on_a_timer(server):
    app, _ = app_on(server.url, every=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        server.delay = 0.5
        hits = server.hits
        started = time.perf_counter()
        app.follower.refresh()
        assert time.perf_counter() - started < 0.1  # handed to a worker thread
        await pilot.pause()
        assert app.screen.query_one(ClockFace).text  # the app keeps drawing meanwhile
        await pilot.pause(1.5)
        await settle(app, pilot)
        assert server.hits >= hits + 2  # the timer asked again


@pilot_test
async def test_a_refresh_that_fails_says_why_and_keeps_the_program(server):
    app, notes = app_on(server.url)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.follower.source = refresh.Source(server.url, room="no such room")
        app.follower.refresh()
        await settle(app, pilot)
        assert notes[-1][1] == "warning" and "no room 'no such room'" in notes[-1][0]
        assert [i.id for i in app.program.items] == ["1", "2", "3"]


def test_the_command_line_follows_only_a_url():
    from c4ml_tui.cli import build_parser

    parse = build_parser().parse_args
    assert source_of(parse(["--program", "program.yaml"])) is None
    assert source_of(parse([])) is None
    got = source_of(parse(["--program", "https://example.org/s.xml", "--room", "Saal 1",
                                  "--timezone", "Europe/Berlin"]))
    assert got == refresh.Source("https://example.org/s.xml", "Europe/Berlin", "Saal 1")
