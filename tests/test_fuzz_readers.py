"""Fuzz tests (hypothesis) for every reader of outside data: the YAML program, frab XML, schedule
JSON, iCalendar, the chair's marks and the favourites. Any bytes give either a program (whose
every string is clean, every instant within the years allowed, and which the commands can print)
or problems that each say ``FILE:LINE: message``: never another exception, and never a hang.

Inputs are valid fictional files mutated byte by byte, and documents built from each format's
own pieces with hostile values (control characters, lone surrogates, wrong types, years 1 and
9999, huge numbers). The suite runs the ``fuzz`` profile (a few dozen examples each); for a long
run: ``C4ML_FUZZ=fuzz-long .venv/bin/python -m pytest -n 0 tests/test_fuzz_readers.py``.
"""

from __future__ import annotations

import json
import os
import signal
from contextlib import contextmanager

from conftest import BUNDLED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c4ml_tui.core.textclean import clean
from c4ml_tui.core.zones import FIRST_YEAR, LAST_YEAR
from c4ml_tui.formats import BUG, read
from c4ml_tui.formats.problems import ProgramError

FUZZ = settings(settings.get_profile(os.environ.get("C4ML_FUZZ", "fuzz")),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HANG = 120
"""Seconds one example may take before it counts as a hang (not a speed limit: a reader that
loops forever must fail the test, not stall the suite)."""
NAME = "fuzzed.file"

HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\x1b]0;owned\x07", "\u009b31m", "\u202eevil", "T\ud800", "\udfff", "\r\n\t", "\x00",
                     "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "7" * 5000, "-1", "99:99",
                     "PT99999999999999H", "<b>bold</b>", "[red]markup[/]", "", " ", "Europe/Nowhere"]),
)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), HOSTILE_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(HOSTILE_TEXT, inner, max_size=4)),
    max_leaves=12,
)


@contextmanager
def no_hang():
    def stop(*_):
        raise AssertionError(f"one example ran for more than {HANG} s: a hang")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(HANG)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check(content: bytes, timezone: str | None = "Europe/Berlin") -> None:
    """``content`` read as a program: a clean program, or problems as ``FILE:LINE: message``."""
    with no_hang():
        try:
            program = read(content, NAME, timezone)
        except ProgramError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.file == NAME and problem.line >= 0 and problem.message
                assert BUG not in problem.message, problem.message  # the safety net caught a reader's bug
                assert str(problem).startswith(f"{NAME}:")
            return
    _usable(program)


def _usable(program) -> None:
    from c4ml_tui.commands import agenda
    from c4ml_tui.core.delays import compute

    texts = [program.event.title, *(s.name for s in program.speakers.values()), *program.speakers]
    for item in program.items:
        texts += [item.id, item.title, item.room or "", item.track or "", item.description or "",
                  item.abstract or "", item.url or "", *(t for link in item.links for t in link)]
        for moment in (item.start, item.end):
            assert FIRST_YEAR <= moment.year <= LAST_YEAR
        assert item.end >= item.start
    for text in texts:
        assert clean(text) == text, repr(text)
        text.encode("utf-8")  # printable: no lone surrogate
    agenda.as_text(program).encode("utf-8")
    json.dumps(agenda.as_json(program), ensure_ascii=False).encode("utf-8")
    compute(program, ())


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """``seed`` with a few bytes replaced, inserted or deleted, or a piece of it repeated."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["replace", "insert", "delete", "repeat", "hostile"]))
        if how == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif how == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif how == "repeat":
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 60))]) * draw(st.integers(1, 20))
        else:
            data[at:at] = draw(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
    return bytes(data)


# -- the YAML program ------------------------------------------------------------------------------
YAML_SEED = BUNDLED.read_bytes()[:6000]
YAML_SMALL = b"""event: {title: Fictional Fuzz Con, date: 2031-05-14, timezone: Europe/Lisbon}
speakers:
  - {id: ada, name: Ada Example}
