"""Issue 13, item 8: the event itself is shown. ``i`` from every screen, or "About this event" in
the palette, opens a pane with the event's title, edition, dates, zone, venue, room, web page,
description and what the program holds (C4ML's scope text, the Westin, Willow)."""

from __future__ import annotations

import pytest
from apptools import palette_choose, pilot_test, running_at, text_of
from conftest import SCHEDULES

from c4ml_tui.tui.screens.about import AboutScreen
from c4ml_tui.tui.widgets.links import LinkList
from c4ml_tui.tui.widgets.markdown import SafeMarkdown
from c4ml_tui.words.about import days


@pytest.mark.parametrize("keys", [(), ("a",), ("m",), ("enter",), ("c",)])
@pilot_test
async def test_i_opens_the_event_from_every_screen(c4ml, keys):
    async with running_at(c4ml, 9, 15) as ui:
        await ui.press(*keys, "i")
        assert isinstance(ui.screen, AboutScreen)
        text = ui.text
        assert "Compilers for Machine Learning\n6th C4ML workshop, at CGO 2025\nSunday 2 March 2025" in text
        assert "Times in America/Los_Angeles (PST, UTC-08:00)" in text
        assert "The Westin Las Vegas Hotel & Spa · Las Vegas, USA (in person)\nRoom: Willow" in text
        assert "The program: 8 items · 1 day" in text
        description = ui.screen.query_one(SafeMarkdown)
        assert description.source.startswith("Machine learning applications are becoming ubiquitous")
        await ui.press("escape")
        assert not isinstance(ui.screen, AboutScreen)


@pilot_test
async def test_the_palette_opens_it(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        await palette_choose(ui.pilot, "about this", "About this event")
        assert isinstance(ui.screen, AboutScreen)


@pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="the shared schedules are not here")
@pilot_test
async def test_38c3_shows_its_days_rooms_and_web_page():
    from c4ml_tui.sources.loader import load

    program = load(SCHEDULES / "38c3.xml")
    async with running_at(program, 14, 20, day=program.days[1]) as ui:
        await ui.press("i")
        text = ui.text
        assert "38C3\nFriday 27 to Monday 30 December 2024\nTimes in Europe/Berlin (CET, UTC+01:00)" in text
        assert "72 rooms in parallel" in text
        assert "The program: 1,007 items · 571 speakers · 4 days · 7 tracks" in text
        links = ui.screen.query_one(LinkList)
        assert text_of(links) == "https://events.ccc.de/congress/2024/hub/"


def test_days_read_naturally():
    from datetime import date

    assert days(date(2025, 3, 2), date(2025, 3, 2)) == "Sunday 2 March 2025"
    assert days(date(2024, 12, 27), date(2024, 12, 30)) == "Friday 27 to Monday 30 December 2024"
    assert days(date(2031, 5, 31), date(2031, 6, 1)) == "Saturday 31 May to Sunday 1 June 2031"
    assert days(date(2024, 12, 30), date(2025, 1, 2)) == "Monday 30 December 2024 to Thursday 2 January 2025"
