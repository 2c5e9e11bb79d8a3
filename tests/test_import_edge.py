"""Edge cases of the importers, on small, clearly fictional schedules."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from core_helpers import import_schedule, parse

from c4ml_tui.formats import detect
from c4ml_tui.formats.html_text import plain
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.formats.schedule_build import kind_for, parse_clock
from c4ml_tui.formats.yaml_writer import program_to_yaml
from c4ml_tui.sources.parsed import from_bytes

UTC = timezone.utc


def xml(events: str, *, zone: str | None = "Europe/Berlin", day: str = "2030-05-04", extra: str = "",
        day_attrs: str = "") -> bytes:
    tz = f"<time_zone_name>{zone}</time_zone_name>" if zone else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>Example Fictional Conf</title>
    <city>Nowhere-upon-Test</city>
    {tz}{extra}
  </conference>
  <day index="1" date="{day}"{day_attrs}>
    <room name="Room A">
{events}
    </room>
  </day>
</schedule>
""".encode()


def ev(ident: str, start: str = "10:00", duration: str = "0:30", *, date: str | None = None,
       title: str = "A fictional talk", more: str = "", guid: str | None = None) -> str:
    d = f"<date>{date}</date>" if date else ""
    g = f' guid="{guid}"' if guid else ""
    return (f'<event id="{ident}"{g}>{d}<start>{start}</start><duration>{duration}</duration>'
            f"<room>Room A</room><title>{title}</title><type>Talk</type>{more}</event>")


def fail(content: bytes, tz: str | None = None) -> list[str]:
    with pytest.raises(ProgramError) as caught:
        import_schedule(content, "fic.xml", tz)
    return [str(p) for p in caught.value.problems]


# -- detection and small parsers ------------------------------------------------------------------
def test_detect_from_content_not_name():
    assert detect(b"\xef\xbb\xbf  <?xml version='1.0'?><schedule/>") == "xml"
    assert detect(b'\n {"schedule": {}}') == "json"
    assert detect(b"event:\n  title: x\n") == "yaml"
    assert detect("<schedule/>".encode("utf-16")) == "xml"


@pytest.mark.parametrize("text, minutes", [("0:30", 30), ("00:30", 30), ("1:05", 65), ("01:30:00", 90),
                                           ("00:00:30", 0.5), ("10:00", 600)])
def test_durations(text, minutes):
    assert parse_clock(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "30", "1:5", "1:60", "abc", "-0:30", "1h"])
def test_bad_durations(text):
    assert parse_clock(text) is None


@pytest.mark.parametrize("type_, kind", [("Talk", "talk"), ("workshop", "talk"), (None, "talk"), ("other", "talk"),
                                         ("Coffee Break", "break"), ("Pause", "break"), ("Lunch", "lunch"),
                                         ("Poster session", "posters"), ("Opening", "opening")])
def test_kinds(type_, kind):
    assert kind_for(type_) == kind


def test_html_is_made_markdown_and_markdown_is_left_alone():
    assert plain("<p>Hi &amp; <a href='https://x.example'>there</a></p><ul><li>one</li></ul>") == \
        "Hi & [there](https://x.example)\n\n- one"
    assert plain("Use <https://x.example> and a < b, **bold**") == "Use <https://x.example> and a < b, **bold**"


# -- XML --------------------------------------------------------------------------------------------
def test_malformed_xml_gives_its_line():
    content = xml(ev("1") + "\n<event id='2'><title>oops</event>")
    (problem,) = fail(content)
    assert problem.startswith("fic.xml:11: not well-formed XML: mismatched tag")


def test_entity_declarations_are_refused():
    bomb = (b'<?xml version="1.0"?>\n<!DOCTYPE s [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;">\n]>\n'
            b'<schedule/>')
    (problem,) = fail(bomb)
    assert problem == "fic.xml:3: entity declarations are not allowed in a schedule"


def test_wrong_root_and_bad_event_lines():
    assert "not <schedule>" in fail(b"<html>\n</html>")[0]
    problems = fail(xml(ev("1") + "\n" + ev("2", duration="half an hour") + "\n" + ev("3", start="25:99")))
    assert problems == [
        "fic.xml:11: event 2: duration 'half an hour' is not H:MM or HH:MM:SS",
        "fic.xml:12: event 3: start '25:99' is not a time such as 09:30",
    ]
    assert fail(xml(ev("1", date="2030-13-01T10:00:00+02:00")))[0].startswith("fic.xml:10: event 1: date")


def test_a_file_without_zone_asks_for_one():
    content = xml(ev("1"), zone=None)
    assert fail(content) == ["fic.xml: the schedule names no time zone; say which zone its times are in "
                             "with --timezone ZONE (e.g. --timezone Europe/Brussels)"]
    program = import_schedule(content, "fic.xml", "Asia/Tokyo")
    assert program.items[0].start == datetime(2030, 5, 4, 1, 0, tzinfo=UTC)