schedule:
  - {id: a, title: Opening, start: "09:00", end: "09:30", speakers: [ada]}
  - id: b
    title: Talks
    start: "09:30"
    end: "11:00"
    talks:
      - {id: b1, title: First, start: "09:30", end: "10:00"}
"""


@FUZZ
@given(st.one_of(mutated(YAML_SMALL), mutated(YAML_SEED)))
def test_yaml_program_mutants(content):
    check(content, None)


@FUZZ
@given(HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT)
def test_yaml_program_hostile_values(title, start, ident, date):
    doc = {"event": {"title": title, "date": date, "timezone": "Asia/Tokyo"},
           "schedule": [{"id": ident, "title": title, "start": start, "end": "10:00"}]}
    check(json.dumps(doc).encode("utf-8", "surrogatepass"), None)  # JSON is YAML; "event:" goes to YAML


# -- frab XML -------------------------------------------------------------------------------------
XML_SEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Fictional XML Con</title><time_zone_name>Europe/Lisbon</time_zone_name></conference>
  <day index="1" date="2031-06-01">
    <room name="Main Hall">
      <event id="1" guid="g-1"><date>2031-06-01T10:00:00+01:00</date><start>10:00</start><duration>01:00</duration>
        <title>Keynote of Nobody</title><type>Talk</type>
        <persons><person id="7">Ada Example</person></persons>
        <links><link href="https://example.org/x">Slides</link></links></event>
      <event id="2"><date>2031-06-01T11:30:00+01:00</date><start>11:30</start><duration>00:30</duration>
        <title>Second Fiction</title><type>Talk</type></event>
    </room>
  </day>
</schedule>
"""
XML_TAGS = ["date", "start", "duration", "title", "type", "room", "track", "abstract", "persons", "links", "slug"]


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape("".join(c for c in text if c in "\t\n" or (c >= " " and not "\ud800" <= c <= "\udfff")))


@FUZZ
@given(mutated(XML_SEED))
def test_frab_xml_mutants(content):
    check(content)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(XML_TAGS), HOSTILE_TEXT), max_size=8), HOSTILE_TEXT, HOSTILE_TEXT)
def test_frab_xml_hostile_values(fields, day, ident):
    inner = "".join(f"<{tag}>{_xml_text(value)}</{tag}>" for tag, value in fields)
    doc = (f'<schedule><conference><title>X</title></conference><day date="{_xml_text(day)}">'
           f'<room name="R"><event id="{_xml_text(ident)}">{inner}</event></room></day></schedule>')
    check(doc.encode())


# -- schedule JSON --------------------------------------------------------------------------------
JSON_SEED = json.dumps({"schedule": {"conference": {
    "title": "Fictional JSON Con", "time_zone_name": "Europe/Berlin", "days": [{
        "index": 1, "date": "2031-03-02", "rooms": {"Hall": [{
            "id": 1, "guid": "g-1", "title": "Imaginary Talk", "date": "2031-03-02T10:00:00+01:00",
            "start": "10:00", "duration": "00:30", "room": "Hall", "type": "Talk",
            "persons": [{"id": 1, "public_name": "Ada Example"}], "links": [{"title": "x", "url": "https://e.org"}],
        }]}}]}}}, indent=1).encode()
EVENT_KEYS = ["id", "guid", "title", "date", "start", "duration", "end", "room", "type", "track", "persons",
              "links", "attachments", "abstract", "description", "do_not_record", "url", "language"]


@FUZZ
@given(mutated(JSON_SEED))
def test_schedule_json_mutants(content):
    check(content)


@FUZZ
@given(st.dictionaries(st.sampled_from(EVENT_KEYS), JSON_VALUES, max_size=8), JSON_VALUES, JSON_VALUES)
def test_schedule_json_hostile_values(fields, day, conference_value):
    data = json.loads(JSON_SEED)
    conf = data["schedule"]["conference"]
    conf["days"][0]["rooms"]["Hall"][0].update(fields)
    conf["days"].append(day)
    conf["day_change"] = conference_value
    check(json.dumps(data).encode("utf-8", "surrogatepass"))


