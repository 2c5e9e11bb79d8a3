"""The agenda of a multi-day program: one day at a time, ``[``/``]`` and the arrows, the day in the
heading, the day it opens on, ``n`` back to today, and a filter that leaves a day empty."""

from __future__ import annotations

from datetime import date

from apptools import load_data, pilot_test, running_at, text_of

from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable
from c4ml_tui.tui.widgets.clock import ClockBar

PROGRAM = load_data("rooms.yaml")
DAY2 = date(2031, 9, 16)


def heading(ui) -> str:
    return ui.screen.query_one(ClockBar).heading


def titles(ui) -> list[str]:
    return [r.title for r in ui.screen.query_one(AgendaTable).rows_shown]


def cursor_id(ui) -> str | None:
    table = ui.screen.query_one(AgendaTable)
    return table.rows_shown[table.cursor_index].entry_id


@pilot_test
async def test_one_day_at_a_time_and_the_keys_move_across_days():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("a")
        assert isinstance(ui.screen, AgendaScreen)
        assert heading(ui) == "Agenda · Mon 15 Sep (1/2) · all rooms · Fictional Festival of Imaginary Compilers"
        assert titles(ui)[0] == "Monday 15 September 2031" and "Second Day in the Hall" not in titles(ui)
        assert cursor_id(ui) == "m1"  # with parallel rooms: the latest start of what runs
        await ui.press("right_square_bracket")
        assert heading(ui).startswith("Agenda · Tue 16 Sep (2/2) · ")
        assert titles(ui) == ["Tuesday 16 September 2031", "Second Day in the Hall",
                               "nothing scheduled (1 h)", "Second Day in the Studio"]
        assert ui.screen.query_one(AgendaTable).cursor_row == 0  # another day: from its top
        await ui.press("right")  # the last day: nothing further
        assert heading(ui).startswith("Agenda · Tue 16 Sep (2/2) · ")
        await ui.press("left")
        assert heading(ui).startswith("Agenda · Mon 15 Sep (1/2) · ")
        await ui.press("right", "n")  # n: back to today, on what runs now
        assert heading(ui).startswith("Agenda · Mon 15 Sep (1/2) · ")
        assert cursor_id(ui) == "m1"


@pilot_test
async def test_the_footer_offers_the_day_keys_only_where_they_go_somewhere():
    async with running_at(PROGRAM, 10, 5, size=(120, 24)) as ui:
        await ui.press("a")
        screen = ui.screen
        assert screen.check_action("day", (-1,)) is None  # shown, disabled: the first day
        assert screen.check_action("day", (1,)) is True
        await ui.press("right_square_bracket")
        assert screen.check_action("day", (1,)) is None


@pilot_test
async def test_a_single_day_program_keeps_its_agenda_and_its_arrows(c4ml):
    async with running_at(c4ml, 11, 55) as ui:
        await ui.press("a")
        screen = ui.screen
        assert heading(ui) == "Agenda · Compilers for Machine Learning"
        assert screen.check_action("day", (1,)) is False  # not in the footer, the keys go to the table
        assert screen.check_action("pick_room", ()) is False and screen.check_action("pick_track", ()) is False
        assert "Prev day" not in ui.text


@pilot_test
async def test_it_opens_on_today_inside_the_program_and_on_the_first_day_outside_it():
    async with running_at(PROGRAM, 8, 30, day=DAY2) as ui:
        await ui.press("a")
        assert heading(ui).startswith("Agenda · Tue 16 Sep (2/2) · ")
        assert cursor_id(ui) == "d2h"  # nothing runs yet: the first item to come
    async with running_at(PROGRAM, 8, 30, day=date(2031, 9, 20)) as ui:
        await ui.press("a")
        assert heading(ui).startswith("Agenda · Mon 15 Sep (1/2) · ")


@pilot_test
async def test_a_day_the_filter_leaves_empty_says_so():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("a", "r", *"markup", "enter", "right_square_bracket")
        assert heading(ui).startswith("Agenda · Tue 16 Sep (2/2) · [i]Markup Room[/i] · ")
        assert titles(ui) == ["Tuesday 16 September 2031", "nothing for [i]Markup Room[/i] on this day"]
        assert "nothing for [i]Markup Room[/i] on this day" in text_of(ui.screen.query_one(AgendaTable))


@pilot_test
async def test_the_two_day_single_room_program_switches_days_too():
    async with running_at(load_data("fictional.yaml"), 9, 20) as ui:
        await ui.press("a")
        assert heading(ui) == "Agenda · Tue 20 May (1/2) · Fictional Workshop on Imaginary Compilers"
        await ui.press("right_square_bracket", "down", "enter")
        assert ui.screen.entry_id == "day2"
