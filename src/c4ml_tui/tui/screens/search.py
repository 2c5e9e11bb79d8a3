"""Search (``/``): type, and the best matches of the whole program come as you type.

The index belongs to the app's state (one per program: a new copy of the program gets a new
index, and the screen searches again). A big program (thousands of talks) is searched at once
from its stored index (``sources/search_store.py``, SQLite, written the first time), while the
index is built in memory in a thread after the screen's first frame; once built it answers
instead (the same hits, faster as you type). With no stored index yet, the screen says it is
indexing until the thread is done, then writes the store in another thread for the next time.
Searching runs on the UI thread after each keystroke (a few milliseconds: ``bench/search.py``);
keys typed before a search starts are searched together. A page of :data:`PAGE` hits is listed,
and only the rows near the view are built (``widgets/search_results.py``);
``bench/search_ui.py`` times a keystroke from key to frame.
"""

from __future__ import annotations

import builtins
import gc

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from ...core.model import Item, Poster, Program, Speaker, Talk
from ...core.search import SearchIndex
from ...core.search_hits import Hit, Results
from ...core.timeline import Snapshot
from ...sources.search_store import Store
from ...words import board
from ..state import State
from ..widgets.literal import LiveLabel
from ..widgets.search_results import Row, SearchResults
from .base import LiveScreen

PAGE = 200
"""Hits put in the list at a time: a list of 10,000 rows takes seconds to build."""
BUILD_IN_THREAD = 2_000
"""Programs with more entries than this are indexed in a thread (the screen stays live)."""
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

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        yield Input(placeholder="Search: a word, a name, part of a title…", id="search-input")
        yield LiveLabel(HINT, id="search-status", classes="note")
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
        self.index, self.results = None, None
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
        else:
            self.status(f"Indexing {size:,} entries…")
        self.call_after_refresh(self.build_index, state)  # after the first frame: the thread holds the GIL

    def close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def on_unmount(self) -> None:
        self.close_store()

    @work(thread=True, exclusive=True, group="search-index")
    def build_index(self, state: State) -> SearchIndex:
        return state.search_index()

    @work(thread=True, exclusive=True, group="search-store")
    def keep_index(self, state: State) -> None:
        state.keep_search_index()

    @on(Worker.StateChanged)
    def _index_built(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search-index":
            return
        if event.state == WorkerState.SUCCESS:
            index = event.worker.result
            assert isinstance(index, SearchIndex)  # what build_index returned
            if index.program is not self.c4ml.program:
                return  # built for a copy of the program that was replaced meanwhile
            self.index = index
            stored = self.store is not None  # its results are on screen already: the index finds the same
            self.close_store()
            if not stored:
                self.keep_index(self.c4ml.state)  # for the next time: the store answers at once
            # The index is hundreds of thousands of long-lived objects: keep the garbage
            # collector's full passes (set off by the rows each keystroke builds) from walking
            # them every time. It lives as long as the app anyway.
            gc.freeze()
            if not stored:
                self.status(HINT)
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
        """Search for what the input holds now, and show the first page."""
        self._pending = False
        if self.index is None and self.store is None:
            return
        query = self.input.value
        if self.results is not None and self.results.query == query:
            return
        self.results = results = self.search(query, PAGE)
        self.list.show(self.rows(results.hits), results.more, PAGE)
        if self._wants_results and self.list.option_count:
            self._wants_results = False
            self.set_focus(self.list)
        self.refresh_bindings()
        if not query.strip():
            self.status(HINT)
        elif not results.total:
            self.status(f"No match for “{query.strip()}”.")
        else:
            self.status(self.summary())

    def search(self, query: str, limit: int) -> Results:
        """The built index's answer, else the stored index's (the same hits, given their entries)."""
        if self.index is not None:
            return self.index.search(query, limit)
        assert self.store is not None
        results = self.store.search(query, limit)
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
        self.list.append(self.rows(results.hits[shown:]), results.more)
        self.status(self.summary())

    def rows(self, hits) -> builtins.list[Row]:  # builtins: `list` here is the property
        return [self.row(hit) for hit in hits]

    def row(self, hit: Hit) -> Row:
        """The time (expected, from the timeline), kind and context words of one hit."""
        tl, program = self.c4ml.timeline, self.c4ml.program
        if isinstance(hit.target, Speaker):  # hit.kind == "speaker"
            return Row(hit, "", "speaker", False, hit.target.affiliation or "")
        entry = hit.target if hit.kind != "poster" else program.by_id.get(hit.parent or "")
        when = board.short_when(tl, entry) if isinstance(entry, (Item, Talk)) else ""
        kind = entry.kind if hit.kind == "item" and isinstance(entry, Item) else hit.kind
        people = hit.target.authors if isinstance(hit.target, Poster) else getattr(hit.target, "speakers", ())
        context = ", ".join(program.speaker_name(s) for s in people)
        return Row(hit, when, kind, self.c4ml.is_starred(hit.id), context)

    def status(self, text: str) -> None:
        self.query_one("#search-status", LiveLabel).show(text)

    # -- moving and opening --------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "into_results":
            if self.is_mounted and self.index is None and self.store is None:
                return True  # still indexing: Down is kept for when the results come
            return self.is_mounted and self.list.option_count > 0 and self.focused is not self.list
        return True

    def action_into_results(self) -> None:
        if self.list.option_count:
            self.set_focus(self.list)  # now, not after the keys already queued
        elif self.index is None and self.store is None and self.input.value.strip():
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
        """Enter in the input opens the highlighted (first) hit."""
        self.search_now()
        if self.list.option_count:
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
            hits = [row.hit for row in self.list.rows]
            highlighted = self.list.highlighted
            self.list.show(self.rows(hits), self.results.more, PAGE)
            self.list.highlighted = highlighted


def entry_of(program: Program, hit: Hit) -> Item | Talk | Poster | Speaker | None:
    """The entry of a hit from the stored index (which keeps ids, not the model)."""
    if hit.kind == "speaker":
        return program.speakers.get(hit.id)
    if hit.kind == "poster":
        parent = program.by_id.get(hit.parent or "")
        return next((p for p in getattr(parent, "posters", ()) if p.id == hit.id), None)
    return program.by_id.get(hit.id)
