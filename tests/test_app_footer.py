"""Issue 13, item 3: the footer at 80 columns. Every key it shows lies inside the terminal and
left of the palette key (nothing runs under it: no stray letters), the chair's screen keeps
Escape, ``?`` and ``q`` in view, a group of keys has its space (``+- Nudge u Undo``), and the
chair's notes never pile up over its status line. A wide terminal shows every key."""

from __future__ import annotations

import pytest
from apptools import load_data, pilot_test, running_at

from c4ml_tui.tui.screens.chair import ChairScreen
from c4ml_tui.tui.widgets.key_footer import KeyFooter, rank
from c4ml_tui.tui.widgets.key_line import Key


def footer_keys(app) -> list[Key]:
    """The keys the footer shows, left to right (not the palette key)."""
    footer = app.screen.query_one(KeyFooter)
    footer.render_line(0)
    keys = footer.every_key()
    return [keys[index] for _, _, index in footer.spans if keys[index] is not footer.palette]


def footer_line(app) -> str:
    """The footer as it reads, left of the palette key: each shown key or group, left to right."""
    return app.screen.query_one(KeyFooter).text()


def assert_fits(app, width: int) -> None:
    footer = app.screen.query_one(KeyFooter)
    assert footer.region.width == width and footer.region.x == 0
    footer.render_line(0)
    *spans, (palette_x, palette_end, palette) = footer.spans
    assert footer.every_key()[palette].description == "palette"
    for start, end, index in spans:
        key = footer.every_key()[index]
        assert end <= palette_x, f"{key.description!r} runs under the palette key"
        assert start >= 0 and end <= width
    assert palette_end < width  # (and a cell after it, as Textual's)


async def settle(ui) -> None:
    for _ in range(4):  # the footer fits itself after the frame that lays its keys out
        await ui.pause()


@pytest.mark.parametrize("keys", [(), ("a",), ("slash",), ("m",), ("c",), ("enter",), ("a", "enter")])
@pilot_test
async def test_every_screen_footer_fits_80_columns(c4ml, keys):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press(*keys)
        await settle(ui)
        assert_fits(ui.app, 80)


@pilot_test
async def test_the_chair_footer_keeps_back_help_and_quit_and_spaces_its_group(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("c")
        await settle(ui)
        assert isinstance(ui.screen, ChairScreen)
        line = footer_line(ui.app)
        assert line.startswith("s Started e Ended +- Nudge u Undo b Bell")
        assert line.endswith("esc Back ? Help q Quit")
        assert_fits(ui.app, 80)


@pilot_test
async def test_a_rooms_board_drops_the_keys_help_lists_not_its_own():
    async with running_at(load_data("rooms.yaml"), 10, 5) as ui:
        await settle(ui)
        line = footer_line(ui.app)
        assert line.startswith("⏎ Open r Room t Track c Chair")
        assert line.endswith("? Help q Quit")
        assert "/ Search" not in line  # opens from anywhere: help and the palette list it
        assert_fits(ui.app, 80)


@pilot_test
async def test_a_wide_terminal_shows_every_key(c4ml):
    async with running_at(c4ml, 9, 15, size=(200, 60)) as ui:
        await ui.press("c")
        await settle(ui)
        descriptions = [k.description for k in footer_keys(ui.app)]
        assert {"Started", "Ended", "Undo", "Bell", "Now", "Agenda", "Search", "My day", "Back", "Help",
                "Quit"} <= set(descriptions)


@pilot_test
async def test_chair_notes_come_one_at_a_time(c4ml):
    """Each key's note replaces the one before, so notes never pile up over the screen (they
    stand one line high above the footer: ``ChairScreen Toast`` in app.tcss)."""
    async with running_at(c4ml, 9, 14) as ui:
        await ui.press("c", "s", "e", "u", "u")
        assert [n.message for n in ui.app._notifications] == ["Undone: started Session 1 at 09:14."]


def test_ranks_keep_the_way_out_longest():
    assert rank("app.back") == rank("quit") == rank("help") == 2
    assert rank("show('agenda')") == rank("now") == 0
    assert rank("mark_start") == rank("app.star") == 1


@pilot_test
async def test_the_board_footer_fits_again_after_the_chair(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press("c")
        await settle(ui)
        await ui.press("escape")
        await settle(ui)
        assert footer_line(ui.app).endswith("? Help q Quit")
        assert_fits(ui.app, 80)


@pilot_test
async def test_a_footer_under_another_screen_stays_idle(c4ml):
    """Found on 38C3 in tmux: the chair screen used half a core doing nothing, because the board's
    footer under it (never laid out there) asked to be fitted again after every frame."""
    async with running_at(c4ml, 9, 15, size=(200, 60)) as ui:
        board_footer = ui.screen.query_one(KeyFooter)
        await ui.press("c")
        await settle(ui)
        calls = []
        fit = board_footer.fit
        board_footer.fit = lambda: (calls.append(1), fit())[1]  # type: ignore[method-assign]
        for _ in range(20):
            await ui.pause()
        assert len(calls) <= 1
