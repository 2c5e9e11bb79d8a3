"""Moving around: the agenda, a detail pane, a speaker, back, now, help, quit, mouse, palette."""

from __future__ import annotations

from apptools import load_data, palette_choose, pilot_test, running_at

from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.help import HelpScreen
from c4ml_tui.tui.screens.now import NowScreen
from c4ml_tui.tui.screens.speaker import SpeakerScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable

FICTIONAL = load_data("fictional.yaml")


def cursor_key(ui) -> str | None:
    return ui.screen.query_one(AgendaTable).cursor_key()


@pilot_test
async def test_the_agenda_opens_on_what_runs_now(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a")
        assert isinstance(ui.screen, AgendaScreen)
        assert cursor_key(ui) == "session-1"
        rows = {r.key: r.state for r in ui.screen.query_one(AgendaTable).rows_shown}
        assert rows["opening"] == "past" and rows["session-1"] == "now" and rows["lunch"] == "later"
        assert "▶ | 08:40-10:00 | Session 1 | session | Willow" in ui.text


@pilot_test
async def test_the_agenda_shows_the_gap_and_lands_on_it(c4ml):
    async with running_at(c4ml, 11, 55) as ui:
        await ui.press("a")
        assert cursor_key(ui).startswith("gap:")
        assert "11:50-12:00 | nothing scheduled (10 min) | gap" in ui.text


@pilot_test
async def test_enter_on_an_agenda_row_opens_its_detail_and_escape_returns(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a", "down", "enter")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "break-1"
        text = ui.text
        assert "Break" in text
        assert "Sunday 2 March 2025 · 10:00-10:30 PST" in text
        assert "Room: Willow" in text
        assert "starts at 10:00 · in 45 min" in text
        await ui.press("escape")
        assert isinstance(ui.screen, AgendaScreen)
        assert cursor_key(ui) == "break-1"  # where the user left it
        await ui.press("escape")
        assert isinstance(ui.screen, NowScreen)


@pilot_test
async def test_j_and_k_move_and_n_jumps_back_to_now(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a", "j", "j", "j", "k")
        assert cursor_key(ui) == "session-2"
        await ui.press("n")
        assert isinstance(ui.screen, AgendaScreen)
        assert cursor_key(ui) == "session-1"


@pilot_test
async def test_n_goes_to_the_board_from_a_pane(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a", "enter")
        assert isinstance(ui.screen, DetailScreen)
        await ui.press("n")
        assert isinstance(ui.screen, NowScreen) and len(ui.app.screen_stack) == 1


@pilot_test
async def test_session_detail_says_talks_are_not_announced(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("enter")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "session-1"
        text = ui.text
        assert "on now · 45 min left" in text
        assert "Talks not announced yet." in text


@pilot_test
async def test_a_speaker_opens_from_a_talk_and_their_talks_open():
    async with running_at(FICTIONAL, 9, 20) as ui:
        await ui.press("a")
        assert cursor_key(ui) == "t1"  # the running talk, inside its session
        await ui.press("enter")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "t1"
        text = ui.text
        assert "Part of Session One (09:10-10:30)" in text
        assert "Speaker: Ada Example (Example University)" in text
        assert "We lower **dreams** to loops." in text  # the Markdown source is shown
        await ui.press("down", "enter")
        assert isinstance(ui.screen, SpeakerScreen) and ui.screen.speaker_id == "ada"
        text = ui.text
        for expected in ("Ada Example", "Example University", "https://example.org/ada",
                         "Tue 20 May 09:10-09:40  Lowering Dreams to Loops",
                         "Tue 20 May 09:45-10:30  Registers of the Mind",
                         "Wed 21 May 09:00-10:00  Day Two Keynote",
                         "Ada works on **imaginary** compilers"):
            assert expected in text
        await ui.press("j", "j", "j", "enter")  # web page, two talks, then the keynote
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "day2"
        await ui.press("escape", "escape", "escape")
        assert isinstance(ui.screen, AgendaScreen)


@pilot_test
async def test_the_chair_of_a_session_opens():
    async with running_at(FICTIONAL, 9, 20) as ui:
        await ui.press("enter")  # the now card: Session One
        assert "Chair: Cy Placeholder" in ui.text
        await ui.press("enter")
        assert isinstance(ui.screen, SpeakerScreen) and ui.screen.speaker_id == "cy"
        assert "Session One (chair)" in ui.text


@pilot_test
async def test_question_mark_shows_every_key(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a", "question_mark")
        assert isinstance(ui.screen, HelpScreen)
        text = ui.text
        for expected in ("Jump to now", "Open", "Back", "Help", "Quit", "j", "ctrl+p"):
            assert expected in text, expected
        await ui.press("escape")
        assert isinstance(ui.screen, AgendaScreen)


@pilot_test
async def test_q_quits(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a", "q")
    assert ui.app.return_code == 0


@pilot_test
async def test_mouse_clicks_open_a_card_and_a_link():
    async with running_at(FICTIONAL, 9, 20) as ui:
        await ui.click("#next-card")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "coffee"
        await ui.pilot.press("escape")
        await ui.click("#talk-card")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "t1"
        await ui.click("#detail-links", offset=(4, 2))  # the second link: the speaker
        assert isinstance(ui.screen, SpeakerScreen)


@pilot_test
async def test_the_palette_opens_an_item_by_name(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await palette_choose(ui.pilot, "lunch", "Lunch")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "lunch"


@pilot_test
async def test_the_palette_jumps_to_now_and_opens_the_agenda(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await palette_choose(ui.pilot, "open agenda", "Open agenda")
        assert isinstance(ui.screen, AgendaScreen)
        await ui.pilot.press("j", "j", "j")
        assert cursor_key(ui) != "session-1"
        await palette_choose(ui.pilot, "jump to now", "Jump to now")
        assert cursor_key(ui) == "session-1"
