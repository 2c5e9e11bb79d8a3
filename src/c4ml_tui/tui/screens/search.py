"""Search (``/``): type, and the best matches of the whole program come as you type.

The index belongs to the app's state (one per program: a new copy of the program gets a new
index, and the screen searches again). A big program (thousands of talks) is searched at once
from its stored index (``sources/search_store.py``, SQLite, written the first time), while the
index is built in memory in a thread after the screen's first frame; once built it answers
instead (the same hits, faster as you type). A very big program (more than :data:`STORE_ONLY`
entries) with a stored index is never indexed in memory: building it would hold the
interpreter for many seconds (the screen would stall) and its memory for good. With no stored
index yet, the screen says it is indexing until the thread is done, then writes the store in
another thread for the next time.

The index in memory is searched on the UI thread after each keystroke (a few milliseconds:
``bench/search.py``); keys typed before a search starts are searched together. The stored index
is asked in a worker thread, so the box echoes every key at once: a newer key interrupts the
query of an older one (``Store.interrupt``), and an answer that is not for the latest query is
dropped, never shown. A page of :data:`PAGE` hits is listed, and only the rows near the view are
built (``widgets/search_results.py``); ``bench/search_ui.py`` times a keystroke from key to frame.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
import time

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from ...core.search import SearchIndex
from ...core.search_hits import Hit, Results, entry_of
from ...core.timeline import Snapshot
from ...sources.search_store import Store
from ...words.hits import hit_words
from ..state import State
from ..widgets.search_results import Row, Rows, SearchResults, StatusLine
from .base import LiveScreen

PAGE = 200
"""Hits put in the list at a time: a list of 10,000 rows takes seconds to build."""
BUILD_IN_THREAD = 2_000
"""Programs with more entries than this are indexed in a thread (the screen stays live)."""
STORE_ONLY = 1_000_000
"""Programs with more entries than this (about 550,000 talks) are searched from their stored
index only, when they have one: never indexed in memory (its memory, ~2.7 KB an entry, would
outgrow the machine's). Below it the index in memory is worth building: at 100,000 talks
(180,000 entries) it answers a query in 56 ms of CPU (median; 90th percentile 158 ms) where the
store takes 366 ms (1.27 s), and it takes 17-20 s of CPU and ~480 MiB to build."""
HINT = "Titles, abstracts, speakers, bios: case and accents do not matter."
HOW = "↓ to choose, Enter opens the first"


class SearchScreen(LiveScreen):
    """An input over a list of hits. Down moves into the list, Enter opens, Escape goes back."""

    HEADING = "Search"
    PLACE = "search"
    STARS = True
    BINDINGS = [
        # priority: acted on before the keys after it are delivered ("↓ f" in one go stars a hit)
        Binding("down", "into_results", "Results", id="search.down", tooltip="Move into the results",
                priority=True),
        Binding("slash", "focus_input", "Search", show=False, id="search.type", tooltip="Type a new search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.index: SearchIndex | None = None
        self.store: Store | None = None
        """The program's stored index, searched until ``index`` is built (UI thread only)."""
        self.results: Results | None = None
        self._pending = False
        self._list: SearchResults | None = None
        self._indexed: object = None
        """The program the index is for."""
        self._wants_results = False
        """Down was pressed before there were results (the index was being built): the focus
        goes to the results as soon as they come."""
        self._asked: str | None = None
        """The query last searched or asked of the store (its answer shown or on its way)."""
        self._serial = 0
        """The number of the latest question to the store: an answer with another is stale."""
        self._store_lock = threading.Lock()
        """One query at a time on the store's connection (an interrupted one ends first)."""
        self._into: bool | None = None
        """Whether ↓ (into the results) was offered when the bindings were last refreshed."""
        self._open_first = False
        """Enter was pressed in the box while the store was still answering: the best hit of the
        answer opens when it comes."""

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        yield Input(placeholder="Search: a word, a name, part of a title…", id="search-input")
        yield StatusLine(HINT, id="search-status", classes="note")
        yield SearchResults(id="search-results")
        yield from self.compose_footer()

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def list(self) -> SearchResults:
        if self._list is None:  # asked on every keystroke: found once
            self._list = self.query_one(SearchResults)
        return self._list

    def on_mount(self) -> None:
        self.input.focus()
        self.use_index()

    def use_index(self) -> None:
        """Take the state's index: at once when it is built or small; else search the stored
        index at once (when there is one) and build the index in a thread."""
        state = self.c4ml.state
        self.index, self.results, self._asked = None, None, None
        self.close_store()
        self._indexed = state.program
        program = state.program
        size = len(program.by_id) + len(program.speakers) + sum(len(i.posters) for i in program.items)
        if state.search_ready or size <= BUILD_IN_THREAD:
            self.index = state.search_index()
            self.search_now()
            return
        self.store = state.search_store()
        if self.store is not None:
            self.search_now()  # usable at once
            if size > STORE_ONLY:
                return  # the store is all it needs
        else:
            self.status(f"Indexing {size:,} entries…")
        self.call_after_refresh(self.build_index, state)  # after the first frame: the thread holds the GIL

    def close_store(self) -> None:
        """Let go of the stored index: a question still on its way is stale from now on."""
        self._serial += 1
        if self.store is not None:
            store, self.store = self.store, None
            store.interrupt()
            with self._store_lock:  # the query it interrupted ends first (at once)
                store.close()

    def on_unmount(self) -> None:
        self.close_store()

    @work(thread=True, exclusive=True, group="search-index")
    def build_index(self, state: State) -> SearchIndex:
        # Every few hundred entries the thread lets go of the interpreter, so the UI thread
        # (waiting for it) runs first: keys are echoed and answered while it builds.
        return state.search_index(pause=lambda: time.sleep(0))

    @work(thread=True, exclusive=True, group="search-store")
    def keep_index(self, state: State) -> None:
        state.keep_search_index()

    @on(Worker.StateChanged)
    def _index_built(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "search-query" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._answered(event)
            return
        if event.worker.group != "search-index":
            return
        if event.state == WorkerState.SUCCESS:
            index = event.worker.result
            assert isinstance(index, SearchIndex)  # what build_index returned
            if index.program is not self.c4ml.program:
                return  # built for a copy of the program that was replaced meanwhile
            self.index = index
            waiting = self.results is None or self.results.query != self._asked
            stored = self.store is not None and not waiting  # on screen already: the index finds the same
            self.close_store()
            if not stored:
                self.keep_index(self.c4ml.state)  # for the next time: the store answers at once
            # The index is hundreds of thousands of long-lived objects: keep the garbage
            # collector's full passes (set off by the rows each keystroke builds) from walking
            # them every time. It lives as long as the app anyway.
            gc.freeze()
            if not stored:
                self.status(HINT)
                self._asked = None
                self.search_now()
        elif event.state == WorkerState.ERROR and self.index is None and self.store is None:
            self.status(f"Search is not available: {event.worker.error}")

    # -- searching -----------------------------------------------------------------------------
    @on(Input.Changed, "#search-input")
    def _typed(self) -> None:
        if not self._pending:  # keys typed before the search runs are searched together
            self._pending = True
            self.call_later(self.search_now)

    def search_now(self) -> None:
        """Search for what the input holds now, and show the first page: at once from the
        index in memory; from the stored index, when its worker answers."""
        self._pending = False
        if self.index is None and self.store is None:
            return
        query = self.input.value
        if query == self._asked:
            return
        self._asked = query
        if self.index is not None:
            self.show_results(self.index.search(query, PAGE))
            return
        assert self.store is not None
        self._serial += 1
        self.store.interrupt()  # the older question, if still running, ends now
        self.ask_store(self.store, query, PAGE, self._serial)

    @work(thread=True, exclusive=True, group="search-query", exit_on_error=False)
    def ask_store(self, store: Store, query: str, limit: int, serial: int) -> tuple[int, Results] | None:
        """The stored index's answer to ``query``, for question number ``serial`` (``None``
        when a newer question came first or interrupted it)."""
        with self._store_lock:
            if serial != self._serial:
                return None  # superseded before it began
            try:
                return serial, store.search(query, limit)
            except sqlite3.Error:  # interrupted by a newer key; or unreadable: the next key asks again
                return None

    def _answered(self, event: Worker.StateChanged) -> None:
        """The store's worker answered: shown if it is the answer to the latest question."""
        if event.state == WorkerState.ERROR and self.results is None:
            self.status(f"Search is not available: {event.worker.error}")
        answer = event.worker.result if event.state == WorkerState.SUCCESS else None
        if not isinstance(answer, tuple) or answer[0] != self._serial or self.store is None:
            return  # stale: a newer key, another program, or the index took over
        self.show_results(self._with_entries(answer[1]))
        if self._open_first:
            self._open_first = False
            if self.list.option_count and self.focused is self.input:
                self.list.action_select()

    def show_results(self, results: Results) -> None:
        """Put the first page of ``results`` in the list, and say how many there are."""
        self.results = results
        query = results.query
        self.list.show(self.rows(results.hits), results.more, PAGE)
        if self._wants_results and self.list.option_count:
            self._wants_results = False
            self.set_focus(self.list)
        into = self.check_action("into_results", ())
        if into != self._into:  # the footer's ↓ Results comes or goes (asking costs the footer a pass)
            self._into = into
            self.refresh_bindings()
        if not query.strip():
            self.status(HINT)
        elif not results.total:
            self.status(f"No match for “{query.strip()}”.")
        else:
            self.status(self.summary())

    @property
    def answering(self) -> bool:
        """Whether the store is still answering the query typed (its results not shown yet)."""
        return self.index is None and self.store is not None and (
            self.results is None or self.results.query != self.input.value)

    def search(self, query: str, limit: int) -> Results:
        """The built index's answer, else the stored index's (the same hits, given their entries),
        on this thread."""
        if self.index is not None:
            return self.index.search(query, limit)
        assert self.store is not None
        with self._store_lock:  # after a question on its way (its answer, the latest, still shows)
            return self._with_entries(self.store.search(query, limit))

    def _with_entries(self, results: Results) -> Results:
        """The stored index's ``results`` (ids only) given their entries in the program."""
        program = self.c4ml.program
        for hit in results.hits:
            hit.target = entry_of(program, hit)  # type: ignore[assignment]
        return results

    def summary(self) -> str:
        results, shown = self.results, len(self.list.rows)
        if results is None:
            return HINT
        found = "1 match" if results.total == 1 else f"{results.total:,} matches"
        found = found if shown >= results.total else f"{found}, best {shown:,} listed"
        return f"{found} · {HOW}" if self.focused is self.input else found

    def more(self) -> None:
        """The next page of the current query."""
        if (self.index is None and self.store is None) or self.results is None:
            return
        shown = len(self.list.rows)
        self.results = results = self.search(self.results.query, shown + PAGE)
        self.list.append(results.hits[shown:], results.more)
        self.status(self.summary())

    def rows(self, hits) -> Rows:
        """The rows of ``hits``, each built when the list first shows it."""
        return Rows(hits, self.row)

    def row(self, hit: Hit) -> Row:
        """The time (expected, from the timeline), kind and context words of one hit."""
        when, kind, context = hit_words(self.c4ml.timeline, hit)
        starred = kind != "speaker" and self.c4ml.is_starred(hit.id)
        return Row(hit, when, kind, starred, context)

    def status(self, text: str) -> None:
        self.query_one("#search-status", StatusLine).show(text)

    # -- moving and opening --------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "into_results":
            if self.is_mounted and self.index is None and (self.store is None or self.answering):
                return True  # still indexing, or the store still answering: Down is kept for the results
            return self.is_mounted and self.list.option_count > 0 and self.focused is not self.list
        return True

    def action_into_results(self) -> None:
        if self.list.option_count:
            self.set_focus(self.list)  # now, not after the keys already queued
        elif self.index is None and self.input.value.strip() and (self.store is None or self.answering):
            self._wants_results = True  # the results are still to come: go there when they do

    def action_focus_input(self) -> None:
        self.set_focus(self.input)

    def on_descendant_focus(self) -> None:
        if self.results is not None and self.results.total:
            self.status(self.summary())  # the "how" part only while typing

    def on_key(self, event: events.Key) -> None:
        """Letters typed right after ``/``, before the box has the focus, go into the box."""
        if self.focused is None and event.is_printable and event.character:
            event.stop()
            self.set_focus(self.input)
            self.input.insert_text_at_cursor(event.character)

    @on(SearchResults.LeftTop)
    def _top(self) -> None:
        self.set_focus(self.input)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        """Enter in the input opens the highlighted (first) hit: of the query typed, so when the
        store is still answering it, once it has."""
        self.search_now()
        if self.answering:
            self._open_first = True
        elif self.list.option_count:
            self.list.action_select()

    @on(SearchResults.Chosen)
    def _open(self, event: SearchResults.Chosen) -> None:
        hit = event.hit
        if hit is None:
            self.more()
        elif hit.kind == "speaker":
            self.c4ml.open_speaker(hit.id)
        else:
            self.c4ml.open_entry(hit.parent if hit.kind == "poster" else hit.id)

    # -- stars ---------------------------------------------------------------------------------
    def stars_here(self) -> bool:
        return self.focused is self.list

    def star_target(self) -> str | None:
        hit = self.list.current
        return hit.id if hit is not None and hit.kind in ("item", "talk") else None

    def show_stars(self) -> None:
        self.list.restar(self.c4ml.is_starred)

    def show_answer(self, snap: Snapshot) -> None:
        """A new copy of the program: search it again; times may have moved (a delay): redraw
        the rows shown."""
        if self._indexed is not self.c4ml.program:
            self.use_index()
        else:
            self.redraw_rows()

    def on_resize(self) -> None:
        self.call_after_refresh(self.redraw_rows)  # rows are cut to the list's width

    def redraw_rows(self) -> None:
        if self.results is not None and self.list.rows:
            hits = self.list.rows.hits
            highlighted = self.list.highlighted
            self.list.show(self.rows(hits), self.results.more, PAGE)
            self.list.highlighted = highlighted

