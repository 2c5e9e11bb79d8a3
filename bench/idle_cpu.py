"""CPU used while idle on the board in a real terminal: c4ml-tui against a minimal Textual app.

Both run at the same time in tmux (each in its own session, 80x24 by default) and are left
alone; after a settling pause, utime+stime from /proc/PID/stat is read at the start and the
end of each window. Nothing is pressed: this is the app as it sits on a laptop all day.
The kernel counts CPU time in 10 ms steps and a shared machine is noisy, so several windows
are measured and the median ratio is reported.

    .venv/bin/python bench/idle_cpu.py [--seconds 60] [--rounds 3] [--size 80x24] [--keys c]

``--keys`` presses keys in the app first (``c``: the chair screen, ``a``: the agenda), to measure
a screen over the board: until the fix of 29 Nov 2026 any screen over the board used half a core
(its footer asked to be fitted after every frame).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
import uuid

from common import APP, APP_MARK, MINIMAL, MINIMAL_MARK, environment

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the idle window")
    parser.add_argument("--rounds", type=int, default=3, help="windows to measure, one after another")
    parser.add_argument("--size", default="80x24", help="terminal size, WIDTHxHEIGHT")
    parser.add_argument("--keys", default="", help="keys to press in the app before measuring (e.g. c)")
    args = parser.parse_args()
    tmux = shutil.which("tmux")
    if tmux is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    width, height = args.size.split("x")
    env = environment()
    socket = f"c4ml-bench-{uuid.uuid4().hex[:8]}"

    def run(*a: str) -> str:
        return subprocess.run([tmux, "-L", socket, *a], capture_output=True, text=True, env=env).stdout

    try:
        pids = {}
        for name, command, mark in (("app", APP, APP_MARK), ("minimal", MINIMAL, MINIMAL_MARK)):
            run("new-session", "-d", "-s", name, "-x", width, "-y", height, "exec " + shlex.join(command))
            deadline = time.monotonic() + 30
            while mark.decode() not in run("capture-pane", "-p", "-t", name):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{name} did not start")
                time.sleep(0.1)
            pids[name] = int(run("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        for key in args.keys:
            run("send-keys", "-t", "app", key)
            time.sleep(0.5)
        time.sleep(3)  # let start-up work settle
        rounds = []
        for _ in range(args.rounds):
            before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            started = time.monotonic()
            time.sleep(args.seconds)
            elapsed = time.monotonic() - started
            rounds.append(({name: cpu_seconds(pid) - before[name] for name, pid in pids.items()}, elapsed))
    finally:
        run("kill-server")
    screen = f", after pressing {args.keys!r}" if args.keys else ""
    print(f"idle CPU in tmux at {args.size}{screen}, {args.rounds} windows of {args.seconds:.0f} s "
          "(utime+stime, % of one core)")
    ratios = []
    for used, elapsed in rounds:
        ratio = used["app"] / used["minimal"] if used["minimal"] else float("inf")
        ratios.append(ratio)
        print(f"  minimal {100 * used['minimal'] / elapsed:.2f}%   c4ml-tui {100 * used['app'] / elapsed:.2f}%"
              f"   ratio {ratio:.2f}x")
    app = statistics.median(100 * u["app"] / e for u, e in rounds)
    print(f"  median: c4ml-tui {app:.2f}% of a core, {statistics.median(ratios):.2f}x the minimal app "
          "(target: within 1.20x and under 1%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
