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

_ESCAPED = re.compile(r"\\([\\;,nN])")
_PARAM = re.compile(r';\s*([A-Za-z0-9-]+)\s*=\s*("[^"]*"|[^;:]*)')

_PROP = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)([;:].*)", re.MULTILINE)
"""A content line: its name, then the rest (``;TZID=Europe/Rome:20310510T100000`` or ``:value``)."""
_NEST = re.compile(r"^(BEGIN|END)[ \t]*:[ \t]*([A-Za-z0-9-]+)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_INNER = re.compile(r"^BEGIN[ \t]*:[ \t]*([A-Za-z0-9-]+).*?^END[ \t]*:[ \t]*\1[ \t]*$",
                    re.MULTILINE | re.IGNORECASE | re.DOTALL)

MAX_EVENTS = 250_000
"""Events a calendar may hold (each costs memory): 50 MB of empty events would pass a gigabyte;
the 100,000-event calendar of ``bench/import_ics.py`` is well within."""
MAX_DEPTH = 16
"""Components nest three deep (calendar > event > alarm)."""

MANY = frozenset(("CATEGORIES", "RDATE", "EXDATE", "ATTACH", "ORGANIZER"))
"""Properties an event may repeat: :meth:`Component.all` gives every one."""

Prop = tuple[str, str, int]
"""A property's value, its raw parameters (``;TZID=Europe/Rome``) and where its line starts in the
unfolded text (``Lines.line_of`` makes that a line number)."""


class Component:
    """A VEVENT (or VTIMEZONE) as read: its properties (name -> the rest of the line, parsed
    when asked for) and where it is in the unfolded text (``first`` where its BEGIN line starts,
    ``last`` where its END line ends). The lines of a component inside it (an alarm) are not its own."""

    __slots__ = ("_block", "first", "last", "name", "props", "text")

    def __init__(self, name: str, first: int, last: int, text: str, upper: bool):
        self.name = name
        self.first = first
        self.last = last
        self.text = text
        self._block: str | None = None
        if text.find("BEGIN", first + 5, last) >= 0 and _INNER.search(text, text.find("\n", first) + 1, last):
            found = _PROP.findall(self.block)  # an alarm (or another component) inside: not its lines
        else:
            found = _PROP.findall(text, first, last)  # in place: no copy of the event's text
        self.props: dict[str, str] = dict(found if upper else ((n.upper(), r) for n, r in found))

    @property
    def block(self) -> str:
        """The event's own lines (without those of a component inside it)."""
        if self._block is None:
            block = self.text[self.first:self.last]
            if block.find("BEGIN", 5) >= 0:
                head, _, rest = block.partition("\n")
                block = head + "\n" + _INNER.sub("", rest)
            self._block = block
        return self._block

    def value(self, name: str) -> tuple[str, str] | None:
        """The value and raw parameters of the property ``name`` (the last, if it repeats)."""
        rest = self.props.get(name)
        return None if rest is None else _split(rest)

    def where(self, name: str) -> int:
        """Where the line of the property ``name`` starts in the unfolded text (for a problem)."""
        at = self.block.upper().rfind("\n" + name)
        return self.first + (at + 1 if at >= 0 else 0)

    def get(self, name: str) -> Prop | None:
        """The property ``name`` with where it is (the last, if the event repeats it)."""
        found = self.value(name)
        return None if found is None else (found[0], found[1], self.where(name))

    def all(self, name: str) -> list[Prop]:
        """Every ``name`` line of the event, in order."""
        rest = self.props.get(name)
        if rest is None:
            return []
        if self.block.count(name) == 1:  # once (the usual case): no need to look for more
            value, params = _split(rest)
            return [(value, params, self.first)]
        found = []
        for match in re.finditer(rf"^{re.escape(name)}([;:].*)", self.block, re.MULTILINE | re.IGNORECASE):
            value, params = _split(match[1])
            found.append((value, params, self.first + match.start()))
        return found


def _split(rest: str) -> tuple[str, str]:
    """``;TZID=Europe/Rome:2031...`` -> (``2031...``, ``;TZID=Europe/Rome``); a quoted parameter
    may hold a colon; blanks around the value are not part of it."""
    if rest[0] == ":":
        return rest[1:].strip(), ""
    colon = rest.find(":")
    if colon < 0:
        return "", rest
    if '"' in rest[:colon]:
        quoted = False
        for at, char in enumerate(rest):
            if char == '"':
                quoted = not quoted
            elif char == ":" and not quoted:
                colon = at
                break
    return rest[colon + 1:].strip(), rest[:colon]


