"""The agenda of a multi-day program: one day at a time, ``[``/``]`` and the arrows, the day in the
heading, the day it opens on, ``n`` back to today, and a filter that leaves a day empty."""

from __future__ import annotations

from datetime import date

from apptools import app_at, load_data, pilot_test, screen_text, text_of

from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable
from c4ml_tui.tui.widgets.clock import ClockBar

SIZE = (80, 24)
PROGRAM = load_data("rooms.yaml")
DAY2 = date(2031, 9, 16)


def heading(app) -> str:
    return app.screen.query_one(ClockBar).heading


def titles(app) -> list[str]:
    return [r.title for r in app.screen.query_one(AgendaTable).rows_shown]


def cursor_id(app) -> str | None:
    table = app.screen.query_one(AgendaTable)
    return table.rows_shown[table.cursor_row].entry_id


@pilot_test
async def test_one_day_at_a_time_and_the_keys_move_across_days():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert heading(app) == "Agenda · Mon 15 Sep (1/2) · all rooms · Fictional Festival of Imaginary Compilers"
        assert titles(app)[0] == "Monday 15 September 2031" and "Second Day in the Hall" not in titles(app)
        assert cursor_id(app) == "m1"  # with parallel rooms: the latest start of what runs
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert heading(app).startswith("Agenda · Tue 16 Sep (2/2) · ")
        assert titles(app) == ["Tuesday 16 September 2031", "Second Day in the Hall",
                               "nothing scheduled (1 h)", "Second Day in the Studio"]
        assert app.screen.query_one(AgendaTable).cursor_row == 0  # another day: from its top
        await pilot.press("right")  # the last day: nothing further
        await pilot.pause()
        assert heading(app).startswith("Agenda · Tue 16 Sep (2/2) · ")
        await pilot.press("left")
        await pilot.pause()
        assert heading(app).startswith("Agenda · Mon 15 Sep (1/2) · ")
        await pilot.press("right", "n")  # n: back to today, on what runs now
        await pilot.pause()
        assert heading(app).startswith("Agenda · Mon 15 Sep (1/2) · ")
        assert cursor_id(app) == "m1"


@pilot_test
async def test_the_footer_offers_the_day_keys_only_where_they_go_somewhere():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert screen.check_action("day", (-1,)) is None  # shown, disabled: the first day
        assert screen.check_action("day", (1,)) is True
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.check_action("day", (1,)) is None


@pilot_test
async def test_a_single_day_program_keeps_its_agenda_and_its_arrows(c4ml):
    app, _ = app_at(c4ml, 11, 55)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert heading(app) == "Agenda · Compilers for Machine Learning"
        assert screen.check_action("day", (1,)) is False  # not in the footer, the keys go to the table
        assert screen.check_action("pick_room", ()) is False and screen.check_action("pick_track", ()) is False
        assert "Prev day" not in screen_text(app)


@pilot_test
async def test_it_opens_on_today_inside_the_program_and_on_the_first_day_outside_it():
    app, _ = app_at(PROGRAM, 8, 30, day=DAY2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert heading(app).startswith("Agenda · Tue 16 Sep (2/2) · ")
        assert cursor_id(app) == "d2h"  # nothing runs yet: the first item to come
    app, _ = app_at(PROGRAM, 8, 30, day=date(2031, 9, 20))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert heading(app).startswith("Agenda · Mon 15 Sep (1/2) · ")


@pilot_test
async def test_a_day_the_filter_leaves_empty_says_so():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", *"markup", "enter", "right_square_bracket")
        await pilot.pause()
        assert heading(app).startswith("Agenda · Tue 16 Sep (2/2) · [i]Markup Room[/i] · ")
        assert titles(app) == ["Tuesday 16 September 2031", "nothing for [i]Markup Room[/i] on this day"]
        assert "nothing for [i]Markup Room[/i] on this day" in text_of(app.screen.query_one(AgendaTable))


@pilot_test
async def test_the_two_day_single_room_program_switches_days_too():
    program = load_data("fictional.yaml")
    app, _ = app_at(program, 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert heading(app) == "Agenda · Tue 20 May (1/2) · Fictional Workshop on Imaginary Compilers"
        await pilot.press("right_square_bracket", "down", "enter")
        await pilot.pause()
        assert app.screen.entry_id == "day2"
