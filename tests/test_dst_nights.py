"""Issue 12: the nights clocks change, through load, agenda, now, reminders, import and export.

Fictional programs (tests/fixtures/dst/): New York's fall-back (01:00-02:00 twice), Berlin's
spring-forward (02:00-03:00 never) and fall-back (a frab schedule), Lord Howe's half-hour
fall-back. The command line runs in subprocesses under several machine zones (``TZ``): the
answers are the event's, whatever the machine says. Nothing patches time.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from core_helpers import run, run_json, write

from c4ml_tui.core import reminders
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.sources.loader import load

DST = Path(__file__).parent / "fixtures" / "dst"
NY_FALL, BERLIN_SPRING, BERLIN_FALL, LORD_HOWE = (DST / n for n in (
    "ny_fall.yaml", "berlin_spring.yaml", "berlin_fall.xml", "lord_howe.yaml"))
MACHINES = ("UTC", "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe")
UTC = timezone.utc


def z(text: str) -> datetime:
    """``"06:20"`` on 2025-11-02 UTC, or a full ISO instant."""
    return datetime.fromisoformat(text if "T" in text else f"2025-11-02T{text}+00:00")


def utc_of(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# -- load: instants and order ---------------------------------------------------------------------

def test_new_york_fall_back_loads_both_hours_in_time_order():
    program = load(NY_FALL, use_cache=False)
    ids = [i.id for i in program.items]
    assert ids == ["opening", "first", "again", "dawn"]
    first, again = program.by_id["first"], program.by_id["again"]
    assert utc_of(first.start) == z("05:10") and utc_of(again.start) == z("06:10")
    assert (first.start.tzname(), again.start.tzname()) == ("EDT", "EST")


def test_a_frab_fall_back_night_is_ordered_by_instant_not_wall_clock():
    program = load(BERLIN_FALL, use_cache=False)
    # 02:40 CEST (00:40Z) starts 50 minutes before 02:30 CET (01:30Z): it comes first
    assert [i.title for i in program.items] == ["Long Night", "Inside the Repeat", "Early Repeat",
                                                  "After the Repeat"]
    long_night = program.items[0]
    assert long_night.end - long_night.start != timedelta(hours=2)  # (wall clock: one hour)
    assert utc_of(long_night.end) - utc_of(long_night.start) == timedelta(hours=2)


def test_spring_forward_item_lasts_one_real_hour():
    program = load(BERLIN_SPRING, use_cache=False)
    late = program.by_id["late"]
    assert utc_of(late.end) - utc_of(late.start) == timedelta(hours=1)
    snap = Timeline(program).at(datetime(2025, 3, 30, 1, 0, tzinfo=UTC))  # 03:00 CEST
    assert snap.current.id == "late" and snap.remaining == timedelta(minutes=30)


# -- the text agenda and now, under several machine zones -------------------------------------------

@pytest.mark.parametrize("machine", MACHINES)
def test_agenda_labels_the_repeated_hour(machine):
    result = run("--program", str(NY_FALL), "agenda", tz=machine)
    assert result.returncode == 0, result.stderr
    rows = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    assert rows == [
        "23:30-00:30  Fictional Opening  (opening)",
        "00:30-01:10 EDT  (gap)",
        "01:10-01:50 EDT  Counting Sheep Twice",
        "01:50 EDT-01:10 EST  (gap)",
        "01:10-01:50 EST  The Hour That Came Back",
        "01:50-02:30 EST  (gap)",
        "02:30-03:00  Imaginary Dawn Talk",
    ]


@pytest.mark.parametrize("machine", ("UTC", "Asia/Tokyo", "Europe/Berlin"))
def test_now_in_the_second_hour(machine):
    answer = run_json("--program", str(NY_FALL), "now", "--at", "2025-11-02T06:20Z", "--json", tz=machine)
    assert answer["now"] == "2025-11-02T01:20:00-05:00"
    assert answer["current"]["id"] == "again" and answer["current"]["remaining_seconds"] == 30 * 60
    assert answer["next"]["id"] == "dawn" and answer["next"]["starts_in_seconds"] == 70 * 60
    line = run("--program", str(NY_FALL), "now", "--at", "2025-11-02T01:20-05:00", tz=machine).stdout
    assert "now: The Hour That Came Back (01:10-01:50 EST, 30 min left)" in line
    first = run_json("--program", str(NY_FALL), "now", "--at", "2025-11-02T05:20Z", "--json", tz=machine)
    assert first["current"]["id"] == "first" and first["next"]["id"] == "again"
    assert first["next"]["starts_in_seconds"] == 50 * 60


@pytest.mark.parametrize("machine", ("UTC", "America/New_York"))
def test_lord_howe_half_hour(machine):
    result = run("--program", str(LORD_HOWE), "agenda", tz=machine)
    rows = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    assert rows[:3] == ["01:35-01:55 +11  Half an Hour Once", "01:55 +11-01:35 +1030  (gap)",
                        "01:35-01:55 +1030  Half an Hour Twice"]
    answer = run_json("--program", str(LORD_HOWE), "now", "--at", "2025-04-06T01:45+10:30", "--json", tz=machine)
    assert answer["current"]["id"] == "again" and answer["current"]["remaining_seconds"] == 10 * 60
    assert answer["next"]["id"] == "late" and answer["next"]["starts_in_seconds"] == 45 * 60


# -- reminders ------------------------------------------------------------------------------------

def fired(program, starred, start: datetime, stop: datetime, lead: float = 5) -> list[tuple[str, datetime]]:
    """Check every minute from ``start`` to ``stop`` as the app does: what fired, and when."""
    found, since, now = [], None, start
    while now <= stop:
        found += [(r.id, utc_of(now)) for r in reminders.due(program, starred, since, now.astimezone(program.tz), lead)]
        since, now = now.astimezone(program.tz), now + timedelta(minutes=1)
    return found


def test_reminders_on_the_fall_back_night_fire_lead_minutes_before_each_hour():
    program = load(NY_FALL, use_cache=False)
    got = fired(program, ["first", "again"], z("04:50"), z("07:00"))
    # 01:05 EDT for the first hour, 01:05 EST (an hour later) for the second; each exactly once
    assert got == [("first", z("05:05")), ("again", z("06:05"))]
    due = reminders.due(program, ["again"], z("06:04").astimezone(program.tz), z("06:05").astimezone(program.tz))
    assert due[0].at.tzname() == "EST" and due[0].text(z("06:05")) == \
        "The Hour That Came Back starts in 5 min (01:10 EST, Owl Hall)"


def test_reminders_across_spring_forward_and_half_hour():
    spring = load(BERLIN_SPRING, use_cache=False)
    got = fired(spring, ["dawn"], datetime(2025, 3, 30, 0, 0, tzinfo=UTC), datetime(2025, 3, 30, 2, 0, tzinfo=UTC))
    assert got == [("dawn", datetime(2025, 3, 30, 1, 25, tzinfo=UTC))]  # 03:25 CEST, 5 real min before
    howe = load(LORD_HOWE, use_cache=False)
    got = fired(howe, ["first", "again"], datetime(2025, 4, 5, 14, 0, tzinfo=UTC),
                datetime(2025, 4, 5, 16, 0, tzinfo=UTC), lead=10)
    assert got == [("first", datetime(2025, 4, 5, 14, 25, tzinfo=UTC)),
                   ("again", datetime(2025, 4, 5, 14, 55, tzinfo=UTC))]


# -- validate: warnings, and the overlap hint -----------------------------------------------------

def test_validate_warns_about_a_time_that_does_not_exist(tmp_path):
    path = write(tmp_path, "event: {title: Fictional Gap Night, date: 2025-03-29, timezone: Europe/Berlin}\n"
                           "schedule:\n"
                           "  - id: gap\n"
                           "    title: Fictional Vanishing Act\n"
                           "    start: 2025-03-30 02:30\n"
                           "    end: 2025-03-30 04:00\n")
    result = run("validate", str(path))
    assert result.returncode == 0
    assert result.stdout.endswith("; 1 warning)\n")
    assert result.stderr == (
        f"{path}:5: warning: item 'gap' 'start': 02:30 does not exist in Europe/Berlin on 2025-03-30 "
        "(clocks go forward an hour); read as 03:30 CEST (+02:00); write the instant you mean with an "
        "offset, e.g. \"2025-03-30 03:30+02:00\"\n")


def test_validate_warns_about_a_repeated_time_and_an_offset_silences_it(tmp_path):
    text = ("event: {title: Fictional Fold Night, date: 2025-11-01, timezone: America/New_York}\n"
            "schedule:\n"
            "  - {id: twice, title: Fictional Echo, start: \"2025-11-02 01:30\", end: \"2025-11-02 03:00\"}\n")
    result = run("validate", str(write(tmp_path, text)))
    assert result.returncode == 0
    assert ":3: warning: item 'twice' 'start': 01:30 happens twice in America/New_York on 2025-11-02 " \
           "(clocks go back an hour); read as the first, 01:30 EDT (-04:00); to be explicit write " \
           "\"2025-11-02 01:30-04:00\" (EDT) or \"2025-11-02 01:30-05:00\" (EST)" in result.stderr
    explicit = run("validate", str(write(tmp_path, text.replace("01:30\"", "01:30-05:00\""), "b.yaml")))
    assert explicit.returncode == 0 and explicit.stderr == "" and "warning" not in explicit.stdout


def test_a_frab_wall_time_without_offset_warns_with_its_line(tmp_path):
    xml = BERLIN_FALL.read_text().replace("<date>2025-10-26T02:30:00+01:00</date>", "<date>2025-10-26T02:30:00</date>")
    result = run("validate", str(write(tmp_path, xml, "fall.xml")))
    assert result.returncode == 0
    line = xml.splitlines().index(next(x for x in xml.splitlines() if "T02:30:00</date>" in x)) + 1
    assert f"fall.xml:{line}: warning: event 203: 02:30 happens twice in Europe/Berlin" in result.stderr


def test_two_items_written_in_the_repeated_hour_are_refused_with_a_hint(tmp_path):
    text = ("event: {title: Fictional Fold Night, date: 2025-11-01, timezone: America/New_York}\n"
            "schedule:\n"
            "  - {id: one, title: Fictional First, start: \"2025-11-02 01:10\", end: \"2025-11-02 01:50\"}\n"
            "  - {id: two, title: Fictional Second, start: \"2025-11-02 01:10\", end: \"2025-11-02 01:50\"}\n")
    result = run("validate", str(write(tmp_path, text)))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "item 'two' (01:10 EDT-01:50 EDT) overlaps 'one'" in result.stderr
    assert 'start: "2025-11-02 01:10-05:00", end: "2025-11-02 01:50-05:00"' in result.stderr


# -- import round trip, and the ics export ------------------------------------------------------------

@pytest.mark.parametrize("machine", ("UTC", "Australia/Lord_Howe"))
def test_import_of_a_fall_back_night_round_trips(tmp_path, machine):
    out = tmp_path / "night.yaml"
    result = run("import", str(BERLIN_FALL), "-o", str(out), tz=machine)
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "overlap: true" in text  # 'Inside the Repeat' overlaps 'Long Night', as the source has it
    assert "start: 2025-10-26 02:30+02:00" in text and "start: 2025-10-26 02:30+01:00" in text
    check = run("validate", str(out), tz=machine)
    assert check.returncode == 0 and check.stderr == ""
    source, again = load(BERLIN_FALL, use_cache=False), load(out, use_cache=False)
    assert [(i.id, utc_of(i.start), utc_of(i.end)) for i in again.items] == \
           [(i.id, utc_of(i.start), utc_of(i.end)) for i in source.items]


@pytest.mark.parametrize("fixture", [NY_FALL, LORD_HOWE, BERLIN_SPRING])
def test_ics_export_and_import_keep_every_instant(tmp_path, fixture):
    ics = tmp_path / "night.ics"
    result = run("--program", str(fixture), "export", "ics", "-o", str(ics), tz="Asia/Tokyo")
    assert result.returncode == 0, result.stderr
    program = load(fixture, use_cache=False)
    zones, events = read_ics(ics.read_text())
    assert set(zones) == {program.event.timezone}
    for entry in program.items:
        start, end = events[entry.id]
        assert (start, end) == (utc_of(entry.start), utc_of(entry.end)), entry.id
    back = load(ics, use_cache=False)
    assert sorted((i.title, utc_of(i.start)) for i in back.items) == sorted((i.title, utc_of(i.start))
                                                                             for i in program.items)


# -- the VTIMEZONE, checked against RFC 5545's rule (not against icalendar's reader) ---------------

def read_ics(text: str) -> tuple[dict, dict]:
    """A small reader of what the rule says: each VTIMEZONE observance starts at DTSTART read in
    TZOFFSETFROM; an event's TZID wall time takes the offset of the observance in force."""
    lines = text.replace("\r\n ", "").replace("\r\n", "\n").splitlines()
    zones: dict[str, list] = {}
    events: dict[str, list] = {}
    tzid = block = uid = None
    spans: list = []
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VTIMEZONE":
            spans = []
        elif name == "TZID" and block is None:
            tzid = value
        elif line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            block = {}
        elif line in ("END:STANDARD", "END:DAYLIGHT"):
            onset = datetime.strptime(block["DTSTART"], "%Y%m%dT%H%M%S")
            spans.append((onset - offset(block["TZOFFSETFROM"]), offset(block["TZOFFSETTO"]), onset, block))
            block = None
        elif block is not None:
            block[name] = value
        elif line == "END:VTIMEZONE":
            zones[tzid] = sorted(spans, key=lambda s: s[0])
        elif line == "BEGIN:VEVENT":
            props: list = []
        elif line == "END:VEVENT":
            events[uid] = sorted(props, key=lambda p: not p[0].startswith("DTSTART"))
        elif name == "UID":
            uid = value.split("@")[0]
        elif name.startswith(("DTSTART", "DTEND")):
            props.append((name, value))
    instants = {}
    for uid, props in events.items():
        found = []
        for name, value in props:
            wall = datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
            if value.endswith("Z"):
                found.append(wall.replace(tzinfo=UTC))
            else:
                zone = zones[name.split("TZID=")[1]]
                # try each observance's offset: it is right when its span holds the instant it
                # gives; a wall time two spans hold is the first occurrence (RFC 5545 3.3.5)
                bounds = [span[0] for span in zone[1:]] + [datetime.max]
                valid = [wall - span[1] for span, until in zip(zone, bounds, strict=True)
                         if span[0] <= wall - span[1] < until]
                found.append(min(valid).replace(tzinfo=UTC))
        instants[uid] = tuple(found)
    return zones, instants


