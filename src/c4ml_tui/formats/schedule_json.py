"""Schedule JSON, as frab and pretalx export it (``schedule.conference.days[].rooms``).

The standard ``json`` module gives no line for a value, so a problem inside an event is placed
by finding the event's guid (or id) in the text: good enough to open the file at the right spot.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from .people import RawPerson
from .problems import Problem, ProgramError
from .schedule_build import Builder, RawConference, RawEvent, parse_clock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeGuard


def read(content: bytes, source: str, digest: str, timezone: str | None):
    """A :class:`~c4ml_tui.core.model.Program` from schedule JSON (or from a c4ml-tui program
    written as JSON, with ``event:`` at the top, which the YAML reader reads); raises
    ``ProgramError``."""
    text = decode(content, source)
    too_big = shape_problem(content)
    if too_big:
        raise ProgramError([Problem(source, 1, too_big)])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgramError([Problem(source, error.lineno, f"not valid JSON: {error.msg}")]) from None
    except RecursionError:
        raise ProgramError([Problem(source, 1, "not a schedule: its lists and objects are nested deeper "
                                               "than any schedule (or Python) reads")]) from None
    except ValueError as error:  # a number of more than 4,300 digits
        detail = str(error).split(":")[0] or "a value that cannot be read"
        raise ProgramError([Problem(source, 1, f"not valid JSON: {detail}")]) from None
    if not is_schedule(data) and isinstance(data, dict) and "event" in data:
        from . import yaml_program

        return yaml_program.read(content, source, digest)
    return from_data(data, text, source, digest, timezone)


MAX_CONTAINERS = 2_000_000
"""Objects and lists a file may hold: a 40,000-event schedule has about 270,000 (rc3's 351 events
have 2,313), and each costs memory once parsed, so 50 MB of ``{}`` is refused before it is."""
MAX_VALUES = 5_000_000
"""Commas (an upper bound on values in lists and objects) a file may hold; rc3 has 33 per event."""


def shape_problem(content: bytes) -> str | None:
    """What is wrong with the size of ``content``'s structure, counted on the bytes before any
    object is built (braces and commas inside strings count too: an upper bound); else ``None``."""
    containers = content.count(b"{") + content.count(b"[")
    if containers > MAX_CONTAINERS:
        return (f"not a schedule: more than {MAX_CONTAINERS:,} objects and lists (a schedule of "
                "40,000 events has about 300,000)")
    if content.count(b",") > MAX_VALUES:
        return f"not a schedule: more than {MAX_VALUES:,} values"
    return None


def decode(content: bytes, source: str) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise ProgramError([Problem(source, line, "not UTF-8 text")]) from None


def is_schedule(data: object) -> TypeGuard[dict[str, Any]]:
    """Whether parsed JSON is a schedule export (and not a c4ml-tui program written as JSON)."""
    return isinstance(data, dict) and isinstance(data.get("schedule"), dict)


def from_data(data: object, text: str, source: str, digest: str, timezone: str | None):
    schedule = data["schedule"] if is_schedule(data) else {}
    conf_data = schedule.get("conference")
    if not isinstance(conf_data, dict):
        raise ProgramError([Problem(source, 1, "not a schedule JSON: expected "
                                               '{"schedule": {"conference": {"days": [...]}}}')])
    builder = Builder(source, digest, locate=lambda raw, key: _locate(text, raw, key))
    conf = RawConference(
        title=_s(conf_data.get("title")), acronym=_s(conf_data.get("acronym")),
        subtitle=_s(conf_data.get("subtitle")), venue=_s(conf_data.get("venue")),
        city=_s(conf_data.get("city")),
        url=_s(conf_data.get("url")) or _s(schedule.get("base_url")),
        zone=_s(conf_data.get("time_zone_name")), zone_line=_line(text, '"time_zone_name"'),
        start=_s(conf_data.get("start")), timeslot=_s(conf_data.get("timeslot_duration")),
    )
    rollover = parse_clock(_s(conf_data.get("day_change")))
    days = conf_data.get("days")
    if not isinstance(days, list):
        raise ProgramError([Problem(source, _line(text, '"days"'), "conference 'days' must be a list")])
    events: list[RawEvent] = []
    if rollover is not None:
        conf.day_change = (datetime.min + rollover).time()
    for n, day in enumerate(days, 1):
        if not isinstance(day, dict) or not isinstance(day.get("rooms"), dict):
            builder.problem(_line(text, '"days"'), f"day {n} must be an object with 'rooms' by name")
            continue
        when = _date(day.get("date"))
        if when and (conf.first_day is None or when < conf.first_day):
            conf.first_day = when
        turn = conf.day_change if rollover is not None else _day_end(day.get("day_end"), when)
        if rollover is None and turn is not None:
            conf.day_change = max(conf.day_change or turn, turn)
        for room, listed in day["rooms"].items():
            if not isinstance(listed, list):
                builder.problem(_line(text, json.dumps(room)),
                                f"room {room!r}: expected a list of events, got {_kind(listed)}")
                continue
            for raw in listed:
                if isinstance(raw, dict):
                    events.append(event(raw, when, turn, room))
                    _check_lists(builder, raw, events[-1])
                else:
                    builder.problem(_line(text, json.dumps(room)), f"room {room!r}: each event must be an object")
    tz = builder.zone(conf, timezone)
    return builder.program(conf, tz, events)


LISTS = (("persons", "persons"), ("links", "links"), ("attachments", "attachments"))
"""An event's fields that hold a list (their name, what the list holds)."""


