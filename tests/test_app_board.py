"""The now board at the moments the issue names, and as time passes while the app runs."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from apptools import app_at, load_data, pilot_test, running_at

from c4ml_tui.tui import app as app_module
from c4ml_tui.tui.screens.now import NowScreen
from c4ml_tui.tui.widgets.card import Card
from c4ml_tui.tui.widgets.clock import ClockBar


async def board_text(program, hour, minute, **kw) -> str:
    async with running_at(program, hour, minute, **kw) as ui:
        assert isinstance(ui.screen, NowScreen)
        return ui.text


@pilot_test
async def test_before_the_day_starts_it_counts_down(c4ml):
    text = await board_text(c4ml, 8, 0)
    assert "Las Vegas 08:00:00 PST · your time 17:00 CET" in text
    assert "Sunday 2 March 2025 · not started yet · starts in 30 min" in text
    assert "Nothing yet: the program starts at 08:30." in text
    assert "Opening" in text and "at 08:30 · in 30 min" in text


@pilot_test
async def test_during_session_1(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        text = ui.text
        assert not ui.screen.query_one("#talk-card").display  # the C4ML sessions list no talks yet
    assert "Sunday 2 March 2025 · live" in text
    assert "Session 1" in text
    assert "08:40-10:00 · session · Willow" in text
    assert "45 min left" in text
    assert "Talks not announced yet." in text
    assert "Break" in text and "at 10:00 · in 45 min" in text


@pilot_test
async def test_in_the_gap_before_lunch(c4ml):
    text = await board_text(c4ml, 11, 55)
    assert "in a gap until 12:00" in text
    assert "Nothing on: free until 12:00." in text
    assert "Lunch" in text and "at 12:00 · in 5 min" in text


@pilot_test
async def test_during_the_last_session(c4ml):
    text = await board_text(c4ml, 15, 45)
    assert "Session 4 - Poster Lightning Talks" in text
    assert "35 min left" in text
    assert "Nothing more: this is the last item." in text


@pilot_test
async def test_after_the_day(c4ml):
    text = await board_text(c4ml, 17, 0)
    assert "Sunday 2 March 2025 · the program ended at 16:20" in text
    assert "Nothing on: the program ended at 16:20." in text


@pilot_test
async def test_your_time_is_left_out_when_it_is_the_same(c4ml):
    text = await board_text(c4ml, 9, 15, local=ZoneInfo("America/Los_Angeles"))
    assert "Las Vegas 09:15:00 PST" in text
    assert "your time" not in text


@pilot_test
async def test_crossing_ten_moves_to_the_break_without_a_key(c4ml, monkeypatch):
    """The app's own interval, not a direct call: the clock moves, the board follows. (The
    interval is made short so the test waits on the board, not on a real second.)"""
    monkeypatch.setattr(app_module, "TICK_SECONDS", 0.05)
    async with running_at(c4ml, 9, 59, 59) as ui:
        assert "Session 1" in ui.text
        ui.clock.advance(seconds=1)
        await ui.until(lambda: "Las Vegas 10:00" in ui.text, "the interval redrawing the board at 10:00")
        text = ui.text
        assert "Las Vegas 10:00" in text
        assert "Break\n10:00-10:30 · break · Willow" in text
        assert "30 min left" in text
        assert "Session 2" in text and "at 10:30 · in 30 min" in text


@pilot_test
async def test_countdowns_move_every_minute_and_the_answer_only_on_change(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        app, clock, screen = ui.app, ui.clock, ui.screen
        answers = []
        original = screen.show_answer
        screen.show_answer = lambda snap: (answers.append(snap.key()), original(snap))
        card = screen.query_one("#now-card", Card)
        before = card.view.fraction
        for _ in range(5):
            clock.advance(minutes=1)
            app.tick()
        await ui.pause()
        assert "40 min left" in ui.text
        assert card.view.fraction > before
        assert answers == []  # the same item runs: no structural redraw
        clock.advance(minutes=45)
        app.tick()
        await ui.pause()
        assert len(answers) == 1 and answers[0][1] == "break-1"


@pilot_test
async def test_a_tick_repaints_the_clock_bar_alone_and_only_when_it_changed(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        app, clock = ui.app, ui.clock
        bar = ui.screen.query_one(ClockBar)
        repaints = []
        original = bar._set_dirty  # what every repaint marks (``refresh``, or ``framed.repaint``)
        bar._set_dirty = lambda *regions: (repaints.append(regions), original(*regions))
        clock.advance(seconds=1)
        app.tick()
        app.tick()  # the same second again: nothing to redraw
        assert not bar._layout_required
        await ui.pause()
        assert bar.clock.startswith("Las Vegas 09:15:01")
        [(cells,)] = repaints  # one repaint, no layout: of the one cell that changed
        assert (cells.width, cells.height) == (1, 1)
        line = bar.render_line(0).text
        assert line[cells.x:].startswith("1 ") and line[:cells.x + 1].endswith("09:15:01")


@pilot_test
async def test_the_talk_on_stage_and_its_speakers():
    program = load_data("fictional.yaml")
    text = await board_text(program, 9, 20)
    assert "Lowering Dreams to Loops" in text
    assert "Ada Example (Example University)" in text
    assert "09:10-09:40 · 20 min left" in text
    assert "Then: Registers of the Mind, at 09:45 · in 25 min" in text
    assert "Session One" in text and "1 h 10 min left" in text


@pilot_test
async def test_between_two_talks_it_says_so():
    program = load_data("fictional.yaml")
    text = await board_text(program, 9, 42)
    assert "Between talks. Next: Registers of the Mind, at 09:45 · in 3 min." in text


@pilot_test
async def test_the_wide_board_shows_the_whole_day(c4ml):
    async with running_at(c4ml, 9, 15, size=(200, 60)) as ui:
        assert ui.screen.has_class("-wide")
        text = ui.text
        assert "Today" in text
        assert "08:30-08:40  Opening" in text  # past items stay listed (dimmed)
        assert "11:50-12:00  nothing scheduled (10 min)" in text


@pilot_test
async def test_an_idle_tick_moves_the_clock_and_asks_nothing_else(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        app, clock, screen = ui.app, ui.clock, ui.screen
        calls = []
        original = screen.show_time
        screen.show_time = lambda snap: (calls.append(snap.at), original(snap))
        for _ in range(30):
            clock.advance(seconds=1)
            app.tick()
        assert calls == []  # the same minute: only the clock moved
        assert screen.query_one(ClockBar).clock == "Las Vegas 09:15:30 PST"
        clock.advance(seconds=30)
        app.tick()
        assert len(calls) == 1  # 09:16: "44 min left"
        await ui.pause()
        assert "44 min left" in ui.text


@pilot_test
async def test_a_new_timeline_redraws_every_screen_at_once(c4ml):
    """What the chair's mark does: the app gets a new state, with expected times."""
    from datetime import timedelta

    async with running_at(c4ml, 9, 15) as ui:
        s1 = c4ml.by_id["session-1"]
        ui.app.state.log.mark_start("session-1", s1.start + timedelta(minutes=10))
        ui.app.state = ui.app.state.with_marks()
        await ui.pause()
        text = ui.text
        assert "08:50-10:10, scheduled 08:40 · session · Willow" in text and "55 min left" in text
        await ui.press("a")
        assert "08:50-10:10 | Session 1" in ui.text


def test_a_tick_as_the_app_shuts_down_is_harmless(c4ml):
    """Quitting must not crash: the one-second interval can still fire while Textual takes the
    screens down (seen under load as a StopIteration at the end of a test). After the run the
    stack is empty, the state that window leaves."""

    async def quit_app():
        async with running_at(c4ml, 9, 15) as ui:
            await ui.press("q")
        return ui.app

    app = asyncio.run(quit_app())
    assert app.screen_stack == [] and app.return_code == 0
    app.tick()


def test_no_color_is_respected(c4ml, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app, _ = app_at(c4ml, 9, 15)
    assert app.no_color
