"""A cache of parsed programs, keyed by the file's bytes: JSON loads far faster than YAML.

Only valid programs are cached; a damaged cache entry is ignored and rewritten. This module is on
the start-up path of ``c4ml-tui now``: it uses ``os.path`` rather than pathlib, and BLAKE2 from
the interpreter's built-in module rather than ``hashlib`` (which loads OpenSSL).
"""

from __future__ import annotations

import json
import os

from .model import Program

try:
    from _blake2 import blake2b  # built into CPython; what hashlib.blake2b is
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b


def key(content: bytes) -> str:
    """The cache key of a program file's bytes (and of the loader version that read them)."""
    from .program import LOADER_VERSION

    return blake2b(LOADER_VERSION.encode() + b"\0" + content, digest_size=16).hexdigest()


def path(content: bytes) -> str:
    """Where the parse of ``content`` is (or would be) cached."""
    from .locations import cache_folder

    return os.path.join(cache_folder(), "programs", key(content) + ".json")


def get(content: bytes, source: str) -> Program | None:
    """The cached parse of ``content`` (with ``source`` as its source), or ``None``."""
    try:
        with open(path(content), encoding="utf-8") as handle:
            data = json.load(handle)
        from .serialize import program_from_dict

        return program_from_dict(data, source=source)
    except Exception:  # a missing or damaged entry only costs a fresh parse
        return None


def put(content: bytes, program: Program) -> None:
    """Cache a valid program's parse; a read-only or full cache folder only costs speed."""
    from pathlib import Path

    from .atomic import write_text
    from .serialize import program_to_dict

    try:
        write_text(Path(path(content)), json.dumps(program_to_dict(program), ensure_ascii=False))
    except (OSError, ValueError):
        pass
