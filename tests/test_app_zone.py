"""Issue 12 in the app: ``z`` shows every time in the viewer's zone (labelled, the venue's clock
kept), ``--clock 12`` reaches the board, the agenda and the detail pane, and a DST night's
repeated hour carries its abbreviation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from apptools import PARIS, pilot_test, running

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.sources.loader import load
from c4ml_tui.tui.app import make_app

NY_FALL = Path(__file__).parent / "fixtures" / "dst" / "ny_fall.yaml"


def app_on(program, instant: datetime, **kw):
    return make_app(program, ManualClock(program.tz, instant), **kw)


@pilot_test
async def test_z_shows_times_in_your_zone_and_back(c4ml):
    app = app_on(c4ml, datetime(2025, 3, 2, 9, 20, tzinfo=c4ml.tz), local_zone=PARIS)
    async with running(app) as ui:
        assert "Las Vegas 09:20:00 PST · your time 18:20 CET" in ui.text
        assert "08:40-10:00 · session · Willow" in ui.text
        await ui.press("z")
        text = ui.text
        assert "Las Vegas 09:20:00 PST · times in your zone: 18:20 CET" in text  # the venue clock stays
        assert "17:40-19:00 CET · session · Willow" in text and "08:40-10:00" not in text
        assert "at 19:00 CET · in 40 min" in text
        await ui.press("a")
        agenda = ui.text
        assert "17:40-19:00 CET" in agenda and "Mon 00:30-01:20 CET" in agenda  # the next day there
        await ui.press("z")  # back to the event's zone
        assert "08:40-10:00" in ui.text and "CET" not in ui.text.split("\n", 1)[1]


@pilot_test
async def test_twelve_hour_clock_in_the_app(c4ml):
    app = app_on(c4ml, datetime(2025, 3, 2, 13, 5, tzinfo=c4ml.tz), local_zone=c4ml.tz, clock_hours=12)
    async with running(app) as ui:
        text = ui.text
        assert "Las Vegas 1:05:00 PM PST" in text
        assert "1:00-3:00 PM · session · Willow" in text
        await ui.press("a")
        assert "11:50 AM-12:00 PM" in ui.text and "12:00-1:00 PM" in ui.text  # not cut in the table
        await ui.press("enter")
        assert "Sunday 2 March 2025 · 1:00-3:00 PM PST" in ui.text


@pilot_test
async def test_the_later_list_keeps_its_titles_in_one_column_on_a_12_hour_clock(c4ml):
    app = app_on(c4ml, datetime(2025, 3, 2, 9, 15, tzinfo=c4ml.tz), local_zone=c4ml.tz, clock_hours=12)
    async with running(app) as ui:
        later = ui.text.split("Later", 1)[1].splitlines()
        rows = {title: next(line for line in later if title in line)
                for title in ("Session 2", "nothing scheduled", "Lunch", "Session 3")}
        assert rows["nothing scheduled"].strip().startswith("11:50 AM-12:00 PM")
        assert len({line.index(title) for title, line in rows.items()}) == 1, rows


@pilot_test
async def test_the_repeated_hour_is_labelled_on_the_board():
    program = load(NY_FALL, use_cache=False)
    at = datetime.fromisoformat("2025-11-02T01:20:00-05:00").astimezone(program.tz)
    app = app_on(program, at, local_zone=ZoneInfo("America/New_York"))
    async with running(app, size=(100, 30)) as ui:
        text = ui.text
        assert "The Hour That Came Back" in text and "01:10-01:50 EST" in text and "30 min left" in text
        await ui.press("a")
        assert "01:10-01:50 EDT" in ui.text and "01:10-01:50 EST" in ui.text
