"""Issue 13, item 6: the words for the day's states are right. The evening before, the chair
counts down to the first talk (not "Nothing more today"); after the event the board and the
chair say when the program ended, with the date; "program" (a US event), never "programme";
between talks the next talk is named; a UTC program's clock says UTC once."""

from __future__ import annotations

from datetime import date

import pytest
from apptools import app_at, load_data, pilot_test, running, running_at, screen_text
from conftest import SCHEDULES

from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.countdown import BigCountdown


def countdown(app) -> tuple[str, str]:
    big = app.screen.query_one(BigCountdown)
    return big.digits, big.word


@pilot_test
async def test_the_evening_before_the_chair_counts_down_to_the_first_talk(c4ml):
    app, _ = app_at(c4ml, 20, 0, day=date(2025, 3, 1))
    async with running(app) as ui:
        await ui.press("c")
        assert countdown(app) == ("12:30:00", "STARTS IN")
        text = ui.text
        assert "Sunday 2 March 2025 · opening · Willow\nOpening" in text
        assert "Next: Session 1, on Sunday 2 March 2025 at 08:40 · in 12 h 40 min" in text
        assert "Nothing more today" not in text and "DONE FOR TODAY" not in text


@pilot_test
async def test_days_ahead_the_chair_says_not_today(c4ml):
    app, _ = app_at(c4ml, 20, 0, day=date(2025, 2, 27))
    async with running(app) as ui:
        await ui.press("c")
        assert countdown(app) == ("--:--", "NOT TODAY")
        assert "08:30-08:40 · in 2 d 12 h" in ui.text


@pilot_test
async def test_between_two_days_the_chair_is_done_for_today_and_names_tomorrow():
    async with running_at(load_data("fictional.yaml"), 18, 0) as ui:
        await ui.press("c")
        assert countdown(ui.app) == ("--:--", "DONE FOR TODAY")
        assert "Next: Day Two Keynote, on Wednesday 21 May 2031 at 09:00 · in 15 h" in ui.text


@pilot_test
async def test_after_the_event_everything_says_when_it_ended(c4ml):
    app, _ = app_at(c4ml, 10, 0, day=date(2025, 3, 4))
    async with running(app) as ui:
        board = ui.text
        assert "Tuesday 4 March 2025 · the program ended on Sunday 2 March 2025 at 16:20" in board
        assert "Nothing on: the program ended on Sunday 2 March 2025 at 16:20." in board
        await ui.press("c")
        assert countdown(app) == ("--:--", "PROGRAM OVER")
        assert "The program ended on Sunday 2 March 2025 at 16:20." in ui.text
        for keys in ("escape", "a", "m", "slash"):
            await ui.press(*keys.split())
            assert "programme" not in screen_text(app).lower()


@pilot_test
async def test_between_talks_the_next_talk_is_named():
    async with running_at(load_data("fictional.yaml"), 9, 42) as ui:
        assert "Between talks. Next: Registers of the Mind, at 09:45 · in 3 min." in ui.text


@pytest.mark.skipif(not (SCHEDULES / "pretalx-democon.json").exists(), reason="the shared schedules are not here")
@pilot_test
async def test_a_utc_program_says_utc_once():
    from c4ml_tui.sources.loader import load

    program = load(SCHEDULES / "pretalx-democon.json")
    async with running_at(program, 10, 0, 6) as ui:
        assert ui.screen.query_one(ClockBar).clock == "UTC 10:00:06"
