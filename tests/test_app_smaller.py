"""Issue 13, item 10, in the app: ``f`` stars on the rooms board, Home/End in the agenda, the
chosen theme survives a restart (the settings file), the focused box differs by shape (not only
a shade of grey: NO_COLOR), and the palette offers one Help (not Help and Keys)."""

from __future__ import annotations

from apptools import app_at, load_data, pilot_test, running, running_at, text_of

from c4ml_tui.store import config
from c4ml_tui.store.paths import config_file
from c4ml_tui.tui.widgets.agenda_table import AgendaTable
from c4ml_tui.tui.widgets.card import Card
from c4ml_tui.tui.widgets.room_table import RoomTable


@pilot_test
async def test_f_stars_what_runs_in_the_highlighted_room():
    async with running_at(load_data("rooms.yaml"), 10, 5) as ui:
        table = ui.screen.query_one(RoomTable)
        table.move_cursor(row=1)  # Hall Ω: Loops All the Way Down
        await ui.press("f")
        assert ui.app.favourites.ids == ("h1",)
        assert text_of(table).splitlines()[1].startswith("Hall Ω | ★ Loops All the Way Down")
        await ui.press("f")
        assert ui.app.favourites.ids == ()
        assert "★" not in text_of(table)


@pilot_test
async def test_home_and_end_in_the_agenda(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a")
        table = ui.screen.query_one(AgendaTable)
        await ui.press("end")
        assert table.cursor_row == len(table.rows_shown) - 1
        assert table.rows_shown[table.cursor_row].title == "Session 4 - Poster Lightning Talks"
        await ui.press("home")
        assert table.cursor_row == 0


@pilot_test
async def test_the_theme_chosen_is_there_after_a_restart(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    app.config = config.load()  # as run_app gives it
    async with running(app) as ui:
        ui.app.theme = "nord"  # what the palette's theme switcher does
        await ui.pause()
        await ui.pause()
    with open(config_file(), encoding="utf-8") as handle:
        assert 'theme = "nord"' in handle.read()
    again, _ = app_at(c4ml, 9, 15)
    again.config = config.load()
    async with running(again) as ui:
        assert ui.app.theme == "nord"


@pilot_test
async def test_the_focused_box_has_a_heavier_border(c4ml, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    async with running_at(c4ml, 9, 15) as ui:
        now, nxt = ui.screen.query_one("#now-card", Card), ui.screen.query_one("#next-card", Card)
        assert now.has_focus
        assert now.styles.border_top[0] == "heavy" and nxt.styles.border_top[0] == "round"
        await ui.press("down")
        assert nxt.styles.border_top[0] == "heavy" and now.styles.border_top[0] == "round"


@pilot_test
async def test_the_palette_offers_help_once(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        titles = [c.title for c in ui.app.get_system_commands(ui.screen)]
        assert titles.count("Help") == 1 and "Keys" not in titles
        assert "About this event" in titles and "Clear filters" not in titles  # no filter on
