"""``a`` (the agenda shown) on a generated program, against a bare screen push, in process
(headless 80x24, a manual clock). Each figure is press-to-paint (``pilot.pause()``), the median
of several runs with min-max, in wall and CPU time; a resize of the agenda is timed too.

    .venv/bin/python bench/agenda_push.py [--talks 10000] [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


async def measure(path: Path, runs: int) -> dict[str, tuple[list[float], list[float]]]:
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

    async def timed(name: str, change, pilot) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        await change()
        await pilot.pause()
        walls, cpus = found.setdefault(name, ([], []))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)

    rows = 0
    for _ in range(runs):  # a fresh app each time: the agenda screen is built on its first `a`
        app = make_app(program, ManualClock(program.tz, at if isinstance(at, datetime) else None))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await timed("bare screen push (the floor)", lambda app=app: app.push_screen(Bare()), pilot)
            await app.pop_screen()
            await pilot.pause()
            await timed("a (the agenda shown)", lambda: pilot.press("a"), pilot)
            rows = app.screen.table.row_count
            await timed("agenda: resize 80x24 -> 120x40", lambda: pilot.resize_terminal(120, 40), pilot)
    print(f"  agenda rows in the table: {rows}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--program", help="this program file instead of a generated one")
    args = parser.parse_args()
    from gen_program import generate

    folder = Path(tempfile.mkdtemp(prefix="c4ml-agenda-"))
    path = Path(args.program) if args.program else folder / "big.yaml"
    if not args.program:
        path.write_text(generate(args.talks, days=5, rooms=10), encoding="utf-8")
    import os

    os.environ["C4ML_TUI_CACHE_DIR"] = str(folder / "cache")
    os.environ["C4ML_TUI_DATA_DIR"] = str(folder / "data")
    results = asyncio.run(measure(path, args.runs))
    floor = statistics.median(results["bare screen push (the floor)"][1])
    what = args.program or f"{args.talks} talks"
    print(f"{what}, 80x24 headless, {args.runs} runs: median (min-max), ms; ratio of CPU to the floor's")
    for name, (walls, cpus) in results.items():
        print(f"  {name:<34} wall {statistics.median(walls) * 1000:7.1f}"
              f" ({min(walls) * 1000:.0f}-{max(walls) * 1000:.0f})"
              f"  cpu {statistics.median(cpus) * 1000:7.1f} ({min(cpus) * 1000:.0f}-{max(cpus) * 1000:.0f})"
              f"  {statistics.median(cpus) / floor:5.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
