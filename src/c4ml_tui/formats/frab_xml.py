"""frab and pentabarf schedule XML (``schedule > conference, day > room > event``).

Parsed with expat directly, so every element knows its line and a broken file is reported as
``FILE:LINE:``. Each ``<event>`` (under ``schedule > day > room``) becomes a ``RawEvent`` as
soon as it closes and its elements are dropped: a schedule of 100,000 events never holds its
two million elements at once. Entity declarations are refused (no schedule needs them, and they are how
"billion laughs" files expand); expat never fetches external entities. The tree is bounded:
at most :data:`MAX_ELEMENTS` elements (50 MB of ``<a/>`` would otherwise build one object per
element, past a gigabyte) nested at most :data:`MAX_DEPTH` deep; an encoding Python does not
know is a problem, not a crash. Texts are cleaned of control characters where the model is
built (``schedule_build``), once per field.
"""

from __future__ import annotations

from datetime import date, datetime, time
from xml.parsers import expat

from .people import RawPerson
from .problems import Problem, ProgramError
from .schedule_build import Builder, RawConference, RawEvent, parse_clock

MAX_ELEMENTS = 2_000_000
"""A 40,000-event schedule has about 800,000 elements (38C3: 19,493 for 1,007 events)."""
MAX_DEPTH = 64
"""A schedule nests six deep (schedule > day > room > event > persons > person)."""
_LEAF: list = []
"""The children of every element that has none (shared, never appended to: see ``start``)."""
_NO_ATTRS: dict = {}

PAGES = (("feedback_url", "Feedback"), ("origin_url", "Submission page"))
"""Pages an event names beside its own ``url`` (frab, pretalx): kept as links."""


class Node:
    """An element: tag, attributes, children, text and the line it starts on."""

    __slots__ = ("attrs", "children", "line", "parts", "tag")

    def __init__(self, tag: str, attrs: dict, line: int):
        self.tag, self.attrs, self.line = tag, attrs, line
        self.children: list[Node] = _LEAF  # a list of its own once it has a child: most have none
        self.parts: list[str] = _LEAF

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def first(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]


class _Refused(Exception):
    """Parsing stopped: ``args`` are the line and what to say."""