class Lines:
    """A calendar file unfolded, with the calendar's own properties, its events and its time
    zone definitions."""

    def __init__(self, content: bytes, source: str):
        self.source = source
        self.starts: list[int] = []
        self._content = b""
        self.text_all = ""
        self.text_all = self._unfold(content)
        self.calendar: dict[str, Prop] = {}
        self.events: list[Component] = []
        self.zones: dict[str, Component] = {}
        self.problems: list[Problem] = []
        self._read()

    def line_of(self, offset: int) -> int:
        """The physical line (1-based) where the logical line at ``offset`` (in the unfolded
        text) starts; worked out on the first problem only: a clean calendar never needs it."""
        if not self.starts:
            self.starts = _starts(self._content)
        index = self.text_all.count("\n", 0, offset)
        return self.starts[index] if 0 <= index < len(self.starts) else 0

    def text(self, first: int, last: int) -> str:
        """A component (from its BEGIN to the end of its END line) as iCalendar text again."""
        return self.text_all[first:last].replace("\n", "\r\n") + "\r\n"

    def _unfold(self, content: bytes) -> str:
        self._content = content = content.removeprefix(b"\xef\xbb\xbf")
        # Unfolded as bytes (a fold may split a UTF-8 character); four plain replaces are many
        # times faster than one regular expression here.
        joined = content.replace(b"\r\n ", b"").replace(b"\r\n\t", b"").replace(b"\n ", b"").replace(b"\n\t", b"")
        try:
            text = joined.decode("utf-8")
        except UnicodeDecodeError as error:
            self.text_all = joined[:error.start].decode("utf-8", "replace")
            raise ProgramError([Problem(self.source, self.line_of(len(self.text_all)),
                                        f"not UTF-8 text (byte 0x{joined[error.start]:02x}); "
                                        "save the calendar as UTF-8")]) from None
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text

    def _read(self) -> None:
        """Only BEGIN and END lines are looked at one by one (one scan in C); each event's own
        lines are then read in one go, and a property is parsed only when the importer asks."""
        text = self.text_all
        upper = "BEGIN:V" in text[:4096]  # names are case-insensitive; in capitals, read faster
        stack: list[tuple[str, int]] = []
        top: list[tuple[int, int]] = []  # where the components directly inside the calendar are
        for match in _NEST.finditer(text):
            what, kind = match[1].upper(), match[2].upper()
            if what == "BEGIN":
                stack.append((kind, match.start()))
                if len(stack) > MAX_DEPTH:
                    raise ProgramError([Problem(self.source, self.line_of(match.start()),
                                                f"components nested more than {MAX_DEPTH} deep: not a calendar")])
                continue
            if not stack:
                self.problems.append(Problem(self.source, self.line_of(match.start()),
                                             f"END:{kind} without a BEGIN:{kind}"))
                continue
            opened, first = stack.pop()
            if opened == "VCALENDAR" or len(stack) != (1 if stack and stack[0][0] == "VCALENDAR" else 0):
                continue
            top.append((first, match.end()))
            if opened in ("VEVENT", "VTIMEZONE"):
                component = Component(opened, first, match.end(), text, upper)
                tzid = component.get("TZID")
                if opened == "VEVENT":
                    self.events.append(component)
                    if len(self.events) > MAX_EVENTS:
                        raise ProgramError([Problem(self.source, self.line_of(first),
                                                    f"more than {MAX_EVENTS:,} events: too large for a program")])
                elif tzid:
                    self.zones[unquote(tzid[0])] = component
        begin = 0
        for first, last in [*top, (len(text), len(text))]:  # the calendar's own lines: between them
            for match in _PROP.finditer(text, begin, first):
                name = match[1].upper()
                if name not in ("BEGIN", "END"):
                    value, params = _split(match[2])
                    self.calendar.setdefault(name, (value, params, match.start()))
            begin = last


def _starts(content: bytes) -> list[int]:
    """The physical line each logical line starts on."""
    starts: list[int] = []
    for number, raw in enumerate(content.split(b"\n"), 1):
        if not (raw[:1] in (b" ", b"\t") and starts):
            starts.append(number)
    return starts


def unescape(value: str) -> str:
    """A TEXT value as text: ``\\n`` a newline, ``\\,`` a comma, ``\\;``, ``\\\\``."""
    if "\\" not in value:
        return value
    return _ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], value)


def split_list(value: str) -> list[str]:
    """A comma-separated TEXT list (``CATEGORIES:Security,Hardware \\, Making``)."""
    if "," not in value and "\\" not in value:
        value = value.strip()
        return [value] if value else []
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
