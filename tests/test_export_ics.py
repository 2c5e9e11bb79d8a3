"""Calendar export: parse the file back and check every instant, zone, UID and text."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from c4ml_tui.core.model import Event, Item, Program, Talk
from c4ml_tui.formats import ics_out as ics
from c4ml_tui.sources.loader import load
from c4ml_tui.store.favourites import Favourites

FICTIONAL = Path(__file__).parent / "fixtures" / "search_fictional.yaml"
STAMP = datetime(2031, 1, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def program():
    return load(FICTIONAL, use_cache=False)


def events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "c4ml_tui", *args], capture_output=True,
                          env=dict(os.environ), timeout=60)


def utc(moment: datetime) -> datetime:
    """Compare instants in UTC: Python never finds a time in a repeated hour equal to one in
    another zone (PEP 495), even when it is the same instant."""
    return moment.astimezone(timezone.utc)


def check_instants(program: Program, data: bytes) -> None:
    """Every DTSTART/DTEND equals the model's instant, read through the icalendar parser and
    again through the file's own VTIMEZONE (not the machine's zone database)."""
    cal = Calendar.from_ical(data)
    zones = {tz.tz_name: tz.to_tz() for tz in cal.walk("VTIMEZONE")}
    for event in cal.walk("VEVENT"):
        entry = program.by_id[str(event["UID"]).split("@")[0]]
        for prop, want in (("DTSTART", entry.start), ("DTEND", entry.end)):
            got = event.decoded(prop)
            assert isinstance(got, datetime) and got.tzinfo is not None  # never floating
            assert utc(got) == utc(want), (entry.id, prop)
            tzid = event[prop].params.get("TZID")
            if tzid:
                wall = got.replace(tzinfo=None)
                assert utc(wall.replace(tzinfo=zones[tzid])) == utc(want), (entry.id, prop, "VTIMEZONE")
            else:
                assert got.utcoffset() == timedelta(0)


def test_every_instant_round_trips(program):
    data = ics.to_bytes(program, stamp=STAMP)
    check_instants(program, data)
    assert b"\r\n" in data and b"TZID=Europe/Berlin" in data and b"BEGIN:VTIMEZONE" in data


def test_items_with_talks_export_their_talks(program):
    found = events(ics.to_bytes(program, stamp=STAMP))
    talks = {t.id for i in program.items for t in i.talks}
    plain = {i.id for i in program.items if not i.talks}
    assert set(found) == talks | plain
    assert "session-a" not in found and "keynote" in found and "posters" in found


def test_fields(program):
    found = events(ics.to_bytes(program, stamp=STAMP))
    talk = found["t-ada"]
    assert str(talk["SUMMARY"]) == "Placeholder Layouts"
    assert str(talk["LOCATION"]) == "Main Hall, The Imaginary Hall, Nowhere, Imaginaria"
    text = str(talk["DESCRIPTION"])
    assert "Speakers: Ada Placeholder (Placeholder Labs), Zoë Example (Université de Nulle Part)" in text
    assert "Part of: Session A: Imaginary Compilers (09:15-10:35), chaired by Ada Placeholder" in text
    assert "Layouts for fictional tensor hardware" in text
    assert str(found["t-zoology"]["LOCATION"]).startswith("Room Ω, ")
    assert "Free Text Author" in str(found["posters"]["DESCRIPTION"])
    assert talk.decoded("DTSTAMP") == STAMP


def test_uids_are_stable_across_runs_and_edits(program, tmp_path):
    first = cli("export", "ics", "--program", str(FICTIONAL)).stdout
    second = cli("export", "ics", "--program", str(FICTIONAL)).stdout
    assert sorted(events(first)) == sorted(events(second))
    uids = {str(e["UID"]) for e in Calendar.from_ical(first).walk("VEVENT")}
    assert "t-zoe@fictional-workshop-on-imaginary-compilers-2031-03-29.c4ml-tui" in uids
    assert uids == {str(e["UID"]) for e in Calendar.from_ical(second).walk("VEVENT")}
    # an organiser's edit elsewhere in the file keeps every UID
    edited = tmp_path / "edited.yaml"
    edited.write_text(FICTIONAL.read_text(encoding="utf-8").replace("Coffee Break", "Tea Break"), encoding="utf-8")
    third = cli("export", "ics", "--program", str(edited)).stdout
    assert uids == {str(e["UID"]) for e in Calendar.from_ical(third).walk("VEVENT")}


def test_uid_escapes_odd_ids():
    assert ics.uid("k", "a b/c@d") == "a%20b%2Fc%40d@k.c4ml-tui"


def test_cli_writes_a_file_atomically(program, tmp_path):
    out = tmp_path / "cal" / "fictional.ics"
    result = cli("export", "ics", "--program", str(FICTIONAL), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == f"{out}: 13 events"
    check_instants(program, out.read_bytes())
    assert not list(out.parent.glob("*.tmp"))
    dash = cli("export", "ics", "--program", str(FICTIONAL), "-o", "-")
    assert dash.stdout.startswith(b"BEGIN:VCALENDAR\r\n")


def test_cli_favourites(program):
    empty = cli("export", "ics", "--favourites", "--program", str(FICTIONAL))
    assert empty.returncode == 1 and b"nothing is starred" in empty.stderr and empty.stdout == b""
    favs = Favourites.load(program)
    for entry_id in ("session-a", "t-zoology", "gone-from-the-program"):
        favs.star(entry_id)
    result = cli("export", "ics", "--favourites", "--program", str(FICTIONAL))
    assert result.returncode == 0, result.stderr
    found = events(result.stdout)
    assert set(found) == {"session-a", "t-zoology"}  # a starred session is one block
    assert ("Talks:\n  09:15-09:35 Tensor Fusion for Imaginary Accelerators - Zoë Example"
            in str(found["session-a"]["DESCRIPTION"]))
    cal = Calendar.from_ical(result.stdout)
    assert str(cal["X-WR-CALNAME"]).endswith("(favourites)")
    check_instants(program, result.stdout)


def test_cli_bad_program_and_unwritable_output(tmp_path):
    assert cli("export", "ics", "--program", str(tmp_path / "missing.yaml")).returncode == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli("export", "ics", "--program", str(FICTIONAL), "-o", str(blocker / "out.ics"))
    assert result.returncode == 1 and b"cannot write" in result.stderr


# -- instants on awkward days, zones and folds -----------------------------------------------------
ZONES = ["Europe/Berlin", "America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "America/Santiago"]


def _transitions(zone: str) -> list[datetime]:
    """The UTC instants in 2030-2031 where ``zone`` changes its offset (to the quarter hour)."""
    tz, found = ZoneInfo(zone), []
    t = datetime(2030, 1, 1, tzinfo=timezone.utc)
    while t.year < 2032:
        if (t + timedelta(hours=1)).astimezone(tz).utcoffset() != t.astimezone(tz).utcoffset():
            u = t
            while u.astimezone(tz).utcoffset() == t.astimezone(tz).utcoffset():
                u += timedelta(minutes=15)
            found.append(u)
        t += timedelta(hours=1)
    return found


TRANSITIONS = {zone: _transitions(zone) for zone in ZONES}


@st.composite
def origins(draw):
    """A zone and an instant: anywhere in 2030-2031, or within three hours of a DST change."""
    zone = draw(st.sampled_from(ZONES))
    near = TRANSITIONS[zone]
    if near and draw(st.booleans()):
        return zone, draw(st.sampled_from(near)) + timedelta(minutes=15 * draw(st.integers(-12, 12)))
    return zone, datetime(2030, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=15 * draw(st.integers(0, 700 * 96)))


@settings(max_examples=80, deadline=None)
@given(origins(), st.lists(st.tuples(st.integers(0, 16), st.integers(1, 16)), min_size=1, max_size=6))
def test_any_instant_round_trips(origin, windows):
    """Instants on any quarter hour, often around DST changes (so in the gap's aftermath and in
    both occurrences of a repeated hour), come back equal."""
    zone, at = origin
    tz = ZoneInfo(zone)
    items = []
    for k, (offset, length) in enumerate(windows):
        start = (at + timedelta(minutes=15 * offset)).astimezone(tz)
        items.append(Item(f"i{k}", f"Item {k}", start, start + timedelta(minutes=15 * length), room=f"r{k}"))
    items.sort(key=lambda i: i.start)
    program = Program(Event("Hypothetical Zone Workshop", items[0].start.date(), zone), tuple(items))
    data = ics.to_bytes(program, stamp=STAMP)
    check_instants(program, data)
    assert set(events(data)) == {i.id for i in items}


def test_the_second_occurrence_of_a_repeated_hour_is_written_in_utc():
    tz = ZoneInfo("Europe/Berlin")
    second = datetime(2031, 10, 26, 2, 30, tzinfo=tz, fold=1)  # CET, after the clocks went back
    talk = Talk("late", "Twice at 02:30", second, second + timedelta(minutes=20))
    item = Item("night", "Night", datetime(2031, 10, 26, 1, 0, tzinfo=tz), datetime(2031, 10, 26, 4, 0, tzinfo=tz),
                talks=(talk,))
    program = Program(Event("Hypothetical", date(2031, 10, 26), "Europe/Berlin"), (item,))
    data = ics.to_bytes(program, stamp=STAMP)
    assert b"DTSTART:20311026T013000Z" in data
    check_instants(program, data)


def test_utc_everywhere_when_no_vtimezone_can_be_built(program):
    cal = ics.calendar(program, ics.entries(program), stamp=STAMP, zoned=False)
    data = cal.to_ical()
    assert b"TZID" not in data and b"VTIMEZONE" not in data
    check_instants(program, data)
