"""The iCalendar importer on small, clearly fictional calendars: every way a calendar writes a
time, the fields a conference needs, and files that bend the standard."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from c4ml_tui.formats import detect
from c4ml_tui.formats.ics_in import parse_duration
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.sources.parsed import from_bytes

BERLIN = ZoneInfo("Europe/Berlin")


def cal(*events: str, head: str = "X-WR-CALNAME:Fictional Ical Con\n", eol: str = "\r\n") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fictional//test//EN", *head.splitlines()]
    for event in events:
        lines += ["BEGIN:VEVENT", *event.strip("\n").splitlines(), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return (eol.join(lines) + eol).encode()


def ev(uid: str, start: str = "DTSTART:20310510T080000Z", end: str = "DTEND:20310510T083000Z",
       more: str = "SUMMARY:A fictional talk") -> str:
    return f"UID:{uid}\n{start}\n{end}\n{more}"


def read(content: bytes, zone: str | None = None):
    return from_bytes(content, "fic.ics", zone, use_cache=False)


def fail(content: bytes, zone: str | None = None) -> list[str]:
    with pytest.raises(ProgramError) as caught:
        read(content, zone)
    return [str(p) for p in caught.value.problems]


def test_detected_by_content_and_named_from_the_calendar():
    content = cal(ev("a"))
    assert detect(content) == "ics" and detect(b"\xef\xbb\xbf\r\nbegin:vcalendar\r\n") == "ics"
    program = read(content)
    assert program.event.title == "Fictional Ical Con"
    assert program.event.timezone == "UTC"  # every time in UTC and no zone named: shown in UTC


def test_utc_times_with_x_wr_timezone_show_in_that_zone():
    program = read(cal(ev("a"), head="X-WR-TIMEZONE:Europe/Berlin\n"))
    item = program.items[0]
    assert program.event.timezone == "Europe/Berlin"
    assert item.start == datetime(2031, 5, 10, 10, 0, tzinfo=BERLIN) and item.start.tzinfo == BERLIN


def test_tzid_known_to_the_zone_database_without_a_vtimezone():
    zoned = ev("a", "DTSTART;TZID=Europe/Berlin:20310510T100000", "DTEND;TZID=Europe/Berlin:20310510T103000")
    program = read(cal(zoned))
    assert program.event.timezone == "Europe/Berlin"
    assert program.items[0].start.astimezone(timezone.utc) == datetime(2031, 5, 10, 8, 0, tzinfo=timezone.utc)


def test_a_tzid_only_its_vtimezone_defines():
    zone = """BEGIN:VTIMEZONE
TZID:Fictional Standard Time
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
TZNAME:FST
END:STANDARD
END:VTIMEZONE"""
    content = cal(ev("a", "DTSTART;TZID=\"Fictional Standard Time\":20310510T100000", "DURATION:PT45M"),
                  head="X-WR-TIMEZONE:Europe/Berlin\n" + zone)
    item = read(content).items[0]
    assert item.start.astimezone(timezone.utc) == datetime(2031, 5, 10, 7, 0, tzinfo=timezone.utc)
    assert item.end - item.start == timedelta(minutes=45)


def test_floating_times_need_a_zone():
    content = cal(ev("a", "DTSTART:20310510T100000", "DTEND:20310510T103000"))
    (problem,) = fail(content)
    assert "--timezone" in problem
    assert read(content, "Europe/Berlin").items[0].start == datetime(2031, 5, 10, 10, 0, tzinfo=BERLIN)
    floating = cal(ev("a", "DTSTART:20310510T100000", "DTEND:20310510T103000"),
                   head="X-WR-TIMEZONE:Europe/Berlin\n")
    assert read(floating).items[0].start == datetime(2031, 5, 10, 10, 0, tzinfo=BERLIN)


def test_all_day_events_and_durations():
    content = cal(ev("day", "DTSTART;VALUE=DATE:20310510", "DTEND;VALUE=DATE:20310511", "SUMMARY:Hackathon"),
                  ev("short", "DTSTART:20310511T080000Z", "DURATION:P0DT1H15M", "SUMMARY:Long talk"),
                  ev("none", "DTSTART;VALUE=DATE:20310512", "X-NOTHING:1", "SUMMARY:Rest day"),
                  head="X-WR-TIMEZONE:Europe/Berlin\n")
    program = read(content)
    hack, talk, rest = (program.by_id[i] for i in ("day", "short", "none"))
    assert hack.start == datetime(2031, 5, 10, tzinfo=BERLIN) and hack.end == datetime(2031, 5, 11, tzinfo=BERLIN)
    assert hack.day == date(2031, 5, 10)  # its own date, not the evening before (00:00 is before 04:00)
    assert talk.end - talk.start == timedelta(hours=1, minutes=15)
    assert rest.end - rest.start == timedelta(days=1)
    assert parse_duration("P1W") == timedelta(weeks=1) and parse_duration("-PT5M") is None


def test_folded_lines_that_split_a_utf8_character_crlf_or_lf():
    title = "Zoë\u2019s fictional talk"
    raw = f"SUMMARY:{title}".encode()
    cut = raw.index("ë".encode()) + 1  # between the two bytes of ë
    folded = raw[:cut] + b"\r\n " + raw[cut:]
    for eol in ("\r\n", "\n"):
        content = cal(ev("a", more="X-PLACEHOLDER:1"), eol=eol).replace(b"X-PLACEHOLDER:1", folded.replace(
            b"\r\n", eol.encode()))
        assert read(content).items[0].title == title


def test_fields_a_conference_needs():
    content = cal(ev("a@fic.example", more="""SUMMARY;LANGUAGE=de:Imaginäre Compiler