def offset(text: str) -> timedelta:
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))


def vtimezone_text(zone: str, first: int, last: int) -> str:
    from c4ml_tui.formats.ics_out import vtimezone

    return "BEGIN:VCALENDAR\r\n" + vtimezone(zone, first, last).to_ical().decode() + "END:VCALENDAR\r\n"


ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Los_Angeles",
         "Australia/Sydney", "Europe/Dublin", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham"]


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("years", [(2018, 2019), (2025, 2026)])
def test_vtimezone_gives_zoneinfos_offset_at_every_half_hour(zone, years):
    spans = read_ics(vtimezone_text(zone, *years))[0][zone]
    tz = ZoneInfo(zone)
    moment = datetime(years[0], 1, 1, tzinfo=tz).astimezone(UTC).replace(tzinfo=None)
    end = datetime(years[1] + 1, 1, 1, tzinfo=tz).astimezone(UTC).replace(tzinfo=None)
    k = 0
    while moment < end:
        while k + 1 < len(spans) and spans[k + 1][0] <= moment:
            k += 1
        assert spans[k][1] == moment.replace(tzinfo=UTC).astimezone(tz).utcoffset(), (zone, moment)
        moment += timedelta(minutes=30)


@pytest.mark.parametrize(("zone", "onset", "before", "after", "at"), [
    ("Europe/Berlin", "20250330T020000", "+0100", "+0200", datetime(2025, 3, 30, 1, 0)),
    ("Europe/Berlin", "20251026T030000", "+0200", "+0100", datetime(2025, 10, 26, 1, 0)),
    ("America/New_York", "20251102T020000", "-0400", "-0500", datetime(2025, 11, 2, 6, 0)),
    ("Australia/Lord_Howe", "20251005T020000", "+1030", "+1100", datetime(2025, 10, 4, 15, 30)),
    ("Australia/Lord_Howe", "20250406T020000", "+1100", "+1030", datetime(2025, 4, 5, 15, 0)),
])
def test_each_onset_is_local_time_in_the_offset_before(zone, onset, before, after, at):
    spans = read_ics(vtimezone_text(zone, 2025, 2025))[0][zone]
    match = [s for s in spans if s[3]["DTSTART"] == onset]
    assert len(match) == 1
    start, to, _, block = match[0]
    assert (block["TZOFFSETFROM"], block["TZOFFSETTO"], start) == (before, after, at)
    tz = ZoneInfo(zone)
    just_before = (at - timedelta(seconds=1)).replace(tzinfo=UTC).astimezone(tz)
    assert just_before.utcoffset() == offset(before) and at.replace(tzinfo=UTC).astimezone(tz).utcoffset() == to


