"""Write files so that a crash never leaves half of one, and read them back defensively."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, newlines as written) atomically."""
    write_bytes(path, text.encode("utf-8"))


STALE_AFTER = 600.0
"""Seconds after which a ``.NAME.*.tmp`` file is an orphan of an interrupted write (a write takes
milliseconds), removed by the next write of ``NAME``."""


def write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temporary file, fsync, rename), byte for byte.
    Orphan temporary files of earlier writes of ``path`` (a crash, a kill -9) are removed first."""
    replace_with(path, lambda handle: handle.write(data))


def replace_with(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Replace ``path`` atomically with what ``write`` writes to the (binary, seekable) file it
    is given: for data written in pieces, never held whole. As :func:`write_bytes` otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_orphans(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def remove_orphans(path: Path, now: float | None = None) -> int:
    """Remove the ``.NAME.*.tmp`` files next to ``path`` older than :data:`STALE_AFTER` (a write
    in progress is younger); return how many went."""
    import time

    prefix, limit = f".{path.name}.", (now if now is not None else time.time()) - STALE_AFTER
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            try:
                if entry.stat(follow_symlinks=False).st_mtime < limit:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                pass  # gone already, or not ours to remove
    return removed


def write_json(path: Path, data: object) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Move a corrupt file out of the way, keeping it for the user; return where it went."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    return target


def read_json(path: Path) -> tuple[object | None, str | None]:
    """Read JSON user data: ``(data, None)``; ``(None, None)`` when absent; and for a corrupt
    file ``(None, warning)`` after setting it aside, so the caller starts fresh and says so."""
    try:
        text = path.read_text(encoding="utf-8")
        return json.loads(text), None
    except FileNotFoundError:
        return None, None
    except (ValueError, UnicodeDecodeError, OSError) as error:
        try:
            moved = set_aside(path)
        except OSError:
            return None, f"{path} is unreadable ({error}) and could not be set aside"
        return None, f"{path} was corrupt ({type(error).__name__}); it was kept as {moved.name} and a fresh one started"
