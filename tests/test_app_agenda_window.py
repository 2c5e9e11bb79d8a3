"""Issue 15: a day of thousands of rows is shown from a window of rows around the view (only
what is near the screen is built), which moves as the cursor and the view move; a new width
keeps the rows (no second build). The user sees every row in its place all the same."""

from __future__ import annotations

import sys
from pathlib import Path

from apptools import cells_as_textual, pilot_test, running_at

from c4ml_tui.sources.parsed import from_bytes
from c4ml_tui.tui.widgets.agenda_table import AgendaTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from gen_program import generate

BIG = from_bytes(generate(1200, days=1, rooms=3).encode(), "big.yaml", use_cache=False)


def under_cursor(table: AgendaTable) -> tuple[str, str]:
    """The title the highlighted line shows, and the title of the row the table says it is."""
    cells = table.get_row_at(table.cursor_row)
    return cells[2].plain.strip(), table.rows_shown[table.cursor_index].caption.strip()


def on_screen(table: AgendaTable) -> list[str]:
    """The titles of the lines in view."""
    top = round(table.scroll_y)
    height = table.scrollable_content_region.height
    return [table.get_row_at(i)[2].plain.strip() for i in range(top, min(top + height, table.row_count))]


def expected_on_screen(table: AgendaTable) -> list[str]:
    top = table._lo + round(table.scroll_y)
    height = table.scrollable_content_region.height
    rows = table.rows_shown[top:top + height]
    return [r.caption.strip() for r in rows]


@pilot_test
async def test_a_long_day_is_built_near_the_view_and_every_row_is_reachable():
    async with running_at(BIG, 15, 0) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        rows = table.rows_shown
        assert len(rows) > 1000 and table.row_count < len(rows)  # a window, not the day
        assert rows[table.cursor_index].state == "now"  # on what runs now, deep into the day
        assert table.cursor_index > table.row_count
        shown, meant = under_cursor(table)
        assert meant in shown
        await ui.press("end")
        assert table.cursor_index == len(rows) - 1
        shown, meant = under_cursor(table)
        assert meant in shown
        await ui.press("home")
        assert table.cursor_index == 0 and under_cursor(table)[0] == rows[0].caption
        seen = [table.cursor_index]
        for _ in range(30):  # page down through several windows: rows in order, none skipped
            await ui.press("pagedown")
            seen.append(table.cursor_index)
            shown, meant = under_cursor(table)
            assert meant in shown
            lines, expected = on_screen(table), expected_on_screen(table)
            assert len(lines) == len(expected) > 10
            assert all(e in line for line, e in zip(lines, expected, strict=True))
        assert seen == sorted(seen) and seen[-1] > 400
        for _ in range(40):
            await ui.press("up")
        assert table.cursor_index == seen[-1] - 40
        shown, meant = under_cursor(table)
        assert meant in shown


@pilot_test
async def test_a_new_width_keeps_the_rows_and_the_cursor():
    async with running_at(BIG, 15, 0, size=(80, 24)) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        before = table.cursor_index
        first_row = table.get_row_at(0)
        await ui.pilot.resize_terminal(160, 40)
        await ui.pause()
        assert table.cursor_index == before
        assert table.get_row_at(0) == first_row  # the same cells: not built again
        assert table.columns[next(k for k in table.columns if k.value == "title")].width > 60
        shown, meant = under_cursor(table)
        assert meant in shown


@pilot_test
async def test_cells_drawn_without_rich_look_as_textual_draws_them():
    # The agenda draws its one-line cells itself (fast_table.draw_cell: Rich's renderers cost
    # most of a frame): every cell in view, past (dim) and running (bold) rows, the cursor's row,
    # titles cut with an ellipsis, must come out as DataTable draws them, style for style.

    async with running_at(BIG, 15, 0, size=(80, 24)) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        top = round(table.scroll_y)
        in_view = range(top, top + table.scrollable_content_region.height - 1)
        states = {table.rows_shown[table._lo + index].state for index in in_view}
        _drawn, cut = cells_as_textual(table, in_view)
        assert {"past", "now"} <= states or {"now", "later"} <= states
        assert cut  # some titles did not fit


@pilot_test
async def test_a_datatable_without_the_fields_the_agenda_writes_still_gets_every_row(monkeypatch):
    # fast_table writes a few of DataTable's private fields (Textual 8.2); a Textual that keeps
    # them otherwise must still get the rows, through add_row, and still be drawn by Textual.
    from textual.widgets import DataTable

    from c4ml_tui.tui.widgets import agenda_cells, fast_table

    async with running_at(BIG, 15, 0, size=(80, 24)) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        probe = DataTable()
        probe.add_columns("a", "b")
        monkeypatch.setattr(fast_table, "_INTERNALS", (*fast_table._INTERNALS, "_not_in_this_textual"))
        fast_table.append_rows(probe, [("one", [agenda_cells.cell("x"), agenda_cells.cell("y")]),
                                       ("two", [agenda_cells.cell("z"), agenda_cells.cell("w")])])
        assert probe.row_count == 2 and probe.get_row("two")[0].plain == "z"
        cache = table._cell_render_cache
        del table._cell_render_cache  # nor this one: the cell is left to Textual
        try:
            assert fast_table.draw_cell(table, 0, 1, table.rich_style, 12) is None
        finally:
            table._cell_render_cache = cache


@pilot_test
async def test_the_first_frame_of_a_long_day_has_its_scrollbar_where_the_view_is(monkeypatch):
    """Issue 15, fourth round: the table knows before its first layout that a long day will not
    fit its view, so the scrollbar is in the first frame, at the view's place (found by that
    layout, it came one frame later, the whole screen laid out and drawn again)."""
    from textual.screen import Screen

    from c4ml_tui.tui.screens.agenda import AgendaScreen

    frames: list[tuple[bool, int]] = []
    draw = Screen._compositor_refresh

    def drawn(screen) -> None:
        if isinstance(screen, AgendaScreen) and screen is screen.app.screen:
            table = screen.query_one(AgendaTable)
            bar = table.vertical_scrollbar
            frames.append((bar.display and bool(bar.region.height), round(bar.position)))
        draw(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", drawn)
    async with running_at(BIG, 15, 0) as ui:
        await ui.press("a")
        await ui.pause()
        table = ui.screen.query_one(AgendaTable)
        assert table.scroll_y > 0  # on "now", deep into the window
        assert frames[0] == (True, round(table.scroll_y))
        assert all(frame == frames[0] for frame in frames)
