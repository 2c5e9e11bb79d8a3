"""The message to stage on this machine: ``<data>/programs/<key>/stage.json``.

The chair's key and ``c4ml-tui say`` write it; the chair's app publishes it in the delay feed
and a local ``c4ml-tui stage`` shows it. Written atomically; a corrupt file reads as no message.
"""

from __future__ import annotations

import os

from ..core.feed import Message
from ..core.identity import program_key
from ..core.model import Program


def note_file(program: Program) -> str:
    from .paths import program_folder

    return os.path.join(program_folder(program_key(program)), "stage.json")


def read(program: Program) -> Message | None:
    """The last message sent on this machine (``None``: none, or an unreadable file)."""
    import json

    try:
        with open(note_file(program), encoding="utf-8") as handle:
            return Message.from_json(json.load(handle))
    except (OSError, ValueError):
        return None


def write(program: Program, message: Message) -> str | None:
    """Keep ``message``; ``None`` when saved, else why not (one line)."""
    from pathlib import Path

    from .atomic import write_json

    path = Path(note_file(program))
    try:
        write_json(path, message.to_json())
    except OSError as error:
        return f"could not save the message to {path}: {error.strerror or error}"
    return None


def signature(path: str) -> tuple[int, int] | None:
    """``(mtime_ns, size)`` of a file, to notice another process's write (``None``: absent)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size
