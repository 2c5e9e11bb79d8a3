"""Time to the first painted screen: c4ml-tui against a minimal Textual app, started the same way.

Each program runs in a fresh pseudo-terminal (80x24); the clock starts just before the process
is spawned and stops when the first frame that shows the program's own text is written to the
terminal. The CPU time the process used until then is read at that moment too (it holds better
than wall time on a loaded machine). Runs alternate between the programs; one warm-up run of
each is not counted. On a shared machine the load drifts, so the ratio is also given for the
fastest runs and as the median of back-to-back pairs.

``--before DIR`` also runs another checkout (its own ``.venv``; e.g. a clone of ``main`` at the
commit a change started from) in the same rounds, so "before" and "after" share the load.

    .venv/bin/python bench/startup.py [--runs 15] [--before ../c4ml-before]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import termios
import time
from pathlib import Path

from common import APP, APP_MARK, MINIMAL, MINIMAL_MARK, cpu_seconds, environment, load_average, other_copy, summary


def first_frame(command: list[str], mark: bytes, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawning ``command`` in a pty until ``mark`` has been written to it."""
    return first_frame_cpu(command, mark, env, timeout)[0]


def first_frame_cpu(command: list[str], mark: bytes, env: dict[str, str], timeout: float = 30.0,
                    size: tuple[int, int] = (80, 24)) -> tuple[float, float]:
    """``(wall, cpu)``: seconds from spawning ``command`` in a pty of ``size`` until ``mark`` has
    been written to it, and the CPU seconds the process had used by then."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    seen = b""
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{command[0]} painted nothing in {timeout} s")
            ready, _, _ = select.select([master], [], [], left)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise RuntimeError(f"{command[0]} exited before painting: {seen[-500:]!r}")
                seen += chunk
                if mark in seen:
                    return time.perf_counter() - start, cpu_seconds(proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        _drain(master, proc)
        os.close(master)


def _drain(master: int, proc: subprocess.Popen, seconds: float = 5) -> None:
    """Read until the program has restored the terminal and exited (killed after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while proc.poll() is None and time.monotonic() < deadline:
        if select.select([master], [], [], 0.05)[0]:
            try:
                os.read(master, 65536)
            except OSError:
                break
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="counted runs of each program")
    parser.add_argument("--before", type=Path, help="another checkout with its own .venv, run in the same rounds")
    args = parser.parse_args()
    env = environment()
    programs = {"minimal Textual app": (MINIMAL, MINIMAL_MARK), "c4ml-tui": (APP, APP_MARK)}
    if args.before:
        programs["c4ml-tui before"] = ([str(other_copy(args.before) / "c4ml-tui"), *APP[1:]], APP_MARK)
    for command, mark in programs.values():
        first_frame(command, mark, env)  # warm-up: the program cache, the page cache
    load = load_average()
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
    names = list(programs)
    for run in range(args.runs):
        for name in names[run % len(names):] + names[:run % len(names)]:  # each goes first in turn
            found[name].append(first_frame_cpu(*programs[name], env))
    print(f"first frame, seconds, 80x24 pty, {args.runs} runs each; load average {load} before, "
          f"{load_average()} after")
    floor = found["minimal Textual app"]
    floor_wall, floor_cpu = statistics.median(w for w, _ in floor), statistics.median(c for _, c in floor)
    for name, values in found.items():
        wall, cpu = [w for w, _ in values], [c for _, c in values]
        print(f"  {name}:")
        print(f"    wall {summary(wall)}")
        print(f"    cpu  {summary(cpu)}")
        if values is floor:
            continue
        pairs = statistics.median(a[0] / m[0] for a, m in zip(values, floor, strict=True))
        print(f"    ratio to the minimal app: wall {statistics.median(wall) / floor_wall:.2f}x "
              f"(fastest runs {min(wall) / min(w for w, _ in floor):.2f}x, back-to-back pairs {pairs:.2f}x), "
              f"cpu {statistics.median(cpu) / floor_cpu:.2f}x  (target: within 1.20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
