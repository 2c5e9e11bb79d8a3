"""Time to the first painted screen: c4ml-tui against a minimal Textual app, started the same way.

Each program runs in a fresh pseudo-terminal (80x24); the clock starts just before the process
is spawned and stops when the first frame that shows the program's own text is written to the
terminal. Runs alternate between the two programs; one warm-up run of each is not counted.
On a shared machine the load drifts, so the ratio is also given for the fastest runs and as
the median of back-to-back pairs.

    .venv/bin/python bench/startup.py [--runs 15]
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

from common import APP, APP_MARK, MINIMAL, MINIMAL_MARK, environment, summary


def first_frame(command: list[str], mark: bytes, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawning ``command`` in a pty until ``mark`` has been written to it."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
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
                    return time.perf_counter() - start
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        _drain(master, proc)
        os.close(master)


def _drain(master: int, proc: subprocess.Popen) -> None:
    """Read until the program has restored the terminal and exited."""
    deadline = time.monotonic() + 5
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
    args = parser.parse_args()
    env = environment()
    first_frame(APP, APP_MARK, env)  # warm-up: the program cache, the page cache
    first_frame(MINIMAL, MINIMAL_MARK, env)
    app, minimal = [], []
    for _ in range(args.runs):
        app.append(first_frame(APP, APP_MARK, env))
        minimal.append(first_frame(MINIMAL, MINIMAL_MARK, env))
    pairs = statistics.median(a / m for a, m in zip(app, minimal, strict=True))
    print(f"first frame, seconds, 80x24 pty, {args.runs} runs each")
    print(f"  minimal Textual app: {summary(minimal)}")
    print(f"  c4ml-tui:            {summary(app)}")
    print(f"  ratio of medians {statistics.median(app) / statistics.median(minimal):.2f}x, "
          f"of fastest runs {min(app) / min(minimal):.2f}x, median of back-to-back pairs {pairs:.2f}x "
          "(target: within 1.30x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