LOCATION:  Hall Q
CATEGORIES:Compilers,Fiction
URL:https://fic.example/talks/a
ORGANIZER;CN=Ada Example:mailto:ada@fic.example
ATTACH;FILENAME=slides.pdf:https://fic.example/a.pdf
DESCRIPTION:First line\\nsecond\\, with a comma\\; and more"""),
                  ev("b@fic.example", "DTSTART:20310510T090000Z", "DTEND:20310510T093000Z",
                     "SUMMARY:Other\nORGANIZER;CN=Bo Sample:mailto:bo@fic.example\nSTATUS:CONFIRMED"),
                  ev("c@fic.example", "DTSTART:20310510T100000Z", "DTEND:20310510T103000Z",
                     "SUMMARY:Gone\nSTATUS:CANCELLED"))
    program = read(content)
    item = program.by_id["a@fic.example"]
    assert (item.title, item.room, item.track, item.language) == ("Imaginäre Compiler", "Hall Q", "Compilers", "de")
    assert item.url == "https://fic.example/talks/a" and item.links == (("slides.pdf", "https://fic.example/a.pdf"),)
    assert item.description == "First line\nsecond, with a comma; and more"
    assert [program.speakers[s].name for s in item.speakers] == ["Ada Example"]  # organisers differ: speakers
    assert item.guid == "a@fic.example" and program.find("a@fic.example") is item
    assert "c@fic.example" not in program.by_id  # cancelled: not on the program


def test_repeated_uids_stay_apart_and_an_unnamed_calendar_takes_the_common_prefix():
    content = cal(ev("same", more="SUMMARY:FictCon 2031: Opening"),
                  ev("same", "DTSTART:20310510T090000Z", "DTEND:20310510T093000Z", "SUMMARY:FictCon 2031: Talk"),
                  ev("same", "DTSTART:20310510T100000Z", "DTEND:20310510T103000Z", "SUMMARY:FictCon 2031: Lunch"),
                  head="")
    program = read(content)
    assert [i.id for i in program.items] == ["same", "same-2", "same-3"]
    assert program.event.title == "FictCon 2031"
    assert program.items[2].kind == "lunch"  # "FictCon 2031: Lunch": the event's name, then the meal


def test_a_hand_made_file_is_read_as_a_person_would():
    """Like moca-2024.ics: the zone as a property, values with blanks around them, one
    organiser per event naming its speakers."""
    first = "SUMMARY:Fictional Keynote\nLOCATION: XOR \nORGANIZER;CN=Ada Example:MAILTO:x@fic.example"
    content = cal(ev("1", more=first),
                  ev("1", "DTSTART:20310510T090000Z", "DTEND:20310510T093000Z",
                     "SUMMARY:Two people\nORGANIZER;CN=Bo Sample, Cy Dummy:MAILTO:x@fic.example"),
                  head="VTIMEZONE: Europe/Rome\n")
    program = read(content)
    assert program.event.timezone == "Europe/Rome" and program.items[0].room == "XOR"
    assert [program.speakers[s].name for s in program.items[1].speakers] == ["Bo Sample", "Cy Dummy"]


def test_repeating_events_are_expanded_with_a_bound():
    weekly = ev("weekly", "DTSTART;TZID=Europe/Berlin:20310505T190000", "DTEND;TZID=Europe/Berlin:20310505T200000",
                "SUMMARY:Fictional meetup\nRRULE:FREQ=WEEKLY;COUNT=4\nEXDATE;TZID=Europe/Berlin:20310512T190000")
    program = read(cal(weekly))
    starts = [i.start for i in program.items]
    assert starts == [datetime(2031, 5, d, 19, 0, tzinfo=BERLIN) for d in (5, 19, 26)]
    assert len({i.id for i in program.items}) == 3
    forever = ev("daily", more="SUMMARY:Every day\nRRULE:FREQ=DAILY")
    assert len(read(cal(forever)).items) <= 367  # a year at most, never endless


def test_problems_are_file_line():
    content = cal(ev("a"), ev("b", "DTSTART:2031-05-10 08:00"))
    (problem,) = fail(content)
    assert problem.startswith("fic.ics:13: ") and "not an iCalendar date" in problem
    (problem,) = fail(cal(ev("a", "DTSTART;TZID=Nowhere/Fictional:20310510T100000", "DTEND:20310510T110000Z")))
    assert "TZID 'Nowhere/Fictional'" in problem
    bad = cal(ev("a")).replace(b"A fictional talk", b"caf\xe9")
    (problem,) = fail(bad)
    assert problem.startswith("fic.ics:9: not UTF-8 text")


def test_our_own_export_reads_back_with_the_same_conference_days():
    from pathlib import Path

    from c4ml_tui.formats.ics_out import to_bytes
    from c4ml_tui.sources.loader import load

    program = load(Path(__file__).parent / "fixtures" / "merged_fictional.xml", use_cache=False)
    content = to_bytes(program, stamp=datetime(2031, 1, 1, tzinfo=timezone.utc))
    assert b"X-C4ML-DAY:2031-12-27" in content and b"X-C4ML-DAY-CHANGE:04:00" in content
    again = from_bytes(content, "export.ics", use_cache=False)
    assert again.days == program.days and again.event.day_change == program.event.day_change
    late = next(i for i in again.items if i.title == "Late Fictional Set")
    assert late.day == date(2031, 12, 27) and late.start == program.by_id["105"].start
    assert [i.title for i in again.items] == [i.title for i in program.items]
