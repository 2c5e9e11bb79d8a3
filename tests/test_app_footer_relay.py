"""Issue 15: the footer lays its keys out again only when what they say changes (a new screen, a
key turned on or off, Star becoming Unstar), not on every notice Textual sends (each moved
cursor, each keystroke of a search), and not on a screen behind another."""

from __future__ import annotations

from apptools import pilot_test, running_at
from test_app_footer import footer_line, settle
from textual.widgets._footer import FooterKey

from c4ml_tui.tui.widgets.key_footer import KeyFooter


def footer_widgets(screen) -> list[int]:
    return [id(key) for key in screen.query_one(KeyFooter).query(FooterKey)]


@pilot_test
async def test_moving_and_typing_keep_the_footer_until_a_key_changes(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        app = ui.app
        await ui.press("a")
        await settle(ui)
        laid_out, words = footer_widgets(app.screen), footer_line(app)
        assert "Open" in words
        await ui.press("down", "down")  # rows that open something: the same keys
        await settle(ui)
        assert footer_widgets(app.screen) == laid_out
        await ui.press("f")  # the row is starred: Star becomes Unstar
        await settle(ui)
        assert footer_widgets(app.screen) != laid_out and "Unstar" in footer_line(app)
        await ui.press("f")
        await ui.press("slash", "b", "r")  # results came: Down into them turned on
        await settle(ui)
        typing = footer_widgets(app.screen)
        await ui.press(*"eak")  # each keystroke notifies the footer: nothing it shows changes
        await settle(ui)
        assert app.screen.results.total and footer_widgets(app.screen) == typing


@pilot_test
async def test_a_screen_behind_keeps_its_footer_and_shows_it_again(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        app = ui.app
        board = app.screen
        await settle(ui)
        laid_out, words = footer_widgets(board), footer_line(app)
        await ui.press("a")
        await settle(ui)
        assert footer_widgets(board) == laid_out  # not laid out again behind the agenda
        await ui.press("escape")
        await settle(ui)
        assert app.screen is board and footer_line(app) == words
