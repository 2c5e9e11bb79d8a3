"""Instructions from a process's start to its first frame, counted by valgrind (cachegrind): the
same count to about 0.1% run to run, where CPU time moves by 10% on this shared machine.

Each program runs under ``valgrind --tool=cachegrind --cache-sim=no`` in a fresh 80x24
pseudo-terminal; the process ends itself (``os._exit``) when Textual first writes the mark to
the terminal (its driver's ``write``, patched by ``--inner`` below before the program starts).
Two uncounted runs of each first (the caches it writes). Cases: the minimal Textual app,
c4ml-tui on 38C3 (warm cache) and on the bundled program, and with ``--before DIR`` another
checkout's (its own ``.venv``) in the same run.

    .venv/bin/python bench/first_frame_instructions.py [--runs 2] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import runpy
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def inner(mark: str, script: str, args: list[str]) -> None:
    """In the measured process: end it at the first write holding ``mark``, then run ``script``."""
    from textual.drivers.linux_driver import LinuxDriver

    wanted = mark.encode().decode()
    write = LinuxDriver.write

    def written(self, data: str) -> None:
        write(self, data)
        if wanted in data:
            os._exit(0)

    LinuxDriver.write = written  # type: ignore[method-assign]
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


def count(python: str, script: str, args: list[str], mark: str, env: dict[str, str]) -> int:
    """The instructions valgrind counted for one run."""
    log = tempfile.mktemp(prefix="c4ml-cg-", suffix=".log")
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               f"--log-file={log}", python, __file__, "--inner", mark, script, *args]
    master, slave = os.openpty()
    os.set_blocking(master, False)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    from startup import _drain

    _drain(master, proc, seconds=300)  # (valgrind runs the start ~50x slower)
    os.close(master)
    text = Path(log).read_text()
    os.unlink(log)
    found = re.search(r"I\s+refs:\s+([\d,]+)", text)
    if not found:
        raise SystemExit(f"no count in valgrind's log:\n{text[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--inner":
        inner(sys.argv[2], sys.argv[3], sys.argv[4:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--before", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from common import environment, other_copy

    env = environment()
    schedule = HERE.parents[1] / "shared" / "data" / "schedules" / "38c3.xml"
    bins = {"": Path(sys.executable).parent}
    if args.before:
        bins[" before"] = other_copy(args.before)
    cases: dict[str, tuple[str, str, list[str], str]] = {
        "minimal Textual app": (sys.executable, str(HERE / "minimal_app.py"), [], "minimal ready")}
    for suffix, folder in bins.items():
        python, script = str(folder / "python"), str(folder / "c4ml-tui")
        cases[f"38C3, warm cache{suffix}"] = (python, script, ["--program", str(schedule), "--at",
                                                               "2024-12-28T14:00"], "Saal GLITCH")
        cases[f"bundled{suffix}"] = (python, script, ["--at", "2025-03-02T09:15"], "Las Vegas")
    for name, (python, script, extra, mark) in cases.items():
        if not name.startswith("minimal"):  # two uncounted runs: a start ended at its first frame
            for _ in range(2):  # leaves the caches it writes after the frame (the second run's count
                count(python, script, extra, mark, env)  # is that of every later run)
    floor: list[int] = []
    for name, (python, script, extra, mark) in cases.items():
        found = [count(python, script, extra, mark, env) for _ in range(args.runs)]
        if name.startswith("minimal"):
            floor = found
        ratio = f", {min(found) / min(floor):.3f}x" if floor and found is not floor else ""
        print(f"{name}: {', '.join(f'{n / 1e6:,.1f}M' for n in found)}{ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
