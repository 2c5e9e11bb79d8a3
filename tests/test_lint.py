"""The code stays clean: ``ruff check`` and ``mypy`` (configured in ``pyproject.toml``) pass.

Run in subprocesses from the project root, as a developer would. Ruff keeps no cache (it takes a
fraction of a second); mypy keeps its cache in the system temp folder, not in the repository.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--no-cache", "src", "tests", "bench")
    assert result.returncode == 0, f"ruff check src tests bench:\n{result.stdout}{result.stderr}"


@pytest.mark.slow
def test_mypy_finds_nothing():
    # One cache per checkout, so that two worktrees never share (and keep invalidating) one.
    checkout = hashlib.sha256(ROOT.encode()).hexdigest()[:12]
    cache = os.path.join(tempfile.gettempdir(), "c4ml-tui-mypy-cache", checkout)
    result = run("mypy", "--cache-dir", cache)
    assert result.returncode == 0, f"mypy:\n{result.stdout}{result.stderr}"
