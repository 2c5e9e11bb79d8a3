"""The app and a chair's delay feed: following one (``--delays``) moves every view, My day and
the reminders to the chair's expected times and says how old the feed is; the chair's app
publishes one (``chair --publish``), sends the speaker messages (``t``) and opens the stage view
(``v``); reminders that fired are not repeated after a restart. On the bundled C4ML 2025 program
(Session 1 marked started at 08:47, 7 minutes late) with a manual clock."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from apptools import pilot_test, running, screen_text
from conftest import BUNDLED

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.marks import Mark
from c4ml_tui.core.stages import ChairOptions
from c4ml_tui.sources.delayfeed import FeedSource
from c4ml_tui.sources.loader import load
from c4ml_tui.store.chairlog import ChairLog
from c4ml_tui.store.favourites import Favourites
from c4ml_tui.store.publish import Publisher
from c4ml_tui.tui.app import C4mlApp
from c4ml_tui.tui.screens.chair import ChairScreen
from c4ml_tui.tui.screens.my_day import MyDayScreen
from c4ml_tui.tui.screens.stage import StageScreen
from c4ml_tui.tui.screens.tell import TellScreen
from c4ml_tui.tui.widgets.bigtext import BigText
from c4ml_tui.words.feed import build

PROGRAM = load(BUNDLED, use_cache=False)


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-03-02T{hhmm}").replace(tzinfo=PROGRAM.tz)


LATE_START = (Mark("start", "session-1", at("08:47")),)
"""Session 1 started at 08:47, 7 minutes late."""


def publish(path: Path, marks=LATE_START, when: str = "08:47", program=PROGRAM, **kw) -> None:
    path.write_text(json.dumps(build(program, list(marks), at(when) if program is PROGRAM else when, **kw)))


class Noted(C4mlApp):
    """The app, keeping what it notified as ``(title, message, severity)``."""

    CSS_PATH = str(Path(__file__).parents[1] / "src" / "c4ml_tui" / "tui" / "app.tcss")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.said: list[tuple[str, str, str]] = []

    def notify(self, message, **kwargs):
        self.said.append((kwargs.get("title", ""), message, kwargs.get("severity", "information")))
        super().notify(message, **kwargs)


def follower(feed: Path, when: str, **kw) -> Noted:
    return Noted(PROGRAM, ManualClock(PROGRAM.tz, at(when)), delays=FeedSource(str(feed), every=3600), **kw)


async def look(ui) -> None:
    """One look at the feed (as the interval does), and what it brings drawn."""
    ui.app.feed_follower.poll()
    await ui.app.workers.wait_for_complete()
    await ui.pause()


def bar(app) -> str:
    return screen_text(app).splitlines()[0]


@pilot_test
async def test_following_a_feed_moves_every_view_to_the_chairs_times(tmp_path):
    feed = tmp_path / "willow.json"
    publish(feed)
    app = follower(feed, "08:48")
    async with running(app) as ui:
        await ui.until(lambda: app.state.following and app.state.feed.feed is not None, "the first look")
        assert "running 7 min late · chair, 1 min ago" in bar(app)
        board = screen_text(app)
        assert "08:47-10:07, scheduled 08:40 · session · Willow" in board
        assert "10:07-10:30" not in board and "10:07-10:37, scheduled 10:00 · break · Willow" in board
        Favourites.load(PROGRAM).star("break-1")
        app.state.user._favourites = None  # read the star written above
        await ui.press("m")
        assert isinstance(app.screen, MyDayScreen)
        assert "10:07-10:37  ★ Break" in screen_text(app)
        await ui.press("c", "s")  # a follower makes no marks: the chair does
        assert app.said[-1][1].startswith("This app follows the chair's delay feed")
        assert not ChairLog.load(PROGRAM).marks
        publish(feed, [Mark("start", "session-1", at("08:50"))], "08:48")  # the chair set it right
        await look(ui)
        assert app.said[-1] == ("Delays", "Chair: running 10 min late.", "information")
        assert "running 10 min late" in bar(app)


@pilot_test
async def test_a_feed_that_cannot_be_read_keeps_the_last_one_and_says_so_once(tmp_path):
    feed = tmp_path / "willow.json"
    publish(feed)
    app = follower(feed, "08:52")
    async with running(app) as ui:
        await ui.until(lambda: app.state.feed is not None, "the first look")
        feed.unlink()
        await look(ui)
        await look(ui)
        warnings = [m for _, m, severity in app.said if severity == "warning"]
        assert warnings == [f"Delay feed: {feed}: cannot be read (no such file). Keeping the last good one."]
        assert "running 7 min late · last known: chair, 5 min ago" in bar(app)
        publish(feed, when="08:52")
        await look(ui)
        assert app.said[-1] == ("Delays", "The delay feed is back.", "information")
        assert "running 7 min late · chair, just now" in bar(app)


@pilot_test
async def test_a_feed_for_another_program_is_refused(tmp_path):
    other = load(Path(__file__).parent / "fixtures" / "fictional.yaml", use_cache=False)
    feed = tmp_path / "other.json"
    publish(feed, [], datetime(2031, 6, 10, 9, 0, tzinfo=other.tz), program=other)
    app = follower(feed, "08:52")
    async with running(app) as ui:
        await ui.until(lambda: app.said, "a word about the feed")
        assert app.said[0][1] == (f"Delay feed: {feed}: is the delay feed of Fictional Workshop on Imaginary "
                                  "Compilers (2031-06-10), not of Compilers for Machine Learning (2025-03-02): "
                                  "ignored.")
        assert "delay feed refused" in bar(app) and "late" not in bar(app)
        assert "08:40-10:00" in screen_text(app)  # the printed times


@pilot_test
async def test_another_version_of_the_program_is_applied_by_id_with_a_note(tmp_path):
    feed = tmp_path / "willow.json"
    publish(feed)
    data = json.loads(feed.read_text())
    data["program"]["version"] = "an-organisers-typo-fix"
    feed.write_text(json.dumps(data))
    app = follower(feed, "08:48")
    async with running(app) as ui:
        await ui.until(lambda: app.said, "the note")
        assert app.said[0][1] == ("The delay feed was written from another version of this program; "
                                  "its marks apply by id.")
        assert "running 7 min late" in bar(app)


@pilot_test
async def test_reminders_come_at_the_expected_start_and_never_twice(tmp_path):
    feed = tmp_path / "willow.json"
    publish(feed)
    Favourites.load(PROGRAM).star("break-1")
    app = follower(feed, "09:54")
    async with running(app) as ui:
        await ui.until(lambda: app.state.feed is not None and app._stars_read, "the feed and the stars")
        await ui.tick(minutes=2)  # 09:56: the printed 10:00 would have reminded at 09:55
        assert [m for t, m, _ in app.said if t == "Reminder"] == []
        await ui.tick(minutes=6, seconds=30)  # 10:02:30
        assert [m for t, m, _ in app.said if t == "Reminder"] == ["Break starts in 5 min (10:07, Willow)"]
    again = follower(feed, "10:03")
    async with running(again) as ui:
        await ui.until(lambda: again.state.feed is not None and again._stars_read, "the feed and the stars")
        await ui.tick(seconds=30)
        assert [m for t, m, _ in again.said if t == "Reminder"] == []  # it fired before the restart


@pilot_test
async def test_the_chair_publishes_each_mark_and_message(tmp_path):
    path = tmp_path / "pub" / "willow.json"
    app = Noted(PROGRAM, ManualClock(PROGRAM.tz, at("08:47")), start_screen="chair",
                chair=ChairOptions(PROGRAM.chair), publisher=Publisher(path))
    async with running(app) as ui:
        assert json.loads(path.read_text())["marks"] == []  # published at once
        app.publishing._written = -10.0  # the test's clock does not wait a real second between writes
        await ui.press("s")
        written = json.loads(path.read_text())
        assert written["delay_seconds"] == 420 and written["marks"][0]["id"] == "session-1"
        assert written["expected"]["break-1"] == {"start": "2025-03-02T10:07:00-08:00",
                                                  "end": "2025-03-02T10:37:00-08:00"}
        assert "feed willow.json written" in screen_text(app)
        app.publishing._written = -10.0
        await ui.press("t")
        assert isinstance(app.screen, TellScreen)
        await ui.press(*"2 min", "enter")
        assert isinstance(app.screen, ChairScreen)
        assert json.loads(path.read_text())["message"] == {"text": "2 min", "at": "2025-03-02T08:47:00-08:00",
                                                           "entry": "session-1"}
        assert "message: 2 min" in screen_text(app)
        await ui.press("v")
        assert isinstance(app.screen, StageScreen)
        assert app.screen.query_one("#stage-message", BigText).text == "2 min"
        assert app.screen.query_one("#stage-digits", BigText).text == "1:20:00"
        app.publishing._written = -10.0  # (a fast app writes again within the real second it waits)
        await ui.press("escape", "t", "down", "enter")  # the first usual message replaces it
        assert json.loads(path.read_text())["message"]["text"] == "5 minutes"


@pilot_test
async def test_marks_made_by_another_process_reach_the_app():
    app = Noted(PROGRAM, ManualClock(PROGRAM.tz, at("08:48")))
    async with running(app) as ui:
        assert "late" not in bar(app)
        other = ChairLog.load(PROGRAM)  # c4ml-tui chair in another terminal
        other.mark_start("session-1", at("08:47"))
        app.local_watch.check()
        await ui.pause()
        assert "running 7 min late" in bar(app)