# -- the viewer's zone and clock ------------------------------------------------------------------

def test_show_zone_labels_every_time_and_says_the_day(tmp_path):
    bundled = ("--at", "2025-03-02T09:20")
    line = run(*bundled, "now", "--show-zone", "Asia/Tokyo", tz="UTC").stdout
    assert line.startswith("Las Vegas 09:20 PST (your time 17:20 UTC; times in Asia/Tokyo (JST))")
    assert "now: Session 1 (Mon 01:40-03:00 JST, 40 min left)" in line
    tokyo = run(*bundled, "now", "--show-zone", "local", tz="Asia/Tokyo").stdout
    assert "Las Vegas 09:20 PST (times in your zone: Mon 02:20 JST)" in tokyo
    agenda = run("agenda", "--show-zone", "local", tz="Europe/Berlin").stdout
    assert "Times in your zone, labelled (the venue's zone is America/Los_Angeles)" in agenda
    assert "  17:30-17:40 CET  Opening  (opening)" in agenda
    bad = run("now", "--show-zone", "Mars/Olympus")
    assert bad.returncode == 2 and "--show-zone: timezone 'Mars/Olympus' is not a known time zone" in bad.stderr
    same = run(*bundled, "now", "--json", "--show-zone", "Asia/Tokyo")
    assert json.loads(same.stdout) == json.loads(run(*bundled, "now", "--json").stdout)  # instants carry offsets


