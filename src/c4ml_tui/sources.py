"""One entry point for every program source: our YAML, schedule XML or JSON, a file or a URL.

``load_source(path_or_url, timezone=None)`` tells the format from the content (never from the
file name) and returns a :class:`Program`, or raises :class:`ProgramError` with every problem as
``FILE:LINE: message``. Parsed imports are cached like YAML programs (``cache.py``), keyed by the
bytes, the importer version and the zone, so a big schedule loads from JSON on the next start.
"""

from __future__ import annotations

from .model import Program, replace
from .program import ProgramError, check_zone

# Nothing slow at the top (pathlib, typing, dataclasses): ``now`` comes through here on every start.


def Problem(file: str, line: int, message: str):  # noqa: N802 - the class, imported when needed
    from .problems import Problem as _Problem

    return _Problem(file, line, message)


def is_url(text: str | Path) -> bool:
    return isinstance(text, str) and text.startswith(("http://", "https://"))


def check_timezone(timezone: str | None) -> None:
    """Raise :class:`ProgramError` when ``--timezone`` is not a zone (with a suggestion)."""
    if timezone is not None:
        message = check_zone(timezone)
        if message:
            raise ProgramError([Problem("--timezone", 0, message)])


def load_source(path_or_url: str | Path, timezone: str | None = None, *, use_cache: bool = True,
                notice=None, fresh_for: float = 0) -> Program:
    """Load a program from a path or an ``http(s)://`` URL, whatever its format.

    ``timezone`` is the zone of a schedule that names none (and overrides a schedule's own; a
    YAML program always carries its zone). ``notice`` receives one-line messages worth showing,
    such as "offline: using the copy from 2 h ago" for a URL; a URL's copy confirmed by its
    server less than ``fresh_for`` seconds ago is used without asking again.
    """
    check_timezone(timezone)
    if is_url(path_or_url):
        from . import remote

        fetched = remote.fetch(str(path_or_url), timezone=timezone, fresh_for=fresh_for)
        if fetched.notice and notice:
            notice(fetched.notice)
        return fetched.program
    source = str(path_or_url)
    try:
        with open(path_or_url, "rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise ProgramError([Problem(source, 0, "no such file")]) from None
    except IsADirectoryError:
        raise ProgramError([Problem(source, 0, "is a folder, not a program file")]) from None
    except OSError as error:
        raise ProgramError([Problem(source, 0, f"cannot be read: {error.strerror}")]) from None
    return from_bytes(content, source, timezone, use_cache=use_cache)


def from_bytes(content: bytes, source: str, timezone: str | None = None, *, use_cache: bool = True) -> Program:
    """Parse a program's bytes in whatever format they are (see :func:`load_source`)."""
    from .importers import IMPORTER_VERSION, detect, import_schedule

    fmt = detect(content)
    key = content if fmt == "yaml" else content + f"\0import {IMPORTER_VERSION} {timezone or ''}".encode()
    if use_cache:
        from . import cache

        cached = cache.get(key, source)
        if cached is not None:
            return cached
    if fmt == "yaml":
        from .program import parse

        program = parse(content, source)
    elif fmt == "json":
        program = _json(content, source, timezone)
    else:
        program = import_schedule(content, source, timezone, fmt)
    if use_cache:
        cache.put(key, program)
    return program


def _json(content: bytes, source: str, timezone: str | None) -> Program:
    """Schedule JSON; or a c4ml-tui program written as JSON (``event:``), which YAML reads."""
    import hashlib
    import json

    from .importers import schedule_json

    text = schedule_json.decode(content, source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgramError([Problem(source, error.lineno, f"not valid JSON: {error.msg}")]) from None
    if not schedule_json.is_schedule(data) and isinstance(data, dict) and "event" in data:
        from .program import parse

        return parse(content, source)
    digest = hashlib.sha256(content).hexdigest()
    return schedule_json.from_data(data, text, source, digest, timezone)


# -- rooms ---------------------------------------------------------------------------------------
def find_room(program: Program, name: str) -> str:
    """The room ``--room NAME`` means: exact, else ignoring case, else the one room whose name
    contains it. Raises ``ValueError`` with a one-line message otherwise."""
    rooms = program.rooms
    if name in rooms:
        return name
    folded = name.casefold().strip()
    same = [r for r in rooms if r.casefold() == folded] or [r for r in rooms if folded in r.casefold()]
    if len(same) == 1:
        return same[0]
    if not rooms:
        raise ValueError(f"--room {name!r}: this program names no rooms")
    if same:
        raise ValueError(f"--room {name!r} is ambiguous: {_listing(same)}")
    import difflib

    near = difflib.get_close_matches(name, rooms, n=1, cutoff=0.6)
    hint = f"did you mean {near[0]!r}? " if near else ""
    raise ValueError(f"no room {name!r} in this program; {hint}rooms: {_listing(rooms)}")


def only_room(program: Program, room: str) -> Program:
    """The program narrowed to one room (items without a room are in every room)."""
    return replace(program, items=tuple(i for i in program.items if i.room in (None, room)))


def _listing(rooms) -> str:
    shown = ", ".join(rooms[:8])
    return shown + (f" and {len(rooms) - 8} more" if len(rooms) > 8 else "")
