"""A cache of parsed programs, keyed by the file's bytes: JSON loads far faster than YAML.

Only valid programs are cached; a damaged cache entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .model import Program


def _path(content: bytes) -> Path:
    from .locations import cache_dir
    from .program import LOADER_VERSION

    key = hashlib.sha256(LOADER_VERSION.encode() + b"\0" + content).hexdigest()
    return cache_dir() / "programs" / f"{key[:32]}.json"


def get(content: bytes, source: str) -> Program | None:
    try:
        data = json.loads(_path(content).read_text(encoding="utf-8"))
        from .serialize import program_from_dict

        program = program_from_dict(data)
    except Exception:  # a missing or damaged entry only costs a fresh parse
        return None
    from dataclasses import replace

    return replace(program, source=source)


def put(content: bytes, program: Program) -> None:
    from .atomic import write_text
    from .serialize import program_to_dict

    try:
        write_text(_path(content), json.dumps(program_to_dict(program), ensure_ascii=False))
    except OSError:
        pass  # a read-only cache folder only costs speed
