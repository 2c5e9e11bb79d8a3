"""A cache of parsed programs, keyed by the file's bytes: JSON loads far faster than YAML.

Only valid programs are cached, and what is read back is checked before it is served: an entry
starts with a header line naming the cache's schema and a BLAKE2 checksum of the JSON after it,
and the program built from that JSON must pass the model's checks (``model_json.check``: the
same rules a fresh parse enforces on types and times). An entry that fails any of them (a
truncated write, a flipped byte, a hand edit, an older layout) is ignored, the file is parsed
again and the entry rewritten.

This module is on the start-up path of ``c4ml-tui now``: it uses ``os.path`` rather than pathlib,
and BLAKE2 from the interpreter's built-in module rather than ``hashlib`` (which loads OpenSSL).
"""

from __future__ import annotations

import gc
import json
import os

from ..core.model import Program

try:
    from _blake2 import blake2b  # built into CPython; what hashlib.blake2b is
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b

SCHEMA = b"c4ml-tui parse cache 3"
"""The first words of every entry; bump the number when the JSON's layout changes."""


def path(key: bytes, *more: bytes) -> str:
    """Where the parse cached under ``key`` (see ``parsed.cache_key``) is, or would be;
    ``path(a, b)`` is ``path(a + b)`` without that copy."""
    from ..store.paths import cache_folder

    hashed = blake2b(key, digest_size=16)
    for part in more:
        hashed.update(part)
    name = hashed.hexdigest()
    return os.path.join(cache_folder(), "programs", name + ".json")


def checksum(body: bytes) -> bytes:
    return blake2b(body, digest_size=16).hexdigest().encode()


def get(key: bytes, source: str) -> Program | None:
    """The parse cached under ``key`` (with ``source`` as its source), or ``None`` when there is
    none or it is damaged (wrong schema, wrong checksum, or a program the model's checks refuse)."""
    return read_entry(path(key), source)


def read_entry(where: str, source: str) -> Program | None:
    """:func:`get` for the entry at ``where`` (``path(key)``)."""
    try:
        with open(where, "rb") as handle:
            blob = handle.read()
        head, _, body = blob.partition(b"\n")
        if head != SCHEMA + b" " + checksum(body):
            return None
        from ..formats.model_json import check, program_from_dict

        collecting = gc.isenabled()
        gc.disable()  # many small objects and no cycles, as a reader's: the collector's passes are waste
        try:  # (a third of reading 100,000 talks back, and more than linear: each pass walks them all)
            return check(program_from_dict(json.loads(body), source=source))
        finally:
            if collecting:
                gc.enable()
    except Exception:  # noqa: BLE001 - a missing or damaged entry only costs a fresh parse
        return None


def encode(program: Program) -> bytes:
    """The bytes of an entry holding ``program``: the header line, then the JSON."""
    from ..formats.model_json import program_json

    body = "".join(program_json(program)).encode("utf-8")
    return SCHEMA + b" " + checksum(body) + b"\n" + body


def put(key: bytes, program: Program) -> None:
    """Cache a valid program's parse; a read-only or full cache folder only costs speed."""
    write_entry(path(key), program)


def write_entry(where: str, program: Program) -> None:
    """:func:`put` to the entry at ``where`` (``path(key)``).

    Written as ``store.atomic`` writes (a temporary file, fsync, rename), a thousand items at a
    time: the JSON of a big program is never held whole. The header, whose checksum is known
    only at the end, is written last over a placeholder of its length."""
    from pathlib import Path

    from ..store.atomic import replace_with

    try:
        replace_with(Path(where), lambda handle: _write(handle, program))
    except (OSError, ValueError):
        pass


def _write(handle, program: Program) -> None:
    from ..formats.model_json import program_json

    digest = blake2b(digest_size=16)
    head = SCHEMA + b" "
    handle.write(head + b"0" * 32 + b"\n")
    for piece in program_json(program):
        data = piece.encode("utf-8")
        digest.update(data)
        handle.write(data)
    handle.seek(len(head))
    handle.write(digest.hexdigest().encode())
