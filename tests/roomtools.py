"""Helpers for the tests of a room run with separate processes (``test_room_end_to_end.py``,
``test_stage_browser.py``): the installed command, a private tmux server, a screen read back
from a terminal's output, and block letters found on a screen."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

from c4ml_tui.tui.widgets.bigtext import drawable, render

EXE = Path(sys.executable).with_name("c4ml-tui")
TMUX = shutil.which("tmux")


def env_for(home: Path, **more: str) -> dict[str, str]:
    """The environment of one person's machine: their own data and cache folders."""
    env = dict(os.environ, C4ML_TUI_DATA_DIR=str(home / "data"), C4ML_TUI_CACHE_DIR=str(home / "cache"),
               TZ="UTC", TERM="xterm-256color")
    env.update(more)
    return env


class Tmux:
    """A private tmux server (named after the xdist worker, unique to the test), killed at the end."""

    def __init__(self) -> None:
        self.socket = f"c4ml-room-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{uuid.uuid4().hex[:8]}"

    def __call__(self, *args: str) -> str:
        assert TMUX is not None
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=10).stdout

    def start(self, name: str, command: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)) -> None:
        line = " ".join(_quote(part) for part in command) + "; echo EXIT=$?; sleep 120"
        settings = [f"-e{k}={env[k]}" for k in ("C4ML_TUI_DATA_DIR", "C4ML_TUI_CACHE_DIR", "TZ", "TERM")]
        self("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), *settings, line)

    def screen(self, name: str) -> str:
        return self("capture-pane", "-p", "-t", name)

    def wait_for(self, name: str, check, what: str, timeout: float = 30.0) -> str:
        """The screen of ``name`` once ``check(screen)`` holds (a string: is in it)."""
        test = (lambda s: check in s) if isinstance(check, str) else check
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if test(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"never happened: {what}; the screen was:\n{screen}")

    def kill(self) -> None:
        if TMUX is not None:
            subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


def shows_blocks(screen: str, text: str) -> bool:
    """Whether ``screen`` shows ``text`` in the stage view's block letters, at any scale."""
    lines = screen.splitlines()
    letters = drawable(text)
    assert letters is not None
    for scale in range(1, 20):
        rows = [r.rstrip() for r in render(letters, scale)]
        for k in range(len(lines) - len(rows) + 1):
            at = lines[k].find(rows[0]) if rows[0] else -1
            if at >= 0 and all(lines[k + j][at:at + len(r)] == r for j, r in enumerate(rows)):
                return True
    return False


_CSI = re.compile(r"\x1b\[([0-9;?<>=]*)([ -/]*)([@-~])")
_OSC = re.compile(r"\x1b\].*?(?:\x07|\x1b\\)", re.S)
_DCS = re.compile(r"\x1bP.*?\x1b\\", re.S)


def emulate(data: str, cols: int = 300, rows: int = 120) -> str:
    """The screen a terminal shows after ``data`` (Textual's output: cursor moves, text, styles
    ignored): enough to read back what an app drew."""
    data = _DCS.sub("", _OSC.sub("", data))
    grid = [[" "] * cols for _ in range(rows)]
    row = col = 0
    k = 0
    while k < len(data):
        char = data[k]
        if char == "\x1b":
            found = _CSI.match(data, k)
            if found:
                params, _, final = found.groups()
                if final == "H" and "?" not in params:
                    parts = [int(p) if p else 1 for p in params.split(";")] if params else [1, 1]
                    row, col = parts[0] - 1, (parts[1] - 1 if len(parts) > 1 else 0)
                elif final == "J" and params in ("2", "3"):
                    grid = [[" "] * cols for _ in range(rows)]
                k = found.end()
                continue
            k += 2
            continue
        if char == "\r":
            col = 0
        elif char == "\n":
            row += 1
        elif char >= " ":
            if 0 <= row < rows and 0 <= col < cols:
                grid[row][col] = char
            col += 1
        k += 1
    return "\n".join("".join(line).rstrip() for line in grid)
