"""Issue 15: the app's search answers from the program's stored index (SQLite, the one
`c4ml-tui search` uses) the moment it opens, with the same hits, order and highlights as the
index built in memory, which takes over once a thread has built it. With no store yet, or a
damaged one, the screen says it is indexing, answers once the index is built and writes the
store for the next time; a refreshed program is searched afresh, never through the store of the
copy it replaced."""

from __future__ import annotations

import os
import threading
from typing import ClassVar

import pytest
from apptools import pilot_test, running_at
from conftest import SCHEDULES
from test_app_search import FIXTURE, fictional, ids, marked, results, search, typed

from c4ml_tui.core import records
from c4ml_tui.core.search import SearchIndex
from c4ml_tui.sources import search_store
from c4ml_tui.sources.loader import load
from c4ml_tui.tui import state as state_module
from c4ml_tui.tui.screens import search as search_screen


def store_path(program) -> str:
    return search_store.path(search_store.key_for(program.digest))


def build_store(program) -> None:
    search_store.build(search_store.key_for(program.digest), SearchIndex(program), len(program.days))
    assert os.path.exists(store_path(program))


@pytest.fixture
def held(monkeypatch):
    """The index built in memory waits until the test lets it go (``held.set()``), so what the
    screen shows meanwhile comes from the store; every search screen is a big program's."""
    monkeypatch.setattr(search_screen, "BUILD_IN_THREAD", 0)
    gate = threading.Event()
    build = state_module._Index.get

    def get(self, pause=None):
        gate.wait(30)  # a bound, so a broken test fails instead of hanging
        return build(self, pause)

    monkeypatch.setattr(state_module._Index, "get", get)
    yield gate
    gate.set()


def answered(app, query: str) -> bool:
    """Whether the screen shows the answer to ``query`` (the store answers in a worker: the
    keys before the last one may have answered first)."""
    shown = app.screen.results
    return shown is not None and shown.query == query and bool(ids(app))


async def asked(ui, query: str) -> None:
    """Search ``query`` and wait for its answer (from the store, asked in a thread)."""
    await search(ui, query)
    await ui.until(lambda: answered(ui.app, query), "results from the store")


def prompts(app) -> list[str]:
    widget = results(app)
    return [widget.get_option_at_index(i).prompt.plain for i in range(widget.option_count)]


@pilot_test
async def test_the_store_answers_at_once_and_the_built_index_shows_the_same(held):
    program = fictional()
    build_store(program)
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        await asked(ui, "zoe")
        assert app.screen.index is None and app.screen.store is not None  # the thread is held
        assert "Indexing" not in ui.text
        assert ids(app)[:2] == ["zoe", "t-zoe"]
        assert marked(app, "zoe")[0] == "Zoë"  # highlighted in the original text, accent and all
        from_store, hits = prompts(app), ids(app)
        assert "Zoë Example" in ui.text
        held.set()
        await ui.until(lambda: app.screen.index is not None, "the index built in memory")
        await ui.press("backspace", "e")  # the same query again, now from the index
        await ui.until(lambda: app.screen.results.query == "zoe" and ids(app), "results from the index")
        assert ids(app) == hits and prompts(app) == from_store
        assert app.screen.store is None  # closed once the index took over


@pilot_test
async def test_a_starred_hit_from_the_store_shows_its_star_and_opens(held):
    program = fictional()
    build_store(program)
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        await asked(ui, "tensor")
        first = ids(app)[0]
        await ui.press("down", "f")
        assert app.is_starred(first)
        assert "★" in results(app).get_option_at_index(0).prompt.plain
        await ui.press("enter")
        assert getattr(app.screen, "entry_id", None) == first  # the hit opens its entry


@pilot_test
async def test_a_room_filter_stays_on_and_search_still_finds_every_room(held):
    program = fictional()
    build_store(program)
    rooms = program.rooms
    assert len(rooms) > 1, "the fixture needs two rooms"
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        app.room_filter = app.room_filter.with_room(rooms[0])
        await ui.pause()
        await asked(ui, "a")
        expected = SearchIndex(program).search("a", search_screen.PAGE)
        assert ids(app) == [h.id for h in expected.hits]  # the whole program, as before
        assert f"{expected.total:,} matches" in ui.text
        await ui.press("escape")
        assert app.state.flt.room == rooms[0]


@pytest.mark.parametrize("damage", [None, b"not a database" * 100])
@pilot_test
async def test_with_no_store_or_a_damaged_one_it_indexes_then_keeps_the_store(monkeypatch, damage):
    monkeypatch.setattr(search_screen, "BUILD_IN_THREAD", 0)
    program = fictional()
    if damage is not None:
        build_store(program)
        with open(store_path(program), "wb") as handle:
            handle.write(damage)
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        await ui.press("slash")
        await ui.pilot.press(*"zoe")
        await ui.until(lambda: ids(app), "results once the index is built")
        assert ids(app)[:2] == ["zoe", "t-zoe"] and "Indexing" not in ui.text
        await app.workers.wait_for_complete()
    found = search_store.open_store(search_store.key_for(program.digest))
    assert found is not None  # written for the next time
    try:
        assert [h.id for h in found.search("zoe", 5).hits][:2] == ["zoe", "t-zoe"]
    finally:
        found.close()


