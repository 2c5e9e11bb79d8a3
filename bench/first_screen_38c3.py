"""Time to the first screen of a big program: c4ml-tui on the 1,007-event 38C3 schedule XML,
against the minimal Textual app (a Static and a 1 s timer) started the same way in the same run.

Each program runs in a fresh 80x24 pseudo-terminal (see ``startup.py``); the clock stops when
the rooms board's table is on the screen (a room name from the file). Two cases:

- cold: an empty cache folder on every run, so the XML is imported (parsed and checked);
- warm: the cache folder of the warm-up run, so the parsed copy is read back as JSON.

Runs alternate between the programs; one warm-up run of each is not counted.

    .venv/bin/python bench/first_screen_38c3.py [--runs 9] [--schedule PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from common import BIN, MINIMAL, MINIMAL_MARK, environment, summary
from startup import first_frame

SCHEDULE = Path(__file__).resolve().parents[2] / "shared" / "data" / "schedules" / "38c3.xml"
MARK = b"Saal GLITCH"
"""In the table of the first screen, not in its heading: the board is drawn, not just the bar."""
TARGET = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="counted runs of each case")
    parser.add_argument("--schedule", type=Path, default=SCHEDULE, help="the 38C3 schedule XML")
    args = parser.parse_args()
    if not args.schedule.exists():
        print(f"{args.schedule} is not here (the shared schedules live outside the repository)", file=sys.stderr)
        return 2
    app = [str(BIN / "c4ml-tui"), "--program", str(args.schedule), "--at", "2024-12-28T14:00"]
    env = environment()

    def cold_env() -> dict[str, str]:
        return dict(env, C4ML_TUI_CACHE_DIR=tempfile.mkdtemp(prefix="c4ml-bench-cold-"))

    first_frame(app, MARK, env)  # warm-up: fills env's cache folder, the page cache
    first_frame(MINIMAL, MINIMAL_MARK, env)
    cold, warm, minimal = [], [], []
    for _ in range(args.runs):
        cold.append(first_frame(app, MARK, cold_env()))
        warm.append(first_frame(app, MARK, env))
        minimal.append(first_frame(MINIMAL, MINIMAL_MARK, env))
    floor = statistics.median(minimal)
    print(f"first screen of 38C3 (1,007 events, 72 rooms), seconds, 80x24 pty, {args.runs} runs each")
    print(f"  minimal Textual app:  {summary(minimal)}")
    for name, values in (("c4ml-tui, cold cache", cold), ("c4ml-tui, warm cache", warm)):
        median = statistics.median(values)
        print(f"  {name}: {summary(values)}  ratio {median / floor:.2f}x"
              f"  ({'within' if median <= TARGET else 'OVER'} the {TARGET:.0f} s target)")
    return 0 if statistics.median(cold) <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
