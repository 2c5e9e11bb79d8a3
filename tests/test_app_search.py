"""The search screen: as you type, accents and case ignored, matches highlighted, Enter opens,
Escape returns, a page at a time, big programs indexed in a thread, program text literal."""

from __future__ import annotations

from pathlib import Path

from apptools import app_at, load_data, pilot_test, screen_text
from textual.widgets import Input

from c4ml_tui.sources.loader import load
from c4ml_tui.tui.screens import search as search_screen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.search import SearchScreen
from c4ml_tui.tui.screens.speaker import SpeakerScreen
from c4ml_tui.tui.widgets.search_results import MORE, SearchResults

SIZE = (80, 24)
FIXTURE = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


def fictional():
    return load(FIXTURE, use_cache=False)


def results(app) -> SearchResults:
    return app.screen.query_one(SearchResults)


def ids(app) -> list[str]:
    return [row.hit.id for row in results(app).rows]


def marked(app, entry_id: str) -> list[str]:
    """The pieces of a hit's row drawn in the match style."""
    widget = results(app)
    style = widget.styles_for_rows()[0]
    index = ids(app).index(entry_id)
    prompt = widget.get_option_at_index(index).prompt
    return [prompt.plain[s.start:s.end] for s in prompt.spans if s.style == style]


def row_text(app, entry_id: str) -> str:
    return results(app).get_option_at_index(ids(app).index(entry_id)).prompt.plain


async def search(pilot, text: str) -> None:
    await pilot.press("slash", *text)
    await pilot.pause()
    await pilot.pause()


@pilot_test
async def test_zoe_finds_zoe_highlighted_and_enter_opens_and_escape_returns():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "zoe")
        assert isinstance(app.screen, SearchScreen)
        found = ids(app)
        assert found[0] == "zoe"  # her own name ranks first
        assert {"t-zoe", "t-ada", "keynote", "t-zoology"} <= set(found)
        assert "09:15-09:35  talk     Tensor Fusion for Imaginary Accelerators" in row_text(app, "t-zoe")
        assert "speaker: Zoë Example" in row_text(app, "t-zoe")
        assert marked(app, "t-zoe") == ["Zoë"]
        assert marked(app, "zoe") == ["Zoë", "Zoë"]  # the name and the bio
        assert marked(app, "t-zoology") == ["zoe"]  # "zoetropes": inside a word, still highlighted
        assert "5 matches" in screen_text(app)
        await pilot.press("down", "down", "enter")  # into the list, past Zoë herself, open
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "t-zoe"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "zoe" and ids(app)[1] == "t-zoe"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]  # back on the first screen (the rooms board here)
        await pilot.press("slash")  # the same search, kept
        await pilot.pause()
        assert app.screen.query_one(Input).value == "zoe"


@pilot_test
async def test_enter_in_the_input_opens_the_best_hit_a_speaker():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "ZOE EXAMPLE")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen) and app.screen.speaker_id == "zoe"


@pilot_test
async def test_accents_either_way_and_letters_that_fold_to_two():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "strasse")
        assert ids(app) == ["t-strasse"]
        assert marked(app, "t-strasse") == ["Straße"]
        await pilot.press(*["backspace"] * 7, *"renee")
        await pilot.pause()
        await pilot.pause()
        assert ids(app)[0] == "renee"
        assert marked(app, "renee") == ["Rene\u0301e"]  # the combining accent stays inside


@pilot_test
async def test_up_on_the_first_row_goes_back_to_typing():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "placeholder")
        await pilot.press("down")
        assert app.focused is results(app)
        await pilot.press("j", "k", "up")
        assert isinstance(app.focused, Input)
        await pilot.press(*" layouts")
        await pilot.pause()
        await pilot.pause()
        assert ids(app) == ["t-ada", "ada"]  # the talk, then Ada (her bio speaks of layouts)


@pilot_test
async def test_no_match_says_so_and_a_poster_opens_its_session():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "xylophone")
        assert ids(app) == [] and "No match for “xylophone”." in screen_text(app)
        await pilot.press(*["backspace"] * 9, *"sparsity")
        await pilot.pause()
        await pilot.pause()
        assert ids(app) == ["p-sparsity"]
        assert "poster" in row_text(app, "p-sparsity")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "posters"


