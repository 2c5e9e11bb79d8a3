"""Issue 15: the footer is one widget that draws its whole line (``KeyFooter``, ``key_line.draw``:
fourteen widgets a key cost most of showing the agenda, Textual's footer a fifth of 38C3's first
frame). It reads, fits, points and clicks as Textual's footer does: a key under the mouse is
highlighted in the colours of a Textual ``FooterKey`` under the mouse and shows its tooltip, a
click presses the key, a key shown disabled only rings the bell, the palette key opens the palette."""

from __future__ import annotations

from apptools import pilot_test, running_at
from test_app_footer import assert_fits, footer_line, settle
from textual.app import ComposeResult
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.help import HelpScreen
from c4ml_tui.tui.widgets.key_footer import KeyFooter


def x_of(footer: KeyFooter, words: str) -> int:
    """The cell of the footer where ``words`` (a key and its description) begin."""
    return "".join(segment.text for segment in footer.render_line(0)).index(words)


def look(widget, start: int, end: int) -> list[tuple[str, object]]:
    """The text and style of what ``widget`` draws from cell ``start`` to ``end`` (no positions)."""
    found, x = [], 0
    for segment in widget.render_lines(Region(0, 0, widget.size.width, 1))[0]:
        if start <= x < end and segment.text.strip():
            found.append((segment.text, segment.style.copy() if segment.style else None))
        x += len(segment.text)
    return [(text, style and style.clear_meta_and_links()) for text, style in found]


class TextualsFooter(Screen):
    """A screen with Textual's own compact footer, to see how Textual draws a key."""

    def compose(self) -> ComposeResult:
        yield Footer(compact=True)


async def textuals_look(ui, description: str) -> tuple[list, str | None]:
    """How Textual's footer draws the app's key ``description`` under the mouse, and its tooltip."""
    await ui.app.push_screen(TextualsFooter())
    await settle(ui)
    key = next(k for k in ui.screen.query(FooterKey) if k.description == description)
    await ui.pilot.hover(key, offset=(1, 0))
    await settle(ui)
    found = look(key, 0, key.size.width), key.tooltip
    ui.app.pop_screen()
    await settle(ui)
    return found


@pilot_test
async def test_the_agendas_keys_read_and_fit_as_textuals_footer_showed_them(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a")
        await settle(ui)
        footer = ui.screen.query_one(KeyFooter)
        assert footer_line(ui.app) == "⏎ Open n Jump to now / Search c Chair f Star esc Back ? Help q Quit"
        assert_fits(ui.app, 80)
        await ui.pilot.resize_terminal(200, 40)  # every key when there is room, in the screen's order
        await settle(ui)
        assert footer_line(ui.app) == ("⏎ Open n Jump to now / Search m My day c Chair i Event f Star"
                                       " esc Back ? Help q Quit")
        assert len(footer.shown) == len(footer.units)
        assert not footer.children  # one widget, its line drawn by itself


@pilot_test
async def test_a_key_under_the_mouse_is_highlighted_as_textuals_and_says_its_tooltip(c4ml):
    async with running_at(c4ml, 9, 15, size=(100, 24)) as ui:
        await settle(ui)
        textuals, tooltip = await textuals_look(ui, "palette")
        for keys in ((), ("a",)):  # the board's footer, the agenda's
            await ui.press(*keys)
            await settle(ui)
            footer = ui.screen.query_one(KeyFooter)
            x = x_of(footer, "^p palette")
            await ui.pilot.hover(footer, offset=(x + 1, 0))
            await settle(ui)
            assert footer.every_key()[footer.pointed].description == "palette"
            assert footer.tooltip == tooltip
            # its border, key and description in Textual's colours (Textual's own palette key is
            # not compact: another padding)
            assert [style for _, style in look(footer, x - 1, x + len("^p palette"))] == [s for _, s in textuals]
        await ui.press("escape")
        await settle(ui)
        textuals, tooltip = await textuals_look(ui, "Help")
        await ui.press("a")
        await settle(ui)
        footer = ui.screen.query_one(KeyFooter)
        x = x_of(footer, "? Help")
        await ui.pilot.hover(footer, offset=(x + 1, 0))
        await settle(ui)
        assert footer.every_key()[footer.pointed].description == "Help"
        assert footer.tooltip == tooltip == "Every key, the mouse and the palette"
        assert look(footer, x, x + len("? Help")) == textuals  # the same colours as Textual's key
        assert look(footer, 0, 6) != look(footer, x, x + 6)  # only that key
        await ui.pilot.hover(footer, offset=(x - 1, 0))  # between two keys: none
        await settle(ui)
        assert footer.pointed is None and footer.tooltip is None


@pilot_test
async def test_a_click_presses_the_key_and_a_disabled_one_rings_the_bell(c4ml, monkeypatch):
    async with running_at(c4ml, 9, 15) as ui:
        app = ui.app
        rang: list[bool] = []
        monkeypatch.setattr(app, "bell", lambda: rang.append(True))
        await ui.press("a")
        await settle(ui)
        await ui.press("home")  # the day's heading: nothing to open, Open shown disabled
        await settle(ui)
        footer = ui.screen.query_one(KeyFooter)
        assert not next(k for k in footer.every_key() if k.description == "Open").enabled
        await ui.click(footer, offset=(x_of(footer, "⏎ Open") + 2, 0))
        await settle(ui)
        assert isinstance(app.screen, AgendaScreen) and rang == [True]
        await ui.click(footer, offset=(x_of(footer, "? Help") + 2, 0))
        await settle(ui)
        assert isinstance(app.screen, HelpScreen)


@pilot_test
async def test_a_click_on_the_palette_key_opens_the_palette(c4ml):
    from textual.command import CommandPalette

    async with running_at(c4ml, 9, 15) as ui:
        footer = ui.screen.query_one(KeyFooter)
        await ui.click(footer, offset=(x_of(footer, "^p palette") + 1, 0))
        await settle(ui)
        assert isinstance(ui.app.screen, CommandPalette)


@pilot_test
async def test_the_stage_app_still_hides_its_footer():
    """``StageScreen Footer { display: none; }`` (the speaker's screen has no keys to show) finds
    the footer, which is no longer Textual's ``Footer`` class."""
    from test_stage_view import stage_app

    app = stage_app("09:00")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert not footer.display and footer not in app.screen._compositor.visible_widgets
