"""Every real schedule in ../shared/data/schedules read right, checked against the source itself:
each file is read here independently (xml.etree, json, icalendar) and the imported program must
have the same conference days (and weekdays), rooms and tracks overall and per day, each item's
speakers named as the source names them, every item found by its id and by its guid, and the
same first and last item in each room on each day. Skipped when that folder is absent.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import SCHEDULES

from c4ml_tui.core.model import Program
from c4ml_tui.sources.loader import load

pytestmark = pytest.mark.skipif(not SCHEDULES.is_dir(), reason="no ../shared/data/schedules here")

ZONES = {"fosdem-2021.xml": "Europe/Brussels"}
FILES = ["38c3.xml", "fosdem-2021.xml", "rc3-2021.json", "pretalx-democon.json", "pyconuk-2015.ics", "moca-2024.ics"]


def _one_line(text: str | None) -> str | None:
    out = " ".join((text or "").split())
    return out or None


def _names(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in (_one_line(x) for x in names) if n))


def source_events(name: str) -> list[dict]:
    """Each event as ``{id, guid, title, day, room, track, names, start}``, read from the file."""
    path = SCHEDULES / name
    found = []
    if name.endswith(".xml"):
        for day in ET.parse(path).getroot().iter("day"):
            for room in day.iter("room"):
                for e in room.iter("event"):
                    start = e.findtext("date") or f"{day.get('date')}T{e.findtext('start')}"
                    found.append({"id": e.get("id"), "guid": e.get("guid"), "title": _one_line(e.findtext("title")),
                                  "day": date.fromisoformat(day.get("date")), "room": room.get("name"),
                                  "track": _one_line(e.findtext("track")), "start": datetime.fromisoformat(start),
                                  "names": _names([p.text or "" for p in e.iter("person")])})
    elif name.endswith(".json"):
        conf = json.loads(path.read_text(encoding="utf-8"))["schedule"]["conference"]
        for day in conf["days"]:
            for room, events in day["rooms"].items():
                for e in events:
                    names = [p.get("public_name") or p.get("name") for p in e["persons"]]
                    found.append({"id": str(e["id"]), "guid": e.get("guid"), "title": _one_line(e["title"]),
                                  "day": date.fromisoformat(day["date"]), "room": room,
                                  "track": _one_line(e.get("track")), "start": datetime.fromisoformat(e["date"]),
                                  "names": _names(names)})
    else:
        from icalendar import Calendar

        calendar = Calendar.from_ical(path.read_bytes())
        zone = ZoneInfo(str(calendar.get("X-WR-TIMEZONE") or "") or _lenient_zone(path) or "UTC")
        organisers = {str(e.get("ORGANIZER").params.get("CN")) for e in calendar.walk("VEVENT") if e.get("ORGANIZER")}
        for e in calendar.walk("VEVENT"):
            if str(e.get("STATUS", "")).upper() == "CANCELLED":
                continue
            start = e.decoded("DTSTART").astimezone(zone)
            cn = e.get("ORGANIZER").params.get("CN") if e.get("ORGANIZER") and len(organisers) > 1 else None
            cn = ",".join(cn) if isinstance(cn, list) else cn  # icalendar splits a CN at its commas
            title = _one_line(str(e.get("SUMMARY") or "")) or "(untitled)"
            found.append({"id": None, "guid": str(e.get("UID")), "title": title,
                          "day": (start - timedelta(hours=4)).date(), "room": _one_line(str(e.get("LOCATION") or "")),
                          "track": None, "start": start, "names": [cn] if cn else []})
    return found


def _lenient_zone(path) -> str | None:
    """moca-2024.ics writes its zone as a property (``VTIMEZONE: Europe/Rome``), as a person reads it."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.upper().startswith("VTIMEZONE:"):
            return line.split(":", 1)[1].strip()
    return None


@pytest.fixture(scope="module", params=FILES)
def case(request) -> tuple[str, Program, list[dict]]:
    name = request.param
    return name, load(SCHEDULES / name, ZONES.get(name), use_cache=False), source_events(name)


