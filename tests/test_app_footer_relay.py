"""Issue 15: the footer lays its keys out again only when what they say changes (a new screen, a
key turned on or off, Star becoming Unstar), not on every notice Textual sends (each moved
cursor, each keystroke of a search), and not on a screen behind another."""

from __future__ import annotations

from apptools import pilot_test, running_at
from test_app_footer import assert_fits, footer_line, settle

from c4ml_tui.tui.widgets.key_footer import KeyFooter


def footer_widgets(screen) -> tuple[int, object]:
    """What the footer read of the screen's keys (read again, and drawn again, only when they
    changed); the footer is one widget: no widget of a key to build."""
    footer = screen.query_one(KeyFooter)
    assert not footer.children
    return id(footer.units), footer.units  # (held: the id is not another list's)


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
        await ui.press("f")  # the row is starred: Star becomes Unstar, read and drawn anew
        await settle(ui)
        assert footer_widgets(app.screen) != laid_out and "Unstar" in footer_line(app)
        assert "f Star" not in footer_line(app)
        assert_fits(app, 80)  # (Unstar is longer: the least needed key made room for it)
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


@pilot_test
async def test_the_agendas_first_frame_shows_its_footer_as_it_stays(c4ml, monkeypatch):
    """Issue 15, fourth round: the keys are composed and fitted before the agenda's first frame
    (Textual's footer composes them after it, then the screen is laid out and drawn twice more)."""
    from textual.screen import Screen

    from c4ml_tui.tui.screens.agenda import AgendaScreen

    frames: list[tuple[str, bool]] = []
    draw = Screen._compositor_refresh

    def drawn(screen) -> None:
        if isinstance(screen, AgendaScreen) and screen is screen.app.screen:
            footer = screen.query_one(KeyFooter)
            frames.append((footer_line(screen.app), bool(footer.region.width)))
        draw(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", drawn)
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a")
        await settle(ui)
        words = footer_line(ui.app)
        assert "⏎ Open" in words and "esc Back" in words and "q Quit" in words
        assert frames and frames[0] == (words, True)  # the first frame: every key shown, laid out
        assert {line for line, _ in frames} == {words}
