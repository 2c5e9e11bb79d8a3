"""What the benchmarks share: the two programs they start, the same way, and how to start them."""

from __future__ import annotations

import os
import statistics
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
