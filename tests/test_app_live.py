"""Live updates in the app against a real HTTP server on 127.0.0.1 started by the test (the
``server`` fixture, ``httpserver.py``): a new version swaps in and says what changed, offline
shows how old the copy is, a pane of a cancelled entry closes, and the refresh never blocks the
app. Fixtures are fictional."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from apptools import pilot_test, running
from httpserver import V2

from c4ml_tui.commands.app import source_of
from c4ml_tui.core.clock import ManualClock
from c4ml_tui.sources import refresh
from c4ml_tui.sources.loader import load as load_source
from c4ml_tui.tui.app import make_app
from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.rooms import RoomsScreen
from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.room_table import RoomTable
from c4ml_tui.words import live

UTC = timezone.utc
AT = datetime(2031, 1, 2, 10, 10, tzinfo=UTC)  # Talk One runs in Hall A


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


async def settle(ui) -> None:
    """Wait for the refresh worker and for what it hands back to the app (the worker waits for
    ``Follower.apply`` to run on the app's thread before it completes)."""
    await ui.app.workers.wait_for_complete()
    await ui.pause()


def rooms(app) -> dict[str, str]:
    return {row.key: row.now for row in app.screen.query_one(RoomTable).rows_shown}


@pilot_test
async def test_a_new_version_swaps_in_and_says_what_changed(server):
    app, notes = app_on(server.url)
    async with running(app, size=(100, 30)) as ui:
        await settle(ui)  # the refresh on start: just confirmed, nothing to say
        assert isinstance(app.screen, RoomsScreen) and notes == []
        before = app.timeline
        server.body, server.etag = V2, '"v2"'
        app.follower.refresh()
        await settle(ui)
        assert app.timeline is not before
        assert [i.id for i in app.program.items] == ["1", "2", "4"]
        assert notes == [("Schedule updated: 1 moved, 1 new, 1 cancelled", "information")]
        app.follower.refresh()  # the same version again (304): nothing swaps, nothing said
        await settle(ui)
        assert len(notes) == 1 and [i.id for i in app.program.items] == ["1", "2", "4"]


def your_time(app) -> str:
    """The right-hand part of the clock bar: the offline note, then the user's own time."""
    return app.screen.query_one(ClockBar).notes


@pilot_test
async def test_offline_shows_how_old_the_copy_is_and_back_online_says_so(server):
    app, notes = app_on(server.url)
    async with running(app, size=(100, 30)) as ui:
        await settle(ui)
        meta = refresh.Update(app.program, "offline", datetime.now(UTC) - timedelta(hours=2, minutes=5))
        assert live.note(meta, datetime.now(UTC)) == "offline · copy 2 h 5 min old"
        server.stop()
        app.follower.refresh()
        await settle(ui)
        assert "offline · copy less than a minute old" in your_time(app)
        assert len(notes) == 1 and notes[0][1] == "warning" and notes[0][0].startswith("offline (")
        app.follower.refresh()  # still offline: the note stays, no second toast
        await settle(ui)
        assert len(notes) == 1
        assert [i.id for i in app.program.items] == ["1", "2", "3"]  # the last good copy
        app.follower.apply(refresh.Update(app.program, "not-modified", datetime.now(UTC)))
        await ui.pause()
        assert notes[-1] == ("Back online: the schedule is up to date.", "information")
        assert "offline" not in your_time(app)


@pilot_test
async def test_the_pane_of_a_cancelled_entry_closes(server):
    app, _notes = app_on(server.url)
    async with running(app, size=(100, 30)) as ui:
        await settle(ui)
        app.open_entry("3")
        await ui.pause()
        assert isinstance(app.screen, DetailScreen)
        server.body, server.etag = V2, '"v2"'
        app.follower.refresh()
        await settle(ui)
        assert isinstance(app.screen, RoomsScreen)
        assert rooms(app) == {"Hall A": "Talk One", "Hall B": "free"}  # Talk Two moved there, at 13:00


@pilot_test
async def test_the_refresh_runs_in_a_thread_and_on_a_timer(server):
    app, _ = app_on(server.url, every=0.2)
    async with running(app, size=(100, 30)) as ui:
        await settle(ui)  # the refresh on start
        with server.held():  # a slow server: no answer until the block ends
            asked = server.hits
            app.follower.refresh()  # returns at once: the download waits in a worker thread
            await ui.until(lambda: server.hits > asked, "the refresh reaching the server")
            assert server.answered < server.hits  # still downloading...
            await ui.press("a")  # ...and the app takes keys and draws meanwhile
            assert isinstance(app.screen, AgendaScreen) and "Talk One" in ui.text
        await settle(ui)
        assert server.answered == server.hits
        asked = server.hits
        await ui.until(lambda: server.hits >= asked + 2, "the timer asking again, twice")
        await settle(ui)


@pilot_test
async def test_a_refresh_that_fails_says_why_and_keeps_the_program(server):
    app, notes = app_on(server.url)
    async with running(app, size=(100, 30)) as ui:
        await settle(ui)
        app.follower.source = refresh.Source(server.url, room="no such room")
        app.follower.refresh()
        await settle(ui)
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