@pilot_test
async def test_a_page_at_a_time(monkeypatch):
    monkeypatch.setattr(search_screen, "PAGE", 3)
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "a")  # matches nearly everything
        total = app.screen.results.total
        assert total > 6 and len(ids(app)) == 3
        last = results(app).get_option_at_index(3)
        assert last.id == MORE and f"{total - 3} more: Enter here shows 3 more" in last.prompt.plain
        assert f"{total} matches, best 3 listed" in screen_text(app)
        await pilot.press("down", "end", "enter")
        await pilot.pause()
        assert len(ids(app)) == 6 and results(app).highlighted == 3  # on the first new row
        assert isinstance(app.screen, SearchScreen)


@pilot_test
async def test_rows_are_built_as_the_cursor_or_the_scroll_nears_them(monkeypatch):
    from c4ml_tui.tui.widgets import search_results

    monkeypatch.setattr(search_results, "CHUNK", 4)
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=(80, 16)) as pilot:
        await search(pilot, "a")
        widget, total = results(app), app.screen.results.total
        assert len(widget.rows) == total > 12 and widget.option_count == 4
        await pilot.press("down", "down", "down", "down")  # into the list, then to row 4 of 4
        assert widget.option_count == 8
        widget.scroll_end(animate=False)
        await pilot.pause()
        await pilot.pause()
        assert widget.option_count == 12
        await pilot.press("end")  # the very last row
        assert widget.option_count == total and widget.highlighted == total - 1
        assert ids(app)[-1] == widget.rows[-1].hit.id


@pilot_test
async def test_a_big_program_is_indexed_in_a_thread(monkeypatch):
    monkeypatch.setattr(search_screen, "BUILD_IN_THREAD", 0)
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"zoe")
        await app.workers.wait_for_complete()
        for _ in range(20):
            await pilot.pause()
            if ids(app):
                break
        assert ids(app)[:2] == ["zoe", "t-zoe"]
        assert "Indexing" not in screen_text(app)


@pilot_test
async def test_f_stars_a_result_and_the_star_shows():
    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "fusion")  # "f" goes into the input, not to the star key
        assert app.screen.query_one(Input).value == "fusion" and not app.favourites.ids
        await pilot.press("down", "f")
        await pilot.pause()
        assert app.favourites.ids == ("t-zoe",)
        assert "★ Tensor Fusion" in row_text(app, "t-zoe")
        await pilot.press("f")
        assert app.favourites.ids == () and "★" not in row_text(app, "t-zoe")


@pilot_test
async def test_markup_looking_text_in_results_is_literal():
    app, _ = app_at(load_data("markup.yaml"), 9, 20)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "x")
        text = screen_text(app)
        assert "[@click=app.quit]x[/]" in text and "[bold]x[/bold]" in text
        await search(pilot, "")
        await pilot.press(*["backspace"] * 3, *"quit")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "affiliation: [@click=app.quit]quit[/]" in text
        assert marked(app, "m") == ["quit", "quit"]
        await pilot.click(SearchResults, offset=(40, 0))  # clicking text never runs an action
        await pilot.pause()
        assert app.is_running


@pilot_test
async def test_the_palette_offers_search():
    from apptools import palette_choose

    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await palette_choose(pilot, "search", "Open search")
        assert isinstance(app.screen, SearchScreen) and isinstance(app.focused, Input)


@pilot_test
async def test_a_search_typed_in_one_go_lands_in_the_box_and_slash_is_typed_there():
    from textual import events

    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        for key, character in [("slash", "/"), ("z", "z"), ("o", "o"), ("e", "e")]:
            app.post_message(events.Key(key, character))  # one burst, as a terminal sends it
        await pilot.pause(0.2)
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one(Input).value == "zoe"
        await pilot.press("slash")  # in the box, "/" is a character
        assert app.screen.query_one(Input).value == "zoe/"
        await pilot.press("ctrl+p", "slash")  # and in the palette too
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "/"


@pilot_test
async def test_down_and_f_typed_in_one_go_star_the_first_hit():
    from textual import events

    app, _ = app_at(fictional(), 9, 10)
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "fusion")
        for key, character in [("down", None), ("f", "f")]:
            app.post_message(events.Key(key, character))
        await pilot.pause(0.2)
        assert app.screen.query_one(Input).value == "fusion" and app.favourites.ids == ("t-zoe",)