def test_conference_days_and_their_weekdays(case):
    _name, program, events = case
    days = sorted({e["day"] for e in events})
    assert list(program.days) == days
    assert [f"{d:%A}" for d in program.days] == [f"{d:%A}" for d in days]


def test_rooms_and_tracks_overall_and_per_day(case):
    _name, program, events = case
    assert set(program.rooms) == {e["room"] for e in events if e["room"]}
    assert set(program.tracks) == {e["track"] for e in events if e["track"]}
    for day in program.days:
        items = [i for i in program.items if i.day == day]
        mine = [e for e in events if e["day"] == day]
        assert {i.room for i in items if i.room} == {e["room"] for e in mine if e["room"]}, day
        assert {i.track for i in items if i.track} == {e["track"] for e in mine if e["track"]}, day


def _item_of(program: Program, event: dict):
    if event["id"] is not None:
        return program.find(event["id"])
    same = [i for i in program.items if i.guid == event["guid"] and i.title == event["title"]
            and i.start == event["start"]]
    assert len(same) == 1, event
    return same[0]


def test_every_item_is_found_by_id_and_by_guid_with_its_speakers(case):
    _name, program, events = case
    guids = defaultdict(list)
    for e in events:
        guids[e["guid"]].append(e)
    for e in events:
        item = _item_of(program, e)
        assert item is not None and item.title == e["title"], e
        if e["guid"] and len(guids[e["guid"]]) == 1:
            assert program.find(e["guid"]) is item
            assert item.guid == e["guid"]
        names = [program.speakers[s].name for s in item.speakers]
        if e["names"] and len(names) > len(e["names"]):  # one CN naming two people ("Ada X, Bo Y")
            assert ", ".join(names) == e["names"][0], e
        else:
            assert names == e["names"], e
    assert len(program.items) == len(events)


def test_first_and_last_item_of_each_room_each_day(case):
    _name, program, events = case
    groups = defaultdict(list)
    for e in events:
        groups[(e["day"], e["room"])].append(e)
    for (day, room), mine in groups.items():
        items = [i for i in program.items if i.day == day and i.room == room]
        first, last = min(e["start"] for e in mine), max(e["start"] for e in mine)
        assert items[0].title in {e["title"] for e in mine if e["start"] == first}, (day, room)
        assert items[-1].title in {e["title"] for e in mine if e["start"] == last}, (day, room)


@pytest.mark.parametrize("name", FILES)
def test_import_then_validate_is_exact_with_the_same_day_count(name, tmp_path, capsys):
    from c4ml_tui.cli import main

    out = tmp_path / "program.yaml"
    zone = ["--timezone", ZONES[name]] if name in ZONES else []
    assert main(["import", str(SCHEDULES / name), "-o", str(out), *zone]) == 0
    direct = load(SCHEDULES / name, ZONES.get(name), use_cache=False)
    again = load(out, use_cache=False)
    assert again.items == direct.items
    assert again.speakers == direct.speakers
    assert again.event == direct.event
    days = len({e["day"] for e in source_events(name)})
    assert f"{days} days" in capsys.readouterr().err
    assert main(["validate", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"{len(direct.items)} items" in said and f"{days} days" in said


def test_38c3_late_sets_belong_to_the_evening_before():
    """Day 1 runs from 10:30 to past 04:00: its night is Friday's, not a Saturday of its own."""
    program = load(SCHEDULES / "38c3.xml", use_cache=False)
    blamba = next(i for i in program.items if i.title == "Blåmba! ☎️" or i.title.startswith("Blåmba"))
    assert blamba.start.date() == date(2024, 12, 28) and blamba.start.hour == 0
    assert blamba.day == date(2024, 12, 27)
    assert program.day_at(datetime(2024, 12, 28, 1, 0, tzinfo=program.tz)) == date(2024, 12, 27)
    assert program.day_at(datetime(2024, 12, 28, 7, 0, tzinfo=program.tz)) == date(2024, 12, 28)
    assert program.event.day_change is not None and program.event.day_change.hour == 6
