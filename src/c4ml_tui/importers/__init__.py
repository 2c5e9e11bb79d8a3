"""Importers for the schedules other conferences publish: frab/pentabarf XML and the frab/pretalx
schedule JSON. The format is told by the content, never by the file name.

``import_schedule(content, source, timezone)`` returns a :class:`~c4ml_tui.model.Program`
or raises :class:`~c4ml_tui.program.ProgramError`.
"""

from __future__ import annotations

IMPORTER_VERSION = "1"
"""Bump when an importer changes what it produces, so cached imports are not reused."""

Format = str
"""``xml``, ``json`` or ``yaml``. This package's top stays light: ``now`` runs :func:`detect`
on every start, so the importers themselves load only for schedule files."""
FORMAT_NAMES = {"xml": "frab/pentabarf XML", "json": "schedule JSON", "yaml": "c4ml-tui YAML"}

__all__ = ["IMPORTER_VERSION", "FORMAT_NAMES", "detect", "import_schedule"]


def detect(content: bytes) -> Format:
    """``xml`` when the content starts with ``<``, ``json`` with ``{`` or ``[``, else ``yaml``
    (after a byte-order mark and blank space)."""
    head = content[:64]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json"
    return "yaml"


def import_schedule(content: bytes, source: str, timezone: str | None = None, fmt: Format | None = None):
    """Read schedule XML or JSON (``fmt`` from :func:`detect` when not given) into the model.

    ``timezone`` (already checked) is the zone the times are written in; it is required when
    the file names none, and overrides the file's ``time_zone_name`` otherwise.
    """
    import hashlib

    digest = hashlib.sha256(content).hexdigest()
    fmt = fmt or detect(content)
    if fmt == "xml":
        from . import frab_xml

        return frab_xml.read(content, source, digest, timezone)
    if fmt == "json":
        from . import schedule_json

        return schedule_json.read(content, source, digest, timezone)
    raise ValueError(f"not a schedule format: {fmt}")
