"""A cache of parsed programs, keyed by the file's bytes: JSON loads far faster than YAML.

Only valid programs are cached; a damaged cache entry is ignored and rewritten. This module is on
the start-up path of ``c4ml-tui now``: it uses ``os.path`` rather than pathlib, and BLAKE2 from
the interpreter's built-in module rather than ``hashlib`` (which loads OpenSSL).
"""

from __future__ import annotations

import json
import os

from ..core.model import Program

try:
    from _blake2 import blake2b  # built into CPython; what hashlib.blake2b is
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b


def path(key: bytes) -> str:
    """Where the parse cached under ``key`` (see ``parsed.cache_key``) is, or would be."""
    from ..store.paths import cache_folder

    name = blake2b(key, digest_size=16).hexdigest()
    return os.path.join(cache_folder(), "programs", name + ".json")


def get(key: bytes, source: str) -> Program | None:
    """The parse cached under ``key`` (with ``source`` as its source), or ``None``."""
    try:
        with open(path(key), encoding="utf-8") as handle:
            data = json.load(handle)
        from ..formats.model_json import program_from_dict

        return program_from_dict(data, source=source)
    except Exception:  # noqa: BLE001 - a missing or damaged entry only costs a fresh parse
        return None


def put(key: bytes, program: Program) -> None:
    """Cache a valid program's parse; a read-only or full cache folder only costs speed."""
    from pathlib import Path

    from ..formats.model_json import program_to_dict
    from ..store.atomic import write_text

    try:
        write_text(Path(path(key)), json.dumps(program_to_dict(program), ensure_ascii=False))
    except (OSError, ValueError):
        pass