@pilot_test
async def test_a_refreshed_program_is_searched_never_the_old_store(held, tmp_path):
    program = fictional()
    build_store(program)
    edited = tmp_path / "edited.yaml"
    edited.write_text(FIXTURE.read_text(encoding="utf-8").replace("Zoë Example", "Zoë Edited"), encoding="utf-8")
    newer = load(edited, use_cache=False)
    assert newer.digest != program.digest
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        await asked(ui, "zoe")
        assert "Zoë Example" in ui.text
        app.swap_program(newer)
        held.set()  # the new copy has no store: it is indexed in memory
        await ui.until(lambda: "Zoë Edited" in ui.text, "the new copy's hits")
        assert "Zoë Example" not in ui.text
        assert app.screen.store is None


def test_a_store_of_the_same_bytes_read_in_another_zone_is_not_used():
    program = fictional()
    build_store(program)
    other = records.replace(program, event=records.replace(program.event, timezone="Asia/Tokyo"))
    state = state_module.State(other)
    assert state.search_store() is None
    found = state_module.State(program).search_store()
    assert found is not None
    found.close()


@pilot_test
async def test_38c3_answers_from_the_store_with_the_index_hits(held):
    path = SCHEDULES / "38c3.xml"
    if not path.exists():
        pytest.skip("the shared schedules are not here")
    program = load(path)
    build_store(program)
    async with running_at(program, 12, 0, size=(120, 40)) as ui:
        app = ui.app
        await asked(ui, "security")
        assert app.screen.index is None
        expected = SearchIndex(program).search("security", search_screen.PAGE)
        assert ids(app) == [h.id for h in expected.hits]
        assert f"{expected.total:,} matches" in ui.text
        top = expected.hits[0]
        assert top.title[:30] in ui.text
        assert marked(app, top.id) and all(m.lower() == "security" for m in marked(app, top.id))


@pytest.fixture
def slow_store(monkeypatch, held):
    """The store holds its answer to one query (``slow_store.query``) until the test lets it
    go (``slow_store.gate.set()``); what the screen showed is in ``slow_store.shown``."""

    class Slow:
        query = "zo"
        gate = threading.Event()
        shown: ClassVar[list[str]] = []

    ask = search_store.Store.search

    def search(self, query, limit=50):
        if query == Slow.query:
            Slow.gate.wait(30)
        return ask(self, query, limit)

    show = search_screen.SearchScreen.show_results

    def show_results(self, results):
        Slow.shown.append(results.query)
        show(self, results)

    monkeypatch.setattr(search_store.Store, "search", search)
    monkeypatch.setattr(search_screen.SearchScreen, "show_results", show_results)
    yield Slow
    Slow.gate.set()


@pilot_test
async def test_the_box_echoes_while_the_store_answers_and_a_late_answer_never_shows(slow_store):
    program = fictional()
    build_store(program)
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        await ui.press("slash", "z", "o")
        await ui.pause()
        await ui.press("e")  # "zo" is still being answered
        assert typed(app) == "zoe" and "zoe" in ui.text  # echoed at once
        assert app.screen.results is None or app.screen.results.query != "zo"
        slow_store.gate.set()  # the answer to "zo" comes, late: dropped
        await ui.until(lambda: answered(app, "zoe"), "the answer to the query typed")
        await app.workers.wait_for_complete()
        await ui.pause()
        assert "zo" not in slow_store.shown and app.screen.results.query == "zoe"
        assert ids(app)[:2] == ["zoe", "t-zoe"]


@pilot_test
async def test_enter_while_the_store_answers_opens_the_best_hit_of_what_was_typed(slow_store):
    slow_store.query = "zoe"
    program = fictional()
    build_store(program)
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        await ui.press("slash", *"zoe", "enter")
        assert isinstance(app.screen, search_screen.SearchScreen)  # not the first hit of "zo"
        slow_store.gate.set()
        await ui.until(lambda: not isinstance(app.screen, search_screen.SearchScreen), "the best hit opened")
        assert getattr(app.screen, "speaker_id", None) == "zoe"  # the best hit of "zoe": her page


@pilot_test
async def test_a_very_big_program_with_a_store_is_never_indexed_in_memory(monkeypatch):
    monkeypatch.setattr(search_screen, "BUILD_IN_THREAD", 0)
    monkeypatch.setattr(search_screen, "STORE_ONLY", 0)
    program = fictional()
    build_store(program)
    async with running_at(program, 9, 10) as ui:
        app = ui.app
        await asked(ui, "zoe")
        await app.workers.wait_for_complete()
        await ui.press("backspace", "e")
        await ui.until(lambda: answered(app, "zoe"), "the store again")
        assert app.screen.index is None and not app.state.search_ready
        assert ids(app)[:2] == ["zoe", "t-zoe"]
