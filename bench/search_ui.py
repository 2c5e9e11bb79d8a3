"""The search screen's speed in the app, on the generated, fictional 10,000-talk program, against
a floor measured in the same run. Headless (Textual's Pilot), so it times the app's work (key
handling, searching, building and laying out the rows), not a terminal's drawing:

    .venv/bin/python bench/search_ui.py [--talks 10000] [--queries 30] [--no-store] [--keep DIR]

* opening: from pressing ``/`` to the search screen's first frame, and to the first frame where
  it answers (with the program's stored index, at once; ``--no-store``: once the index is built
  in a thread, while it says "Indexing…");
* keystroke: from pressing a key in the search box to the frame that shows its results,
  typing queries a character at a time.

A frame counts as shown once drawn: ``call_after_refresh`` stamps it (a timed twin of the
search screen adds the stamps and changes nothing else). The floor is a bare Textual app with
the same widgets (an Input over an empty OptionList on a screen pushed by ``/``), stamped the
same way: opening = its screen's first frame; keystroke = the frame that shows the typed
character. Figures go to stdout and bench/out/search_ui.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_search_program import build  # noqa: E402
from search import pct, queries  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Input, OptionList  # noqa: E402

from c4ml_tui.core import records  # noqa: E402
from c4ml_tui.core.clock import ManualClock  # noqa: E402
from c4ml_tui.tui import app as c4ml_app  # noqa: E402
from c4ml_tui.tui.app import C4mlApp  # noqa: E402
from c4ml_tui.tui.screens import search as search_screen  # noqa: E402
from c4ml_tui.tui.screens.search import SearchScreen  # noqa: E402

SIZE = (120, 40)


STAMPS: dict[str, list[float]] = {"open": [], "shown": [], "indexed": []}
"""When each thing was on screen: stamped by ``call_after_refresh``, i.e. after the frame that
shows it has been drawn."""


CPU: dict[str, list[float]] = {name: [] for name in STAMPS}
BY_STORE: list[bool] = []
"""The process's CPU time at each stamp (it holds better than wall time on a loaded machine)."""


def stamp(widget, name: str) -> None:
    def now() -> None:
        STAMPS[name].append(time.perf_counter())
        CPU[name].append(time.process_time())

    widget.call_after_refresh(now)


class BareScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Input()
        yield OptionList()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        stamp(self, "open")

    def on_input_changed(self) -> None:
        stamp(self, "shown")


class BareApp(App):
    """The floor: the same widgets, no search."""

    BINDINGS = [("slash", "open", "Open")]

    def action_open(self) -> None:
        self.push_screen(BareScreen())


class TimedSearch(SearchScreen):
    """The search screen, stamping its frames (the only change). Where the screen puts
    results in its list (``show_results``: the store may answer in a worker) is stamped; a tree
    without it (before issue 15's third round) is stamped after ``search_now``."""

    def on_mount(self) -> None:
        super().on_mount()
        stamp(self, "open")

    def stamp_results(self, before) -> None:
        if self.results is not before:
            shown = before is not None or self.input.value
            stamp(self, "shown" if shown else "indexed")
            if shown:  # which answered, in the order of the "shown" stamps: the stored index or the built one
                BY_STORE.append(getattr(self, "index", None) is None)

    if hasattr(SearchScreen, "show_results"):
        def show_results(self, results) -> None:
            before = self.results
            super().show_results(results)
            self.stamp_results(before)
    else:
        def search_now(self) -> None:
            before = self.results
            super().search_now()
            self.stamp_results(before)


class TimedApp(C4mlApp):
    """The app, with the timed twin of its search screen."""

    SCREENS = {**C4mlApp.SCREENS, "search": TimedSearch}
    CSS_PATH = str(Path(c4ml_app.__file__).with_name("app.tcss"))


async def until_stamped(pilot, name: str, count: int, limit: float = 60.0) -> float:
    """Let the app run until the ``count``-th stamp of ``name``; that stamp."""
    deadline = time.perf_counter() + limit
    while len(STAMPS[name]) < count:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no {name} frame")
        await pilot.pause()
    return STAMPS[name][count - 1]


async def type_queries(pilot, typed: list[str]) -> tuple[list[float], list[float], list[float]]:
    """Seconds from each key press to the frame showing what it changed (wall, wall of each
    query's first key, CPU)."""
    keys, firsts, cpus = [], [], []
    stores = []
    for query in typed:
        pilot.app.screen.query_one(Input).value = ""
        for _ in range(3):  # let the empty box settle (its frame is not counted)
            await pilot.pause(0.02)
        for n, char in enumerate(query, 1):
            seen = len(STAMPS["shown"])
            t0, c0 = time.perf_counter(), time.process_time()
            await pilot.press(char if char != " " else "space")
            keys.append(await until_stamped(pilot, "shown", seen + 1) - t0)
            cpus.append(CPU["shown"][seen] - c0)
            stores.append(BY_STORE[seen] if len(BY_STORE) > seen else False)
            if n == 1:
                firsts.append(keys[-1])
    SOURCES[:] = stores
    return keys, firsts, cpus


SOURCES: list[bool] = []
"""Whether each keystroke of the last :func:`type_queries` was answered by the stored index."""


