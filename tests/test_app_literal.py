"""Program text is data: markup-looking titles show as typed, never crash, never act."""

from __future__ import annotations

import pytest
from apptools import app_at, load_data, palette_choose, pilot_test, screen_text
from textual.widgets import Markdown

from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.speaker import SpeakerScreen
from c4ml_tui.tui.widgets.literal import literal
from c4ml_tui.tui.widgets.markdown import is_safe_url

SIZE = (80, 24)
TRICKS = ("[/] oops", "[bold]x[/bold]", "[@click=app.quit]x[/]")


@pilot_test
async def test_markup_looking_text_shows_as_typed_everywhere():
    program = load_data("markup.yaml")
    app, _ = app_at(program, 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for trick in TRICKS:
            assert trick in text
        assert "09:00-10:00 · session · [b]room[/b]" in text
        assert "[bold]x[/bold] ([@click=app.quit]quit[/])" in text
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]x[/] | session" in text
        assert "[/] oops | break" in text
        await pilot.press("enter")  # the running talk
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "Part of [@click=app.quit]x[/] (09:00-10:00)" in text
        assert "[@click=app.quit]click me[/] and [/] and $title" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        assert "[bold]x[/bold]" in screen_text(app)


@pilot_test
async def test_clicking_markup_looking_text_does_not_run_it():
    program = load_data("markup.yaml")
    app, _ = app_at(program, 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#now-card", offset=(3, 1))  # on "[@click=app.quit]x[/]": opens the item, quits nothing
        await pilot.pause()
        assert app.return_code is None
        assert isinstance(app.screen, DetailScreen)
        await pilot.click("#detail-title", offset=(1, 0))
        await pilot.click("#detail-links", offset=(6, 1))
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("escape", "escape", "down", "enter")  # the talk with the abstract
        await pilot.pause()
        await pilot.click(Markdown, offset=(3, 0))
        await pilot.pause()
        assert app.return_code is None
        assert app.is_running


@pilot_test
async def test_a_markdown_link_to_an_action_is_refused():
    program = load_data("fictional.yaml")
    app, _ = app_at(program, 9, 20)
    opened = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # the talk on stage: its abstract links to app.quit
        await pilot.pause()
        markdown = app.screen.query_one(Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "app.quit"))
        markdown.post_message(Markdown.LinkClicked(markdown, "https://example.org"))
        await pilot.pause()
        assert app.return_code is None
        assert opened == ["https://example.org"]


@pilot_test
async def test_the_palette_searches_markup_looking_titles():
    program = load_data("markup.yaml")
    app, _ = app_at(program, 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await palette_choose(pilot, "[/] oo", "[/] oops")
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "b"


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
