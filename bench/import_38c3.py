"""How fast the 1,007-event 38C3 schedule loads: cold (parsed from XML) and cached, against the
floor of a bare ``python -c pass`` measured in the same run. Medians of fresh processes.

    .venv/bin/python bench/import_38c3.py [--runs 9]

The lead adds "draw the first screen" here once the app is merged; the target for the whole
first screen is 1 s, so loading must stay well under it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEDULE = ROOT.parent / "shared" / "data" / "schedules" / "38c3.xml"
LOAD = "from c4ml_tui.sources.loader import load; load({path!r})"
NOW = ["-m", "c4ml_tui", "now", "--program", "{path}", "--at", "2024-12-28T14:10", "--json"]


def timed(argv: list[str], env: dict, before=None) -> float:
    if before:
        before()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *argv], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--schedule", type=Path, default=SCHEDULE)
    args = parser.parse_args()
    if not args.schedule.is_file():
        print(f"no schedule at {args.schedule}: nothing to measure")
        return 0
    path = str(args.schedule)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, C4ML_TUI_CACHE_DIR=str(Path(tmp) / "cache"), C4ML_TUI_DATA_DIR=str(Path(tmp) / "data"))

        def clear():
            subprocess.run(["rm", "-rf", env["C4ML_TUI_CACHE_DIR"]], check=True)

        code = LOAD.format(path=path)
        now = [a.format(path=path) for a in NOW]
        rows = {"floor: python -c pass": [], "load 38c3.xml, cold (parse XML)": [],
                "load 38c3.xml, cached": [], "c4ml-tui now --json on 38c3.xml, cached": []}
        for _ in range(args.runs):  # interleaved, so a noisy moment hits every row alike
            rows["floor: python -c pass"].append(timed(["-c", "pass"], env))
            rows["load 38c3.xml, cold (parse XML)"].append(timed(["-c", code], env, before=clear))
            rows["load 38c3.xml, cached"].append(timed(["-c", code], env))
            rows["c4ml-tui now --json on 38c3.xml, cached"].append(timed(now, env))

    sys.path.insert(0, str(ROOT / "src"))
    from c4ml_tui.formats import read as import_schedule

    content = args.schedule.read_bytes()
    parse = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        program = import_schedule(content, path)
        parse.append(time.perf_counter() - t0)

    print(f"38C3: {len(program.items)} events, {len(program.speakers)} speakers, {len(program.rooms)} rooms; "
          f"median of {args.runs} runs, Python {sys.version.split()[0]}")
    for name, samples in rows.items():
        print(f"  {name:<44} {median_ms(samples)}")
    print(f"  {'import_schedule() alone, in process':<44} {median_ms(parse)}")
    floor = statistics.median(rows["floor: python -c pass"])
    for name in list(rows)[1:]:
        print(f"  {name + ', above the floor':<58} {(statistics.median(rows[name]) - floor) * 1000:5.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
