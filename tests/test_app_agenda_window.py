"""Issue 15: a day of thousands of rows costs what a screenful costs: the agenda draws only the
lines in view (its own lines, Textual's Line API), as the DataTable it used to be drew them; a new
width keeps the rows (no second build). The user sees every row in its place all the same."""

from __future__ import annotations

import sys
from pathlib import Path

from apptools import pilot_test, running_at
from rich.segment import Segment
from textual.geometry import Region

from c4ml_tui.sources.parsed import from_bytes
from c4ml_tui.tui.widgets.agenda_table import AgendaTable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from gen_program import generate

BIG = from_bytes(generate(1200, days=1, rooms=3).encode(), "big.yaml", use_cache=False)


def lines(table) -> list[str]:
    """What the table shows, line by line (the header first)."""
    width, height = table.size
    return [strip.text for strip in table.render_lines(Region(0, 0, width, height))]


def under_cursor(table: AgendaTable) -> tuple[str, str]:
    """The line drawn where the cursor is, and the title of the row the table says it is."""
    line = lines(table)[1 + table.cursor_index - round(table.scroll_y)]
    return line, table.rows_shown[table.cursor_index].caption.strip()


def on_screen(table: AgendaTable) -> list[str]:
    """The lines in view, below the header."""
    return [line for line in lines(table)[1:] if line.strip()]


def expected_on_screen(table: AgendaTable) -> list[str]:
    top = round(table.scroll_y)
    height = table.scrollable_content_region.height - 1
    return [r.caption.strip()[:20] for r in table.rows_shown[top:top + height]]


@pilot_test
async def test_a_long_day_is_drawn_near_the_view_and_every_row_is_reachable():
    async with running_at(BIG, 15, 0) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        rows = table.rows_shown
        assert len(rows) > 1000
        assert rows[table.cursor_index].state == "now"  # on what runs now, deep into the day
        assert table.cursor_index > 200
        shown, meant = under_cursor(table)
        assert meant[:20] in shown and "▶" in shown
        assert len(table._lines) <= table.size.height  # only the lines in view were drawn
        await ui.press("end")
        assert table.cursor_index == len(rows) - 1
        shown, meant = under_cursor(table)
        assert meant[:20] in shown
        await ui.press("home")
        assert table.cursor_index == 0 and rows[0].caption in under_cursor(table)[0]
        seen = [table.cursor_index]
        for _ in range(30):  # page down through the day: rows in order, none skipped
            await ui.press("pagedown")
            seen.append(table.cursor_index)
            shown, meant = under_cursor(table)
            assert meant[:20] in shown
            found, expected = on_screen(table), expected_on_screen(table)
            assert len(found) == len(expected) > 10
            assert all(e in line for line, e in zip(found, expected, strict=True))
        assert seen == sorted(seen) and seen[-1] > 400
        for _ in range(40):
            await ui.press("up")
        assert table.cursor_index == seen[-1] - 40
        shown, meant = under_cursor(table)
        assert meant[:20] in shown


@pilot_test
async def test_a_new_width_keeps_the_rows_and_the_cursor():
    async with running_at(BIG, 15, 0, size=(80, 24)) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        before, rows = table.cursor_index, table.rows_shown
        await ui.pilot.resize_terminal(160, 40)
        await ui.pause()
        assert table.cursor_index == before
        assert table.rows_shown is rows  # the same rows: not worked out again
        assert next(c for c in table.ordered_columns if c.key == "title").width > 60
        shown, meant = under_cursor(table)
        assert meant in shown


def _plain(strips) -> list[list[tuple[str, object]]]:
    """Each line's runs of text and their styles, without the cells' places (mouse meta)."""
    found = []
    for strip in strips:
        segments = [Segment(s.text, s.style.clear_meta_and_links() if s.style else s.style) for s in strip]
        found.append([(s.text, s.style) for s in Segment.simplify(segments)])
    return found


@pilot_test
async def test_every_line_looks_as_the_datatable_drew_it():
    # The agenda draws its own lines; they must come out as Textual's DataTable drew the same
    # rows (the agenda was one), style for style: the header, past (dim) and running (bold)
    # rows, the cursor's row, titles cut with an ellipsis, the mark of what runs now.
    from textual.widgets import DataTable

    from c4ml_tui.tui.widgets.agenda_cells import row_cells

    async with running_at(BIG, 15, 0, size=(80, 24)) as ui:
        await ui.press("a")
        screen = ui.screen
        table = screen.query_one(AgendaTable)
        top = round(table.scroll_y)
        # (a tab or a line break in a title, kept by the cleaning: drawn by Rich, as DataTable did)
        odd = list(table.rows_shown)
        odd[top + 2] = odd[top + 2]._replace(title="Tabs\tand a break\nin a title")
        table.show(odd)
        await ui.pause()
        states = {r.state for r in table.rows_shown[top:top + table.size.height]}
        assert {"past", "now"} <= states or {"now", "later"} <= states
        size = table.size
        ours = table.render_lines(Region(0, 0, *size))
        assert any("…" in strip.text for strip in ours)  # some titles did not fit
        assert any("Tabs" in strip.text for strip in ours)
        reference = DataTable(cursor_type="row", zebra_stripes=False)
        reference.styles.height = "1fr"
        reference.styles.width = "1fr"
        await screen.mount(reference, after=table)
        table.display = False
        for column in table.ordered_columns:
            reference.add_column(column.label, width=column.width, key=column.key)
        times = table._time_words()
        for row in table.rows_shown:
            reference.add_row(*row_cells(row, True, frozenset(), times), key=row.key)
        reference.focus()
        await ui.pause()
        reference.move_cursor(row=table.cursor_index, scroll=False)
        reference.scroll_to(y=top, animate=False, immediate=True)
        await ui.pause()
        assert reference.size == size and round(reference.scroll_y) == top
        theirs = reference.render_lines(Region(0, 0, *reference.size))
        assert _plain(ours) == _plain(theirs)


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
