"""The detail pane on real 38C3 events: abstract, description and links all shown, wrapped to
the terminal and nothing cut, at 80x24 and at 200x60; the pane scrolls with the arrows and
Page Up/Down at once. Skipped when ../shared/data/schedules is absent."""

from __future__ import annotations

from datetime import datetime

import pytest
from apptools import pilot_test, running
from conftest import SCHEDULES
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import OptionList

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.sources.loader import load
from c4ml_tui.tui.app import make_app
from c4ml_tui.tui.screens.detail import DetailScreen

pytestmark = pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="no ../shared/data/schedules here")


def rendered_lines(pane: VerticalScroll) -> list[str]:
    """Every line the pane's widgets draw, scrolled into view or not, as text. A list of links
    gives its options, once it is checked that it shows them all, wrapped within its width."""
    lines: list[str] = []
    for widget in pane.query("*"):
        if not isinstance(widget, Widget) or not widget.display or not widget.size.area:
            continue
        if isinstance(widget, OptionList):
            assert widget.max_scroll_x == 0 and widget.max_scroll_y == 0, "a link is hidden or cut"
            lines += [str(option.prompt) for option in widget.options]
        elif not widget.children and not isinstance(widget.parent, OptionList):
            strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
            lines += [strip.text.rstrip() for strip in strips]
    return lines


FRAME = str.maketrans("", "", "│╭╮╰╯─▁▂▃▄▅▆▇█▔▕▏")


def squeezed(text: str) -> str:
    """Text without blanks or frame and scrollbar glyphs: a wrapped line joins up again."""
    return "".join(text.translate(FRAME).split())


async def open_pane(size, entry_id: str):
    program = load(SCHEDULES / "38c3.xml")
    now = datetime(2024, 12, 27, 10, 0, tzinfo=program.tz)
    app = make_app(program, ManualClock(program.tz, now))
    return program, app


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=["80x24", "200x60"])
@pilot_test
async def test_abstract_description_and_links_all_shown_wrapped_nothing_cut(size):
    program, app = await open_pane(size, "91")
    item = program.by_id["91"]
    assert item.abstract and item.description and item.links and item.url
    async with running(app, size) as ui:
        app.open_entry("91")
        await ui.pause()
        assert isinstance(app.screen, DetailScreen)
        pane = app.screen.query_one("#detail", VerticalScroll)
        assert pane.max_scroll_x == 0  # nothing runs off the right edge
        lines = rendered_lines(pane)
        width = pane.scrollable_content_region.width
        for widget in pane.query("*"):  # each within the pane, none scrolling sideways (a code block would)
            assert widget.region.right <= pane.region.right and getattr(widget, "max_scroll_x", 0) == 0, widget
        assert all(len(line) <= width for line in lines[:4])
        shown = squeezed("".join(lines))
        for text in (item.title, item.abstract, item.description, item.url, *(url for _, url in item.links)):
            assert squeezed(text) in shown, text[:60]
        assert shown.index(squeezed(item.abstract)) < shown.index(squeezed(item.description))
        for fact in ("Room:Saal1", "Track:Ethics,Society&Politics", "Language:de", "Speaker:JeanPeters"):
            assert fact in shown
        if size == (80, 24):  # longer than the screen: arrows and Page Down scroll at once
            assert pane.max_scroll_y > 0 and pane.scroll_y == 0
            await ui.press("pagedown")
            assert pane.scroll_y > 0
            await ui.press("pageup")
            assert pane.scroll_y == 0
            links = len(app.screen.query_one("#detail-links").links)
            await ui.press(*["down"] * (links + 2))
            assert pane.scroll_y > 0  # past the last link, Down scrolls the pane
            await ui.press("end")
            assert pane.scroll_y == pane.max_scroll_y
            await ui.press("home")
            assert pane.scroll_y == 0


@pilot_test
async def test_markdown_escapes_read_right_and_no_code_block_from_xml_indentation():
    """38C3's XML indents every line of a text by 20 spaces; kept as is, that was a code block
    showing ``Aktivist\\*innen`` cut at the edge."""
    _program, app = await open_pane((80, 24), "763")
    async with running(app, (80, 24)) as ui:
        app.open_entry("763")
        await ui.pause()
        pane = app.screen.query_one("#detail", VerticalScroll)
        text = "\n".join(rendered_lines(pane))
        assert "Aktivist*innen" in text and "\\*" not in text
        assert pane.max_scroll_x == 0
        assert not app.screen.query("MarkdownFence")  # no code block


@pilot_test
async def test_a_late_set_says_which_day_it_belongs_to():
    _program, app = await open_pane((80, 24), "260")
    async with running(app, (80, 24)) as ui:
        app.open_entry("260")
        await ui.pause()
        assert "Part of Friday 27 December 2024 (runs past midnight)" in ui.text
        assert "Saturday 28 December 2024 · 00:15-" in ui.text
