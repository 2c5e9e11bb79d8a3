"""The delay feed on disk: ``chair --publish DIR`` writes it atomically after every mark, nudge,
undo or message (and once a minute, so its age says the chair is still there), and runs
``--publish-cmd`` after each write for a room whose chair is not on the web server.

Serving the folder is a static web server's job (``python -m http.server``, nginx, caddy, a CDN):
see ``docs/running-a-room.md``. ``say --publish`` writes the same file from any shell.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import threading
from pathlib import Path

from ..core.feed import Message

COMMAND_TIMEOUT = 120.0
"""Seconds an upload command may take before it is stopped (a hung ``scp``)."""


def feed_path(where: str, name: str) -> Path:
    """``--publish DIR`` (the feed is ``DIR/<name>``) or ``--publish FILE.json`` (that file)."""
    path = Path(os.path.expanduser(where))
    return path if path.suffix.lower() == ".json" else path / name


def read_document(path: Path) -> object | None:
    """The JSON at ``path`` as written (``None`` when absent, unreadable or not JSON)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def message_on_disk(path: Path) -> Message | None:
    """The message in the feed at ``path`` (``say`` may have written one since the chair's last
    write), or ``None``."""
    data = read_document(path)
    try:
        raw = data.get("message") if isinstance(data, dict) else None
        return Message.from_json(raw) if raw is not None else None
    except ValueError:
        return None


class Publisher:
    """Writes one feed file; ``error`` says why the last write or upload failed (``None`` when
    it worked). ``command`` (``--publish-cmd``) runs after each write in a thread, one at a time;
    writes made while it runs are uploaded once it ends (only the newest)."""

    def __init__(self, path: Path, command: str | None = None):
        self.path = path
        self.command = command
        self.error: str | None = None
        self.written: str | None = None
        """The last document written, as text (the app skips a write that would change nothing)."""
        self._lock = threading.Lock()
        self._pending = False
        self._running = False
        self.uploads = 0
        """How many upload commands have finished (for the tests and the chair's status line)."""

    def write(self, document: dict) -> bool:
        """Write ``document`` atomically, then start the upload; ``False`` (and ``error``) on failure."""
        from .atomic import write_text

        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        try:
            write_text(self.path, text)
        except OSError as error:
            self.error = f"could not write the delay feed {self.path}: {error.strerror or error}"
            return False
        self.written = text
        self.error = None
        if self.command:
            self._upload()
        return True

    def _upload(self) -> None:
        with self._lock:
            self._pending = True
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._run_uploads, name="publish-cmd", daemon=True).start()

    def _run_uploads(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._running = False
                    return
                self._pending = False
            self.error = run_command(self.command or "", self.path)
            with self._lock:
                self.uploads += 1

    def wait(self, timeout: float = COMMAND_TIMEOUT) -> None:
        """Wait until no upload is running (tests, and ``say`` before it exits)."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not self._running:
                    return
            time.sleep(0.02)


def run_command(command: str, path: Path) -> str | None:
    """Run ``--publish-cmd`` with ``{file}`` replaced by the feed's path (quoted for the shell;
    without ``{file}`` the path is added at the end). ``None`` when it worked, else why not."""
    quoted = shlex.quote(str(path))
    line = command.replace("{file}", quoted) if "{file}" in command else f"{command} {quoted}"
    try:
        done = subprocess.run(line, shell=True, capture_output=True, text=True,  # the user's own command
                              timeout=COMMAND_TIMEOUT, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired:
        return f"--publish-cmd took longer than {COMMAND_TIMEOUT:g} s and was stopped"
    except OSError as error:
        return f"--publish-cmd could not run: {error.strerror or error}"
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()
        return f"--publish-cmd failed (exit {done.returncode}){': ' + last[-1] if last else ''}"
    return None
