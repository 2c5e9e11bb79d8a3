"""How the commands and the app's first screen grow with the program: 100, 1,000, 10,000 and
100,000 generated talks (``gen_program.py``, 10 rooms, one day per 2,000 talks), each command in
fresh processes, against floors measured in the same run (``python -c pass``; for the first
screen, the minimal Textual app of ``startup.py``).

    .venv/bin/python bench/scaling.py [--sizes 100 1000 10000 100000] [--runs 5] [--no-screen]

For each size: the cold load (``validate`` with an empty cache: parse, check, write the parse
cache) with its peak memory against the file's size, then with the cache warm ``now --json``,
``agenda --json``, ``validate``, ``search WORD --json`` (its stored index built in the first,
uncounted run) and the first screen. Figures are medians (min-max) of CPU time (user + system of
the child, which holds better than wall time on a shared machine), and the growth exponent
``k`` per step (``time ~ talks^k``: 1 is linear, 0 flat) on the time above the floor.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import BIN, MINIMAL, MINIMAL_MARK, environment  # noqa: E402


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds (user + system), wall seconds and peak memory (KiB) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"{command} failed: {proc.stderr.read().decode()[-400:] if proc.stderr else ''}")
    if proc.stderr:
        proc.stderr.close()
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def spread(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.0f} ({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-screen", action="store_true", help="skip the app's first screen")
    args = parser.parse_args()
    env = environment()
    folder = Path(tempfile.mkdtemp(prefix="c4ml-scaling-"))
    script = str(BIN / "c4ml-tui")
    floor = [run([sys.executable, "-c", "pass"], env)[0] for _ in range(args.runs)]
    table: dict[str, dict[int, float]] = {}
    print(f"load average {os.getloadavg()[0]:.1f}; python -c pass: {spread(floor)} ms CPU")
    for size in args.sizes:
        path = folder / f"p{size}.yaml"
        with path.open("wb") as out:  # by another process: a child's peak memory counts this one's size
            subprocess.run([sys.executable, str(HERE / "gen_program.py"), "--talks", str(size), "--days",
                            str(max(1, math.ceil(size / 2000))), "--rooms", "10"], stdout=out, check=True)
        old = time.time() - 3600  # as a program file is: not written in the last seconds (else the
        os.utime(path, (old, old))  # store's note of it waits, and every run reads and hashes the file)
        mib = path.stat().st_size / 2**20
        program = ["--program", str(path)]
        at = ["--at", "2031-06-10T14:00"]
        cold_cpu, peaks = [], []
        for _ in range(max(1, args.runs if size < 100_000 else 1)):
            cold = dict(env, C4ML_TUI_CACHE_DIR=tempfile.mkdtemp(prefix="c4ml-cold-"))
            cpu, _, peak = run([script, "validate", str(path)], cold)
            cold_cpu.append(cpu)
            peaks.append(peak)
        warm = dict(env, C4ML_TUI_CACHE_DIR=str(folder / f"cache{size}"))
        cases = {
            "now --json": [script, *program, "now", "--json", *at],
            "agenda --json": [script, *program, "agenda", "--json"],
            "validate": [script, "validate", str(path)],
            "search --json": [script, *program, "search", "tensor", "fusion", "--json", "--limit", "20"],
        }
        for command in cases.values():  # warm-up: the parse cache, the search store
            run(command, warm)
        found: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, command in cases.items():
                found[name].append(run(command, warm)[0])
        print(f"\n{size:,} talks ({mib:.1f} MiB of YAML), CPU ms, median (min-max) and ratio to python -c pass")
        base = statistics.median(floor)
        print(f"  cold load (validate, empty cache) {spread(cold_cpu)}  {statistics.median(cold_cpu) / base:7.1f}x"
              f"  peak {max(peaks) / 1024:.0f} MiB = {max(peaks) / 1024 / mib:.1f}x the file")
        table.setdefault("cold load", {})[size] = statistics.median(cold_cpu)
        for name, values in found.items():
            print(f"  {name:<33} {spread(values)}  {statistics.median(values) / base:7.1f}x")
            table.setdefault(name, {})[size] = statistics.median(values)
        if not args.no_screen:
            from startup import first_frame

            app = [script, *program, *at]
            first_frame(app, b"Room 01", warm)
            screen, minimal = [], []
            for _ in range(args.runs):
                screen.append(first_frame(app, b"Room 01", warm, timeout=120))
                minimal.append(first_frame(MINIMAL, MINIMAL_MARK, warm))
            ratio = statistics.median(screen) / statistics.median(minimal)
            print(f"  first screen (wall, pty 80x24)    {spread(screen)}  {ratio:7.2f}x the minimal app"
                  f" ({spread(minimal).strip()})")
            table.setdefault("first screen (wall)", {})[size] = statistics.median(screen)
            table.setdefault("minimal app (wall)", {})[size] = statistics.median(minimal)
    print("\ngrowth exponent k per step (time above the floor ~ talks^k)")
    sizes = args.sizes
    for name, row in table.items():
        floor_of = statistics.median(floor) if "wall" not in name else 0.0
        steps = []
        for a, b in itertools.pairwise(sizes):
            above_a, above_b = max(row[a] - floor_of, 1e-4), max(row[b] - floor_of, 1e-4)
            steps.append(f"{math.log(above_b / above_a) / math.log(b / a):5.2f}")
        print(f"  {name:<22} " + "  ".join(steps))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
