"""Stars, My day and reminders in the app: ``f`` anywhere, the ★ marks, clashes, a restart, a
corrupt file, and reminders from the (manual) event clock."""

from __future__ import annotations

from pathlib import Path

from apptools import app_at, pilot_test, running, running_at

from c4ml_tui.cli import build_parser
from c4ml_tui.core.identity import program_key
from c4ml_tui.sources.loader import load
from c4ml_tui.store.paths import data_dir
from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.my_day import EMPTY, MyDayScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable

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


async def agenda_to(ui, entry_id: str) -> None:
    """Open the agenda and put the cursor on ``entry_id``'s row."""
    await ui.press("a")
    table = ui.screen.query_one(AgendaTable)
    table.move_cursor(row=[r.key for r in table.rows_shown].index(entry_id))
    await ui.pause()


async def star_in_agenda(ui, *entry_ids: str) -> None:
    """Star each of ``entry_ids`` with ``f`` on its agenda row."""
    for entry_id in entry_ids:
        await agenda_to(ui, entry_id)
        await ui.pilot.press("f")


def agenda_title(ui, entry_id: str) -> str:
    table = ui.screen.query_one(AgendaTable)
    return table.get_cell(entry_id, "title").plain


def footer_keys(ui) -> dict[str, str]:
    return {b.key: b.description for b in (a.binding for a in ui.screen.active_bindings.values())
            if b.action in ("star", "unstar")}


def notes(said, title: str) -> list[str]:
    """The messages in ``said`` under ``title``."""
    return [message for heading, message in said if heading == title]


def reminders(said) -> list[str]:
    return notes(said, "Reminder")


@pilot_test
async def test_f_stars_in_the_agenda_the_star_shows_and_my_day_lists_it():
    async with running_at(fictional(), 9, 10) as ui:
        said = recording(ui.app)
        await agenda_to(ui, "t-zoe")
        assert footer_keys(ui) == {"f": "Star"}
        await ui.press("f")
        assert ui.app.favourites.ids == ("t-zoe",)
        assert said[-1] == ("", "Starred: Tensor Fusion for Imaginary Accelerators")
        assert agenda_title(ui, "t-zoe").startswith("  ★ Tensor Fusion")
        assert footer_keys(ui) == {"f": "Unstar"}
        await ui.press("m")
        assert isinstance(ui.screen, MyDayScreen)
        text = ui.text
        assert "09:15-09:35  ★ Tensor Fusion for Imaginary Accelerators" in text
        assert "Zoë Example · Main Hall · in Session A: Imaginary Compilers" in text
        assert "⚠" not in text
        await ui.press("enter")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "t-zoe"
        assert "★ Tensor Fusion for Imaginary Accelerators" in ui.text


@pilot_test
async def test_a_clash_is_flagged_and_f_in_my_day_unstars():
    async with running_at(fictional(), 9, 10) as ui:
        said = recording(ui.app)
        await star_in_agenda(ui, "t-zoology", "t-zoe", "keynote")
        await ui.press("m")
        text = ui.text
        assert "3 starred entries · ⚠ 2 in a clash" in text
        assert "⚠ clashes with Runtime Zoology (09:30-10:00)" in text
        assert "⚠ clashes with Tensor Fusion for Imaginary Accelerators\n" in text  # wrapped
        assert "(09:15-09:35)" in text
        assert ui.screen.star_target() == "t-zoe"  # the cursor starts on the first not over
        await ui.press("f")
        assert said[-1] == ("", "Unstarred: Tensor Fusion for Imaginary Accelerators")
        assert ui.app.favourites.ids == ("t-zoology", "keynote")
        text = ui.text
        assert "⚠" not in text and "Tensor Fusion" not in text
        assert ui.screen.star_target() in ("t-zoology", "keynote")
        await ui.press("escape")  # back in the agenda, the star is gone there too
        assert isinstance(ui.screen, AgendaScreen)
        assert not agenda_title(ui, "t-zoe").strip().startswith("★")
        assert agenda_title(ui, "keynote").startswith("★ Keynote")


@pilot_test
async def test_my_day_empty_says_how_to_star():
    async with running_at(fictional(), 9, 10) as ui:
        await ui.press("m")
        assert EMPTY in ui.text
        assert footer_keys(ui) == {}  # nothing to star here


@pilot_test
async def test_stars_on_the_board_and_in_a_detail_pane():
    from c4ml_tui.core.filters import only_room

    # One room (as with --room), so the now board is the first screen, not the rooms board.
    async with running_at(only_room(fictional(), "Main Hall"), 9, 20) as ui:  # Session A runs, Tensor Fusion on stage
        await ui.press("f")  # the now box has the focus: Session A
        assert ui.app.favourites.ids == ("session-a",)
        assert "★ Session A: Imaginary Compilers" in ui.text
        await ui.press("down", "enter")  # the talk on stage
        assert isinstance(ui.screen, DetailScreen)
        await ui.press("f")
        assert "★ Tensor Fusion for Imaginary Accelerators" in ui.text
        await ui.press("escape")
        assert "★ Tensor Fusion for Imaginary Accelerators" in ui.text  # the talk box


@pilot_test
async def test_favourites_survive_a_restart():
    async with running_at(fictional(), 9, 10) as ui:
        await star_in_agenda(ui, "keynote")
    async with running_at(fictional(), 9, 10) as again:
        await again.press("m")
        assert "★ Keynote: The Compiler That Wasn't" in again.text
        await agenda_to(again, "keynote")
        assert agenda_title(again, "keynote").startswith("★ Keynote")