def test_a_wrong_zone_in_the_file_is_reported_at_its_line():
    (problem,) = fail(xml(ev("1"), zone="Europe/Berln"))
    assert problem.startswith("fic.xml:6: timezone 'Europe/Berln' is not a known time zone; "
                              "did you mean Europe/Berlin?")


def test_the_date_timestamp_wins_over_start_and_timezone_overrides_the_display_zone():
    content = xml(ev("1", start="10:00", date="2030-05-04T08:00:00+00:00"))
    item = import_schedule(content, "fic.xml").items[0]
    assert item.start.isoformat() == "2030-05-04T10:00:00+02:00"
    moved = import_schedule(content, "fic.xml", "America/New_York").items[0]
    assert moved.start == item.start and moved.start.isoformat() == "2030-05-04T04:00:00-04:00"


def test_after_midnight_rolls_over_with_day_change():
    late = ev("1", start="23:30") + ev("2", start="01:00", duration="1:00:00")
    p = import_schedule(xml(late, extra="<day_change>04:00</day_change>"), "fic.xml")
    assert [i.start.isoformat() for i in p.items] == ["2030-05-04T23:30:00+02:00", "2030-05-05T01:00:00+02:00"]
    # without day_change, a day that ends after midnight says the same
    p = import_schedule(xml(late, day_attrs=' end="2030-05-05T06:00:00+02:00"'), "fic.xml")
    assert p.items[1].start.isoformat() == "2030-05-05T01:00:00+02:00"


def test_durations_cross_dst_by_the_clock_on_the_wall_of_the_instant():
    """On 2030-03-31 Berlin skips 02:00-03:00: a 2-hour event from 01:00 ends at 04:00 local."""
    p = import_schedule(xml(ev("1", start="01:00", duration="2:00"), day="2030-03-31"), "fic.xml")
    item = p.items[0]
    assert item.end.astimezone(UTC) - item.start.astimezone(UTC) == timedelta(hours=2)
    assert item.end.astimezone(p.tz).strftime("%H:%M") == "04:00"


def test_an_ambiguous_wall_time_survives_the_yaml_round_trip():
    """2030-10-27 02:30 happens twice in Berlin: the second one is written with its offset."""
    second = ev("2", date="2030-10-27T02:30:00+01:00", start="02:30")
    p = import_schedule(xml(ev("1", date="2030-10-27T01:00:00+02:00", start="01:00") + second,
                            day="2030-10-27"), "fic.xml")
    text = program_to_yaml(p)
    assert "02:30+01:00" in text
    again = parse(text.encode(), "out.yaml")
    assert [i.start.astimezone(UTC) for i in again.items] == [i.start.astimezone(UTC) for i in p.items]


def test_repeated_ids_become_unique_and_stable():
    events = ev("7", guid="g-1") + ev("7", start="11:00", guid="g-2") + ev("7", start="12:00") + ev("7", start="13:00")
    ids = [i.id for i in import_schedule(xml(events), "fic.xml").items]
    assert ids == ["7", "g-2", "7-2", "7-3"]
    assert ids == [i.id for i in import_schedule(xml(events), "fic.xml").items]


def test_zero_duration_gets_one_timeslot():
    p = import_schedule(xml(ev("1", duration="0:00"), extra="<timeslot_duration>00:10</timeslot_duration>"), "f")
    assert p.items[0].end - p.items[0].start == timedelta(minutes=10)


def test_persons_links_and_text_fields():
    more = ("<subtitle>Sub</subtitle><track>Track T</track><abstract>&lt;p&gt;Short&lt;/p&gt;</abstract>"
            "<description>Long</description><url>https://conf.example/e/1</url>"
            "<persons><person id='5'>Zoë Exämple</person><person id='6'>Bo Test</person></persons>"
            "<links><link href='https://video.example/1'>Video</link></links>")
    zoe = "<persons><person id='5'>Zoë Exämple</person></persons>"
    p = import_schedule(xml(ev("1", more=more) + ev("2", start="11:00", more=zoe)), "f")
    first = p.by_id["1"]
    assert (first.subtitle, first.track, first.abstract) == ("Sub", "Track T", "Short")
    assert first.description == "Long"
    assert first.url == "https://conf.example/e/1"
    assert first.links == (("Video", "https://video.example/1"),)
    assert first.speakers == ("5", "6") and p.speakers["5"].name == "Zoë Exämple"
    assert [i.id for i in p.talks_of("5")] == ["1", "2"]


def test_control_characters_are_removed_from_imported_text():
    p = import_schedule(xml(ev("1", title="Evil &#x9b;31mred &#x202e;desrever")), "f")
    assert p.items[0].title == "Evil 31mred desrever"


def test_overlapping_items_in_one_room_are_kept_and_marked_for_yaml():
    p = import_schedule(xml(ev("1", duration="2:00") + ev("2", start="10:30")), "f")
    assert len(p.items) == 2
    text = program_to_yaml(p)
    assert text.count("overlap: true") == 1
    assert len(parse(text.encode(), "out.yaml").items) == 2


