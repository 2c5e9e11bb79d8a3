"""Issue 13, item 5: a wide terminal's width is used. At 200x60 the rooms board shows the "in 25
min" column and whole room names (long ones cut in the middle, so rooms that share a
beginning stay apart), and the agenda's Room column is as wide as the names need (up to 44)."""

from __future__ import annotations

import pytest
from apptools import load_data, pilot_test, running_at, text_of
from conftest import SCHEDULES

from c4ml_tui.tui.widgets.agenda_table import AgendaTable
from c4ml_tui.tui.widgets.room_cells import middle
from c4ml_tui.tui.widgets.room_table import RoomTable

WIDE = (200, 60)


def rows(ui, table) -> list[list[str]]:
    return [r.split(" | ") for r in text_of(ui.screen.query_one(table)).splitlines()]


@pilot_test
async def test_the_wide_rooms_board_says_how_soon_the_next_item_starts():
    async with running_at(load_data("rooms.yaml"), 10, 5, size=WIDE) as ui:
        hall = next(r for r in rows(ui, RoomTable) if r[0] == "Hall Ω")
        assert hall[-1] == "in 25 min"  # Registers Remembered at 10:30
        columns = ui.screen.query_one(RoomTable).ordered_columns
        assert [str(c.label) for c in columns] == ["Room", "Now", "Left", "Next", "At", ""]


def test_long_room_names_are_cut_in_the_middle():
    names = ["Hardware Hacking Area -- Lower (extra)", "Hardware Hacking Area -- Upper"]
    cut = [middle(n, 26) for n in names]
    assert cut == ["Hardware Hackin…er (extra)", "Hardware Hackin…a -- Upper"]
    assert middle("Hardware Hacking Area", 26) == "Hardware Hacking Area"


@pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="the shared schedules are not here")
@pilot_test
async def test_38c3_at_200_columns_shows_room_names_whole():
    from c4ml_tui.sources.loader import load

    program = load(SCHEDULES / "38c3.xml")
    async with running_at(program, 14, 20, day=program.days[1], size=WIDE) as ui:
        board = rows(ui, RoomTable)
        rooms = [r[0] for r in board]
        assert "Hardware Hacking Area -- Lower" in rooms and "Saal Y 06 (Stonewall IO)" in rooms
        [youth] = [r for r in rooms if r.startswith("Youth Operation")]
        assert "…" in youth and youth.endswith("Forum (GF1)")  # 34 letters: cut in the middle
        assert next(r for r in board if r[0] == "Saal 1")[-1] == "in 25 min"
        await ui.press("a")
        agenda = rows(ui, AgendaTable)
        assert "Youth Operation Centre Forum (GF1)" in [r[-1] for r in agenda]
        table = ui.screen.query_one(AgendaTable)
        assert table.ordered_columns[-1].width == 44
        assert table.ordered_columns[2].width >= 100  # the title takes the rest
