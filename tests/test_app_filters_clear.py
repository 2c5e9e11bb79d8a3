"""Issue 13, item 4: filters are easy to see and to clear. The pick box finds "All rooms" by
typing ``all``, lists rooms alphabetically and stops at its ends; the palette clears every
filter; a gap in a filtered agenda says what it is about (a talk filtered out still runs
there); at 80 columns a line says which filter is on even when the heading is cut."""

from __future__ import annotations

import pytest
from apptools import load_data, pilot_test, running_at, text_of, until
from conftest import SCHEDULES

from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.pick import PickScreen

PROGRAM = load_data("rooms.yaml")


def options(ui) -> list[str]:
    return text_of(ui.screen.options).splitlines()


@pilot_test
async def test_typing_all_finds_all_rooms_and_the_list_stops_at_its_ends():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("r", "z")  # Studio Zwei
        await ui.press("enter")
        await ui.press("r", *"all")
        assert options(ui) == ["  All rooms", "  Hall Ω  3 items"]  # "all" is in "Hall" too
        await ui.press("enter")
        assert ui.app.room_filter.room is None
        await ui.press("r", "pagedown", "down", "down")
        assert isinstance(ui.screen, PickScreen)
        assert ui.screen.options.highlighted == 3  # the last, not wrapped round to the first
        await ui.press("pageup", "up")
        assert ui.screen.options.highlighted == 0
        await ui.press("escape")


@pilot_test
async def test_a_filtered_agenda_says_what_a_gap_is_about_and_shows_the_filter():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("a", "t", *"society", "enter")
        assert isinstance(ui.screen, AgendaScreen)
        text = ui.text
        assert "nothing for track Society (4 h 30 min)" in text  # lunch runs then, filtered out
        assert "nothing scheduled" not in text
        note = ui.screen.query_one("#agenda-filter")
        assert text_of(note) == "Only track Society · r, t or the palette's Clear filters to change"
        assert note.region.right <= 80 and note.region.y == 1  # right under the heading


@pilot_test
async def test_the_palette_clears_every_filter():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("r", *"zwei", "enter", "t", *"soc", "enter")
        assert ui.app.room_filter.active
        await ui.press("ctrl+p", *"clear filt")
        await until(ui.pilot, lambda: "Clear filters" in text_of(ui.screen.query_one("CommandList")),
                    "the palette offering Clear filters")
        await ui.press("enter")
        assert not ui.app.room_filter.active
        assert len(text_of(ui.screen.query_one("RoomTable")).splitlines()) == 4


@pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="the shared schedules are not here")
@pilot_test
async def test_38c3_rooms_are_listed_alphabetically():
    from c4ml_tui.sources.loader import load

    program = load(SCHEDULES / "38c3.xml")
    async with running_at(program, 14, 20, day=program.days[1]) as ui:
        await ui.press("r", *"saal")
        names = [o.strip().rsplit("  ", 1)[0] for o in options(ui)]
        halls = [n for n in names if n.startswith("Saal ")]
        assert halls[:4] == ["Saal 1", "Saal 3 Bühne", "Saal 5", "Saal A - Bastel/Hackspace"]  # numbers by value
        await ui.press("escape")
