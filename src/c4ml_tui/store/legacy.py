"""Where user data lived before one identity per program, and how it is carried over.

Until version 0.1 the stars of a program were kept in ``<data>/favourites/<key>.json`` (the same
key as today) and the chair's marks in ``<data>/chair/<title>-<date>-<file name>.json`` (keyed by
the file's name too, so renaming the file lost the marks). Both now live in
``<data>/programs/<key>/``. The first time a program's new file is missing, the old one is copied
there; the old file is left where it was (nothing is lost, and an older c4ml-tui still finds it).
"""

from __future__ import annotations

import os
import re

from ..core.identity import program_key
from ..core.model import Program
from .paths import data_folder, old_chair_folder


def _slug(text: str) -> str:
    import unicodedata  # here: its 1 MB library costs a start ~1 ms to load (see core/textfold.fold_char)

    ascii_text = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def old_chair_prefix(program: Program) -> str:
    """The start of the old chair log names of ``program``: ``<title>-<date>-``."""
    title = _slug(program.event.title)[:60]
    if not title:
        import hashlib

        title = "event-" + hashlib.sha1(program.event.title.encode()).hexdigest()[:8]  # noqa: S324 - a name, not security
    return f"{title}-{program.event.date.isoformat()}-"


def old_chair_files(program: Program) -> list[str]:
    """The old chair logs of ``program``, the one of its current file name first, then the most
    recently written (under another file name: the file was renamed)."""
    folder = old_chair_folder()
    try:
        names = os.listdir(folder)
    except OSError:
        return []  # (most machines: no old folder, and nothing to work out)
    prefix = old_chair_prefix(program)
    name = program.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    own = f"{prefix}{_slug(name)[:40] or 'program'}.json"
    found = [f for f in names if f.startswith(prefix) and f.endswith(".json")]
    found.sort(key=lambda f: (f != own, -_mtime(os.path.join(folder, f))))
    return [os.path.join(folder, f) for f in found]


def old_favourites_file(program: Program) -> str:
    return os.path.join(data_folder(), "favourites", f"{program_key(program)}.json")


def adopt(new_path: str, candidates: list[str]) -> str | None:
    """When ``new_path`` does not exist, copy the first readable candidate there (atomically);
    return the path copied from, else ``None``."""
    if os.path.exists(new_path):
        return None
    for old in candidates:
        try:
            with open(old, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        from pathlib import Path

        from .atomic import write_bytes

        try:
            write_bytes(Path(new_path), data)
        except OSError:
            return None
        return old
    return None


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0