def test_twelve_hour_clock_in_text_output():
    line = run("--at", "2025-03-02T13:05", "now", "--clock", "12", tz="America/Los_Angeles").stdout
    assert line.startswith("Las Vegas 1:05 PM PST |")
    agenda = run("agenda", "--clock", "12").stdout
    assert "  8:30-8:40 AM  Opening  (opening)" in agenda
    assert "  12:00-1:00 PM  Lunch  (lunch)" in agenda and "  11:50 AM-12:00 PM  (gap)" in agenda


def test_empty_at_is_an_error():
    result = run("now", "--at", "")
    assert result.returncode == 2 and "--at is empty" in result.stderr


def test_the_conference_day_is_unchanged_by_the_shown_zone():
    program = load(NY_FALL, use_cache=False)
    assert program.days == (date(2025, 11, 1),)


def test_an_ics_duration_is_real_time_across_the_change(tmp_path):
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fictional//EN\r\nX-WR-CALNAME:Fictional Duration Night\r\n"
           "BEGIN:VEVENT\r\nUID:long@fictional\r\nSUMMARY:Two Real Hours\r\n"
           "DTSTART;TZID=America/New_York:20251102T003000\r\nDURATION:PT2H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    program = load(write(tmp_path, ics, "night.ics"), use_cache=False)
    item = program.items[0]
    assert utc_of(item.end) - utc_of(item.start) == timedelta(hours=2)
    assert item.end.strftime("%H:%M %Z") == "01:30 EST"