def _check_lists(builder: Builder, e: dict, raw: RawEvent) -> None:
    """Say so when a field that holds a list holds something else (``"persons": 5``)."""
    for key, what in LISTS:
        value = e.get(key)
        if value is not None and not isinstance(value, list):
            builder.event_problem(raw, key, f"{key!r}: expected a list of {what}, got {_kind(value)}")


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "an object"
    return "a list" if isinstance(value, list) else "nothing"


def _items(value: object) -> list:
    return value if isinstance(value, list) else []


def event(e: dict, day: date | None, rollover, room: str) -> RawEvent:
    persons = [_person(p) for p in _items(e.get("persons")) if isinstance(p, (dict, str))]
    links = []
    for group in ("links", "attachments"):
        for link in _items(e.get(group)):
            if isinstance(link, dict):
                links.append((_s(link.get("title")) or "", _s(link.get("url")) or _s(link.get("href")) or ""))
            elif isinstance(link, str):
                links.append(("", link))
    for key, label in (("feedback_url", "Feedback"), ("origin_url", "Submission page")):
        if _s(e.get(key)):
            links.append((label, _s(e.get(key)) or ""))
    return RawEvent(
        line=0, id=_s(e.get("id")), guid=_s(e.get("guid")) or _s(e.get("code")), slug=_s(e.get("slug")),
        title=_s(e.get("title")), date=_s(e.get("date")), start=_s(e.get("start")), end=_s(e.get("end")),
        duration=_s(e.get("duration")), day=day, rollover=rollover, room=room or _s(e.get("room")),
        type=_s(e.get("type")), track=_s(e.get("track")), subtitle=_s(e.get("subtitle")),
        abstract=_s(e.get("abstract")), description=_s(e.get("description")), url=_s(e.get("url")),
        language=_s(e.get("language")), links=links, persons=persons, local=day is not None,
        recording=None if not isinstance(e.get("do_not_record"), bool) else not e["do_not_record"],
    )


def _person(p: dict | str) -> RawPerson:
    """frab ``{id, public_name}``, pretalx ``{code, name, biography}``, or the newer ``guid``.
    The key prefers guid, then pretalx's code (ids repeat across merged pretalx instances)."""
    if isinstance(p, str):
        return RawPerson(None, None, p)
    guid = _s(p.get("guid")) or _s(p.get("code"))
    name = _s(p.get("name")) or _s(p.get("public_name")) or _s(p.get("full_public_name"))
    return RawPerson(guid, _s(p.get("id")), name, _s(p.get("biography")) or _s(p.get("bio")), _s(p.get("url")))


def _s(value) -> str | None:
    """A scalar as text (cleaned of control characters where the model is built,
    ``schedule_build``); ``None`` for nothing, true/false, a list or an object."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    return value if isinstance(value, str) else str(value)


def _date(value) -> date | None:
    try:
        return date.fromisoformat(str(value).strip()[:10]) if value else None
    except ValueError:
        return None


def _day_end(value, when: date | None):
    try:
        moment = datetime.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None
    return moment.time().replace(tzinfo=None) if moment and when and moment.date() > when else None


def _line(text: str, needle: str, start: int = 0) -> int:
    at = text.find(needle, start)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _locate(text: str, raw: RawEvent, key: str) -> int:
    """The line of ``key`` inside the event, found from its guid or id."""
    for field, value in (("guid", raw.guid), ("id", raw.id)):
        if not value:
            continue
        quoted = "|".join(re.escape(q) for q in {json.dumps(value), value if value.isdigit() else json.dumps(value)})
        match = re.search(rf'"{field}"\s*:\s*(?:{quoted})\s*[,}}]', text)
        if match:
            begin = text.rfind("{", 0, match.start())
            inner = re.compile(rf'"{re.escape(key)}"\s*:').search(text, begin, begin + 20000)
            return text.count("\n", 0, inner.start() if inner else match.start()) + 1
    return 1