async def floor(typed: list[str]) -> dict:
    for values in (*STAMPS.values(), *CPU.values(), BY_STORE):
        values.clear()
    app = BareApp()
    async with app.run_test(size=SIZE) as pilot:
        t0 = time.perf_counter()
        await pilot.press("slash")
        opened = await until_stamped(pilot, "open", 1) - t0
        keys, _, cpus = await type_queries(pilot, typed)
    return {"open": opened, "keys": keys, "cpus": cpus}


async def ours(program, typed: list[str]) -> dict:
    for values in (*STAMPS.values(), *CPU.values(), BY_STORE):
        values.clear()
    start = program.items[0].start
    app = TimedApp(program, ManualClock(program.tz, start))
    async with app.run_test(size=SIZE) as pilot:
        t0 = time.perf_counter()
        await pilot.press("slash")
        opened = await until_stamped(pilot, "open", 1) - t0
        indexed = await until_stamped(pilot, "indexed", 1) - t0
        keys, firsts, cpus = await type_queries(pilot, typed)
        rows = len(app.screen.list.rows)
    by_store = [k for k, s in zip(keys, SOURCES, strict=True) if s]
    by_index = [k for k, s in zip(keys, SOURCES, strict=True) if not s]
    return {"open": opened, "indexed": indexed, "keys": keys, "firsts": firsts, "rows": rows, "cpus": cpus,
            "by_store": by_store, "by_index": by_index}


def with_store(program, talks: int, keep: str | None = None):
    """The program as if read from a file (a digest keys its stored index), and that index
    written, as a first search would have (a temporary cache folder, or ``keep``, where a store
    written by an earlier run is used again)."""
    import hashlib
    import os
    import tempfile

    os.environ["C4ML_TUI_CACHE_DIR"] = keep or tempfile.mkdtemp(prefix="c4ml-search-ui-")
    program = records.replace(program, digest=hashlib.sha256(f"bench {talks}".encode()).hexdigest())
    try:
        from c4ml_tui.sources import search_store
    except ImportError:
        return program
    if hasattr(search_store, "key_for"):  # (before the app used the store, it had no such key)
        from c4ml_tui.core.search import SearchIndex

        key = search_store.key_for(program.digest)
        found = search_store.open_store(key) if keep else None
        if found is not None:
            found.close()
        else:
            search_store.build(key, SearchIndex(program), len(program.days))
    return program


def generated(talks: int, keep: str | None):
    """The generated program (about 2.5 s per 1,000 talks), kept in ``keep`` for the next run."""
    if not keep:
        return build(talks)
    import pickle

    saved = Path(keep) / f"program-{talks}.pickle"
    if saved.exists():
        return pickle.loads(saved.read_bytes())
    program = build(talks)
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(pickle.dumps(program))
    return program


def main() -> None:
    parser = argparse.ArgumentParser(description="search screen benchmark")
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--page", type=int, default=search_screen.PAGE, help="hits put in the list at a time")
    parser.add_argument("--no-store", action="store_true", help="no stored index: the first search builds it")
    parser.add_argument("--keep", metavar="DIR", help="a cache folder kept between runs (the program and its store)")
    args = parser.parse_args()
    search_screen.PAGE = args.page
    typed = queries(random.Random(7), args.queries)
    program = generated(args.talks, args.keep)
    if not args.no_store:
        program = with_store(program, args.talks, args.keep)
    base = asyncio.run(floor(typed))
    run = asyncio.run(ours(program, typed))
    key_floor = statistics.median(base["keys"])
    ms = lambda s: round(s * 1e3, 1)  # noqa: E731
    report = {
        "talks": args.talks, "store": not args.no_store, "page": args.page, "keystrokes": len(run["keys"]),
        "floor_open_ms": ms(base["open"]), "floor_keystroke_median_ms": ms(key_floor),
        "open_ms": ms(run["open"]), "index_ready_ms": ms(run["indexed"]),
        "keystroke_median_ms": ms(statistics.median(run["keys"])),
        "keystroke_p90_ms": ms(pct(run["keys"], 0.9)), "keystroke_max_ms": ms(max(run["keys"])),
        "first_keystroke_median_ms": ms(statistics.median(run["firsts"])),
        "floor_keystroke_cpu_median_ms": ms(statistics.median(base["cpus"])),
        "keystroke_cpu_median_ms": ms(statistics.median(run["cpus"])),
        "keystroke_cpu_p90_ms": ms(pct(run["cpus"], 0.9)),
        "keystrokes_by_store": len(run["by_store"]),
        "keystroke_by_store_median_ms": ms(statistics.median(run["by_store"])) if run["by_store"] else None,
        "keystroke_by_index_median_ms": ms(statistics.median(run["by_index"])) if run["by_index"] else None,
    }
    report.update({
        "ratio_open_to_floor": round(run["open"] / base["open"], 1),
        "ratio_index_ready_to_floor_open": round(run["indexed"] / base["open"], 1),
        "ratio_keystroke_median_to_floor": round(statistics.median(run["keys"]) / key_floor, 1),
        "ratio_keystroke_p90_to_floor": round(pct(run["keys"], 0.9) / key_floor, 1),
        "ratio_keystroke_max_to_floor": round(max(run["keys"]) / key_floor, 1),
        "ratio_first_keystroke_to_floor": round(statistics.median(run["firsts"]) / key_floor, 1),
    })
    for key, value in report.items():
        print(f"{key:34} {value}")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "search_ui.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
