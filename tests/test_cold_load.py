"""Cold loading at any size: the parse cache written in pieces reads back as the program, and a
frab XML read event by event gives the same talks as the same program written in YAML."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from c4ml_tui.formats import read
from c4ml_tui.formats.model_json import program_json, program_to_dict
from c4ml_tui.sources import parse_cache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from gen_program import generate, generate_xml  # noqa: E402

SCHEDULES = ROOT.parent / "shared" / "data" / "schedules"


def programs():
    yield read((ROOT / "src/c4ml_tui/program.yaml").read_bytes(), "program.yaml")
    yield read((ROOT / "tests/fixtures/dst_fall.yaml").read_bytes(), "dst_fall.yaml")  # with warnings
    yield read(generate(2500, days=2, rooms=3).encode(), "generated.yaml")  # more than one piece of items
    if (SCHEDULES / "38c3.xml").is_file():
        yield read((SCHEDULES / "38c3.xml").read_bytes(), "38c3.xml")  # accents, links, languages


def test_the_cache_entry_written_in_pieces_is_the_whole_json_and_reads_back(tmp_path, monkeypatch):
    monkeypatch.setenv("C4ML_TUI_CACHE_DIR", str(tmp_path))
    for n, program in enumerate(programs()):
        whole = json.dumps(program_to_dict(program), ensure_ascii=False)
        assert "".join(program_json(program, chunk=1000)) == whole
        key = f"key {n}".encode()
        parse_cache.put(key, program)
        entry = Path(parse_cache.path(key)).read_bytes()
        assert entry == parse_cache.encode(program)
        assert entry.endswith(whole.encode()) and entry.startswith(parse_cache.SCHEMA + b" ")
        again = parse_cache.get(key, program.source)
        assert again == program and again.warnings == program.warnings
    assert not list(tmp_path.rglob("*.tmp"))  # no half-written copy left behind


def test_a_damaged_piece_written_entry_is_not_served(tmp_path, monkeypatch):
    monkeypatch.setenv("C4ML_TUI_CACHE_DIR", str(tmp_path))
    program = read(generate(1500, days=1, rooms=3).encode(), "generated.yaml")
    parse_cache.put(b"k", program)
    path = Path(parse_cache.path(b"k"))
    blob = bytearray(path.read_bytes())
    at = blob.index(b"Session 1 in Room 02")
    blob[at:at + 7] = b"Lession"
    path.write_bytes(bytes(blob))
    assert parse_cache.get(b"k", "generated.yaml") is None


def test_the_generated_xml_reads_as_the_same_talks_as_the_yaml():
    yaml_program = read(generate(700, days=2, rooms=4).encode(), "generated.yaml")
    xml_program = read(generate_xml(700, days=2, rooms=4).encode(), "generated.xml")
    talks = sorted((t.id.lstrip("t"), t.title, t.start, t.end, tuple(yaml_program.speakers[s].name for s in t.speakers),
                    t.abstract, item.room) for item in yaml_program.items for t in item.talks)
    events = sorted((i.id, i.title, i.start, i.end, tuple(xml_program.speakers[s].name for s in i.speakers),
                     i.abstract, i.room) for i in xml_program.items)
    assert events == talks and len(events) == 700
    assert xml_program.event.title == yaml_program.event.title == "Fictional Mega-Conference on Imaginary Compilers"
    assert xml_program.event.timezone == "Europe/Berlin" and len(xml_program.days) == 2


XML_HEAD = """<?xml version="1.0"?>
<schedule>
  <conference><title>Fictional Fest</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
"""


def test_xml_events_read_only_under_a_day_and_room_with_their_lines():
    text = XML_HEAD + """  <day date="2031-06-10">
    <room name="Hall">
      <event id="1"><start>09:00</start><duration>00:30</duration><title>Kept</title></event>
      <notes><event id="9"><start>10:00</start><duration>00:30</duration><title>Not an event</title></event></notes>
    </room>
  </day>
  <event id="8"><start>11:00</start><duration>00:30</duration><title>Outside a day</title></event>
  <day date="2031-06-11">
    <room name="Lab">
      <event id="2"><start>09:00</start><duration>00:30</duration><title>Second day</title></event>
      <event id="3"><start>25:00</start><duration>00:30</duration><title>Broken</title></event>
    </room>
  </day>
</schedule>
"""
    with pytest.raises(Exception) as caught:
        read(text.encode(), "fest.xml")
    assert str(caught.value) == "fest.xml:14: event 3: start '25:00' is not a time such as 09:30"
    program = read(text.replace("25:00", "10:00").encode(), "fest.xml")
    assert [(i.title, i.room, f"{i.start:%m-%d %H:%M}") for i in program.items] == [
        ("Kept", "Hall", "06-10 09:00"), ("Second day", "Lab", "06-11 09:00"), ("Broken", "Lab", "06-11 10:00")]
