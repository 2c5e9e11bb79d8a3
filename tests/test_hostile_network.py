"""Slow and hostile servers (issue 11, case 7 and the HTTP part of 6): one deadline for the whole
download, a size cap while streaming, reasons cleaned, ``now`` answers from the last good copy,
the app opens before the network, and a stalled refresh never blocks the next. Against the real
HTTP server of ``httpserver.py`` on 127.0.0.1; the schedules are fictional."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from apptools import pilot_test, running, screen_text
from httpserver import V2

from c4ml_tui.cli import main
from c4ml_tui.sources import fetch, refresh, remote
from c4ml_tui.tui.screens.rooms import RoomsScreen

UTC = timezone.utc


@pytest.fixture
def short_deadline(monkeypatch):
    """Downloads get one second in all (the default is ``remote.TIMEOUT``)."""
    monkeypatch.setattr(remote, "TIMEOUT", 1.0)
    return 1.0


def test_a_server_that_drips_a_byte_at_a_time_is_cut_off_at_the_deadline(server, short_deadline):
    server.drip = 0.05  # a byte every 50 ms: each read is quick, the whole answer takes minutes
    with pytest.raises(remote.Failure, match=r"no complete answer within 1 s"):
        remote.get(server.url, {})
    assert server.hits == 1


def test_a_server_that_drips_leaves_now_on_the_last_good_copy(server, short_deadline, capsys):
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    fetch.fetch(server.url, now=an_hour_ago)  # the last good copy, confirmed an hour ago
    server.drip = 0.05
    assert main(["--program", server.url, "--at", "2031-01-02 10:10", "now"]) == 0
    out, err = capsys.readouterr()
    assert "Talk One" in out  # the answer, from the copy
    assert "offline (no complete answer within 1 s): using the copy of" in err


def test_a_body_past_the_cap_is_refused_while_it_streams(server, monkeypatch):
    monkeypatch.setattr(remote, "MAX_BYTES", 1000)
    server.body = b'{"schedule": {"conference": {"days": []}}, "pad": "' + b"x" * 5000 + b'"}'
    with pytest.raises(remote.Failure, match="larger than"):
        remote.get(server.url, {})


def test_the_reason_of_an_error_reply_is_cleaned(server, capsys):
    server.error = (503, "Busy \x1b]0;owned\x07 \x9b31m red")
    with pytest.raises(remote.Failure) as failure:
        remote.get(server.url, {})
    assert str(failure.value) == "HTTP 503 Busy ]0;owned 31m red"
    assert main(["--program", server.url, "now"]) == 2
    err = capsys.readouterr().err
    assert "cannot download: HTTP 503 Busy ]0;owned 31m red" in err and "\x1b" not in err and "\x9b" not in err


@pilot_test
async def test_the_app_opens_on_the_last_good_copy_before_the_server_answers(server):
    from c4ml_tui.commands.app import before_the_network
    from c4ml_tui.tui.app import make_app

    fetch.fetch(server.url, now=datetime.now(UTC) - timedelta(hours=1))  # an hour-old copy: V1
    server.body, server.etag = V2, '"v2"'
    source = refresh.Source(server.url)
    with server.held():  # the server takes its time: the app must not wait for it
        program, clock = before_the_network(_args(server.url), source)
        assert "Talk Three" in [i.title for i in program.items]  # V1, from the copy
        app = make_app(program, clock, source=source)
        async with running(app, size=(100, 30)) as ui:
            assert "Talk Three" in screen_text(app)  # a first frame, with the server still silent
            assert server.answered == 1  # the download of an hour ago; the app's is held
            server._open.set()  # the server answers
            await ui.until(lambda: "Talk Four" in [i.title for i in app.program.items], "V2 swapped in")
            assert "Talk Three" not in [i.title for i in app.program.items]


@pilot_test
async def test_without_a_copy_the_app_opens_fetching_and_swaps_the_program_in(server):
    from c4ml_tui.commands.app import before_the_network
    from c4ml_tui.tui.app import make_app

    source = refresh.Source(server.url)
    with server.held():
        program, clock = before_the_network(_args(server.url), source)
        assert refresh.is_waiting(program) and program.items == ()
        app = make_app(program, clock, source=source)
        async with running(app, size=(100, 30)) as ui:
            assert f"Fetching {server.url}..." in screen_text(app)
            assert "Fetching the schedule..." in screen_text(app)
            assert server.answered == 0
            server._open.set()  # the server answers
            await ui.until(lambda: not refresh.is_waiting(app.program), "the program swapped in")
            assert app.program.event.title == "Fictional Remote Con"
            assert {i.title for i in app.program.items} == {"Talk One", "Talk Two", "Talk Three"}
            await ui.pause()
            assert isinstance(app.screen, RoomsScreen)  # two rooms: the rooms board, as on a start with it
            shown = screen_text(app)
            assert "Fictional Remote Con" in shown and "Hall A" in shown and "Fetching" not in shown
            assert app.clock.tz == app.program.tz


def test_a_stalled_refresh_never_blocks_the_next(monkeypatch):
    """The follower's first refresh hangs (a worker thread stuck past every deadline); a later
    one starts anyway, and its answer is the one applied."""
    from c4ml_tui.tui import follower as following

    monkeypatch.setattr(remote, "TIMEOUT", 0.0)
    monkeypatch.setattr(following, "STALLED_AFTER", 0.0)
    stuck, calls, applied = threading.Event(), [], []

    class Source:
        def load(self, fresh_for=0):
            calls.append(fresh_for)
            if len(calls) == 1:
                stuck.wait(10)  # the first never answers in time
            return refresh.Update(None, "failed", None, f"answer {len(calls)}")

    class App:
        def run_worker(self, work, **kw):
            threading.Thread(target=work, daemon=True).start()

        def call_from_thread(self, apply, update):
            applied.append(update.notice)

    f = following.Follower(App(), Source(), every=3600)
    f.refresh()
    _until(lambda: len(calls) == 1)
    f.refresh()  # the first is still stuck: this one starts all the same
    _until(lambda: applied == ["answer 2"])
    stuck.set()  # the stalled one comes back late: ignored
    _until(lambda: not any(t.is_alive() for t in threading.enumerate() if t.daemon and t.name.startswith("Thread")))
    assert applied == ["answer 2"] and len(calls) == 2


def _until(condition, seconds: float = 10.0) -> None:
    import time

    ends = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < ends, "gave up waiting"
        time.sleep(0.01)


def _args(url: str):
    import argparse

    return argparse.Namespace(program=url, timezone=None, room=None, at=None, speed=None)


@pilot_test
async def test_a_failed_first_download_is_tried_again_soon(server, monkeypatch):
    from c4ml_tui.commands.app import before_the_network
    from c4ml_tui.tui import follower as following
    from c4ml_tui.tui.app import make_app

    monkeypatch.setattr(following, "RETRY_WAITING", 0.2)
    server.error = (503, "Service Unavailable")
    source = refresh.Source(server.url)
    program, clock = before_the_network(_args(server.url), source)
    app = make_app(program, clock, source=source)
    async with running(app, size=(100, 30)) as ui:
        await ui.until(lambda: app.follower.last is not None and app.follower.last.status == "failed", "a failure")
        assert refresh.is_waiting(app.program)
        await ui.until(lambda: "not downloaded yet · trying again every 0 s" in screen_text(app),
                       "the bar says the download failed (the toast goes, the bar stays)")
        server.error = None  # the server is back: the app does not wait five minutes to ask again
        await ui.until(lambda: not refresh.is_waiting(app.program), "the program swapped in")
        assert server.hits >= 2
