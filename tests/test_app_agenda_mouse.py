"""The agenda with the mouse (it draws its own lines, so it handles the mouse itself): a click
puts the cursor on the row clicked, a second click on it opens it, the wheel scrolls the day
without moving the cursor, and the row under the mouse is highlighted until a key is pressed."""

from __future__ import annotations

import sys
from pathlib import Path

from apptools import pilot_test, running_at
from textual import events

from c4ml_tui.sources.parsed import from_bytes
from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from gen_program import generate

BIG = from_bytes(generate(1200, days=1, rooms=3).encode(), "big.yaml", use_cache=False)


def line_of(table: AgendaTable, title: str) -> int:
    """The line of the table (the header is line 0) that shows the row titled ``title``."""
    index = next(i for i, r in enumerate(table.rows_shown) if r.title == title)
    return 1 + index - round(table.scroll_y)


@pilot_test
async def test_a_click_moves_the_cursor_and_a_second_click_opens_the_row(c4ml):
    async with running_at(c4ml, 10, 50) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        assert table.cursor_row_shown().title == "Session 2"
        await ui.click(AgendaTable, offset=(20, line_of(table, "Lunch")))
        assert isinstance(ui.screen, AgendaScreen) and table.cursor_row_shown().title == "Lunch"
        await ui.click(AgendaTable, offset=(20, 0))  # the header: nothing moves
        assert isinstance(ui.screen, AgendaScreen) and table.cursor_row_shown().title == "Lunch"
        await ui.click(AgendaTable, offset=(20, line_of(table, "Lunch")))
        assert isinstance(ui.screen, DetailScreen)
        assert "Lunch" in ui.text


@pilot_test
async def test_the_wheel_scrolls_the_day_and_the_row_under_the_mouse_is_highlighted():
    async with running_at(BIG, 15, 0) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        cursor, top = table.cursor_index, table.scroll_y
        for _ in range(3):
            # (Pilot has no wheel of its own: the events it posts for a click, a wheel's here)
            await ui.pilot._post_mouse_events([events.MouseScrollDown], AgendaTable, offset=(20, 5))
            await ui.pause()
        assert table.scroll_y > top and table.cursor_index == cursor
        await ui.pilot.hover(AgendaTable, offset=(20, 5))
        under = 5 - 1 + round(table.scroll_y)
        assert table._hover == under
        hovered = table.render_line(5)
        await ui.press("down")  # a key: the mouse's highlight goes
        assert table._hover is None and table.render_line(5) != hovered
