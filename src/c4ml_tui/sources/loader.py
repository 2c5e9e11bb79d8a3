"""The one loader: every program the tool shows, from any source, comes through :func:`load`.

A path or an ``http(s)://`` URL, in any format ``formats`` reads (told from the content, never
from the name). Every path goes the same way down: the bytes (a file read up to
:data:`MAX_BYTES`, or a URL's last good copy through ``fetch``), then the parse cache or the
format's reader (``parsed``). Every problem is a ``FILE:LINE: message`` in a ``ProgramError``.

Nothing slow at the top (pathlib, typing, dataclasses): ``c4ml-tui now`` comes through here on
every start.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..core.model import Program
from ..formats.problems import Problem, ProgramError
from .parsed import from_bytes

MAX_BYTES = 64 * 2**20
"""A 10,000-talk program is 2 MB; anything past this (``/dev/zero``...) is refused, not read."""

SMALL_FILE = 32 * 2**10
"""A program file up to this size (the bundled one is 3.5 KB; 32 KB is about 150 talks) is read
whole from the parse cache by :func:`open_view`: that takes less time than importing SQLite and
opening the program's store (docs/performance.md, "A small file skips the store")."""


def is_url(text: object) -> bool:
    return isinstance(text, str) and text.startswith(("http://", "https://"))


def check_timezone(timezone: str | None) -> None:
    """Raise :class:`ProgramError` when ``--timezone`` is not a zone (with a suggestion)."""
    if timezone is not None:
        from ..core.zones import check_zone

        message = check_zone(timezone)
        if message:
            raise ProgramError([Problem("--timezone", 0, message)])


def load(where: str | os.PathLike[str], timezone: str | None = None, *, use_cache: bool = True,
         notice: Callable[[str], object] | None = None, fresh_for: float = 0) -> Program:
    """The program at ``where`` (a path or an ``http(s)://`` URL), whatever its format.

    ``timezone`` is the zone of a schedule that names none (and overrides a schedule's own; a
    YAML program always carries its zone). ``use_cache=False`` parses afresh.
    ``notice`` receives one-line messages worth showing, such as "offline: using the copy from
    2 h ago" for a URL; a URL's copy confirmed by its server less than ``fresh_for`` seconds ago
    is used without asking again. Raises :class:`ProgramError`.
    """
    check_timezone(timezone)
    if is_url(where):
        from .fetch import fetch

        fetched = fetch(str(where), timezone=timezone, fresh_for=fresh_for)
        if fetched.notice and notice:
            notice(fetched.notice)
        return fetched.program
    source = os.fspath(where)
    return from_bytes(read_file(source), source, timezone, use_cache=use_cache)


def read_file(source: str) -> bytes:
    """The bytes of a program file, refusing anything larger than :data:`MAX_BYTES` unread."""
    try:
        with open(source, "rb") as handle:
            content = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise ProgramError([_unreadable(source, error)]) from None
    if len(content) > MAX_BYTES:
        raise ProgramError([Problem(source, 0, f"is larger than {MAX_BYTES // 2**20} MB: not a program file")])
    return content


def _unreadable(source: str, error: Exception) -> Problem:
    if isinstance(error, FileNotFoundError):
        return Problem(source, 0, "no such file")
    if isinstance(error, IsADirectoryError):
        return Problem(source, 0, "is a folder, not a program file")
    reason = getattr(error, "strerror", None) or str(error)
    return Problem(source, 0, f"cannot be read: {reason}")


def _small(source: str) -> bool:
    """Whether ``source`` is a file of at most :data:`SMALL_FILE` bytes (else, or when it cannot
    be looked at, the store's path decides, and says what is wrong)."""
    try:
        return os.stat(source).st_size <= SMALL_FILE
    except (OSError, ValueError):
        return False


def bundled_file() -> str:
    """The C4ML 2025 program that ships inside the package (a path, without importing pathlib)."""
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "program.yaml")


def open_view(where: str | os.PathLike[str], timezone: str | None = None, *,
              notice: Callable[[str], object] | None = None, fresh_for: float = 0):
    """The program at ``where`` for an answer that needs only part of it (``c4ml-tui now``): a
    file's program store (``program_store.Stored``: read item by item; an unchanged file is not
    even read), else the whole program (``whole.Whole``: a URL's, and a small file's). Raises
    :class:`ProgramError` as :func:`load` does."""
    from .whole import Whole

    check_timezone(timezone)
    if is_url(where):
        return Whole(load(where, timezone, notice=notice, fresh_for=fresh_for))
    source = os.fspath(where)
    if _small(source):
        return Whole(load(source, timezone))
    from .program_store import view

    return view(source, lambda: read_file(source), timezone,
                lambda content: from_bytes(content, source, timezone))
