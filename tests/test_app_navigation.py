"""Moving around: the agenda, a detail pane, a speaker, back, now, help, quit, mouse, palette."""

from __future__ import annotations

from apptools import app_at, load_data, palette_choose, pilot_test, screen_text

from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.help import HelpScreen
from c4ml_tui.tui.screens.now import NowScreen
from c4ml_tui.tui.screens.speaker import SpeakerScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable

SIZE = (80, 24)


def cursor_key(app) -> str | None:
    return app.screen.query_one(AgendaTable).cursor_key()


@pilot_test
async def test_the_agenda_opens_on_what_runs_now(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert cursor_key(app) == "session-1"
        rows = {r.key: r.state for r in app.screen.query_one(AgendaTable).rows_shown}
        assert rows["opening"] == "past" and rows["session-1"] == "now" and rows["lunch"] == "later"
        assert "▶ | 08:40-10:00 | Session 1 | session | Willow" in screen_text(app)


@pilot_test
async def test_the_agenda_shows_the_gap_and_lands_on_it(c4ml):
    app, _ = app_at(c4ml, 11, 55)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert cursor_key(app).startswith("gap:")
        assert "11:50-12:00 | nothing scheduled (10 min) | gap" in screen_text(app)


@pilot_test
async def test_enter_on_an_agenda_row_opens_its_detail_and_escape_returns(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "break-1"
        text = screen_text(app)
        assert "Break" in text
        assert "Sunday 2 March 2025 · 10:00-10:30 PST" in text
        assert "Room: Willow" in text
        assert "starts at 10:00 · in 45 min" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert cursor_key(app) == "break-1"  # where the user left it
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NowScreen)


@pilot_test
async def test_j_and_k_move_and_n_jumps_back_to_now(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "j", "j", "j", "k")
        await pilot.pause()
        assert cursor_key(app) == "session-2"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert cursor_key(app) == "session-1"


@pilot_test
async def test_n_goes_to_the_board_from_a_pane(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NowScreen) and len(app.screen_stack) == 1


@pilot_test
async def test_session_detail_says_talks_are_not_announced(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "session-1"
        text = screen_text(app)
        assert "on now · 45 min left" in text
        assert "Talks not announced yet." in text


@pilot_test
async def test_a_speaker_opens_from_a_talk_and_their_talks_open():
    program = load_data("fictional.yaml")
    app, _ = app_at(program, 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert cursor_key(app) == "t1"  # the running talk, inside its session
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "t1"
        text = screen_text(app)
        assert "Part of Session One (09:10-10:30)" in text
        assert "Speaker: Ada Example (Example University)" in text
        assert "We lower **dreams** to loops." in text  # the Markdown source is shown
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen) and app.screen.speaker_id == "ada"
        text = screen_text(app)
        for expected in ("Ada Example", "Example University", "https://example.org/ada",
                         "Tue 20 May 09:10-09:40  Lowering Dreams to Loops",
                         "Tue 20 May 09:45-10:30  Registers of the Mind",
                         "Wed 21 May 09:00-10:00  Day Two Keynote",
                         "Ada works on **imaginary** compilers"):
            assert expected in text
        await pilot.press("j", "j", "j", "enter")  # web page, two talks, then the keynote
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "day2"
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


@pilot_test
async def test_the_chair_of_a_session_opens():
    program = load_data("fictional.yaml")
    app, _ = app_at(program, 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the now card: Session One
        await pilot.pause()
        assert "Chair: Cy Placeholder" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen) and app.screen.speaker_id == "cy"
        assert "Session One (chair)" in screen_text(app)


@pilot_test
async def test_question_mark_shows_every_key(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for expected in ("Jump to now", "Open", "Back", "Help", "Quit", "j", "ctrl+p"):
            assert expected in text, expected
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


@pilot_test
async def test_q_quits(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "q")
        await pilot.pause()
    assert app.return_code == 0


@pilot_test
async def test_mouse_clicks_open_a_card_and_a_link():
    program = load_data("fictional.yaml")
    app, _ = app_at(program, 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#next-card")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "coffee"
        await pilot.press("escape")
        await pilot.click("#talk-card")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "t1"
        await pilot.click("#detail-links", offset=(4, 2))  # the second link: the speaker
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)


@pilot_test
async def test_the_palette_opens_an_item_by_name(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await palette_choose(pilot, "lunch", "Lunch")
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "lunch"


@pilot_test
async def test_the_palette_jumps_to_now_and_opens_the_agenda(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await palette_choose(pilot, "open agenda", "Open agenda")
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("j", "j", "j")
        assert cursor_key(app) != "session-1"
        await palette_choose(pilot, "jump to now", "Jump to now")
        assert cursor_key(app) == "session-1"
