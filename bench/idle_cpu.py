"""CPU used while idle on the board in a real terminal: c4ml-tui against a minimal Textual app.

Both run at the same time in tmux (each in its own session, 80x24 by default) and are left
alone; after a settling pause, the CPU time of each (all threads, from
/proc/PID/task/*/schedstat, in nanoseconds) is read at the start and the end of each window.
Nothing is pressed: this is the app as it sits on a laptop all day.
A shared machine is noisy, so several windows are measured and the median ratio is reported.

    .venv/bin/python bench/idle_cpu.py [--seconds 60] [--rounds 3] [--size 80x24] [--keys c]

``--keys`` presses keys in the app first (``c``: the chair screen, ``a``: the agenda), to measure
a screen over the board: until the fix of 29 Nov 2026 any screen over the board used half a core
(its footer asked to be fitted after every frame). ``--before DIR`` runs another checkout (its own
``.venv``) beside them in the same windows, keys pressed the same.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from common import APP, APP_MARK, MINIMAL, MINIMAL_MARK, cpu_seconds, environment, load_average, other_copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the idle window")
    parser.add_argument("--rounds", type=int, default=3, help="windows to measure, one after another")
    parser.add_argument("--size", default="80x24", help="terminal size, WIDTHxHEIGHT")
    parser.add_argument("--keys", default="", help="keys to press in the app before measuring (e.g. c)")
    parser.add_argument("--before", type=Path, help="another checkout with its own .venv, measured beside")
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
        programs = [("app", APP, APP_MARK), ("minimal", MINIMAL, MINIMAL_MARK)]
        if args.before:
            programs.append(("before", [str(other_copy(args.before) / "c4ml-tui"), *APP[1:]], APP_MARK))
        for name, command, mark in programs:
            run("new-session", "-d", "-s", name, "-x", width, "-y", height, "exec " + shlex.join(command))
            deadline = time.monotonic() + 30
            while mark.decode() not in run("capture-pane", "-p", "-t", name):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{name} did not start")
                time.sleep(0.1)
            pids[name] = int(run("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        for key in args.keys:
            for name in pids:
                if name != "minimal":
                    run("send-keys", "-t", name, key)
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
          f"(% of one core); load average {load_average()} at the end")
    names = [n for n in ("app", "before") if n in rounds[0][0]]
    ratios: dict[str, list[float]] = {n: [] for n in names}
    for used, elapsed in rounds:
        line = f"  minimal {100 * used['minimal'] / elapsed:.2f}%"
        for name in names:
            ratio = used[name] / used["minimal"] if used["minimal"] else float("inf")
            ratios[name].append(ratio)
            line += f"   {'c4ml-tui' if name == 'app' else 'before'} {100 * used[name] / elapsed:.2f}% ({ratio:.2f}x)"
        print(line)
    for name in names:
        share = statistics.median(100 * u[name] / e for u, e in rounds)
        print(f"  median: {'c4ml-tui' if name == 'app' else 'before'} {share:.2f}% of a core, "
              f"{statistics.median(ratios[name]):.2f}x the minimal app (target: within 1.20x and under 1%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
