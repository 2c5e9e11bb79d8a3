"""Bytes to a program: from the parse cache when these bytes were read before, else by the
format's reader (``formats.read``), caching what it gives.

The cache key is the bytes, the readers' version and the zone asked for, so a new version of
c4ml-tui, an edited file or another ``--timezone`` never reuses a stale parse.
"""

from __future__ import annotations

from ..core.model import Program


def cache_key(content: bytes, timezone: str | None) -> bytes:
    """What the parse of ``content`` is cached under (the readers' version and the zone too)."""
    return content + _suffix(timezone)


def _suffix(timezone: str | None) -> bytes:
    from ..formats import VERSION

    return f"\0c4ml-tui {VERSION} {timezone or ''}".encode()


def from_bytes(content: bytes, source: str, timezone: str | None = None, *, use_cache: bool = True) -> Program:
    """The program in ``content`` (``source`` names it in messages); raises ``ProgramError``."""
    if use_cache:
        from . import parse_cache

        # the path of cache_key(content, timezone), without that copy of the bytes: a big
        # block allocated and freed early leaves the allocator holding more memory later
        where = parse_cache.path(content, _suffix(timezone))
        cached = parse_cache.read_entry(where, source)
        if cached is not None:
            return cached
    from ..formats import read

    program = read(content, source, timezone)
    if use_cache:
        parse_cache.write_entry(where, program)
    return program
