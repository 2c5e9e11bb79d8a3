"""Stars, My day and reminders in the app: ``f`` anywhere, the ★ marks, clashes, a restart, a
corrupt file, and reminders from the (manual) event clock."""

from __future__ import annotations

from pathlib import Path

from apptools import app_at, pilot_test, screen_text

from c4ml_tui.cli import build_parser
from c4ml_tui.core.identity import program_key
from c4ml_tui.sources.loader import load
from c4ml_tui.store.paths import data_dir
from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.my_day import EMPTY, MyDayScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable

SIZE = (80, 24)
FIXTURE = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


def fictional():
    return load(FIXTURE, use_cache=False)


def recording(app) -> list[tuple[str, str]]:
    """``(title, message)`` of every notification the app shows from now on."""
    seen: list[tuple[str, str]] = []
    notify = app.notify

    def record(message, *, title="", **kwargs):
        seen.append((title, message))
        notify(message, title=title, **kwargs)

    app.notify = record
    return seen


async def agenda_to(pilot, entry_id: str) -> None:
    """Open the agenda and put the cursor on ``entry_id``'s row."""
    await pilot.press("a")
    await pilot.pause()
    table = pilot.app.screen.query_one(AgendaTable)
    table.move_cursor(row=[r.key for r in table.rows_shown].index(entry_id))
    await pilot.pause()


def agenda_title(app, entry_id: str) -> str:
    table = app.screen.query_one(AgendaTable)
    return table.get_cell(entry_id, "title").plain


def footer_keys(app) -> dict[str, str]:
    return {b.key: b.description for b in (a.binding for a in app.screen.active_bindings.values())
            if b.action in ("star", "unstar")}


@pilot_test
async def test_f_stars_in_the_agenda_the_star_shows_and_my_day_lists_it():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        said = recording(app)
        await agenda_to(pilot, "t-zoe")
        assert footer_keys(app) == {"f": "Star"}
        await pilot.press("f")
        await pilot.pause()
        assert app.favourites.ids == ("t-zoe",)
        assert said[-1] == ("", "Starred: Tensor Fusion for Imaginary Accelerators")
        assert agenda_title(app, "t-zoe").startswith("  ★ Tensor Fusion")
        assert footer_keys(app) == {"f": "Unstar"}
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MyDayScreen)
        text = screen_text(app)
        assert "09:15-09:35  ★ Tensor Fusion for Imaginary Accelerators" in text
        assert "Zoë Example · Main Hall · in Session A: Imaginary Compilers" in text
        assert "⚠" not in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "t-zoe"
        assert "★ Tensor Fusion for Imaginary Accelerators" in screen_text(app)


@pilot_test
async def test_a_clash_is_flagged_and_f_in_my_day_unstars():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        said = recording(app)
        for entry_id in ("t-zoology", "t-zoe", "keynote"):
            await agenda_to(pilot, entry_id)
            await pilot.press("f")
        await pilot.press("m")
        await pilot.pause()
        text = screen_text(app)
        assert "3 starred entries · ⚠ 2 in a clash" in text
        assert "⚠ clashes with Runtime Zoology (09:30-10:00)" in text
        assert "⚠ clashes with Tensor Fusion for Imaginary Accelerators\n" in text  # wrapped
        assert "(09:15-09:35)" in text
        assert app.screen.star_target() == "t-zoe"  # the cursor starts on the first not over
        await pilot.press("f")
        await pilot.pause()
        assert said[-1] == ("", "Unstarred: Tensor Fusion for Imaginary Accelerators")
        assert app.favourites.ids == ("t-zoology", "keynote")
        text = screen_text(app)
        assert "⚠" not in text and "Tensor Fusion" not in text
        assert app.screen.star_target() in ("t-zoology", "keynote")
        await pilot.press("escape")  # back in the agenda, the star is gone there too
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert not agenda_title(app, "t-zoe").strip().startswith("★")
        assert agenda_title(app, "keynote").startswith("★ Keynote")


@pilot_test
async def test_my_day_empty_says_how_to_star():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert EMPTY in screen_text(app)
        assert footer_keys(app) == {}  # nothing to star here


@pilot_test
async def test_stars_on_the_board_and_in_a_detail_pane():
    from c4ml_tui.core.filters import only_room

    # One room (as with --room), so the now board is the first screen, not the rooms board.
    app, _ = app_at(only_room(fictional(), "Main Hall"), 9, 20)  # Session A runs, Tensor Fusion on stage
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")  # the now box has the focus: Session A
        await pilot.pause()
        assert app.favourites.ids == ("session-a",)
        assert "★ Session A: Imaginary Compilers" in screen_text(app)
        await pilot.press("down", "enter")  # the talk on stage
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("f")
        await pilot.pause()
        assert "★ Tensor Fusion for Imaginary Accelerators" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "★ Tensor Fusion for Imaginary Accelerators" in screen_text(app)  # the talk box