@pilot_test
async def test_a_corrupt_favourites_file_warns_and_never_crashes():
    program = fictional()
    folder = data_dir() / "programs" / program_key(program)
    folder.mkdir(parents=True)
    (folder / "favourites.json").write_text("{not json", encoding="utf-8")
    app, _ = app_at(program, 9, 10)
    said = recording(app)
    async with running(app) as ui:
        await ui.until(lambda: notes(said, "Favourites"), "a warning once the stars are read, after the first frame")
        warnings = notes(said, "Favourites")
        assert len(warnings) == 1 and "was corrupt" in warnings[0] and "a fresh one started" in warnings[0]
        await ui.press("m")
        assert EMPTY in ui.text
        await agenda_to(ui, "keynote")
        await ui.press("f")  # the fresh set works and saves
        assert app.favourites.ids == ("keynote",)
    assert len(list(folder.glob("*.corrupt-*"))) == 1, "the bad file is kept aside"
    again, _ = app_at(fictional(), 9, 10)
    said = recording(again)
    async with running(again):
        assert again.favourites.ids == ("keynote",) and not notes(said, "Favourites")


@pilot_test
async def test_a_file_of_the_wrong_shape_warns_too():
    program = fictional()
    folder = data_dir() / "programs" / program_key(program)
    folder.mkdir(parents=True)
    (folder / "favourites.json").write_text('{"starred": [1, 2]}', encoding="utf-8")
    app, _ = app_at(program, 9, 10)
    said = recording(app)
    async with running(app) as ui:
        await ui.until(lambda: notes(said, "Favourites"), "a warning once the stars are read, after the first frame")
        warnings = notes(said, "Favourites")
        assert len(warnings) == 1 and "2 starred entries that are not ids were dropped" in warnings[0]
        assert app.is_running and app.favourites.ids == ()


@pilot_test
async def test_a_reminder_comes_once_five_minutes_before_a_starred_talk():
    async with running_at(fictional(), 9, 5) as ui:
        app, clock = ui.app, ui.clock
        said = recording(app)
        await star_in_agenda(ui, "t-zoe")  # 09:15
        clock.advance(minutes=4, seconds=59)  # 09:09:59
        app.tick()
        assert reminders(said) == []
        clock.advance(seconds=2)  # 09:10:01
        app.tick()
        assert reminders(said) == ["Tensor Fusion for Imaginary Accelerators starts in 5 min (09:15, Main Hall)"]
        for _ in range(3):
            clock.advance(minutes=1)
            app.tick()
        assert len(reminders(said)) == 1  # never twice
        await ui.pause()


@pilot_test
async def test_reminders_follow_the_lead_time_ring_the_bell_or_stay_off():
    program = fictional()
    app, clock = app_at(program, 10, 50)
    app.remind_minutes, app.remind_bell = 15, True
    bells = []
    app.bell = lambda: bells.append(1)
    async with running(app) as ui:
        said = recording(app)
        await star_in_agenda(ui, "keynote")  # 11:00
        clock.advance(minutes=1)
        app.tick()
        assert reminders(said) == []  # 10:45 was before the star
        await star_in_agenda(ui, "lunch")  # 12:00, reminder at 11:45
        clock.set(clock.now().replace(hour=11, minute=45))
        app.tick()
        assert reminders(said) == ["Lunch starts in 15 min (12:00, Main Hall)"] and bells == [1]
    off, clock = app_at(program, 11, 40)
    off.remind_minutes = 0
    async with running(off) as ui:
        said = recording(off)
        await star_in_agenda(ui, "lunch")
        clock.advance(minutes=10)
        off.tick()
        assert reminders(said) == []


@pilot_test
async def test_a_reminder_fires_at_start_up_for_what_starts_soon():
    program = fictional()
    async with running_at(program, 9, 0) as first:
        await star_in_agenda(first, "t-zoe")
    app, _ = app_at(program, 9, 12)  # 3 min before the starred talk
    said = recording(app)
    async with running(app) as ui:
        await ui.until(lambda: reminders(said), "a reminder once the stars are read, after the first frame")
        assert reminders(said) == ["Tensor Fusion for Imaginary Accelerators starts in 3 min (09:15, Main Hall)"]


def test_the_reminder_options():
    args = build_parser().parse_args(["--remind", "10", "--remind-bell"])
    assert args.remind == 10 and args.remind_bell
    args = build_parser().parse_args([])
    assert not args.remind_bell
    from c4ml_tui.commands.common import setting

    assert args.remind is None and setting(args, "remind") == 5  # no settings file: 5 minutes


@pilot_test
async def test_f_on_a_speaker_stars_the_highlighted_talk_and_help_lists_it():
    async with running_at(fictional(), 9, 10) as ui:
        ui.app.open_speaker("zoe")
        await ui.pause()
        await ui.pilot.press("f")  # the first of her talks
        assert ui.app.favourites.ids == ("t-zoe",)
        await ui.press("question_mark")
        text = ui.text
        assert "f     Unstar" in text and "/     Search" in text and "m     My day" in text


@pilot_test
async def test_my_day_follows_a_delay():
    from datetime import timedelta

    program = fictional()
    async with running_at(program, 9, 10) as ui:
        await agenda_to(ui, "t-zoe")
        await ui.press("f", "m")
        assert "09:15-09:35  ★ Tensor Fusion" in ui.text
        talk = program.by_id["t-zoe"]
        ui.app.state.log.mark_start("t-zoe", talk.start + timedelta(minutes=10))  # the chair's mark
        ui.app.state = ui.app.state.with_marks()
        await ui.pause()
        assert "09:25-09:45  ★ Tensor Fusion" in ui.text
