"""The search screen: as you type, accents and case ignored, matches highlighted, Enter opens,
Escape returns, a page at a time, big programs indexed in a thread, program text literal."""

from __future__ import annotations

from pathlib import Path

from apptools import load_data, pilot_test, running_at
from textual.widgets import Input

from c4ml_tui.sources.loader import load
from c4ml_tui.tui.screens import search as search_screen
from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.search import SearchScreen
from c4ml_tui.tui.screens.speaker import SpeakerScreen
from c4ml_tui.tui.widgets.search_results import MORE, SearchResults

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


def typed(app) -> str | None:
    """What the search box in front holds (``None`` before there is one)."""
    boxes = app.screen.query(Input)
    return boxes.first().value if boxes else None


def row_text(app, entry_id: str) -> str:
    return results(app).get_option_at_index(ids(app).index(entry_id)).prompt.plain


async def search(ui, text: str) -> None:
    """``/`` and ``text``, then two pauses: one for the screen, one for the results."""
    await ui.press("slash", *text)
    await ui.pause()


async def retype(ui, erase: int, text: str) -> None:
    """Erase ``erase`` characters of the search and type ``text`` instead."""
    await ui.press(*["backspace"] * erase, *text)
    await ui.pause()


@pilot_test
async def test_zoe_finds_zoe_highlighted_and_enter_opens_and_escape_returns():
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "zoe")
        assert isinstance(app.screen, SearchScreen)
        found = ids(app)
        assert found[0] == "zoe"  # her own name ranks first
        assert {"t-zoe", "t-ada", "keynote", "t-zoology"} <= set(found)
        assert "09:15-09:35  talk     Tensor Fusion for Imaginary Accelerators" in row_text(app, "t-zoe")
        assert "speaker: Zoë Example" in row_text(app, "t-zoe")
        assert marked(app, "t-zoe") == ["Zoë"]
        assert marked(app, "zoe") == ["Zoë", "Zoë"]  # the name and the bio
        assert marked(app, "t-zoology") == ["zoe"]  # "zoetropes": inside a word, still highlighted
        assert "5 matches" in ui.text
        await ui.press("down", "down", "enter")  # into the list, past Zoë herself, open
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "t-zoe"
        await ui.press("escape")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "zoe" and ids(app)[1] == "t-zoe"
        await ui.press("escape")
        assert app.screen is app.screen_stack[0]  # back on the first screen (the rooms board here)
        await ui.press("slash")  # the same search, kept
        assert app.screen.query_one(Input).value == "zoe"


@pilot_test
async def test_enter_in_the_input_opens_the_best_hit_a_speaker():
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "ZOE EXAMPLE")
        await ui.press("enter")
        assert isinstance(app.screen, SpeakerScreen) and app.screen.speaker_id == "zoe"


@pilot_test
async def test_accents_either_way_and_letters_that_fold_to_two():
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "strasse")
        assert ids(app) == ["t-strasse"]
        assert marked(app, "t-strasse") == ["Straße"]
        await retype(ui, 7, "renee")
        assert ids(app)[0] == "renee"
        assert marked(app, "renee") == ["Rene\u0301e"]  # the combining accent stays inside


@pilot_test
async def test_up_on_the_first_row_goes_back_to_typing():
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "placeholder")
        await ui.pilot.press("down")
        assert app.focused is results(app)
        await ui.pilot.press("j", "k", "up")
        assert isinstance(app.focused, Input)
        await retype(ui, 0, " layouts")
        assert ids(app) == ["t-ada", "ada"]  # the talk, then Ada (her bio speaks of layouts)


@pilot_test
async def test_no_match_says_so_and_a_poster_opens_its_session():
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "xylophone")
        assert ids(app) == [] and "No match for “xylophone”." in ui.text
        await retype(ui, 9, "sparsity")
        assert ids(app) == ["p-sparsity"]
        assert "poster" in row_text(app, "p-sparsity")
        await ui.press("enter")
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "posters"


@pilot_test
async def test_a_page_at_a_time(monkeypatch):
    monkeypatch.setattr(search_screen, "PAGE", 3)
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "a")  # matches nearly everything
        total = app.screen.results.total
        assert total > 6 and len(ids(app)) == 3
        last = results(app).get_option_at_index(3)
        assert last.id == MORE and f"{total - 3} more: Enter here shows 3 more" in last.prompt.plain
        assert f"{total} matches, best 3 listed" in ui.text
        await ui.press("down", "end", "enter")
        assert len(ids(app)) == 6 and results(app).highlighted == 3  # on the first new row
        assert isinstance(app.screen, SearchScreen)