def parse_tree(content: bytes, source: str) -> tuple[Node | None, list[Problem]]:
    """The element tree of ``content``, or ``(None, [the syntax problem])``."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    root: list[Node] = []
    stack: list[Node] = []

    count = 0

    def start(tag, attrs):
        nonlocal count
        count += 1
        if count > MAX_ELEMENTS:
            raise _Refused(parser.CurrentLineNumber, f"more than {MAX_ELEMENTS:,} elements: too large for a "
                                                     "schedule (one of 40,000 events has about 800,000)")
        if len(stack) >= MAX_DEPTH:
            raise _Refused(parser.CurrentLineNumber, f"elements nested more than {MAX_DEPTH} deep: "
                                                     "not a schedule")
        node = Node(tag, attrs or _NO_ATTRS, parser.CurrentLineNumber)
        if stack:
            parent = stack[-1]
            if parent.children is _LEAF:
                parent.children = []
            parent.children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(tag):
        node = stack.pop()
        if tag == "event" and len(stack) == 3 and stack[2].tag == "room" and stack[1].tag == "day":
            # an event where events are read (schedule > day > room): kept as what it says, its
            # elements dropped; the day's date and change-over are filled in by read()
            room = stack[2]
            room.children[-1] = event(node, None, None, room.attrs.get("name"))  # type: ignore[call-overload]

    def chars(data):
        if stack:
            node = stack[-1]
            if node.parts is _LEAF:
                node.parts = []
            node.parts.append(data)

    def refuse(*args):
        raise _Refused(parser.CurrentLineNumber, "entity declarations are not allowed in a schedule")

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(content, True)
    except expat.ExpatError as error:
        return None, [Problem(source, error.lineno, f"not well-formed XML: {expat.ErrorString(error.code)}")]
    except _Refused as refused:
        return None, [Problem(source, refused.args[0], refused.args[1])]
    except (LookupError, ValueError) as error:  # encoding="X-MARTIAN-7": Python knows no such codec
        return None, [Problem(source, parser.CurrentLineNumber or 1, f"cannot be read: {error}")]
    except RecursionError:
        return None, [Problem(source, parser.CurrentLineNumber or 1, "nested too deep to read")]
    return root[0], []


def read(content: bytes, source: str, digest: str, timezone: str | None):
    """A :class:`~c4ml_tui.model.Program` from schedule XML; raises ``ProgramError``."""
    root, problems = parse_tree(content, source)
    if root is None:
        raise ProgramError(problems)
    if root.tag != "schedule":
        raise ProgramError([Problem(source, root.line, f"the root element is <{root.tag}>, not <schedule>: "
                                                       "not a frab/pentabarf schedule XML")])
    builder = Builder(source, digest)
    conf = conference(root.first("conference"))
    rollover = parse_clock(_text(root.first("conference"), "day_change"))
    events: list[RawEvent] = []
    if rollover is not None:
        conf.day_change = (datetime.min + rollover).time()
    for day in root.all("day"):
        when = _day(day, builder)
        if when and (conf.first_day is None or when < conf.first_day):
            conf.first_day = when
        turn = conf.day_change if rollover is not None else _day_end(day, when)
        if rollover is None and turn is not None:
            conf.day_change = max(conf.day_change or turn, turn)
        for room in day.all("room"):
            for raw in room.children:
                if type(raw) is RawEvent:  # an <event> (see parse_tree)
                    raw.day, raw.rollover, raw.local = when, turn, when is not None
                    events.append(raw)
    tz = builder.zone(conf, timezone)
    return builder.program(conf, tz, events)


def conference(node: Node | None) -> RawConference:
    if node is None:
        return RawConference()
    zone = node.first("time_zone_name")
    return RawConference(
        title=_text(node, "title"), acronym=_text(node, "acronym"), subtitle=_text(node, "subtitle"),
        venue=_text(node, "venue"), city=_text(node, "city"),
        url=_text(node, "url") or _text(node, "base_url"),
        zone=zone.text.strip() if zone is not None and zone.text.strip() else None,
        zone_line=zone.line if zone is not None else node.line,
        start=_text(node, "start"), timeslot=_text(node, "timeslot_duration"),
    )


def event(node: Node, day: date | None, rollover, room_name: str | None) -> RawEvent:
    kids: dict[str, Node] = {}
    for child in node.children:
        kids.setdefault(child.tag, child)

    def t(tag: str) -> str | None:
        child = kids.get(tag)
        return child.text if child is not None else None

    persons = []
    if "persons" in kids:
        for p in kids["persons"].all("person"):
            persons.append(RawPerson(p.attrs.get("guid") or p.attrs.get("code"), p.attrs.get("id"), p.text,
                                     p.attrs.get("biography"), p.attrs.get("url")))
    links = []
    for group, tag in (("links", "link"), ("attachments", "attachment")):
        if group in kids:
            links += [(n.text, n.attrs.get("href", "")) for n in kids[group].all(tag)]
    for tag, label in PAGES:
        if tag in kids and kids[tag].text.strip():
            links.append((label, kids[tag].text))
    return RawEvent(
        line=node.line, id=node.attrs.get("id"), guid=node.attrs.get("guid"), slug=t("slug"),
        title=t("title"), date=t("date"), start=t("start"), end=t("end"), duration=t("duration"),
        day=day, rollover=rollover, room=room_name or t("room"), type=t("type"), track=t("track"),
        subtitle=t("subtitle"), abstract=t("abstract"), description=t("description"), url=t("url"),
        language=t("language"), recording=_recording(kids.get("recording")),
        links=links, persons=persons, lines={tag: child.line for tag, child in kids.items()},
        local=day is not None,
    )


def _recording(node: Node | None) -> bool | None:
    """``<recording><optout>true</optout></recording>``: not recorded; ``false``: recorded."""
    optout = node.first("optout") if node is not None else None
    text = optout.text.strip().casefold() if optout is not None else ""
    return {"true": False, "false": True}.get(text)


def _day(day: Node, builder: Builder) -> date | None:
    text = day.attrs.get("date", "").strip()
    if not text:
        start = day.attrs.get("start", "")
        text = start[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        builder.problem(day.line, f"day date {text!r} is not a date such as 2021-02-06")
        return None


def _day_end(day: Node, when: date | None) -> time | None:
    """When a day (without ``day_change``) ends after midnight, its local end time: events that
    start before it belong to the next calendar date."""
    end = day.attrs.get("end")
    if not end or when is None:
        return None
    try:
        moment = datetime.fromisoformat(end.strip())
    except ValueError:
        return None
    return moment.time().replace(tzinfo=None) if moment.date() > when else None


def _text(node: Node | None, tag: str) -> str | None:
    child = node.first(tag) if node is not None else None
    return child.text if child is not None else None
