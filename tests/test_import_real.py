"""Import the real schedules in ../shared/data/schedules and check them against the source,
counted independently here with xml.etree and json. Skipped when that folder is absent."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import SCHEDULES

from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.sources.loader import load
from c4ml_tui.sources.loader import load as load_source

pytestmark = pytest.mark.skipif(not SCHEDULES.is_dir(), reason="no ../shared/data/schedules here")

ZONES = {"fosdem-2021.xml": "Europe/Brussels"}
FILES = ["38c3.xml", "fosdem-2021.xml", "rc3-2021.json", "pretalx-democon.json"]


def source_events(name: str) -> list[dict]:
    """Every event of a file as ``{id, title, date, start, duration, persons}``, read directly."""
    path = SCHEDULES / name
    if name.endswith(".xml"):
        root = ET.parse(path).getroot()
        return [{"id": e.get("id"), "title": e.findtext("title"), "date": e.findtext("date"),
                 "day": d.get("date"), "start": e.findtext("start"), "duration": e.findtext("duration"),
                 "persons": [p.get("guid") or p.get("id") for p in e.iter("person")],
                 "names": [p.text for p in e.iter("person")]}
                for d in root.iter("day") for e in d.iter("event")]
    conf = json.loads(path.read_text(encoding="utf-8"))["schedule"]["conference"]
    return [{"id": str(e["id"]), "title": e["title"], "date": e["date"], "start": e["start"],
             "duration": e["duration"],
             "persons": [p.get("guid") or p.get("code") or p.get("id") for p in e["persons"]],
             "names": [p.get("name") or p.get("public_name") for p in e["persons"]]}
            for day in conf["days"] for events in day["rooms"].values() for e in events]


@pytest.fixture(scope="module", params=FILES)
def imported(request):
    name = request.param
    return name, load_source(SCHEDULES / name, ZONES.get(name), use_cache=False), source_events(name)


def test_every_event_and_speaker_is_imported(imported):
    _name, program, events = imported
    assert len(program.items) == len(events)
    assert {i.id for i in program.items} == {e["id"] for e in events}
    assert len(program.speakers) == len({p for e in events for p in e["persons"]})
    assert sum(len(i.speakers) for i in program.items) == sum(len(set(e["persons"])) for e in events)


def test_titles_and_names_are_intact(imported):
    _name, program, events = imported
    by_id = {i.id: i for i in program.items}
    for e in events:
        assert by_id[e["id"]].title == " ".join(e["title"].split())
        assert [program.speakers[s].name for s in by_id[e["id"]].speakers] == [" ".join(n.split()) for n in e["names"]]


def test_instants_match_the_source(imported):
    """The full ``date`` timestamp is the instant; the end is start + duration."""
    name, program, events = imported
    by_id = {i.id: i for i in program.items}
    for e in events[:3] + events[-3:] + events[:: max(1, len(events) // 25)]:
        item = by_id[e["id"]]
        if e.get("date"):
            assert item.start == datetime.fromisoformat(e["date"])
        else:  # old pentabarf: the day's date + local start, in the zone the user gave
            local = datetime.fromisoformat(f"{e['day']}T{e['start']}").replace(tzinfo=ZoneInfo(ZONES[name]))
            assert item.start == local
        h, m, *s = (int(x) for x in e["duration"].split(":"))
        assert item.end - item.start == timedelta(hours=h, minutes=m, seconds=s[0] if s else 0)
        assert item.start.tzinfo == program.tz


def test_38c3_keeps_its_zone_and_day_one_despite_utc_offsets():
    """Day 1 starts at 09:30+00:00 but its end and every event are written +01:00."""
    program = load_source(SCHEDULES / "38c3.xml", use_cache=False)
    assert program.event.timezone == "Europe/Berlin"
    assert program.event.date.isoformat() == "2024-12-27"
    first = program.items[0]
    assert first.start == datetime.fromisoformat("2024-12-27T10:30:00+01:00")
    assert first.start.isoformat() == "2024-12-27T10:30:00+01:00"
    assert [d.isoformat() for d in program.days][:4] == ["2024-12-27", "2024-12-28", "2024-12-29", "2024-12-30"]
    assert len(program.rooms) == 72


def test_38c3_non_ascii_survives():
    program = load_source(SCHEDULES / "38c3.xml", use_cache=False)
    titles = {i.title for i in program.items}
    assert "LED-Klammern löten" in titles
    names = {s.name for s in program.speakers.values()}
    assert any(any(ord(ch) > 127 for ch in n) for n in names)


def test_fosdem_needs_a_timezone_then_loads():
    with pytest.raises(ProgramError) as caught:
        load_source(SCHEDULES / "fosdem-2021.xml", use_cache=False)
    (problem,) = caught.value.problems
    assert "--timezone" in problem.message and "no time zone" in problem.message
    program = load_source(SCHEDULES / "fosdem-2021.xml", "Europe/Brussels", use_cache=False)
    assert program.event.timezone == "Europe/Brussels"
    assert program.items[0].start.isoformat().startswith("2021-02-06T09:00:00+01:00")
    assert "<p>" not in (program.by_id["11795"].abstract or "")  # HTML made plain


def test_rc3_biographies_and_colliding_person_ids():
    """rC3 merges pretalx instances: person id 15 is two people; their codes tell them apart."""
    program = load_source(SCHEDULES / "rc3-2021.json", use_cache=False)
    with_bio = [s for s in program.speakers.values() if s.bio]
    assert len(with_bio) > 250
    assert {"DMUDXQ", "8PHY3L"} <= set(program.speakers)
    assert program.speakers["DMUDXQ"].name != program.speakers["8PHY3L"].name


@pytest.mark.parametrize("name", FILES)
def test_import_writes_a_program_that_loads_to_the_same_thing(name, tmp_path, capsys):
    from c4ml_tui.cli import main

    out = tmp_path / "program.yaml"
    zone = ["--timezone", ZONES[name]] if name in ZONES else []
    assert main(["import", str(SCHEDULES / name), "-o", str(out), *zone]) == 0
    direct = load_source(SCHEDULES / name, ZONES.get(name), use_cache=False)
    again = load(out, use_cache=False)
    assert len(again.items) == len(source_events(name))
    assert again.items == direct.items
    assert again.speakers == direct.speakers
    assert again.event == direct.event
    assert main(["validate", str(out)]) == 0
    assert f"{len(direct.items)} items" in capsys.readouterr().out


def test_validate_counts_events_of_a_schedule(capsys):
    from c4ml_tui.cli import main

    assert main(["validate", str(SCHEDULES / "38c3.xml")]) == 0
    assert "ok (1007 items, 1003 talks, 571 speakers, 4 days, 72 rooms)" in capsys.readouterr().out
    assert main(["validate", str(SCHEDULES / "fosdem-2021.xml")]) == 2
    assert main(["validate", str(SCHEDULES / "fosdem-2021.xml"), "--timezone", "Europe/Brussels"]) == 0
