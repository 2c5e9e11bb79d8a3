"""A room run end to end, in separate processes, as on the day: the chair's app in a terminal
publishing its marks to a folder that ``python -m http.server`` serves on 127.0.0.1; an
attendee's ``now``, app and ``watch`` following the feed by URL; ``say`` and the stage view.

The chair marks Session 1 of the bundled C4ML 2025 program started at 08:47, 7 minutes late
(its clock all but stands still: ``--speed 0.001``). The attendee has their own data folder, so
the delay they see can only have come through the feed. Skipped where tmux is missing."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime

import pytest
from roomtools import EXE, TMUX, Tmux, env_for, shows_blocks

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")

STILL = ["--speed", "0.001"]
"""A clock that barely moves: the chair's mark falls on 08:47:00 exactly."""


@pytest.fixture
def tmux():
    server = Tmux()
    yield server
    server.kill()


@pytest.fixture
def web(tmp_path):
    """``python -m http.server`` on 127.0.0.1 serving the chair's publish folder."""
    folder = tmp_path / "pub"
    folder.mkdir()
    server = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True)
    assert server.stdout is not None
    line = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
    port = int(line.split(" port ")[1].split()[0])
    yield folder, f"http://127.0.0.1:{port}", server
    server.terminate()
    server.wait(timeout=10)