# -- iCalendar ------------------------------------------------------------------------------------
ICS_SEED = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
X-WR-CALNAME:Fictional ICS Con\r
X-WR-TIMEZONE:Europe/Rome\r
BEGIN:VEVENT\r
UID:u1@example.org\r
SUMMARY:Imaginary Opening\r
DTSTART;TZID=Europe/Rome:20310510T100000\r
DTEND;TZID=Europe/Rome:20310510T110000\r
LOCATION:Main Tent\r
ORGANIZER;CN=Ada Example:mailto:ada@example.org\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:u2@example.org\r
SUMMARY:Daily Standup\r
DTSTART:20310510T080000Z\r
DURATION:PT15M\r
RRULE:FREQ=DAILY;COUNT=3\r
END:VEVENT\r
END:VCALENDAR\r
"""
ICS_PROPS = ["UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "LOCATION", "DESCRIPTION", "CATEGORIES",
             "RRULE", "X-C4ML-DAY", "STATUS", "URL", "ATTACH", "DTSTART;TZID=Mars/Olympus", "DTSTART;VALUE=DATE"]


@FUZZ
@given(mutated(ICS_SEED))
def test_icalendar_mutants(content):
    check(content)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(ICS_PROPS), HOSTILE_TEXT), max_size=8))
def test_icalendar_hostile_values(props):
    lines = "".join(f"{name}:{value.replace(chr(10), ' ').replace(chr(13), ' ')}\r\n" for name, value in props)
    doc = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20310510T100000Z\r\n"
           f"{lines}END:VEVENT\r\nEND:VCALENDAR\r\n")
    check(doc.encode("utf-8", "surrogatepass"))


# -- the chair's marks and the favourites -----------------------------------------------------------
MARK = st.fixed_dictionaries({}, optional={
    "kind": st.sampled_from(["start", "end", "nudge", "started"]) | JSON_VALUES,
    "id": st.sampled_from(["opening", "session-1"]) | JSON_VALUES,
    "at": st.sampled_from(["2025-03-02T09:05:00-08:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
                           "2025-03-02T09:05:00"]) | JSON_VALUES,
    "minutes": st.sampled_from([1, -1, 10**12, 0]) | JSON_VALUES,
})


def _user_file(path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@FUZZ
@given(st.one_of(
    st.lists(MARK, max_size=6).map(lambda marks: json.dumps({"version": 1, "marks": marks})),
    JSON_VALUES.map(json.dumps),
).map(lambda text: text.encode("utf-8", "surrogatepass")) | st.binary(max_size=200))
def test_chair_marks_files(content):
    from c4ml_tui.commands.common import expected_times
    from c4ml_tui.sources.loader import load
    from c4ml_tui.store.chairlog import ChairLog, log_path

    program = load(BUNDLED)
    path = log_path(program)
    for old in path.parent.glob("chair.json*"):
        old.unlink()
    _user_file(path, content)
    with no_hang():
        log = ChairLog.load(program)
        for mark in log.marks:
            assert clean(mark.id) == mark.id and FIRST_YEAR <= mark.at.year <= LAST_YEAR
        for warning in log.warnings:
            assert warning and str(path) in warning
        expected_times(program)  # the delays they give: computed, never a crash


@FUZZ
@given(st.one_of(
    st.lists(JSON_VALUES | HOSTILE_TEXT, max_size=6).map(lambda ids: json.dumps({"format": 1, "starred": ids})),
    JSON_VALUES.map(json.dumps),
).map(lambda text: text.encode("utf-8", "surrogatepass")) | st.binary(max_size=200))
def test_favourites_files(content):
    from c4ml_tui.sources.loader import load
    from c4ml_tui.store.favourites import Favourites

    program = load(BUNDLED)
    favs = Favourites.load(program)
    for old in favs.path.parent.glob("favourites.json*"):
        old.unlink()
    _user_file(favs.path, content)
    with no_hang():
        favs = Favourites.load(program)
        assert all(isinstance(i, str) and i and clean(i) == i for i in favs.ids)
        favs.star("opening")
        assert "opening" in Favourites.load(program).ids