@pilot_test
async def test_favourites_survive_a_restart():
    program = fictional()
    app, _ = app_at(program, 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await agenda_to(pilot, "keynote")
        await pilot.press("f")
    again, _ = app_at(fictional(), 9, 10)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert "★ Keynote: The Compiler That Wasn't" in screen_text(again)
        await agenda_to(pilot, "keynote")
        assert agenda_title(again, "keynote").startswith("★ Keynote")


@pilot_test
async def test_a_corrupt_favourites_file_warns_and_never_crashes():
    program = fictional()
    folder = data_dir() / "programs" / program_key(program)
    folder.mkdir(parents=True)
    (folder / "favourites.json").write_text("{not json", encoding="utf-8")
    app, _ = app_at(program, 9, 10)
    said = recording(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        warnings = [message for title, message in said if title == "Favourites"]
        assert len(warnings) == 1 and "was corrupt" in warnings[0] and "a fresh one started" in warnings[0]
        await pilot.press("m")
        await pilot.pause()
        assert EMPTY in screen_text(app)
        await agenda_to(pilot, "keynote")
        await pilot.press("f")  # the fresh set works and saves
        await pilot.pause()
        assert app.favourites.ids == ("keynote",)
    assert len(list(folder.glob("*.corrupt-*"))) == 1, "the bad file is kept aside"
    again, _ = app_at(fictional(), 9, 10)
    said = recording(again)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.favourites.ids == ("keynote",) and not [t for t, _ in said if t == "Favourites"]


@pilot_test
async def test_a_file_of_the_wrong_shape_warns_too():
    program = fictional()
    folder = data_dir() / "programs" / program_key(program)
    folder.mkdir(parents=True)
    (folder / "favourites.json").write_text('{"starred": [1, 2]}', encoding="utf-8")
    app, _ = app_at(program, 9, 10)
    said = recording(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        warnings = [message for title, message in said if title == "Favourites"]
        assert len(warnings) == 1 and "did not hold a list of starred ids" in warnings[0]
        assert app.is_running and app.favourites.ids == ()


@pilot_test
async def test_a_reminder_comes_once_five_minutes_before_a_starred_talk():
    program = fictional()
    app, clock = app_at(program, 9, 5)
    async with app.run_test(size=SIZE) as pilot:
        said = recording(app)
        await agenda_to(pilot, "t-zoe")  # 09:15
        await pilot.press("f")
        reminders = lambda: [m for t, m in said if t == "Reminder"]  # noqa: E731
        clock.advance(minutes=4, seconds=59)  # 09:09:59
        app.tick()
        assert reminders() == []
        clock.advance(seconds=2)  # 09:10:01
        app.tick()
        assert reminders() == ["Tensor Fusion for Imaginary Accelerators starts in 5 min (09:15, Main Hall)"]
        for _ in range(3):
            clock.advance(minutes=1)
            app.tick()
        assert len(reminders()) == 1  # never twice
        await pilot.pause()


@pilot_test
async def test_reminders_follow_the_lead_time_ring_the_bell_or_stay_off():
    program = fictional()
    app, clock = app_at(program, 10, 50)
    app.remind_minutes, app.remind_bell = 15, True
    bells = []
    app.bell = lambda: bells.append(1)
    async with app.run_test(size=SIZE) as pilot:
        said = recording(app)
        await agenda_to(pilot, "keynote")  # 11:00
        await pilot.press("f")
        clock.advance(minutes=1)
        app.tick()
        assert [m for t, m in said if t == "Reminder"] == []  # 10:45 was before the star
        await agenda_to(pilot, "lunch")  # 12:00, reminder at 11:45
        await pilot.press("f")
        clock.set(clock.now().replace(hour=11, minute=45))
        app.tick()
        assert [m for t, m in said if t == "Reminder"] == ["Lunch starts in 15 min (12:00, Main Hall)"] and bells == [1]
    off, clock = app_at(program, 11, 40)
    off.remind_minutes = 0
    async with off.run_test(size=SIZE) as pilot:
        said = recording(off)
        await agenda_to(pilot, "lunch")
        await pilot.press("f")
        clock.advance(minutes=10)
        off.tick()
        assert [m for t, m in said if t == "Reminder"] == []


@pilot_test
async def test_a_reminder_fires_at_start_up_for_what_starts_soon():
    program = fictional()
    first, _ = app_at(program, 9, 0)
    async with first.run_test(size=SIZE) as pilot:
        await agenda_to(pilot, "t-zoe")
        await pilot.press("f")
    app, _ = app_at(program, 9, 12)  # 3 min before the starred talk
    said = recording(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [m for t, m in said if t == "Reminder"] == [
            "Tensor Fusion for Imaginary Accelerators starts in 3 min (09:15, Main Hall)"]


def test_the_reminder_options():
    args = build_parser().parse_args(["--remind", "10", "--remind-bell"])
    assert args.remind == 10 and args.remind_bell
    args = build_parser().parse_args([])
    assert args.remind == 5 and not args.remind_bell


@pilot_test
async def test_f_on_a_speaker_stars_the_highlighted_talk_and_help_lists_it():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        app.open_speaker("zoe")
        await pilot.pause()
        await pilot.press("f")  # the first of her talks
        assert app.favourites.ids == ("t-zoe",)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "f     Unstar" in text and "/     Search" in text and "m     My day" in text


@pilot_test
async def test_my_day_follows_a_delay():
    from datetime import timedelta

    program = fictional()
    app, _ = app_at(program, 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await agenda_to(pilot, "t-zoe")
        await pilot.press("f", "m")
        await pilot.pause()
        assert "09:15-09:35  ★ Tensor Fusion" in screen_text(app)
        talk = program.by_id["t-zoe"]
        app.state.log.mark_start("t-zoe", talk.start + timedelta(minutes=10))  # the chair's mark
        app.state = app.state.with_marks()
        await pilot.pause()
        assert "09:25-09:45  ★ Tensor Fusion" in screen_text(app)
