"""Time ``c4ml-tui now`` against a bare ``python -c pass``, in the same run; and the loader.

    .venv/bin/python bench/now.py            # 15 runs of each command, then the loader timings
    .venv/bin/python bench/now.py --runs 30 --skip-loader

Every command is run ``--runs`` times, round-robin (so a slow moment hits all of them), with a
warm parse cache in a temporary folder, and reported as the median with its ratio to the bare
interpreter. The issue's target is ``now`` within 4x of a bare start.

Before timing, the package's bytecode is compiled (as ``pip install`` does): with
``PYTHONDONTWRITEBYTECODE`` set, every run would otherwise recompile the package from source.

The loader section generates a fictional program (``gen_program.py``, 10,000 talks by default)
and times its YAML parse against loading the cached JSON, in this process.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 4.0


def console_script() -> str | None:
    """The installed ``c4ml-tui`` next to this interpreter (a venv), or on PATH."""
    beside = Path(sys.executable).with_name("c4ml-tui")
    return str(beside) if beside.exists() else shutil.which("c4ml-tui")


def commands(program: str | None) -> list[tuple[str, list[str]]]:
    py = sys.executable
    extra = ["--program", program] if program else []
    found = [("python -c pass (bare start)", [py, "-c", "pass"])]
    script = console_script()
    if script:
        found.append(("c4ml-tui now", [script, *extra, "now"]))
        found.append(("c4ml-tui now --json", [script, *extra, "now", "--json"]))
    found.append(("python -m c4ml_tui now", [py, "-m", "c4ml_tui", *extra, "now"]))
    if script:
        found.append(("c4ml-tui agenda", [script, *extra, "agenda"]))
    return found


def time_once(argv: list[str], env: dict) -> float:
    began = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - began
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{result.stderr.decode(errors='replace')}")
    return elapsed


def bench_commands(runs: int, program: str | None, env: dict) -> list[tuple[str, list[float]]]:
    cmds = commands(program)
    for _, argv in cmds:  # warm up: fills the parse cache and the OS file cache
        time_once(argv, env)
    times: dict[str, list[float]] = {name: [] for name, _ in cmds}
    for _ in range(runs):
        for name, argv in cmds:
            times[name].append(time_once(argv, env))
    return [(name, times[name]) for name, _ in cmds]


def print_table(rows: list[tuple[str, list[float]]]) -> bool:
    bare = statistics.median(rows[0][1])
    print(f"{'command':<32} {'median':>9} {'min':>9} {'ratio':>7}")
    ok = True
    for name, samples in rows:
        median = statistics.median(samples)
        ratio = median / bare
        mark = ""
        if "now" in name:
            mark = "  ok" if ratio <= TARGET else f"  MISSES the {TARGET:g}x target"
            ok = ok and ratio <= TARGET
        print(f"{name:<32} {median * 1000:7.1f}ms {min(samples) * 1000:7.1f}ms {ratio:6.2f}x{mark}")
    return ok


def bench_loader(n_talks: int, days: int, rooms: int, runs: int) -> None:
    sys.path.insert(0, str(HERE))
    from gen_program import generate

    from c4ml_tui.formats import read as parse
    from c4ml_tui.sources.loader import load

    text = generate(n_talks, days, rooms)
    with tempfile.TemporaryDirectory(prefix="c4ml-bench-") as tmp:
        path = Path(tmp) / "big.yaml"
        path.write_text(text, encoding="utf-8")
        content = path.read_bytes()
        yaml_times, json_times = [], []
        for _ in range(runs):
            began = time.perf_counter()
            program = parse(content, str(path))
            yaml_times.append(time.perf_counter() - began)
        load(path)  # fills the cache
        for _ in range(max(runs, 5)):
            began = time.perf_counter()
            cached = load(path)
            json_times.append(time.perf_counter() - began)
        assert cached == program
    size = len(content) / 1e6
    y, j = statistics.median(yaml_times), statistics.median(json_times)
    print(f"\nloader: {n_talks:,} talks, {len(program.items):,} items, {days} days x {rooms} rooms, "
          f"{size:.1f} MB of YAML")
    print(f"{'YAML parse + validation (cold)':<32} {y * 1000:7.0f}ms  (median of {len(yaml_times)})")
    print(f"{'cached JSON (warm)':<32} {j * 1000:7.0f}ms  (median of {len(json_times)})  {y / j:5.0f}x faster")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15, at least 10)")
    parser.add_argument("--program", help="program file for the commands (default: the bundled one)")
    parser.add_argument("--talks", type=int, default=10_000, help="talks in the generated program (default 10000)")
    parser.add_argument("--loader-runs", type=int, default=3, help="YAML parses to time (default 3)")
    parser.add_argument("--skip-loader", action="store_true", help="only time the commands")
    args = parser.parse_args(argv)
    if args.runs < 10:
        parser.error("--runs must be at least 10 (the median of fewer says little)")

    import c4ml_tui

    package = Path(c4ml_tui.__file__).parent
    compileall.compile_dir(str(package), quiet=1)
    with tempfile.TemporaryDirectory(prefix="c4ml-bench-cache-") as cache:
        env = dict(os.environ, C4ML_TUI_CACHE_DIR=cache, C4ML_TUI_DATA_DIR=cache)
        os.environ.update(C4ML_TUI_CACHE_DIR=cache, C4ML_TUI_DATA_DIR=cache)
        print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs; "
              f"median of {args.runs} runs each, warm parse cache\n")
        ok = print_table(bench_commands(args.runs, args.program, env))
        if not args.skip_loader:
            bench_loader(args.talks, 5, 10, args.loader_runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
