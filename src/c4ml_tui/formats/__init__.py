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
    from . import yaml_program

    return yaml_program.read(content, source, digest)
