"""The bugs of four owners of one program, through the app's own keys: after a live update
every screen, the chair's keys and search see the new program; the chair's keys act in the room
on screen; the footer may ask what ``f`` would star before a new screen's widgets exist."""

from __future__ import annotations

from datetime import datetime

import pytest
from apptools import app_at, load_data, pilot_test, screen_text
from chair_fixtures import fictional

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.model import replace
from c4ml_tui.tui.app import make_app

SIZE = (100, 30)


def renamed(program, entry_id: str, title: str):
    """``program`` with one item or talk retitled: an organiser's edit, seen after a refresh."""
    def one(entry):
        return replace(entry, title=title) if entry.id == entry_id else entry

    items = tuple(replace(one(i), talks=tuple(one(t) for t in i.talks)) for i in program.items)
    return replace(program, items=items, digest="edited")


def chair_app(program, hhmm: str):
    start = datetime.fromisoformat(f"2031-05-14T{hhmm}").replace(tzinfo=program.tz)
    return make_app(program, ManualClock(program.tz, start))


@pilot_test
async def test_the_chairs_first_mark_after_a_refresh_keeps_the_new_program():
    app = chair_app(fictional(), "09:12")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        new = renamed(fictional(), "a1", "Lowering Dreams, Retitled")
        app.swap_program(new)  # what the follower does with a new copy from the URL
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.program is new and app.timeline.program is new
        assert "Lowering Dreams, Retitled" in screen_text(app)
        assert "Lowering Dreams to Loops" not in screen_text(app)


@pilot_test
async def test_search_finds_a_title_renamed_by_a_refresh():
    app = chair_app(fictional(), "09:12")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"moon")
        await pilot.pause()
        assert "Autotuning the Moon" in screen_text(app)  # the index of the first copy is built
        app.swap_program(renamed(fictional(), "a4", "Autotuning the Sun"))
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"sun")
        await pilot.pause()
        text = screen_text(app)
        assert "Autotuning the Sun" in text and "1 match" in text


@pilot_test
async def test_the_chairs_keys_act_in_the_room_the_board_shows():
    program = load_data("rooms.yaml")
    app, _ = app_at(program, 9, 31)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"zwei", "enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        marks = app.state.log.marks
        assert [m.id for m in marks] == ["s1"], "the talk in Studio Zwei, not the first room's"
        assert "Café Öffentlich" in screen_text(app)


@pytest.mark.parametrize("place", ["agenda", "search", "my_day", "chair"])
@pilot_test
async def test_asking_what_f_stars_before_a_screen_is_mounted_is_safe(place):
    """On a slow machine the footer asked App.check_action("star") while a new screen's
    widgets did not exist yet, and the query inside raised NoMatches."""
    app, _ = app_at(fictional(), 9, 12)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.get_screen(place)
        app.push_screen(screen)  # not awaited: its widgets are not mounted yet
        assert app.check_action("star", ()) is False
        assert app.check_action("unstar", ()) is False
        await pilot.pause()
        assert screen.is_mounted


@pilot_test
async def test_opening_a_pane_and_asking_at_once_is_safe():
    from c4ml_tui.tui.screens.detail import DetailScreen

    app, _ = app_at(fictional(), 9, 12)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(DetailScreen("a1"))
        assert app.check_action("star", ()) is False
        await pilot.pause()
        assert app.check_action("star", ()) is True  # mounted: a1 can be starred