@pilot_test
async def test_rows_are_built_as_the_cursor_or_the_scroll_nears_them(monkeypatch):
    from c4ml_tui.tui.widgets import search_results

    monkeypatch.setattr(search_results, "CHUNK", 4)
    async with running_at(fictional(), 9, 10, size=(80, 16)) as ui:
        app = ui.app
        await search(ui, "a")
        widget, total = results(app), app.screen.results.total
        assert len(widget.rows) == total > 12 and widget.option_count == 4
        await ui.pilot.press("down", "down", "down", "down")  # into the list, then to row 4 of 4
        assert widget.option_count == 8
        widget.scroll_end(animate=False)
        await ui.pause()
        await ui.pause()
        assert widget.option_count == 12
        await ui.pilot.press("end")  # the very last row
        assert widget.option_count == total and widget.highlighted == total - 1
        assert ids(app)[-1] == widget.rows[-1].hit.id


@pilot_test
async def test_a_big_program_is_indexed_in_a_thread(monkeypatch):
    monkeypatch.setattr(search_screen, "BUILD_IN_THREAD", 0)
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await ui.press("slash")
        await ui.pilot.press(*"zoe")
        await app.workers.wait_for_complete()
        await ui.until(lambda: ids(app), "results once the index is built")
        assert ids(app)[:2] == ["zoe", "t-zoe"]
        assert "Indexing" not in ui.text


@pilot_test
async def test_f_stars_a_result_and_the_star_shows():
    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "fusion")  # "f" goes into the input, not to the star key
        assert app.screen.query_one(Input).value == "fusion" and not app.favourites.ids
        await ui.press("down", "f")
        assert app.favourites.ids == ("t-zoe",)
        assert "★ Tensor Fusion" in row_text(app, "t-zoe")
        await ui.pilot.press("f")
        assert app.favourites.ids == () and "★" not in row_text(app, "t-zoe")


@pilot_test
async def test_markup_looking_text_in_results_is_literal():
    async with running_at(load_data("markup.yaml"), 9, 20) as ui:
        app = ui.app
        await search(ui, "x")
        text = ui.text
        assert "[@click=app.quit]x[/]" in text and "[bold]x[/bold]" in text
        await search(ui, "")
        await retype(ui, 3, "quit")
        text = ui.text
        assert "affiliation: [@click=app.quit]quit[/]" in text
        assert marked(app, "m") == ["quit", "quit"]
        await ui.pilot.click(SearchResults, offset=(40, 0))  # clicking text never runs an action
        await ui.pilot.pause()
        assert app.is_running


@pilot_test
async def test_the_palette_offers_search():
    from apptools import palette_choose

    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await palette_choose(ui.pilot, "search", "Open search")
        assert isinstance(app.screen, SearchScreen) and isinstance(app.focused, Input)


@pilot_test
async def test_a_search_typed_in_one_go_lands_in_the_box_and_slash_is_typed_there():
    from textual import events

    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        for key, character in [("slash", "/"), ("z", "z"), ("o", "o"), ("e", "e")]:
            app.post_message(events.Key(key, character))  # one burst, as a terminal sends it
        await ui.until(lambda: typed(app) == "zoe", "the burst typed in the search box")
        assert isinstance(app.screen, SearchScreen)
        await ui.pilot.press("slash")  # in the box, "/" is a character
        assert app.screen.query_one(Input).value == "zoe/"
        await ui.press("ctrl+p", "slash")  # and in the palette too
        assert not isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "/"
        await ui.press("escape")  # closed (its search for "/" stopped), the search is as it was
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one(Input).value == "zoe/"


@pilot_test
async def test_down_and_f_typed_in_one_go_star_the_first_hit():
    from textual import events

    async with running_at(fictional(), 9, 10) as ui:
        app = ui.app
        await search(ui, "fusion")
        for key, character in [("down", None), ("f", "f")]:
            app.post_message(events.Key(key, character))
        await ui.until(lambda: app.favourites.ids, "a star from the burst")
        assert app.screen.query_one(Input).value == "fusion" and app.favourites.ids == ("t-zoe",)
