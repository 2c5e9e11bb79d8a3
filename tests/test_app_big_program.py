"""Issue 13, item 9: a big program stays quick. The palette opens on what runs now and next (not
1,600 names), narrows by whole words first and lists at most ``LIMIT`` hits; a Down pressed
while search is still indexing is kept and moves into the results once they come. (Speed is
measured in ``bench/palette.py``, never in a test.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from apptools import pilot_test, running_at, text_of, until
from conftest import SCHEDULES
from textual.command import CommandList

from c4ml_tui.sources.loader import load
from c4ml_tui.tui.palette import LIMIT, NOW_AND_NEXT, Candidate, score
from c4ml_tui.tui.screens import search as search_screen
from c4ml_tui.tui.widgets.search_results import SearchResults

SEARCH = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


def palette_lines(ui) -> list[str]:
    lists = ui.screen.query(CommandList)
    return text_of(lists.first()).splitlines() if lists else []


@pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="the shared schedules are not here")
@pilot_test
async def test_on_38c3_the_palette_opens_on_now_and_finds_by_words():
    program = load(SCHEDULES / "38c3.xml")
    async with running_at(program, 14, 20, day=program.days[1]) as ui:
        await ui.press("ctrl+p")
        await until(ui.pilot, lambda: palette_lines(ui), "the palette's first list")
        listed = ui.screen.query_one(CommandList)
        entries = [o for o in listed.options if "·" in str(o.prompt)]
        assert 0 < len(entries) <= NOW_AND_NEXT + 10  # now and next, and the app's own commands
        await ui.press(*"fearsome file")
        await until(ui.pilot, lambda: "Fearsome File Formats" in (palette_lines(ui) or [""])[0],
                    "Fearsome File Formats first")
        await ui.press(*["backspace"] * 13, *"saal")
        await until(ui.pilot, lambda: len(palette_lines(ui)) > 10, "hits for 'saal'")
        assert len(ui.screen.query_one(CommandList).options) <= LIMIT + 10
        await ui.press("escape")


def candidate(text: str) -> Candidate:
    from c4ml_tui.core.textfold import fold_map, words_form

    folded, starts = fold_map(text)
    return Candidate(text, "", lambda: None, folded, words_form(folded), starts, None)


def test_whole_words_and_word_starts_score_first():
    exact = score(["loops"], candidate("Loops All the Way Down"))
    inside = score(["loops"], candidate("Hyperloops Explained"))
    assert exact is not None and inside is not None and exact[0] > inside[0]
    assert score(["zoe"], candidate("Zoë Ünïcode"))[1] == [(0, 3)]  # accents ignored
    assert score(["loops", "nowhere"], candidate("Loops All the Way Down")) is None


@pilot_test
async def test_down_while_indexing_moves_into_the_results_when_they_come(monkeypatch):
    monkeypatch.setattr(search_screen, "BUILD_IN_THREAD", 0)  # indexed in a thread, as for 38C3
    monkeypatch.setattr(search_screen.SearchScreen, "build_index", lambda self, state: None)  # not yet
    async with running_at(load(SEARCH, use_cache=False), 9, 10) as ui:
        await ui.press("slash", *"zoe", "down")
        screen = ui.screen
        assert "Indexing" in ui.text and screen.focused is screen.input
        screen.index = ui.app.state.search_index()  # the thread's work arrives (as _index_built does)
        screen.search_now()
        await ui.pause()
        results = screen.query_one(SearchResults)
        assert screen.focused is results and results.highlighted == 0


@pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="the shared schedules are not here")
@pilot_test
async def test_on_38c3_the_palette_finds_a_talk_by_its_guid():
    """A guid copied from the schedule's web page or a chat opens that talk (issue 10 left it to search)."""
    program = load(SCHEDULES / "38c3.xml")
    guid = next(i.guid for i in program.items if i.title == "Fearsome File Formats")
    async with running_at(program, 14, 20, day=program.days[1]) as ui:
        await ui.press("ctrl+p")
        await until(ui.pilot, lambda: palette_lines(ui), "the palette's first list")
        await ui.press(*guid)
        await until(ui.pilot, lambda: "Fearsome File Formats" in (palette_lines(ui) or [""])[0],
                    "the talk with that guid first")
        await ui.press("enter")
        await until(ui.pilot, lambda: "Fearsome File Formats" in ui.text, "its detail pane")
