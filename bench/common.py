"""What the benchmarks share: the two programs they start, the same way, and how to start them."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent

APP = [str(BIN / "c4ml-tui"), "--at", "2025-03-02T09:15"]
"""c4ml-tui on the bundled program, on the live board (Session 1, with its progress bar)."""
APP_MARK = b"Las Vegas"

MINIMAL = [sys.executable, str(HERE / "minimal_app.py")]
MINIMAL_MARK = b"minimal ready"


def compile_package() -> None:
    """Byte-compile c4ml_tui, as ``pip install`` does for a user. (An editable install under
    ``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile every module on every start, which
    no installed copy does; Textual itself is compiled already.)"""
    import compileall

    import c4ml_tui

    compileall.compile_dir(Path(c4ml_tui.__file__).parent, quiet=1)


def other_copy(checkout: Path) -> Path:
    """The ``bin`` folder of another checkout's own venv (``--before``: a clone of ``main`` at
    the commit a change started from), its package byte-compiled as :func:`compile_package`
    does for this one, so "before" and "after" can run interleaved in the same run."""
    python = checkout / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"{checkout} has no .venv (python3 -m venv .venv && .venv/bin/pip install -e .)")
    subprocess.run([str(python), "-c", "import compileall, pathlib, c4ml_tui; "
                    "compileall.compile_dir(pathlib.Path(c4ml_tui.__file__).parent, quiet=1)"], check=True)
    return python.parent


def cpu_seconds(pid: int) -> float:
    """CPU time a running process used so far, all its threads, in seconds: from
    ``/proc/PID/task/*/schedstat`` (nanoseconds; ``/proc/PID/stat`` counts in 10 ms steps,
    too coarse for a start-up of 0.2 s)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
    except (FileNotFoundError, ProcessLookupError):
        pass  # a thread ended while we read: what it used is lost, a few ms at most
    return total / 1e9


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, to say how busy the shared machine was."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def environment() -> dict[str, str]:
    """A terminal environment with private data and cache folders (the cache warms up in the
    first, uncounted run, as it would on a user's machine after the first start)."""
    compile_package()
    base = Path(tempfile.mkdtemp(prefix="c4ml-bench-"))
    env = dict(os.environ)
    env.update(TERM="xterm-256color", COLORTERM="truecolor",
               C4ML_TUI_DATA_DIR=str(base / "data"), C4ML_TUI_CACHE_DIR=str(base / "cache"))
    env.pop("NO_COLOR", None)
    env.pop("TEXTUAL", None)
    return env


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f} (min {min(values):.3f}, max {max(values):.3f}, n={len(values)})"