# -- JSON -------------------------------------------------------------------------------------------
def schedule_json(events: list[dict], zone: str | None = "UTC") -> dict:
    conf = {"acronym": "fic", "title": "Fictional JSON Con", "days": [
        {"index": 1, "date": "2030-01-02", "day_start": "2030-01-02T08:00:00+00:00",
         "day_end": "2030-01-03T03:00:00+00:00", "rooms": {"Hall Ü": events}}]}
    if zone:
        conf["time_zone_name"] = zone
    return {"schedule": {"version": "1", "conference": conf}}


def jev(i: int, **kw) -> dict:
    base = {"id": i, "guid": f"00000000-0000-0000-0000-{i:012d}", "date": "2030-01-02T10:00:00+00:00",
            "start": "10:00", "duration": "00:45", "room": "Hall Ü", "title": f"Talk {i}", "type": "Talk",
            "persons": [{"code": "ABC", "public_name": "Ana Example", "biography": "Writes tests."}]}
    return base | kw


def test_json_decode_errors_give_the_line():
    with pytest.raises(ProgramError) as caught:
        from_bytes(b'{\n  "schedule": {\n    "conference": ,\n  }\n}', "fic.json")
    assert str(caught.value.problems[0]).startswith("fic.json:3: not valid JSON")


def test_json_event_problem_is_located_by_its_guid():
    text = json.dumps(schedule_json([jev(1), jev(2, duration="forever")]), indent=2).encode()
    with pytest.raises(ProgramError) as caught:
        from_bytes(text, "fic.json", use_cache=False)
    (problem,) = caught.value.problems
    line = text.decode().splitlines()[problem.line - 1]
    assert '"duration": "forever"' in line and "event 2: duration 'forever'" in problem.message


def test_json_end_field_and_person_shapes():
    events = [jev(1, end="2030-01-02T11:15:00+00:00", duration=None),
              jev(2, date="2030-01-02T12:00:00+00:00", persons=[{"guid": "p-1", "name": "Öz Example"}, "Plain Name"])]
    p = from_bytes(json.dumps(schedule_json(events)).encode(), "fic.json", use_cache=False)
    assert p.items[0].end - p.items[0].start == timedelta(minutes=75)
    assert p.speakers["ABC"].bio == "Writes tests."
    assert p.by_id["2"].speakers == ("p-1", "Plain Name")
    assert p.rooms == ("Hall Ü",)


def test_a_program_written_as_json_goes_to_the_yaml_reader():
    doc = {"event": {"title": "Fictional", "date": "2030-01-02", "timezone": "UTC"},
           "schedule": [{"id": "a", "title": "A", "start": "09:00", "end": "10:00"}]}
    p = from_bytes(json.dumps(doc).encode(), "prog.json", use_cache=False)
    assert p.items[0].id == "a"


def test_cached_import_equals_a_fresh_one():
    content = json.dumps(schedule_json([jev(1), jev(2, date="2030-01-02T11:00:00+00:00")])).encode()
    fresh = from_bytes(content, "fic.json")
    cached = from_bytes(content, "fic.json")
    assert cached.items == fresh.items and cached.speakers == fresh.speakers
    other_zone = from_bytes(content, "fic.json", "Asia/Tokyo")
    assert other_zone.event.timezone == "Asia/Tokyo"  # the zone is part of the cache key


# -- properties -----------------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

BERLIN_2030 = datetime(2030, 1, 1, tzinfo=UTC)


@settings(max_examples=60, deadline=None)
@given(offsets=st.lists(st.integers(0, 365 * 24 * 4), min_size=1, max_size=6, unique=True),
       minutes=st.integers(0, 6 * 60), seconds=st.sampled_from([0, 0, 30]),
       zone=st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"]))
def test_any_instant_and_duration_survive_import_and_yaml(offsets, minutes, seconds, zone):
    """Instants written in UTC anywhere in a year (DST changes included) are kept exactly, the
    end is start + duration in real time, and the YAML written from it loads to the same."""
    starts = [BERLIN_2030 + timedelta(minutes=15 * o) for o in offsets]
    length = timedelta(minutes=minutes, seconds=seconds)
    duration = f"{minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}"
    events = "".join(ev(str(n), date=s.isoformat(), duration=duration) for n, s in enumerate(starts))
    p = import_schedule(xml(events, zone=zone), "f")  # all in one room: overlaps get marked
    by_id = {i.id: i for i in p.items}
    for n, s in enumerate(starts):
        item = by_id[str(n)]
        assert item.start.astimezone(UTC) == s  # in UTC: an ambiguous wall time never equals another zone's
        assert item.end.astimezone(UTC) - s == (length or timedelta(minutes=5))
    again = parse(program_to_yaml(p).encode(), "out.yaml")
    assert [(i.id, i.start.astimezone(UTC), i.end.astimezone(UTC)) for i in again.items] == \
        [(i.id, i.start.astimezone(UTC), i.end.astimezone(UTC)) for i in p.items]
