"""The installed ``c4ml-tui`` on the real 38C3 schedule in a real terminal (tmux, 80x24): the
rooms board, a room filter typed in its box, and the agenda's day switcher. Skipped where tmux or
../shared is missing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from conftest import SCHEDULES
from test_app_tmux import TMUX, tmux, wait_for  # noqa: F401 (the fixture)

SCHEDULE = SCHEDULES / "38c3.xml"
pytestmark = [pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
              pytest.mark.skipif(not SCHEDULE.exists(), reason="../shared/data/schedules is not here")]


def test_38c3_in_a_real_terminal(tmux):  # noqa: F811
    exe = Path(sys.executable).with_name("c4ml-tui")
    env = {k: os.environ[k] for k in ("C4ML_TUI_DATA_DIR", "C4ML_TUI_CACHE_DIR", "C4ML_TUI_CONFIG_DIR")}
    command = f"'{exe}' --program '{SCHEDULE}' --at 2024-12-28T14:00; echo EXIT=$?; sleep 60"
    tmux("new-session", "-d", "-s", "app", "-x", "80", "-y", "24",
         "-e", f"C4ML_TUI_DATA_DIR={env['C4ML_TUI_DATA_DIR']}",
         "-e", f"C4ML_TUI_CACHE_DIR={env['C4ML_TUI_CACHE_DIR']}",
         "-e", f"C4ML_TUI_CONFIG_DIR={env['C4ML_TUI_CONFIG_DIR']}",
         "-e", "TZ=Europe/Berlin", "-e", "TERM=xterm-256color", command)
    screen = wait_for(tmux, "Saal 1            Wann klappt der A")
    for expected in ("Rooms · all rooms · 38C3", "Saturday 28 December 2024 · live",
                     "Saal 1            Wann klappt der A", "Later in Saal 1"):
        assert expected in screen, screen
    tmux("send-keys", "-t", "app", "r")
    wait_for(tmux, "type to narrow the list")
    tmux("send-keys", "-t", "app", "zigzag")
    wait_for(tmux, "Saal ZIGZAG  45 items")
    tmux("send-keys", "-t", "app", "Enter")
    screen = wait_for(tmux, "Rooms · Saal ZIGZAG · 38C3")
    assert "Pirouette Machines" in screen and "Saal GLITCH" not in screen, screen
    tmux("send-keys", "-t", "app", "a")
    wait_for(tmux, "Agenda · Sat 28 Dec (2/4) · Saal ZIGZAG")
    tmux("send-keys", "-t", "app", "]")
    screen = wait_for(tmux, "Agenda · Sun 29 Dec (3/4) · Saal ZIGZAG")
    assert "Sunday 29 December 2024" in screen, screen
    tmux("send-keys", "-t", "app", "q")
    wait_for(tmux, "EXIT=0")
