"""Issue 15, fourth round: the agenda's footer draws its keys as one widget (``KeyLine``: 14
widgets a key cost most of showing the agenda). It reads, fits, points and clicks as Textual's
footer does: a key under the mouse is highlighted in the same colours and shows its tooltip,
a click presses the key, and a key shown disabled only rings the bell."""

from __future__ import annotations

from apptools import pilot_test, running_at
from test_app_footer import assert_fits, footer_line, settle
from textual.widgets._footer import FooterKey

from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.help import HelpScreen
from c4ml_tui.tui.widgets.key_line import KeyLine


def x_of(line: KeyLine, words: str) -> int:
    """The cell of the line where ``words`` (a key and its description) begin."""
    return line.render().plain.index(words)


def look(widget, start: int, end: int) -> list[tuple[str, object]]:
    """The text and style of what ``widget`` draws from cell ``start`` to ``end`` (no positions)."""
    from textual.geometry import Region

    found, x = [], 0
    for segment in widget.render_lines(Region(0, 0, widget.size.width, 1))[0]:
        if start <= x < end and segment.text.strip():
            found.append((segment.text, segment.style.copy() if segment.style else None))
        x += len(segment.text)
    return [(text, style and style.clear_meta_and_links()) for text, style in found]


@pilot_test
async def test_the_agendas_keys_read_and_fit_as_textuals_footer_showed_them(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("a")
        await settle(ui)
        line = ui.screen.query_one(KeyLine)
        assert footer_line(ui.app) == "⏎ Open n Jump to now / Search c Chair f Star esc Back ? Help q Quit"
        assert_fits(ui.app, 80)
        await ui.pilot.resize_terminal(200, 40)  # every key when there is room, in the screen's order
        await settle(ui)
        assert footer_line(ui.app) == ("⏎ Open n Jump to now / Search m My day c Chair i Event f Star"
                                       " esc Back ? Help q Quit")
        assert len(line.shown) == len(line.keys)


@pilot_test
async def test_a_key_under_the_mouse_is_highlighted_as_textuals_and_says_its_tooltip(c4ml):
    async with running_at(c4ml, 9, 15, size=(100, 24)) as ui:
        await settle(ui)
        board_key = next(k for k in ui.screen.query(FooterKey) if k.description == "Help")
        await ui.pilot.hover(board_key, offset=(1, 0))
        await settle(ui)
        textuals = look(board_key, 0, board_key.size.width)
        await ui.press("a")
        await settle(ui)
        line = ui.screen.query_one(KeyLine)
        x = x_of(line, "? Help")
        await ui.pilot.hover(line, offset=(x + 1, 0))
        await settle(ui)
        assert line.keys[line.pointed].description == "Help"
        assert line.tooltip == board_key.tooltip == "Every key, the mouse and the palette"
        assert look(line, x, x + len("? Help")) == textuals  # the same colours as Textual's key
        assert look(line, 0, 6) != look(line, x, x + 6)  # only that key


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
        line = ui.screen.query_one(KeyLine)
        assert not next(k for k in line.keys if k.description == "Open").enabled
        await ui.click(line, offset=(x_of(line, "⏎ Open") + 2, 0))
        await settle(ui)
        assert isinstance(app.screen, AgendaScreen) and rang == [True]
        await ui.click(line, offset=(x_of(line, "? Help") + 2, 0))
        await settle(ui)
        assert isinstance(app.screen, HelpScreen)
