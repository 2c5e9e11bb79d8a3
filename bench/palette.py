"""The command palette's speed on 38C3 (1,007 events, 571 speakers) against the bundled C4ML
program (9 items) measured in the same run: the bundled program is the floor, what Textual's
palette costs whatever the program. Headless (Textual's Pilot):

    .venv/bin/python bench/palette.py [--runs 5] [--schedule ../shared/data/schedules/38c3.xml]

* open: from ctrl+p to the first list of commands;
* keystroke: from a key typed in the palette to the list for the query typed so far
  (``securi``, one letter at a time).

Figures (medians over the runs) go to stdout and bench/out/palette.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))

from apptools import app_at  # noqa: E402
from textual.command import CommandList  # noqa: E402

from c4ml_tui.sources.loader import load  # noqa: E402

QUERY = "securi"


async def once(program) -> tuple[float, list[float]]:
    """``(open, [keystroke, ...])`` in seconds, for one palette session."""
    day = program.days[min(1, len(program.days) - 1)]
    app, _ = app_at(program, 14, 20, day=day)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("ctrl+p")
        while not (app.screen.query(CommandList) and app.screen.query_one(CommandList).option_count):
            await pilot.pause()
        opened = time.perf_counter() - start
        keys = []
        for k, char in enumerate(QUERY):
            before = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
            start = time.perf_counter()
            await pilot.press(char)
            for _ in range(10_000):  # until the list shows the new query's hits
                await pilot.pause()
                now = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
                if now != before or k == 0:
                    break
            keys.append(time.perf_counter() - start)
        for timer in list(app._timers):
            timer.stop()
    return opened, keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--schedule", default=str(ROOT.parent / "shared" / "data" / "schedules" / "38c3.xml"))
    args = parser.parse_args()
    import os

    os.environ.setdefault("C4ML_TUI_DATA_DIR", tempfile.mkdtemp(prefix="c4ml-bench-data-"))
    os.environ.setdefault("C4ML_TUI_CACHE_DIR", tempfile.mkdtemp(prefix="c4ml-bench-cache-"))
    programs = {"floor (bundled C4ML)": load(ROOT / "src" / "c4ml_tui" / "program.yaml"),
                "38C3": load(args.schedule)}
    figures: dict[str, dict[str, float]] = {}
    for name, program in programs.items():
        opens, keys = [], []
        for _ in range(args.runs):
            opened, typed = asyncio.run(once(program))
            opens.append(opened)
            keys.extend(typed)
        figures[name] = {"open_median_s": statistics.median(opens), "key_median_s": statistics.median(keys),
                         "key_max_s": max(keys)}
    floor, big = figures["floor (bundled C4ML)"], figures["38C3"]
    figures["ratio"] = {"open": big["open_median_s"] / floor["open_median_s"],
                        "key": big["key_median_s"] / floor["key_median_s"]}
    for name, values in figures.items():
        print(f"{name:22} " + "  ".join(f"{k} {v:.3f}" for k, v in values.items()))
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "palette.json").write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
