"""Cold loading of a big program, as YAML and as frab XML: ``validate`` with an empty cache
(read the file, check it, write the parse cache) in fresh processes, CPU time and peak memory
against the file's size. The same talks in both formats (``gen_program.py``, 10 rooms, a day
per 2,000 talks).

    .venv/bin/python bench/cold_load.py [--talks 100000] [--runs 3] [--before ../main-clone/src]

``--before SRC`` also times another copy of c4ml-tui (its ``src`` folder, e.g. a clone of main at
the commit the work started from), interleaved run by run with this one, so a noisy moment on
a shared machine hits both alike. Figures are medians (min-max) of CPU seconds (user + system of
the child); the floor is ``python -c pass`` measured in the same run.
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import environment  # noqa: E402

SRC = HERE.parent / "src"


def run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """CPU seconds (user + system) and peak memory (KiB) of one run; it must succeed."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    error = proc.stderr.read().decode()[-400:] if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command} failed: {error}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s ({min(values):.2f}-{max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="the src folder of another copy to time alongside")
    args = parser.parse_args()
    env = environment()
    folder = Path(tempfile.mkdtemp(prefix="c4ml-cold-"))
    days = max(1, math.ceil(args.talks / 2000))
    files = {"YAML": folder / "program.yaml", "frab XML": folder / "program.xml"}
    for path, more in ((files["YAML"], []), (files["frab XML"], ["--xml"])):
        # written by another process: a child's peak memory counts its parent's size when it
        # started (Linux keeps the larger at exec), so this one must stay small
        with path.open("wb") as out:
            subprocess.run([sys.executable, str(HERE / "gen_program.py"), "--talks", str(args.talks), "--days",
                            str(days), "--rooms", "10", *more], stdout=out, check=True)
    copies = {"after": SRC}
    if args.before:
        copies = {"before": args.before.resolve(), "after": SRC}
        compileall.compile_dir(str(args.before), quiet=1)
    floor = [run([sys.executable, "-c", "pass"], env)[0] for _ in range(3)]
    cpu: dict[tuple[str, str], list[float]] = {}
    peak: dict[tuple[str, str], list[int]] = {}
    for _ in range(args.runs):
        for fmt, path in files.items():
            for name, src in copies.items():
                cold = dict(env, C4ML_TUI_CACHE_DIR=tempfile.mkdtemp(prefix="c4ml-cold-cache-"),
                            PYTHONPATH=str(src))
                seconds, kib = run([sys.executable, "-m", "c4ml_tui", "validate", str(path)], cold)
                cpu.setdefault((fmt, name), []).append(seconds)
                peak.setdefault((fmt, name), []).append(kib)
    print(f"{args.talks:,} talks, {args.runs} runs each, interleaved; load average {os.getloadavg()[0]:.1f}; "
          f"python -c pass {statistics.median(floor) * 1000:.0f} ms CPU")
    for fmt, path in files.items():
        mib = path.stat().st_size / 2**20
        print(f"\n{fmt} ({mib:.1f} MiB)")
        for name in copies:
            kib = [k / 1024 for k in peak[(fmt, name)]]
            middle = statistics.median(kib)
            print(f"  {name:<7} cold load {spread(cpu[(fmt, name)])} CPU;  peak {middle:5.0f} MiB "
                  f"({min(kib):.0f}-{max(kib):.0f}) = {middle / mib:.1f}x the file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
