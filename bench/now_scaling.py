"""``c4ml-tui now --json`` with a warm cache against ``python -c pass``, on the bundled program,
38C3 and generated programs of 100 to 100,000 talks: the answer should cost what it shows, so
the ratio should stay flat as the program grows (issue 15: <= 3x bundled, <= 4x 38C3, <= 5x at
100,000 talks).

    .venv/bin/python bench/now_scaling.py [--sizes 100 1000 10000 100000] [--runs 9]
                                          [--before OTHER/.venv/bin/c4ml-tui]

Every command runs in fresh processes, round-robin with the floor (so a busy moment hits all of
them); figures are CPU time (user + system of the child: it holds better than wall time on a
shared machine), medians with min-max. ``--before`` times another install's ``c4ml-tui`` in the
same rounds (e.g. a clone of an older commit), each with its own warm cache.
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

from common import BIN, environment  # noqa: E402
from gen_program import generate  # noqa: E402
from scaling import run, spread  # noqa: E402

ROOT = HERE.parent
SCHEDULES = ROOT.parent / "shared" / "data" / "schedules"


def programs(sizes: list[int], folder: Path) -> list[tuple[str, list[str]]]:
    found = [("bundled", ["--at", "2025-03-02T10:40"])]
    if (SCHEDULES / "38c3.xml").exists():
        found.append(("38C3", ["--program", str(SCHEDULES / "38c3.xml"), "--at", "2024-12-28T14:20"]))
    for size in sizes:
        path = folder / f"p{size}.yaml"
        path.write_text(generate(size, days=max(1, math.ceil(size / 2000)), rooms=10), encoding="utf-8")
        old = time.time() - 3600
        os.utime(path, (old, old))  # a file saved a while ago, as a user's is
        found.append((f"{size:,} talks", ["--program", str(path), "--at", "2031-06-10T14:00"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", help="another install's c4ml-tui, timed in the same rounds")
    args = parser.parse_args()
    env = environment()
    folder = Path(tempfile.mkdtemp(prefix="c4ml-now-scaling-"))
    binaries = {"after": str(BIN / "c4ml-tui")}
    if args.before:
        binaries["before"] = args.before
    caches = {name: dict(env, C4ML_TUI_CACHE_DIR=str(folder / f"cache-{name}"),
                         C4ML_TUI_DATA_DIR=str(folder / f"data-{name}")) for name in binaries}
    cases = programs(args.sizes, folder)
    for name, binary in binaries.items():  # warm-up: the parse cache, the store, its note
        for _, argv in cases:
            for _ in range(2):
                run([binary, *argv, "now", "--json"], caches[name])
    floor: list[float] = []
    found: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        floor.append(run([sys.executable, "-c", "pass"], env)[0])
        for label, argv in cases:
            for name, binary in binaries.items():
                found.setdefault((label, name), []).append(run([binary, *argv, "now", "--json"], caches[name])[0])
    base = statistics.median(floor)
    print(f"load average {os.getloadavg()[0]:.1f}; python -c pass: {spread(floor).strip()} ms CPU; "
          f"median (min-max) of {args.runs} runs")
    print(f"{'program':<16}" + "".join(f"{name + ' ms CPU':>26}{'ratio':>8}" for name in binaries))
    for label, _ in cases:
        cells = ""
        for name in binaries:
            values = found[(label, name)]
            cells += f"{spread(values):>26}{statistics.median(values) / base:7.1f}x"
        print(f"{label:<16}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
