"""The conference day on real and fictional programs: the agenda, the board's day, agenda --json
and the text importers share; and text normalised once in the importers."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from conftest import SCHEDULES
from core_helpers import run_json

from c4ml_tui.core import filters
from c4ml_tui.core.model import conference_day
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.formats.html_text import normalise
from c4ml_tui.sources.loader import load
from c4ml_tui.words import agenda

needs_38c3 = pytest.mark.skipif(not (SCHEDULES / "38c3.xml").exists(), reason="no ../shared/data/schedules here")


def test_the_change_over_decides_the_day_of_a_wall_time():
    late = datetime(2031, 5, 11, 1, 30)
    assert conference_day(late) == date(2031, 5, 10)  # 04:00 by default
    assert conference_day(late, time(0, 0)) == date(2031, 5, 11)
    assert conference_day(datetime(2031, 5, 11, 6, 0), time(6, 0)) == date(2031, 5, 11)


@needs_38c3
def test_the_38c3_agenda_keeps_the_night_under_its_evening():
    program = load(SCHEDULES / "38c3.xml")
    tl = Timeline(program)
    friday_night = datetime(2024, 12, 28, 1, 0, tzinfo=program.tz)
    assert filters.days(tl) == (date(2024, 12, 27), date(2024, 12, 28), date(2024, 12, 29), date(2024, 12, 30))
    assert filters.opening_day(tl, friday_night) == date(2024, 12, 27)
    assert agenda.board_day(tl, friday_night) == date(2024, 12, 27)
    saturday = agenda.rows(filters.narrowed(tl, filters.Filter(), date(2024, 12, 28)), friday_night)
    first = next(r for r in saturday if r.kind == "item")
    assert first.start.hour >= 6 and not first.title.startswith("Blåmba")
    assert not any(r.kind == "gap" and r.start.hour == 0 for r in saturday[:3])
    friday = agenda.rows(filters.narrowed(tl, filters.Filter(), date(2024, 12, 27)), friday_night)
    assert "Blåmba! ☎️ Behind the scenes of a 2000s-style ringtone provider" in [r.title for r in friday]
    assert friday[0].title == "Friday 27 December 2024" and {r.day for r in friday} == {date(2024, 12, 27)}


@needs_38c3
def test_agenda_json_gives_each_item_its_conference_day():
    answer = run_json("--program", str(SCHEDULES / "38c3.xml"), "agenda", "--json")
    assert [d["date"] for d in answer["days"]] == ["2024-12-27", "2024-12-28", "2024-12-29", "2024-12-30"]
    late = next(i for d in answer["days"] for i in d["items"] if i["id"] == "260")
    assert late["start"].startswith("2024-12-28T00:15") and late["day"] == "2024-12-27"
    assert len(late["guid"]) == 36 and late["language"] and late["url"].startswith("https://")
    assert all(i["day"] == d["date"] for d in answer["days"] for i in d["items"])


def test_text_is_normalised_once():
    xml_indented = "First line\n                    Second line\n\n                    - a point\n"
    assert normalise(xml_indented) == "First line\nSecond line\n\n- a point"
    assert normalise("<p>Hi &amp; <b>bold</b> <a href='https://x.example'>there</a></p><p>Next</p>") == \
        "Hi & **bold** [there](https://x.example)\n\nNext"
    assert normalise("Doubled\\r\\n\\r\\nescapes, it\\'s") == "Doubled\n\nescapes, it's"
    assert normalise("Aktivist\\*innen") == "Aktivist\\*innen"  # Markdown's own escape: the pane renders it
    assert normalise("a  \r\n\r\n\r\n\r\nb   ") == "a\n\nb"
    assert normalise("  Title   with  runs ", html_ok=False) == "Title with runs"
    assert normalise("   \n  ") is None


@needs_38c3
def test_an_item_is_found_by_id_or_guid_for_at_and_search(capsys):
    from c4ml_tui.cli import main

    program = load(SCHEDULES / "38c3.xml")
    item = program.by_id["91"]
    for ref in ("91", item.guid):
        assert main(["now", "--program", str(SCHEDULES / "38c3.xml"), "--room", "Saal 1", "--at", ref, "--json"]) == 0
        answer = json.loads(capsys.readouterr().out)
        assert answer["current"]["title"] == item.title
    assert main(["search", "--program", str(SCHEDULES / "38c3.xml"), item.guid, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["id"] == "91" and "guid" in hits[0]["matched"]
    assert main(["now", "--program", str(SCHEDULES / "38c3.xml"), "--at", "no-such-item"]) == 2
    assert "is not an ISO 8601 date-time" in capsys.readouterr().err
