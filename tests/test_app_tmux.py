"""The installed ``c4ml-tui`` in a real terminal (tmux): it paints the board, takes keys, and
exits on ``q``. Skipped where tmux is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


@pytest.fixture
def tmux():
    """Run tmux commands on a private server (named after the xdist worker and unique to this
    test, so parallel tests never share a session), killed afterwards."""
    socket = f"c4ml-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{uuid.uuid4().hex[:8]}"

    def run(*args: str) -> str:
        return subprocess.run([TMUX, "-L", socket, *args], capture_output=True, text=True, timeout=10).stdout

    yield run
    subprocess.run([TMUX, "-L", socket, "kill-server"], capture_output=True, timeout=10)


def wait_for(tmux, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", "app")
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_the_installed_app_runs_in_a_terminal_and_quits_on_q(tmux):
    exe = Path(sys.executable).with_name("c4ml-tui")
    assert exe.exists(), exe
    env = {k: os.environ[k] for k in ("C4ML_TUI_DATA_DIR", "C4ML_TUI_CACHE_DIR", "C4ML_TUI_CONFIG_DIR")}
    command = f"'{exe}' --at 2025-03-02T09:15; echo EXIT=$?; sleep 60"
    tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30",
         "-e", f"C4ML_TUI_DATA_DIR={env['C4ML_TUI_DATA_DIR']}",
         "-e", f"C4ML_TUI_CACHE_DIR={env['C4ML_TUI_CACHE_DIR']}",
         "-e", f"C4ML_TUI_CONFIG_DIR={env['C4ML_TUI_CONFIG_DIR']}",
         "-e", "TZ=Europe/Paris", "-e", "TERM=xterm-256color", command)
    screen = wait_for(tmux, "Las Vegas 09:15")
    for expected in ("your time 18:15 CET", "Sunday 2 March 2025 · live", "Session 1",
                     "45 min left", "Talks not announced yet.", "at 10:00 · in 45 min"):
        assert expected in screen, screen
    tmux("send-keys", "-t", "app", "a")
    screen = wait_for(tmux, "Jump to now")
    assert "▶" in screen and "Session 4 - Poster Lightning Talks" in screen
    tmux("send-keys", "-t", "app", "q")
    wait_for(tmux, "EXIT=0")