def c4ml(env, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([str(EXE), *args], env=env, capture_output=True, text=True, timeout=60)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_a_room_runs_on_the_chairs_clock(tmux, web, tmp_path, monkeypatch):
    folder, site, server = web
    url = f"{site}/willow.json"
    chair, attendee = env_for(tmp_path / "chair"), env_for(tmp_path / "attendee")

    # The chair: the chair screen, publishing to the served folder.
    tmux.start("chair", [str(EXE), "chair", "--publish", str(folder), "--at", "2025-03-02T08:47", *STILL], chair)
    tmux.wait_for("chair", "Session 1", "the chair screen")
    assert (folder / "willow.json").exists()  # published at once, before any mark
    tmux("send-keys", "-t", "chair", "s")
    tmux.wait_for("chair", "running 7 min late", "the chair's own bar saying the delay")
    deadline = time.monotonic() + 10
    while json.loads((folder / "willow.json").read_text())["delay_seconds"] != 420:
        assert time.monotonic() < deadline, (folder / "willow.json").read_text()
        time.sleep(0.1)

    # The attendee's status bar: within one poll, the delay and the expected times.
    done = c4ml(attendee, "now", "--delays", url, "--json", "--at", "2025-03-02T08:48")
    answer = json.loads(done.stdout)
    assert answer["delay_seconds"] == 420
    assert answer["current"]["id"] == "session-1"
    assert answer["current"]["start"] == "2025-03-02T08:47:00-08:00"
    assert answer["current"]["end"] == "2025-03-02T10:07:00-08:00"
    assert answer["current"]["scheduled_start"] == "2025-03-02T08:40:00-08:00"
    assert answer["next"]["id"] == "break-1" and answer["next"]["start"] == "2025-03-02T10:07:00-08:00"
    assert answer["delay_feed"]["status"] == "ok" and answer["delay_feed"]["source"] == url
    assert not (tmp_path / "attendee" / "data" / "programs" / "compilers-for-machine-learning-2025-03-02"
                / "chair.json").exists()  # the delay came through the feed, not from marks of their own

    # The attendee's app says it on every screen's bar, with the feed's age.
    tmux.start("app", [str(EXE), "--delays", url, "--delays-every", "1", "--at", "2025-03-02T08:48", *STILL],
               attendee)
    tmux.wait_for("app", "running 7 min late · chair, 1 min ago", "the attendee's app saying the delay")

    # watch: the delay first, then the reminder of the starred Break at its *expected* start.
    from c4ml_tui.sources.loader import bundled_file, load
    from c4ml_tui.store.favourites import Favourites

    monkeypatch.setenv("C4ML_TUI_DATA_DIR", attendee["C4ML_TUI_DATA_DIR"])  # the attendee stars the Break
    Favourites.load(load(bundled_file())).star("break-1")
    watch = subprocess.Popen([str(EXE), "watch", "--delays", url, "--delays-every", "1",
                              "--at", "2025-03-02T09:54", "--speed", "60"], env=attendee,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        events = read_until(watch, lambda e: e["event"] == "reminder")
    finally:
        watch.terminate()
        watch.wait(timeout=10)
    kinds = [e["event"] for e in events]
    assert kinds.index("delay") < kinds.index("reminder")
    delay = events[kinds.index("delay")]
    assert delay["delay_seconds"] == 420 and delay["text"] == "running 7 min late"
    reminder = events[-1]
    assert reminder["id"] == "break-1" and reminder["title"] == "Break"
    assert reminder["start"] == "2025-03-02T10:07:00-08:00"  # expected, not the printed 10:00
    assert reminder["scheduled_start"] == "2025-03-02T10:00:00-08:00"
    assert datetime.fromisoformat(reminder["at"]) >= datetime.fromisoformat("2025-03-02T10:02:00-08:00")
    assert reminder["text"].startswith("Break starts in 5 min (10:07, Willow)")

    # say, from a shell that can write the feed: the stage view shows it in large letters.
    tmux.start("stage", [str(EXE), "stage", "--delays", url, "--delays-every", "1",
                         "--at", "2025-03-02T08:50", *STILL], attendee, size=(100, 30))
    tmux.wait_for("stage", "TIME LEFT", "the stage view")
    c4ml(chair, "say", "--publish", str(folder), "--at", "2025-03-02T08:50", "2 min")
    tmux.wait_for("stage", lambda s: shows_blocks(s, "2 min"), "the message on the stage view")

    # The server stops: the attendee keeps the last delay and says how old it is.
    server.terminate()
    server.wait(timeout=10)
    # (how old: "1 min ago" from the chair's write at 08:47, "just now" once the app read the one
    # ``say`` wrote on a clock at 08:50, ahead of the attendee's)
    tmux.wait_for("app", "running 7 min late · last known: chair, ", "the last known delay")
    time.sleep(1.1)  # past --delays-every: this look asks the server (a fresher copy is used as it is)
    done = c4ml(attendee, "now", "--delays", url, "--delays-every", "1", "--json", "--at", "2025-03-02T08:48")
    assert json.loads(done.stdout)["delay_seconds"] == 420
    assert json.loads(done.stdout)["delay_feed"]["status"] == "offline"
    assert "cannot be read" in done.stderr and "using the last good one" in done.stderr


def test_a_feed_for_another_program_is_refused_in_one_line(web, tmp_path):
    folder, site, _ = web
    from conftest import ROOT

    from c4ml_tui.sources.loader import load
    from c4ml_tui.words.feed import build

    other = load(ROOT / "tests" / "fixtures" / "fictional.yaml", use_cache=False)
    now = datetime(2031, 5, 14, 9, 30, tzinfo=other.tz)
    (folder / "other.json").write_text(json.dumps(build(other, [], now)))
    done = c4ml(env_for(tmp_path / "attendee"), "now", "--delays", f"{site}/other.json", "--at", "2025-03-02T08:48",
                check=False)
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line == (f"c4ml-tui: {site}/other.json: is the delay feed of {other.event.title} "
                    f"({other.event.date.isoformat()}), not of Compilers for Machine Learning (2025-03-02): ignored")


def read_until(process: subprocess.Popen, done, timeout: float = 60.0) -> list[dict]:
    """JSON lines from ``process`` until one satisfies ``done`` (all of them, in order)."""
    import selectors

    assert process.stdout is not None
    events: list[dict] = []
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not selector.select(timeout=0.5):
            if process.poll() is not None:
                break
            continue
        line = process.stdout.readline()
        if not line:
            break
        events.append(json.loads(line))
        if done(events[-1]):
            return events
    stderr = process.stderr.read() if process.poll() is not None and process.stderr else ""
    raise AssertionError(f"never came; the events were {events}; stderr: {stderr}")
