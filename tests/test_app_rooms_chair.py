"""Issue 13, item 2: ``c`` on the rooms board opens the chair screen on the highlighted room; its
"next" is in that room and ``s`` marks that room's talk. Without a room (several rooms, none
picked) the chair screen asks for one instead of mixing rooms. Fictional program, and 38C3's
Saal 1 when the shared schedules are there."""

from __future__ import annotations

import pytest
from apptools import load_data, pilot_test, running_at
from conftest import SCHEDULES

from c4ml_tui.tui.screens.chair import ChairScreen
from c4ml_tui.tui.screens.pick import PickScreen
from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.countdown import BigCountdown
from c4ml_tui.tui.widgets.lines import Lines
from c4ml_tui.tui.widgets.room_table import RoomTable

PROGRAM = load_data("rooms.yaml")


def line(app, name: str) -> str:
    """What line ``name`` of the chair screen says (``title``, ``next``...), ``""`` when nothing."""
    return next(lines.text(name) for lines in app.screen.query(Lines) if name in lines.names)


async def to_row(ui, room: str) -> None:
    table = ui.screen.query_one(RoomTable)
    rooms = [r.key for r in table.rows_shown]
    table.move_cursor(row=rooms.index(room))
    await ui.pause()


@pilot_test
async def test_c_on_a_row_opens_the_chair_in_that_room_and_s_marks_its_talk():
    async with running_at(PROGRAM, 10, 5) as ui:
        await to_row(ui, "Studio Zwei")
        await ui.press("c")
        assert isinstance(ui.screen, ChairScreen)
        assert ui.screen.query_one(ClockBar).heading.startswith("Chair · Studio Zwei · ")
        assert line(ui.app, "title") == "Café Öffentlich: Ärger mit Übersetzern"
        assert line(ui.app, "next").startswith("Next: Lunch, at 12:00")  # no room: in every room
        await ui.press("s")
        [mark] = ui.app.state.log.marks
        assert mark.id == "s1"  # Studio Zwei's talk, not Hall Ω's
        await ui.press("escape")
        await to_row(ui, "Hall Ω")
        await ui.press("c")
        assert line(ui.app, "title") == "Loops All the Way Down"
        assert line(ui.app, "next").startswith("Next: Registers Remembered, at 10:30")


@pilot_test
async def test_without_a_room_the_chair_asks_for_one_and_r_picks_it():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("a", "c")  # from the agenda, no filter: which room?
        big = ui.screen.query_one(BigCountdown)
        assert big.word == "WHICH ROOM?"
        assert line(ui.app, "title") == "Which room do you chair? Press r to pick it."
        await ui.press("s")
        assert ui.app.state.log.marks == ()
        assert [n.message for n in ui.app._notifications][-1] == "Pick the room you chair first: press r."
        await ui.press("r")
        assert isinstance(ui.screen, PickScreen)
        await ui.press(*"hall", "enter")
        assert line(ui.app, "title") == "Loops All the Way Down"
        assert ui.app.room_filter.room is None  # the board and agenda keep showing every room


@pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="the shared schedules are not here")
@pilot_test
async def test_on_38c3_saal_1_the_chair_stays_in_saal_1():
    from c4ml_tui.sources.loader import load

    program = load(SCHEDULES / "38c3.xml")
    async with running_at(program, 14, 20, day=program.days[1]) as ui:
        await to_row(ui, "Saal 1")
        await ui.press("c")
        assert line(ui.app, "title") == "Wann klappt der Anschluss, wann nicht und wie sagt man Chaos vorher?"
        assert line(ui.app, "context") == "talk · Saal 1"
        assert line(ui.app, "next") == "Next: Fearsome File Formats, at 14:45 · in 25 min"


@pilot_test
async def test_the_bar_says_how_late_the_chairs_room_runs():
    from datetime import datetime

    from c4ml_tui.store.chairlog import ChairLog
    from c4ml_tui.tui.widgets.clock import ClockBar

    ChairLog.load(PROGRAM).mark_start("h1", datetime(2031, 9, 15, 9, 37, tzinfo=PROGRAM.tz))  # Hall Ω, 7 late
    async with running_at(PROGRAM, 10, 5) as ui:
        assert ui.screen.query_one(ClockBar).notes == ""  # every room at once: no one delay to say
        await to_row(ui, "Hall Ω")
        await ui.press("c")
        assert ui.screen.query_one(ClockBar).notes == "· running 7 min late"
        await ui.press("escape")
        await to_row(ui, "Studio Zwei")
        await ui.press("c")
        assert ui.screen.query_one(ClockBar).notes == ""  # Studio Zwei runs on time
