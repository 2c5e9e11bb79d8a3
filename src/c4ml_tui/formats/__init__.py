"""Bytes in, the model out (and back): our YAML program format, frab/pentabarf schedule XML, the
frab/pretalx schedule JSON, iCalendar; and out, YAML and iCalendar.

:func:`read` is the one way in: it tells the format from the content (never from the file name)
and hands the bytes to that format's reader. Every problem is a ``FILE:LINE: message``
(:class:`~c4ml_tui.formats.problems.ProgramError`). The readers load only when a file of their
format is read: ``c4ml-tui now`` usually gets its program from the parse cache instead.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..core.model import Program

VERSION = "4"
"""Bump when any reader changes what it produces, so cached parses are not reused."""

FORMAT_NAMES = {"xml": "frab/pentabarf XML", "json": "schedule JSON", "ics": "iCalendar",
                "yaml": "c4ml-tui YAML"}


def detect(content: bytes) -> str:
    """``xml`` when the content starts with ``<``, ``json`` with ``{`` or ``[``, ``ics`` with
    ``BEGIN:VCALENDAR``, else ``yaml`` (after a byte-order mark and blank space)."""
    head = content[:64]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json"
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return "ics"
    return "yaml"


def read(content: bytes, source: str, timezone: str | None = None) -> Program:
    """The program in ``content``, whatever its format; raises ``ProgramError``.

    ``timezone`` (already checked) is the zone a schedule's times are written in: required when
    the file names none, and it overrides the file's own. A YAML program always names its zone.
    """
    import gc

    from .problems import Problem, ProgramError

    collecting = gc.isenabled()
    gc.disable()  # a reader builds many small objects and no cycles: the collector's passes are waste
    try:
        return _read(content, source, timezone)
    except ProgramError:
        raise
    except RecursionError:
        raise ProgramError([Problem(source, 1, "nested too deep to read")]) from None
    except MemoryError:
        raise ProgramError([Problem(source, 1, "too large to read in the memory there is")]) from None
    except Exception as error:  # noqa: BLE001 - any bytes give a program or problems, never a traceback
        reason = (str(error).splitlines() or [""])[0][:200]
        raise ProgramError([Problem(source, 1, f"cannot be read ({type(error).__name__}: {reason}); "
                                               f"{BUG}")]) from None
    finally:
        if collecting:
            gc.enable()


BUG = "this is a bug in c4ml-tui: please report it with the file"
"""Said after a reader's own failure (the fuzz tests check it is never said)."""


def _read(content: bytes, source: str, timezone: str | None) -> Program:
    import hashlib

    digest = hashlib.sha256(content).hexdigest()
    fmt = detect(content)
    if fmt == "xml":
        from . import frab_xml

        return frab_xml.read(content, source, digest, timezone)
    if fmt == "json":
        from . import schedule_json

        return schedule_json.read(content, source, digest, timezone)
    if fmt == "ics":
        from . import ics_in

        return ics_in.read(content, source, digest, timezone)
    if not looks_like_yaml(content):
        from .problems import Problem, ProgramError

        raise ProgramError([Problem(source, 1, unknown(content))])
    from . import yaml_program

    return yaml_program.read(content, source, digest)


KNOWN = ("c4ml-tui YAML (starts with 'event:'), frab/pentabarf XML (<schedule>), schedule JSON "
         "({\"schedule\": ...}) and iCalendar (BEGIN:VCALENDAR)")


def looks_like_yaml(content: bytes) -> bool:
    """Whether text that is none of the other formats could be a YAML program: no NUL bytes,
    and its first line that is not blank or a comment is ``key:``, ``---`` or a list entry."""
    head = content[:4096]
    if b"\0" in head:
        return False
    for raw in head.removeprefix(b"\xef\xbb\xbf").splitlines():
        line = raw.strip()
        if not line or line.startswith(b"#"):
            continue
        if line.startswith((b"---", b"- ", b"%")):
            return True
        key, colon, _ = line.partition(b":")
        return bool(colon) and len(key) < 80 and b" " not in key.strip(b"'\" ")
    return True  # empty: the YAML reader says "the file is empty"


def unknown(content: bytes) -> str:
    """What to say about a file in no format we read: which formats we know and what it starts with."""
    first = next((raw.strip() for raw in content[:4096].splitlines() if raw.strip()), b"")
    if b"\0" in content[:4096] or content.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\x1f\x8b")):
        seen = "binary data" + (" (a PDF)" if content.startswith(b"%PDF") else
                                " (a zip archive)" if content.startswith(b"PK") else "")
    else:
        text = first.decode("utf-8", "replace")
        seen = f"a first line {text[:60] + ('...' if len(text) > 60 else '')!r}"
    return f"not a program or schedule c4ml-tui can read: it reads {KNOWN}; this file has {seen}"
