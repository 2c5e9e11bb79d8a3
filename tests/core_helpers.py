"""Helpers for the core tests: run the command line in a subprocess, write program files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

HEADER = "event: {title: Fictional Workshop on Imaginary Compilers, date: 2031-06-10, timezone: Europe/Berlin}\n"
"""A valid event line: tests append a ``schedule:`` to it."""


def run(*args: str, tz: str | None = "UTC", timeout: float = 60,
        env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m c4ml_tui ARGS`` with the test's data/cache folders (already in os.environ via
    the autouse fixture) and the machine zone ``tz``."""
    environment = dict(os.environ)
    if tz is None:
        environment.pop("TZ", None)
    else:
        environment["TZ"] = tz
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "c4ml_tui", *args], capture_output=True, text=True,
                          timeout=timeout, env=environment)


def run_json(*args: str, **kwargs) -> dict:
    result = run(*args, **kwargs)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def write(tmp_path: Path, text: str | bytes, name: str = "program.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def parse(content: bytes, source: str = "program.yaml", timezone: str | None = None):
    """The program in ``content`` (any format), as the loader reads it, without the cache."""
    from c4ml_tui.formats import read

    return read(content, source, timezone)


def import_schedule(content: bytes, source: str, timezone: str | None = None, fmt: str | None = None):
    """A schedule file's bytes read as the loader reads them (``fmt`` is told from the content)."""
    return parse(content, source, timezone)


def bundled_path() -> Path:
    from c4ml_tui.sources.loader import bundled_file

    return Path(bundled_file())
