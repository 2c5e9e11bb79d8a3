"""Load and validate a program file into the model.

Every problem carries ``FILE:LINE``; all problems are collected, not just the first. A valid
program is cached as JSON keyed by the file's bytes (see ``cache.py``), so the common start-up
never imports YAML at all. Imports that only the slow paths need (YAML, difflib, hashlib,
pathlib, dataclasses for problems) stay inside the functions that use them: ``c4ml-tui now``
must start within a few times a bare interpreter.
"""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import Program

LOADER_VERSION = "2"
"""Bump when the model or the rules change, so cached parses are not reused."""

MAX_BYTES = 64 * 2**20
"""A 10,000-talk program is 2 MB; anything past this (``/dev/zero``...) is refused, not read."""


class ProgramError(Exception):
    """A program file could not be loaded; ``problems`` says every reason, one per line."""

    def __init__(self, problems: list):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


# Cities people write as zones that are not zones of their own.
_CITY_ZONES = {
    "las_vegas": "America/Los_Angeles",
    "san_francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "san_diego": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "san_jose": "America/Los_Angeles",
    "washington": "America/New_York",
    "boston": "America/New_York",
    "philadelphia": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "pittsburgh": "America/New_York",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "austin": "America/Chicago",
    "salt_lake_city": "America/Denver",
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "geneva": "Europe/Zurich",
    "barcelona": "Europe/Madrid",
    "milan": "Europe/Rome",
    "beijing": "Asia/Shanghai",
    "osaka": "Asia/Tokyo",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new_delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
}


def zone_suggestion(name: str) -> str | None:
    """The zone someone probably meant by ``name`` (``America/Las_Vegas`` -> Los Angeles)."""
    import difflib
    from zoneinfo import available_timezones

    city = name.rsplit("/", 1)[-1].strip().lower().replace(" ", "_")
    if city in _CITY_ZONES:
        return _CITY_ZONES[city]
    zones = available_timezones()
    by_lower = {z.lower(): z for z in zones}
    close = difflib.get_close_matches(name.lower(), by_lower, n=1, cutoff=0.8)
    return by_lower[close[0]] if close else None


def check_zone(name: str) -> str | None:
    """``None`` when ``name`` is a zone, else a message saying what to write instead."""
    try:
        if name and "/" in name or name == "UTC":
            ZoneInfo(name)
            return None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    hint = zone_suggestion(name) if name else None
    tail = f"; did you mean {hint}?" if hint else " (an IANA zone such as America/Los_Angeles)"
    return f"timezone {name!r} is not a known time zone{tail}"


def parse(content: bytes, source: str) -> Program:
    """Parse a program file's bytes. Raises :class:`ProgramError` listing every problem."""
    import hashlib

    from .problems import Problem

    digest = hashlib.sha256(content).hexdigest()
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise ProgramError([Problem(source, line, f"not UTF-8 text (byte 0x{content[error.start]:02x}); save the file as UTF-8")]) from None
    if not text.strip():
        raise ProgramError([Problem(source, 1, "the file is empty")])
    from . import plainyaml
    from .reader import Reader

    data, problems = plainyaml.load(text, source)
    reader = Reader(source, {p.line for p in problems})
    program = None if data is None else reader.program(data, source, digest)
    problems = sorted(problems + reader.problems, key=lambda p: p.line)
    if problems or program is None:
        raise ProgramError(problems or [Problem(source, 1, "the program could not be read")])
    return program


def load(path: str | os.PathLike, *, use_cache: bool = True) -> Program:
    """Load a program file (YAML, or a frab/pretalx schedule once importers exist).

    Raises :class:`ProgramError` for a missing or invalid file.
    """
    source = os.fspath(path)
    try:
        with open(source, "rb") as handle:
            content = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise ProgramError([_unreadable(source, error)]) from None
    if len(content) > MAX_BYTES:
        from .problems import Problem

        raise ProgramError([Problem(source, 0, f"is larger than {MAX_BYTES // 2**20} MB: not a program file")])
    if use_cache:
        from . import cache

        cached = cache.get(content, source)
        if cached is not None:
            return cached
    program = parse(content, source)
    if use_cache:
        cache.put(content, program)
    return program


def _unreadable(source: str, error: Exception):
    from .problems import Problem

    if isinstance(error, FileNotFoundError):
        return Problem(source, 0, "no such file")
    if isinstance(error, IsADirectoryError):
        return Problem(source, 0, "is a folder, not a program file")
    reason = getattr(error, "strerror", None) or str(error)
    return Problem(source, 0, f"cannot be read: {reason}")


def bundled_file() -> str:
    """:func:`bundled_path` as a string, without importing pathlib (``c4ml-tui now`` starts fast)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "program.yaml")


def bundled_path():
    """The C4ML 2025 program that ships inside the package (a ``pathlib.Path``)."""
    from pathlib import Path

    return Path(bundled_file())
