"""Program text is data: markup-looking titles show as typed, never crash, never act."""

from __future__ import annotations

import pytest
from apptools import app_at, load_data, palette_choose, pilot_test, running, running_at
from textual.widgets import Markdown

from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.speaker import SpeakerScreen
from c4ml_tui.tui.widgets.literal import literal
from c4ml_tui.tui.widgets.markdown import is_safe_url

TRICKS = ("[/] oops", "[bold]x[/bold]", "[@click=app.quit]x[/]")


@pilot_test
async def test_markup_looking_text_shows_as_typed_everywhere():
    async with running_at(load_data("markup.yaml"), 9, 20) as ui:
        text = ui.text
        for trick in TRICKS:
            assert trick in text
        assert "09:00-10:00 · session · [b]room[/b]" in text
        assert "[bold]x[/bold] ([@click=app.quit]quit[/])" in text
        await ui.press("a")
        text = ui.text
        assert "[@click=app.quit]x[/] | session" in text
        assert "[/] oops | break" in text
        await ui.press("enter")  # the running talk
        assert isinstance(ui.screen, DetailScreen)
        text = ui.text
        assert "Part of [@click=app.quit]x[/] (09:00-10:00)" in text
        assert "[@click=app.quit]click me[/] and [/] and $title" in text
        await ui.press("down", "enter")
        assert isinstance(ui.screen, SpeakerScreen)
        assert "[bold]x[/bold]" in ui.text


@pilot_test
async def test_clicking_markup_looking_text_does_not_run_it():
    async with running_at(load_data("markup.yaml"), 9, 20) as ui:
        await ui.click("#now-card", offset=(3, 1))  # on "[@click=app.quit]x[/]": opens the item, quits nothing
        assert ui.app.return_code is None
        assert isinstance(ui.screen, DetailScreen)
        await ui.pilot.click("#detail-title", offset=(1, 0))
        await ui.click("#detail-links", offset=(6, 1))
        assert ui.app.return_code is None
        await ui.press("escape", "escape", "down", "enter")  # the talk with the abstract
        await ui.click(Markdown, offset=(3, 0))
        assert ui.app.return_code is None
        assert ui.app.is_running


@pilot_test
async def test_a_markdown_link_to_an_action_is_refused():
    app, _ = app_at(load_data("fictional.yaml"), 9, 20)
    opened = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with running(app) as ui:
        await ui.press("down", "enter")  # the talk on stage: its abstract links to app.quit
        markdown = ui.screen.query_one(Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "app.quit"))
        markdown.post_message(Markdown.LinkClicked(markdown, "https://example.org"))
        await ui.until(lambda: opened, "the second link handled (after the first)")
        assert ui.app.return_code is None
        assert opened == ["https://example.org"]


@pilot_test
async def test_the_palette_searches_markup_looking_titles():
    async with running_at(load_data("markup.yaml"), 9, 20) as ui:
        await palette_choose(ui.pilot, "[/] oo", "[/] oops")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "b"


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/x", True), ("http://example.org", True), ("mailto:ada@example.org", True),
    ("app.quit", False), ("javascript:alert(1)", False), ("file:///etc/passwd", False), ("https://", False),
    ("", False),
])
def test_only_web_links_reach_the_browser(url, safe):
    assert is_safe_url(url) is safe


def test_literal_drops_control_characters():
    assert literal("a\x1b[2Jb\u202ec").plain == "a[2Jbc"
    assert literal("[/] oops", "bold").plain == "[/] oops"
