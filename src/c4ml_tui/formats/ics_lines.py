"""iCalendar's content lines (RFC 5545 section 3.1), read fast and leniently.

``icalendar``'s own parser builds an object per property and takes minutes for a calendar of
100,000 events; a conference calendar needs a dozen properties of each event, so this reads the
lines directly: folded lines joined as bytes (so a multi-byte character split by the fold comes
back whole), CRLF or LF, names in any case, blanks around values ignored, and every logical
line remembers the physical line it starts on for ``FILE:LINE`` messages.
"""

from __future__ import annotations

import re

from .problems import Problem, ProgramError

_FOLD = re.compile(rb"\r?\n[ \t]")
_ESCAPED = re.compile(r"\\([\\;,nN])")
_PARAM = re.compile(r';\s*([A-Za-z0-9-]+)\s*=\s*("[^"]*"|[^;:]*)')

WANTED = frozenset((
    "UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "URL",
    "STATUS", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "ORGANIZER", "ATTACH", "X-ALT-DESC",
    "X-C4ML-DAY", "CLASS",
))
"""The properties of an event the importer reads (the rest are skipped unparsed)."""
MANY = frozenset(("CATEGORIES", "RDATE", "EXDATE", "ATTACH"))
"""Properties an event may repeat: kept as lists."""

Prop = tuple[str, str, int]
"""A property's value, its raw parameters (``;TZID=Europe/Rome``) and its logical line index."""


class Component:
    """A VEVENT (or VTIMEZONE) as read: its properties and where it is in the file."""

    __slots__ = ("first", "last", "name", "props")

    def __init__(self, name: str, first: int):
        self.name = name
        self.first = first
        self.last = first
        self.props: dict[str, Prop | list[Prop]] = {}

    def get(self, name: str) -> Prop | None:
        found = self.props.get(name)
        return found[0] if isinstance(found, list) else found

    def all(self, name: str) -> list[Prop]:
        found = self.props.get(name)
        return found if isinstance(found, list) else [found] if found else []


class Lines:
    """A calendar file as logical lines, with the calendar's own properties, its events and
    its time zone definitions."""

    def __init__(self, content: bytes, source: str):
        self.source = source
        self.starts: list[int] = []
        self._content = b""
        self.lines = self._unfold(content)
        self.calendar: dict[str, Prop] = {}
        self.events: list[Component] = []
        self.zones: dict[str, Component] = {}
        self.problems: list[Problem] = []
        self._read()

    def line_of(self, index: int) -> int:
        """The physical line (1-based) where logical line ``index`` starts (worked out on the
        first problem only: a calendar that reads cleanly never needs it)."""
        if not self.starts:
            self.starts = _starts(self._content)
        return self.starts[index] if 0 <= index < len(self.starts) else 0

    def text(self, first: int, last: int) -> str:
        """Logical lines ``first..last`` (a component) as iCalendar text again."""
        return "\r\n".join(self.lines[first:last + 1]) + "\r\n"

    def _unfold(self, content: bytes) -> list[str]:
        self._content = content = content.removeprefix(b"\xef\xbb\xbf")
        joined = _FOLD.sub(b"", content)  # as bytes: a fold may split a UTF-8 character
        try:
            text = joined.decode("utf-8")
        except UnicodeDecodeError as error:
            index = joined.count(b"\n", 0, error.start)
            raise ProgramError([Problem(self.source, self.line_of(index),
                                        f"not UTF-8 text (byte 0x{joined[error.start]:02x}); "
                                        "save the calendar as UTF-8")]) from None
        return text.replace("\r\n", "\n").split("\n")

    def _read(self) -> None:
        stack: list[Component | None] = []
        current: Component | None = None
        props: dict | None = None
        wanted, many = WANTED, MANY
        for index, line in enumerate(self.lines):
            colon = line.find(":")
            if colon < 0:
                continue  # a blank or broken line carries nothing a person could use
            semi = line.find(";", 0, colon)
            if semi >= 0 and '"' in line[semi:colon]:  # a quoted parameter may hold a colon
                colon = _colon_outside_quotes(line)
            name = line[:colon] if semi < 0 else line[:semi]
            if name not in wanted:
                name = name.strip().upper()
                if name == "BEGIN" or name == "END":
                    self._nest(name, line[colon + 1:].strip().upper(), index, stack)
                    current = stack[-1] if stack else None
                    props = current.props if current is not None else None
                    continue
            value = line[colon + 1:].strip()
            params = "" if semi < 0 else line[semi:colon]
            if props is None:
                if len(stack) <= 1:
                    self.calendar.setdefault(name, (value, params, index))
            elif name in wanted and current is not None and current.name == "VEVENT":
                if name in many:
                    props.setdefault(name, []).append((value, params, index))
                elif name not in props:
                    props[name] = (value, params, index)
            elif name == "TZID" and current is not None and current.name == "VTIMEZONE":
                props.setdefault(name, (value, params, index))

    def _nest(self, what: str, kind: str, index: int, stack: list[Component | None]) -> None:
        if what == "BEGIN":
            if kind in ("VEVENT", "VTIMEZONE") and len(stack) <= 1:
                stack.append(Component(kind, index))
            else:
                stack.append(None)  # VCALENDAR, or what we skip (VALARM, STANDARD, VTODO...)
            return
        if not stack:
            self.problems.append(Problem(self.source, self.line_of(index), f"END:{kind} without a BEGIN:{kind}"))
            return
        done = stack.pop()
        if done is not None:
            done.last = index
            if done.name == "VEVENT":
                self.events.append(done)
            else:
                tzid = done.get("TZID")
                if tzid:
                    self.zones[unquote(tzid[0])] = done


def _starts(content: bytes) -> list[int]:
    """The physical line each logical line starts on."""
    starts: list[int] = []
    for number, raw in enumerate(content.split(b"\n"), 1):
        if not (raw[:1] in (b" ", b"\t") and starts):
            starts.append(number)
    return starts


def _colon_outside_quotes(line: str) -> int:
    quoted = False
    for at, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return at
    return len(line)


def unescape(value: str) -> str:
    """A TEXT value as text: ``\\n`` a newline, ``\\,`` a comma, ``\\;``, ``\\\\``."""
    if "\\" not in value:
        return value
    return _ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def split_list(value: str) -> list[str]:
    """A comma-separated TEXT list (``CATEGORIES:Security,Hardware \\, Making``)."""
    parts = re.split(r"(?<!\\),", value)
    return [p for p in (unescape(part).strip() for part in parts) if p]


def param(params: str, name: str) -> str | None:
    """The parameter ``name`` of a property's raw parameters, unquoted."""
    if not params:
        return None
    for key, value in _PARAM.findall(params):
        if key.upper() == name:
            return unquote(value)
    return None


def unquote(value: str) -> str:
    value = value.strip()
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] == '"' else value
