"""The agenda's and the rooms board's tables are one kind of table (``row_table.RowTable``): the
same keys page through them, and the mouse's row shows on both until a key is pressed, as it
did when they were Textual DataTables."""

from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from apptools import pilot_test, running_at
from conftest import SCHEDULES

from c4ml_tui.sources.parsed import from_bytes
from c4ml_tui.tui.widgets.agenda_table import AgendaTable
from c4ml_tui.tui.widgets.room_table import RoomTable
from c4ml_tui.tui.widgets.row_table import RowTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from gen_program import generate

BIG = from_bytes(generate(1200, days=1, rooms=3).encode(), "big.yaml", use_cache=False)
XML = SCHEDULES / "38c3.xml"


@asynccontextmanager
async def opened(kind: str):
    """The app at 80x24 with a long table in front, and the table: the agenda of 1,200
    generated talks, or the rooms board of 38C3's second day (72 rooms)."""
    if kind == "agenda":
        app, keys, cls = running_at(BIG, 15, 0), ("a",), AgendaTable
    elif not XML.exists():
        pytest.skip("the real schedules are not here")
    else:
        from c4ml_tui.sources.loader import load

        program = load(XML)
        app, keys, cls = running_at(program, 14, 20, day=program.days[1]), (), RoomTable
    async with app as ui:
        await ui.press(*keys)
        await ui.pause()
        yield ui, ui.screen.query_one(cls)


def titles_in_view(table: RowTable) -> list[str]:
    return [table.render_line(y).text for y in range(1, table.size.height)]


@pytest.mark.parametrize("kind", ["agenda", "rooms"])
@pilot_test
async def test_page_down_and_up_move_the_view_and_the_cursor_by_a_page(kind):
    async with opened(kind) as (ui, table):
        table.move_cursor(row=2)
        await ui.pause()
        start, top = table.cursor_row, round(table.scroll_y)
        page = table.scrollable_content_region.height - 1
        before = table.render_line(1 + start - top).text
        await ui.press("pagedown")
        assert table.cursor_row == start + page and round(table.scroll_y) == top + page
        # the cursor keeps its place on the screen; the rows under it are a page further
        assert table.render_line(1 + start - top).text != before
        await ui.press("pageup")
        assert table.cursor_row == start and round(table.scroll_y) == top
        assert table.render_line(1 + start - top).text == before


@pytest.mark.parametrize("kind", ["agenda", "rooms"])
@pilot_test
async def test_the_mouse_row_shows_until_a_key_moves_the_cursor(kind):
    async with opened(kind) as (ui, table):
        cls = type(table)
        plain = table.render_line(4)
        await ui.pilot.hover(cls, offset=(4, 4))
        await ui.pause()
        hovered = table.render_line(4)
        assert hovered.text == plain.text and hovered != plain  # the same words, another look
        await ui.press("down")
        assert table.render_line(4) == plain
        # a click shows the mouse's row again (as DataTable's) and puts the cursor there
        await ui.click(cls, offset=(4, 4))
        assert table.cursor_row == 3 + round(table.scroll_y)
        assert table.render_line(4) != plain


@pilot_test
async def test_ctrl_end_and_ctrl_home_go_to_the_last_and_first_room():
    async with opened("rooms") as (ui, table):
        await ui.press("ctrl+end")
        assert table.cursor_row == len(table.rows_shown) - 1
        last = table.get_row_at(len(table.rows_shown) - 1)[0].plain  # (a long name cut in its middle)
        assert table.render_line(table.size.height - 1).text.startswith(f" {last}")
        await ui.press("ctrl+home")
        assert table.cursor_row == 0 and round(table.scroll_y) == 0
