"""A lock around read-merge-write of a user file that several processes share (two windows on
the same program star entries or mark the chair's log at once).

:func:`locked` holds an exclusive ``fcntl.flock`` on the file's folder (a program's folder holds
its favourites and its chair log: one lock for both) for the duration of a ``with`` block;
another process that asks waits for it (up to :data:`PATIENCE` seconds, then goes on unlocked
rather than hang the app: the write is still atomic). The folder, not the file: a write replaces
the file by renaming another over it, so a lock on the file itself would be on the old one; and
no lock file is left behind. On a system without ``fcntl`` (Windows) the block runs unlocked.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

PATIENCE = 5.0
"""Seconds to wait for another process's lock before writing anyway."""


@contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[bool]:
    """Hold the lock of ``path`` (yields whether it was taken)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        yield False
        return
    folder = os.path.dirname(os.fspath(path)) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield False  # a read-only folder: the write that follows will say what is wrong
        return
    try:
        taken = _take(fd, fcntl)
        try:
            yield taken
        finally:
            if taken:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _take(fd: int, fcntl) -> bool:
    deadline = time.monotonic() + PATIENCE
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        except OSError:
            return False  # a file system without locks
