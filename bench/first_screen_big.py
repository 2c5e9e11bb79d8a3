"""The app's first screen on a big generated program (a warm cache) against the minimal Textual
app, in the same rounds: a program file of 1 MB or more with more than 500 items opens on the
items around now and reads the rest in a worker thread (``tui/rest.py``).

    .venv/bin/python bench/first_screen_big.py [--talks 100000] [--runs 7] [--before OTHER/.venv/bin/c4ml-tui]

Wall and CPU time from spawning the command in an 80x24 pty until the board's "Room 01" is
written (``startup.first_frame_cpu``; CPU holds better on a loaded machine), medians with min-max.
``--before`` times another install in the same rounds.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import BIN, MINIMAL, MINIMAL_MARK, environment  # noqa: E402
from gen_program import generate  # noqa: E402
from scaling import run, spread  # noqa: E402
from startup import first_frame, first_frame_cpu  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", help="another install's c4ml-tui, timed in the same rounds")
    args = parser.parse_args()
    env = environment()
    folder = Path(tempfile.mkdtemp(prefix="c4ml-first-big-"))
    path = folder / "big.yaml"
    path.write_text(generate(args.talks, days=max(1, math.ceil(args.talks / 2000)), rooms=10), encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))
    binaries = {"after": str(BIN / "c4ml-tui")}
    if args.before:
        binaries["before"] = args.before
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in binaries}
    minimal: list[tuple[float, float]] = []
    commands = {}
    for name, binary in binaries.items():
        cache = dict(env, C4ML_TUI_CACHE_DIR=str(folder / f"cache-{name}"),
                     C4ML_TUI_DATA_DIR=str(folder / f"data-{name}"))
        command = [binary, "--program", str(path), "--at", "2031-06-10T14:00"]
        run([binary, "--program", str(path), "now", "--at", "2031-06-10T14:00"], cache)  # the cache, the store
        first_frame(command, b"Room 01", cache, timeout=300)
        commands[name] = (command, cache)
    for _ in range(args.runs):
        minimal.append(first_frame_cpu(MINIMAL, MINIMAL_MARK, env))
        for name, (command, cache) in commands.items():
            found[name].append(first_frame_cpu(command, b"Room 01", cache, timeout=300))
    wall, cpu = statistics.median(w for w, _ in minimal), statistics.median(c for _, c in minimal)
    print(f"load average {os.getloadavg()[0]:.1f}; {args.talks:,} talks ({path.stat().st_size / 2**20:.0f} MiB); "
          f"median (min-max) of {args.runs}, ms; minimal Textual app wall {spread([w for w, _ in minimal]).strip()}, "
          f"cpu {spread([c for _, c in minimal]).strip()}")
    for name, values in found.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        print(f"  {name:<8} first screen wall {spread(walls)} {statistics.median(walls) / wall:5.2f}x, "
              f"cpu {spread(cpus)} {statistics.median(cpus) / cpu:5.2f}x the minimal app (target: 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