def test_an_at_in_the_repeated_hour_says_which_it_took():
    result = run("--program", str(NY_FALL), "now", "--at", "2025-11-02T01:20")
    assert result.returncode == 0 and "now: Counting Sheep Twice (01:10-01:50 EDT, 30 min left)" in result.stdout
    assert "--at 2025-11-02T01:20: 01:20 happens twice in America/New_York" in result.stderr
    assert '"2025-11-02 01:20-05:00" (EST)' in result.stderr
    assert run("--program", str(NY_FALL), "now", "--at", "2025-11-02T01:20-05:00").stderr == ""


@pytest.mark.parametrize("machine", ("UTC", "America/New_York", "Australia/Lord_Howe"))
def test_berlin_nights_through_the_command_line(machine):
    spring = run("--program", str(BERLIN_SPRING), "agenda", tz=machine).stdout
    assert [line.strip() for line in spring.splitlines() if line.startswith("  ")] == [
        "01:30-03:30  The Hour That Vanished", "03:30-04:00  Fictional Sunrise Talk"]
    answer = run_json("--program", str(BERLIN_SPRING), "now", "--at", "2025-03-30T03:00", "--json", tz=machine)
    assert answer["now"] == "2025-03-30T03:00:00+02:00"
    assert answer["current"]["id"] == "late" and answer["current"]["remaining_seconds"] == 30 * 60
    fall = run("--program", str(BERLIN_FALL), "agenda", tz=machine).stdout
    assert [line.strip() for line in fall.splitlines() if line.startswith("  ") and "[" in line] == [
        "01:30 CEST-02:30 CET  Long Night  [Saal Z]", "02:30-02:50 CEST  Inside the Repeat  [Saal Z]",
        "02:40-02:50 CEST  Early Repeat  [Saal Y]", "02:30-02:50 CET  After the Repeat  [Saal Y]"]
    line = run("--program", str(BERLIN_FALL), "now", "--at", "2025-10-26T00:45Z", tz=machine).stdout
    assert "now: Early Repeat (02:40-02:50 CEST, 5 min left) | next: After the Repeat at 02:30 CET (in 45 min)" in line
    rooms = run_json("--program", str(BERLIN_FALL), "now", "--at", "2025-10-26T00:45Z", "--json", tz=machine)["rooms"]
    assert [(r["room"], r["current"]["id"], r["current"]["remaining_seconds"]) for r in rooms] == [
        ("Saal Z", "202", 300), ("Saal Y", "204", 300)]
