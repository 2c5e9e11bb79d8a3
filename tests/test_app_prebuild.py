"""Issue 15: the agenda is built ahead while the app is idle after its first frame (``prebuild.py``),
so ``a`` shows a screen that is ready. What the user sees must not tell: the board stays as it was
while the agenda is built behind it, and ``a`` then shows the very screen, colour for colour, that
an agenda built on ``a`` shows, whatever happened in between (time passing, a filter, a star,
a new terminal size, another theme, ``a`` pressed while it is being built).

Fictional programs only (tests/data)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from apptools import app_at, load_data, pilot_test, running, screen_text

from c4ml_tui.core import fmt
from c4ml_tui.tui import prebuild
from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.words import agenda

ROOMS = load_data("rooms.yaml")
ONE_ROOM = load_data("fictional.yaml")


def ahead(program, hour: int, minute: int = 0):
    """The app on ``program`` at ``hour:minute``, building the agenda ahead at once (the command
    line's app waits a second after its first frame)."""
    app, _ = app_at(program, hour, minute)
    app.prebuild = prebuild.Prebuild(app, ("agenda",))
    app.prebuild.after = 0
    return app


async def built(ui) -> AgendaScreen:
    await ui.app.prebuild.finished.wait()
    await ui.pause()
    assert ui.app.prebuild.built == ["agenda"]
    return ui.app.get_screen("agenda")


async def later(ui) -> None:
    await ui.tick(minutes=50)  # another talk on now: the rows' marks change


async def filtered(ui) -> None:
    await ui.press("r", "z", "enter")  # only Studio Zwei


async def starred(ui) -> None:
    await ui.press("f")


async def resized(ui) -> None:
    await ui.pilot.resize_terminal(120, 40)
    await ui.pause()


async def themed(ui) -> None:
    ui.app.theme = "textual-light"
    await ui.pause()


async def next_day(ui) -> None:
    await ui.tick(hours=24)


async def other_zone(ui) -> None:
    await ui.press("z")  # the times in the viewer's own zone, labelled


THEN: dict[str, Callable[[object], Awaitable[None]] | None] = {
    "at once": None, "50 min later": later, "a room filter": filtered, "a star": starred,
    "a new size": resized, "another theme": themed, "the next day": next_day, "the viewer's zone": other_zone,
}


@pilot_test
async def test_the_agenda_is_built_behind_the_board_without_a_trace_on_it():
    async with running(ahead(ROOMS, 10, 5)) as ui:
        board = ui.app.screen
        before = ui.app.export_screenshot()
        focused = ui.app.focused
        agenda_screen = await built(ui)
        assert ui.app.screen is board and ui.app.screen_stack == [board]
        assert ui.app.export_screenshot() == before
        assert ui.app.focused is focused
        # built: mounted, and holding the day as it is now
        assert agenda_screen.is_mounted and agenda_screen.built_ahead
        rows = agenda_screen.table.rows_shown
        expected = agenda.rows(ui.app.state.narrowed(agenda_screen.day), ui.clock.now())
        assert [(r.title, r.state) for r in rows] == [(r.title, r.state) for r in expected]
        assert "Loops All the Way Down" in [r.title for r in rows]


@pytest.mark.parametrize("then", list(THEN))
@pilot_test
async def test_a_shows_the_agenda_built_ahead_as_one_built_on_a(then, tmp_path, monkeypatch):
    pictures, texts = [], []
    shown = fmt.shown()
    for build_ahead in (False, True):
        monkeypatch.setenv("C4ML_TUI_DATA_DIR", str(tmp_path / f"data-{build_ahead}"))  # (a star each)
        fmt.restore(shown)  # (the zone times are shown in is the process's: `z` set it for the first app)
        app = ahead(ROOMS, 10, 5) if build_ahead else app_at(ROOMS, 10, 5)[0]
        async with running(app) as ui:
            if build_ahead:
                await built(ui)
            if THEN[then] is not None:
                await THEN[then](ui)
            await ui.press("a")
            assert isinstance(ui.app.screen, AgendaScreen)
            assert ui.app.screen.built_ahead is build_ahead
            texts.append(screen_text(ui.app))
            pictures.append(ui.app.export_screenshot())
    assert texts[1] == texts[0]
    assert pictures[1] == pictures[0]


@pilot_test
async def test_a_pressed_while_the_agenda_is_being_built_shows_it_once_built():
    plain, _ = app_at(ONE_ROOM, 9, 40)
    async with running(plain) as ui:
        await ui.press("a")
        expected = ui.app.export_screenshot(), screen_text(ui.app)
    app, _ = app_at(ONE_ROOM, 9, 40)
    async with running(app) as ui:
        screen = prebuild.build(ui.app, "agenda")
        assert screen is not None
        await ui.press("a")  # its compose, mount and first words not run yet: they run first
        assert ui.app.screen is screen
        assert (ui.app.export_screenshot(), screen_text(ui.app)) == expected


@pilot_test
async def test_an_agenda_already_shown_is_not_built_again():
    app = ahead(ONE_ROOM, 9, 40)
    app.prebuild.after = 3600  # (not before the test is over)
    async with running(app) as ui:
        await ui.press("a", "down", "down")
        shown = ui.app.screen
        cursor = shown.table.cursor_index
        await ui.press("escape")
        assert prebuild.build(ui.app, "agenda") is None
        assert not shown.built_ahead
        await ui.press("a")
        assert ui.app.screen is shown and shown.table.cursor_index != cursor  # a goes to now again


@pilot_test
async def test_the_agenda_of_a_slice_is_built_once_the_whole_program_is_read():
    """An app opened on a slice of a big program (``rest.py``) builds the agenda from the whole
    program, not from the slice: it waits until the whole one is read."""
    app = ahead(ROOMS, 10, 5)
    read: list[object] = []

    def whole():
        read.append(True)
        return ROOMS

    from c4ml_tui.tui.rest import Rest

    app.rest = Rest(app, whole)
    async with running(app) as ui:
        await ui.app.prebuild.finished.wait()
        assert read and ui.app.rest.done
        assert ui.app.prebuild.built == ["agenda"]
