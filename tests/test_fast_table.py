"""fast_table (the rooms board's table) writes a few of DataTable's private fields (Textual 8.2);
a Textual that keeps them otherwise must still get every row, through ``add_row``, and have its
cells drawn by Textual. (This was the agenda's test while the agenda was a DataTable.)"""

from __future__ import annotations

import sys
from pathlib import Path

from apptools import pilot_test, running_at

from c4ml_tui.sources.parsed import from_bytes
from c4ml_tui.tui.widgets.room_table import RoomTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from gen_program import generate

BIG = from_bytes(generate(300, days=1, rooms=3).encode(), "big.yaml", use_cache=False)


@pilot_test
async def test_a_datatable_without_the_fields_fast_table_writes_still_gets_every_row(monkeypatch):
    from rich.text import Text
    from textual.widgets import DataTable

    from c4ml_tui.tui.widgets import fast_table

    async with running_at(BIG, 15, 0, size=(80, 24)) as ui:
        await ui.until(lambda: ui.screen.query(RoomTable) and ui.screen.query_one(RoomTable).row_count,
                       "the rooms board's rows")
        table = ui.screen.query_one(RoomTable)
        probe = DataTable()
        probe.add_columns("a", "b")
        monkeypatch.setattr(fast_table, "_INTERNALS", (*fast_table._INTERNALS, "_not_in_this_textual"))
        fast_table.append_rows(probe, [("one", [Text("x"), Text("y")]), ("two", [Text("z"), Text("w")])])
        assert probe.row_count == 2 and probe.get_row("two")[0].plain == "z"
        cache = table._cell_render_cache
        del table._cell_render_cache  # nor this one: the cell is left to Textual
        try:
            assert fast_table.draw_cell(table, 0, 1, table.rich_style, 12) is None
        finally:
            table._cell_render_cache = cache
