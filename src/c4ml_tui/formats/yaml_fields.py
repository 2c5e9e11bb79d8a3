"""Reading one field of the program format: text, lists, times, dates, links, true/false.

The base of ``yaml_rules.Reader``: each method reads one key of a mapping from ``yaml_nodes``,
and reports what is wrong with it (with its line) instead of raising.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Set as AbstractSet
from datetime import date, datetime, time

from ..core.instants import resolve, wall_note
from ..core.textclean import clean
from ..core.zones import year_problem
from .yaml_nodes import Map, Problem, Seq

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_NULLS = (None, "", "~", "null", "Null", "NULL")


class Fields:
    """Reads fields, collecting problems as it goes."""

    def __init__(self, file: str, reported: AbstractSet[int] = frozenset()):
        self.file = file
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.reported = reported
        self._instants: dict[tuple, datetime] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    # -- generic field access ----------------------------------------------------------------
    def keys(self, m: Map, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> None:
        for key in m:
            if key not in allowed and not str(key).startswith("x-"):
                near = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else f"; known: {', '.join(allowed)}"
                self.problem(m.key_lines[key], f"unknown key {key!r} in {where}{hint}")
        for key in required:
            if key not in m:
                self.problem(m.line, f"{where} needs {key!r}")
            elif m[key] is None and m.value_lines[key] not in self.reported and m.raw.get(key) in _NULLS:
                self.problem(m.value_lines[key], f"{where} needs {key!r} (it is empty)")

    def text(self, m: Map, key: str, where: str) -> str | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, (Map, Seq)):
            self.problem(m.value_lines[key], f"{where} {key!r} must be text, not a {_kind(value)}")
            return None
        raw = m.raw.get(key)
        return clean(raw if isinstance(raw, str) and not isinstance(value, str) else str(value)).strip()

    def seq(self, m: Map, key: str, where: str) -> Seq:
        value = m.get(key)
        if value is None:
            empty = Seq()
            empty.line, empty.lines, empty.raw = m.line, [], []
            return empty
        if not isinstance(value, Seq):
            self.problem(m.value_lines[key], f"{where} {key!r} must be a list, not {_kind(value)}")
            empty = Seq()
            empty.line, empty.lines, empty.raw = m.line, [], []
            return empty
        return value

    def maps(self, m: Map, key: str, where: str) -> list[tuple[Map, int]]:
        found = []
        seq = self.seq(m, key, where)
        for value, line in zip(seq, seq.lines, strict=True):
            if isinstance(value, Map):
                found.append((value, line))
            elif value is None and line in self.reported:
                continue  # the YAML layer already said what is wrong here
            else:
                self.problem(line, f"each entry of {key!r} must be a mapping, not {_kind(value)}")
        return found

    def ids(self, m: Map, key: str, where: str) -> tuple[str, ...]:
        return tuple(text for text, _ in self.texts(m, key, where))

    def texts(self, m: Map, key: str, where: str) -> list[tuple[str, int]]:
        """A list of plain texts (speaker ids, author names), each with its line."""
        seq = self.seq(m, key, where)
        out = []
        for value, line, raw in zip(seq, seq.lines, seq.raw, strict=True):
            if isinstance(value, (Map, Seq)) or value is None:
                if line not in self.reported:
                    self.problem(line, f"each entry of {key!r} must be text, not {_kind(value)}")
            else:
                out.append((clean(raw if isinstance(raw, str) else str(value)).strip(), line))
        return out

    # -- times ---------------------------------------------------------------------------------
    def instant(self, m: Map, key: str, where: str, day: date | None, tz) -> datetime | None:
        """The instant of ``m[key]``: ``HH:MM`` on ``day``, or a date-time, in the zone ``tz``.

        Parallel rooms share their times: a time written as text is worked out once per day
        (unless it is wrong or comes with a warning, which is said where it is written)."""
        value, raw = m.get(key), m.raw.get(key)
        if value is None or type(raw) is not str or isinstance(value, datetime):
            return self._instant(m, key, where, day, tz)
        memo = (raw, day, tz)
        moment = self._instants.get(memo)
        if moment is None:
            said = len(self.problems) + len(self.warnings)
            moment = self._instant(m, key, where, day, tz)
            if moment is not None and said == len(self.problems) + len(self.warnings):
                self._instants[memo] = moment
        return moment

    def _instant(self, m: Map, key: str, where: str, day: date | None, tz) -> datetime | None:
        value = m.get(key)
        if value is None:
            return None
        line = m.value_lines[key]
        raw = m.raw.get(key)
        if isinstance(value, datetime):  # YAML read a full timestamp
            if self._far(line, where, key, value):
                return None
            return value.astimezone(tz) if value.tzinfo else self.wall(value, tz, line, where, key)
        if not isinstance(raw, str):
            self.problem(line, f"{where} {key!r} must be a time such as \"08:40\", not {_kind(value)}")
            return None
        text = raw.strip()
        match = _TIME.match(text)
        try:
            if match:
                if day is None or year_problem(day):
                    return None  # the event date is wrong; that problem is already reported
                h, mi, s = int(match[1]), int(match[2]), int(match[3] or 0)
                return self.wall(datetime.combine(day, time(h, mi, s)), tz, line, where, key)
            # a date alone ("2025-03-03") would silently mean midnight: a time is required
            parsed = datetime.fromisoformat(text) if ":" in text else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.problem(
                line,
                f"{where} {key!r}: {text!r} is not a time; write HH:MM (\"08:40\") "
                "or a local date-time (\"2025-03-03 09:00\")",
            )
            return None
        if self._far(line, where, key, parsed):
            return None
        return parsed.astimezone(tz) if parsed.tzinfo else self.wall(parsed, tz, line, where, key)

    def wall(self, naive: datetime, tz, line: int, where: str, key: str) -> datetime:
        """A wall time in the event's zone; one DST skips or repeats is read as ``instants.resolve``
        says, with a warning saying so and how to write it with an offset."""
        moment, kind = resolve(naive, tz)
        if kind is not None:
            self.warnings.append(Problem(self.file, line, f"warning: {where} {key!r}: {wall_note(naive, tz, kind)}"))
        return moment

    def _far(self, line: int, where: str, key: str, moment: datetime) -> bool:
        """Whether ``moment`` is outside the years an instant may have (said as a problem)."""
        problem = year_problem(moment)
        if problem:
            self.problem(line, f"{where} {key!r}: {problem}")
        return problem is not None

    # -- the newer optional fields ------------------------------------------------------------
    def clock(self, m: Map, key: str, where: str) -> time | None:
        """A time of day such as ``"06:00"`` (a change-over hour)."""
        raw = m.raw.get(key)
        if m.get(key) is None:
            return None
        match = _TIME.match(str(raw).strip()) if isinstance(raw, str) else None
        if not match or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
            self.problem(m.value_lines[key], f"{where} {key!r} must be a time of day such as \"04:00\", not {raw!r}")
            return None
        return time(int(match[1]), int(match[2]), int(match[3] or 0))

    def date_of(self, m: Map, key: str, where: str) -> date | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        try:
            return date.fromisoformat(str(m.raw.get(key)).strip())
        except ValueError:
            self.problem(m.value_lines[key], f"{where} {key!r} must be a date such as 2025-03-02, "
                                             f"not {m.raw.get(key)!r}")
            return None

    def links(self, m: Map, where: str) -> tuple[tuple[str, str], ...]:
        """``links:``, each a web address or ``{title: ..., url: ...}``."""
        found: list[tuple[str, str]] = []
        seq = self.seq(m, "links", where)
        for value, line in zip(seq, seq.lines, strict=True):
            if isinstance(value, Map):
                self.keys(value, "a link", ("title", "url"), ("url",))
                url = self.text(value, "url", "link")
                if url:
                    found.append((self.text(value, "title", "link") or "", url))
            elif isinstance(value, Seq) or value is None:
                if line not in self.reported:
                    self.problem(line, f"each entry of 'links' must be a web address or a mapping with 'url', "
                                       f"not {_kind(value)}")
            else:
                found.append(("", clean(str(value)).strip()))
        return tuple(found)

    def flag(self, m: Map, key: str, where: str) -> bool | None:
        value = m.get(key)
        if value is not None and not isinstance(value, bool):
            self.problem(m.value_lines[key], f"{where} {key!r} must be true or false")
            return None
        return value


def _kind(value: object) -> str:
    if isinstance(value, (Map, dict)):
        return "a mapping"
    if isinstance(value, (Seq, list)):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"
