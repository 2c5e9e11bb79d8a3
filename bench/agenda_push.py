"""``a`` (the agenda shown) on a generated program, against a bare screen push, in process
(headless 80x24, a manual clock). Each figure is press-to-paint (``pilot.pause()``), the median
of several runs with min-max, in wall and CPU time; a resize of the agenda is timed too.

The app starts as the command line starts it: without the garbage collector until its first
frame, then one collection and ``gc.freeze()`` (``C4mlApp.start_collector``), so the program's
objects are not walked by every later full pass (``--collector on`` keeps the collector on from
the start, as this bench did before: a full pass that walks the whole program, 60-90 ms at
10,000 talks, then falls into one push or another).

The command line's app builds the agenda ahead, a second after its first frame (``prebuild.py``):
"a, built ahead" is what its user gets, ``--later`` minutes after the agenda was built (30 by
default: the rows' marks are worked out again, and another row is on now). "a (built on a)" is
an app that has not built it yet (``a`` within a second of the start, or an app without it).

The last measure pushes the agenda a second time (after ``esc``): the screen is built already
(its rows marked again, laid out, drawn).

Each push's layouts and frames are counted too (``Screen._refresh_layout`` of any screen: the
one pushed, and those behind it that Textual lays out on a resize; ``_compositor_refresh`` of the
screen in front: a frame drawn), printed with the figures when the bench runs alone.

``--before CHECKOUT`` times another copy of c4ml-tui too (a clone of ``main`` with its own
``.venv``): each run starts a fresh process of each copy in turn, "before" and "after"
interleaved, on the same program file.

    .venv/bin/python bench/agenda_push.py [--talks 10000] [--runs 7] [--later 30] [--before ../main-clone]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FLOOR = "bare screen push (the floor)"
PUSH = "a (built on a)"
AHEAD = "a, built ahead (the command line's)"
RESIZE = "agenda: resize 80x24 -> 120x40"
AGAIN = "a again (agenda built: esc, then a)"


async def measure(path: Path, runs: int, collector: str, warm: int = 0,
                  later: float = 30) -> dict[str, tuple[list[float], list[float]]]:
    """``runs`` fresh apps, after ``warm`` not counted (their first ``a`` imports the agenda's modules)."""
    import gc

    from textual.screen import Screen
    from textual.widgets import Static

    from c4ml_tui.core.clock import ManualClock
    from c4ml_tui.sources.loader import load
    from c4ml_tui.tui.app import make_app

    program = load(path)
    at = program.items[len(program.items) // 2].start

    class Bare(Screen):
        def compose(self):
            yield Static("bare")

    found: dict[str, tuple[list[float], list[float]]] = {}
    counts = _count_layouts_and_frames(Screen)

    async def timed(name: str, change, pilot) -> None:
        counts.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        await change()
        await pilot.pause()
        walls, cpus = found.setdefault(name, ([], []))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        COUNTED[name] = (counts.get("layouts", 0), counts.get("frames", 0))

    try:
        from c4ml_tui.tui import prebuild
    except ImportError:  # (a copy from before the agenda was built ahead)
        prebuild = None
    places = prebuild.AHEAD if prebuild is not None else ()

    rows = 0
    for run in range(runs + warm):  # a fresh app each time: the agenda screen is built on its first `a`
        if collector == "cli":
            gc.disable()  # as commands/app.py: the app collects and freezes after its first frame
        app = make_app(program, ManualClock(program.tz, at if isinstance(at, datetime) else None))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            await timed(FLOOR, lambda app=app: app.push_screen(Bare()), pilot)
            await app.pop_screen()
            await pilot.pause()
            await timed(PUSH, lambda: pilot.press("a"), pilot)
            rows = len(app.screen.table.rows_shown)
            await timed(RESIZE, lambda: pilot.resize_terminal(120, 40), pilot)
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await timed(AGAIN, lambda: pilot.press("a"), pilot)
        gc.unfreeze()
        gc.enable()
        if places:  # the command line's app: the agenda built ahead, pushed `later` minutes after
            if collector == "cli":
                gc.disable()
            clock = ManualClock(program.tz, at if isinstance(at, datetime) else None)
            app = make_app(program, clock, prebuild=places)
            app.prebuild.after = 0  # (not a second: the clock is a manual one anyway)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                await app.prebuild.finished.wait()
                await pilot.pause()
                clock.advance(minutes=later)
                app.tick()
                await pilot.pause()
                await timed(AHEAD, lambda: pilot.press("a"), pilot)
            gc.unfreeze()
            gc.enable()
        if run < warm:
            found.clear()
    print(f"  rows of the agenda's day: {rows}", file=sys.stderr)
    return found


COUNTED: dict[str, tuple[int, int]] = {}
"""Layouts and frames of the last run of each measure."""


def _count_layouts_and_frames(screen_class) -> dict[str, int]:
    """Count every screen's layouts and frames from now on, into the dict returned."""
    counts: dict[str, int] = {}

    def counting(name: str, method, front_only: bool):
        def counted(self, *args, **kwargs):
            if not front_only or self is self.app.screen:
                counts[name] = counts.get(name, 0) + 1
            return method(self, *args, **kwargs)
        return counted

    screen_class._refresh_layout = counting("layouts", screen_class._refresh_layout, False)
    screen_class._compositor_refresh = counting("frames", screen_class._compositor_refresh, True)
    return counts


def report(title: str, results: dict[str, tuple[list[float], list[float]]]) -> None:
    floor = statistics.median(results[FLOOR][1])
    print(title)
    for name, (walls, cpus) in results.items():
        print(f"  {name:<34} wall {statistics.median(walls) * 1000:7.1f}"
              f" ({min(walls) * 1000:.0f}-{max(walls) * 1000:.0f})"
              f"  cpu {statistics.median(cpus) * 1000:7.1f} ({min(cpus) * 1000:.0f}-{max(cpus) * 1000:.0f})"
              f"  {statistics.median(cpus) / floor:5.1f}x"
              + (f"  {COUNTED[name][0]} layouts, {COUNTED[name][1]} frames" if name in COUNTED else ""))


def interleaved(before: Path, path: Path, runs: int, collector: str, later: float) -> int:
    """Each run: a process of "before", then one of "after", each timing two fresh apps after
    a first one that imports what ``a`` needs."""
    from common import environment, other_copy

    env = environment()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pythons = {"before": other_copy(before) / "python", "after": Path(sys.executable)}
    found: dict[str, dict[str, tuple[list[float], list[float]]]] = {name: {} for name in pythons}
    for run in range(runs + 1):  # the first run of each writes the parse cache: not counted
        for name, python in pythons.items():
            out = subprocess.run([str(python), __file__, "--program", str(path), "--runs", "2",
                                  "--collector", collector, "--later", str(later), "--child"],
                                 env=env, check=True, capture_output=True, text=True).stdout
            if run:
                for measure_name, (walls, cpus) in json.loads(out).items():
                    into = found[name].setdefault(measure_name, ([], []))
                    into[0].extend(walls)
                    into[1].extend(cpus)
    load = os.getloadavg()
    for name, results in found.items():
        report(f"{name}: {path.name}, 80x24 headless, {2 * runs} runs (2 apps in each of {runs} processes),"
               f" collector {collector}, load {load[0]:.1f}: median (min-max), ms; ratio of CPU to the floor's",
               results)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--program", help="this program file instead of a generated one")
    parser.add_argument("--later", type=float, default=30,
                        help="minutes between building the agenda ahead and pressing a")
    parser.add_argument("--collector", choices=("cli", "on"), default="cli",
                        help="cli: as the command line starts the app (default); on: the collector on throughout")
    parser.add_argument("--before", type=Path, help="a checkout of another copy (with its .venv) to time alongside")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from gen_program import generate

    folder = Path(tempfile.mkdtemp(prefix="c4ml-agenda-"))
    path = Path(args.program) if args.program else folder / "big.yaml"
    if not args.program:
        path.write_text(generate(args.talks, days=5, rooms=10), encoding="utf-8")
    if args.before:
        return interleaved(args.before, path, args.runs, args.collector, args.later)
    os.environ.setdefault("C4ML_TUI_CACHE_DIR", str(folder / "cache"))
    os.environ.setdefault("C4ML_TUI_DATA_DIR", str(folder / "data"))
    results = asyncio.run(measure(path, args.runs, args.collector, warm=1 if args.child else 0, later=args.later))
    if args.child:
        print(json.dumps(results))
        return 0
    what = args.program or f"{args.talks} talks"
    report(f"{what}, 80x24 headless, {args.runs} runs, collector {args.collector}: median (min-max), ms;"
           " ratio of CPU to the floor's", results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
