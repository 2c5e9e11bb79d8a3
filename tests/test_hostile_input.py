"""Hostile program files (issue 11, cases 1 to 6): years near 1 and 9999, schedule JSON that
crashed the loader, lone surrogates, files built to exhaust memory, an unknown XML encoding,
terminal control characters in ids and problems. Each gives ``FILE:LINE: message`` and exit 2,
or a program whose every string is clean: never a traceback. The files are fictional."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

import pytest

from c4ml_tui.cli import main
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.sources.loader import load

ESC_ID = "x\u001b]0;owned\u0007"
"""An id that sets the terminal's title when printed raw."""


def schedule(**event) -> dict:
    """Schedule JSON with one event (fields overridden by ``event``)."""
    one = {"id": "e1", "guid": "g-1", "title": "Imaginary Talk", "date": "2031-03-02T10:00:00+01:00",
           "start": "10:00", "duration": "00:30", "room": "Hall", "persons": [{"id": 1, "public_name": "Ada Example"}]}
    one.update(event)
    day = {"index": 1, "date": "2031-03-02", "rooms": {"Hall": [one]}}
    return {"schedule": {"conference": {"title": "Fictional Con", "time_zone_name": "Europe/Berlin", "days": [day]}}}


def write(tmp_path, name: str, content: bytes | str | dict) -> str:
    path = tmp_path / name
    if isinstance(content, dict):
        content = json.dumps(content)
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return str(path)


def problems_of(path: str) -> list[str]:
    with pytest.raises(ProgramError) as error:
        load(path, use_cache=False)
    return [str(p) for p in error.value.problems]


# -- 1. years near 1 and 9999 -------------------------------------------------------------------

def test_the_issues_year_1_program_is_a_problem_not_a_crash(tmp_path, capsys):
    path = write(tmp_path, "y.yaml", 'event: {title: X, date: 0001-01-01, timezone: Asia/Tokyo}\nschedule:\n'
                                     '  - {id: a, title: A, start: "09:00", end: "10:00"}\n')
    assert main(["validate", path]) == 2
    assert capsys.readouterr().err == (f"{path}:1: event 'date' 0001-01-01: the year 1 is out of range "
                                       "(a year from 1900 to 2999)\n")


@pytest.mark.parametrize("start", ["0001-01-01 09:00", "9999-12-31T23:00:00-12:00", "0001-01-01T00:00:00+14:00"])
def test_a_yaml_item_at_the_ends_of_the_calendar_is_a_problem(tmp_path, start):
    path = write(tmp_path, "p.yaml", 'event: {title: X, date: 2031-01-01, timezone: Asia/Tokyo}\nschedule:\n'
                                     f'  - {{id: a, title: A, start: "{start}", end: "10:00"}}\n')
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:3: item 'a' 'start': the year ") and "is out of range" in problem


@pytest.mark.parametrize("field", [{"date": "0001-01-01T00:00:00+14:00"}, {"date": "9999-12-31T23:30:00-12:00"}])
def test_a_schedule_event_at_the_ends_of_the_calendar_is_a_problem(tmp_path, field):
    path = write(tmp_path, "s.json", schedule(**field))
    (problem,) = problems_of(path)
    assert "event e1: date: the year" in problem and "out of range" in problem


def test_a_schedule_day_in_year_1_is_a_problem(tmp_path):
    data = schedule(date=None)
    data["schedule"]["conference"]["days"][0]["date"] = "0001-01-01"
    (problem,) = problems_of(write(tmp_path, "s.json", data))
    assert "event e1: date: the year 1 is out of range" in problem


@pytest.mark.parametrize("line", ["DTSTART:00010101T000000Z", "DTSTART;TZID=Pacific/Kiritimati:00010101T000000",
                                  "DURATION:P99999999999999999999W"])
def test_an_icalendar_event_at_the_ends_of_the_calendar_is_a_problem(tmp_path, line):
    start = "" if line.startswith("DTSTART") else "DTSTART:20310302T100000Z\n"
    ics = ("BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-TIMEZONE:Europe/Berlin\nBEGIN:VEVENT\nUID:u1\nSUMMARY:Talk\n"
           f"{start}{line}\n{'DTEND:20310302T110000Z' if start == '' else ''}\nEND:VEVENT\nEND:VCALENDAR\n")
    problems = problems_of(write(tmp_path, "c.ics", ics))
    assert problems and all(":" in p for p in problems)


@pytest.mark.parametrize("mark", [
    {"kind": "start", "id": "a", "at": "0001-01-01T00:00:00+14:00"},
    {"kind": "nudge", "id": "a", "at": "2031-01-01T09:00:00+09:00", "minutes": 10**12},
])
def test_a_marks_file_at_the_ends_of_the_calendar_drops_the_mark_and_now_answers(tmp_path, capsys, mark):
    from c4ml_tui.store.chairlog import log_path

    path = write(tmp_path, "p.yaml", 'event: {title: Fictional Marks, date: 2031-01-01, timezone: Asia/Tokyo}\n'
                                     'schedule:\n  - {id: a, title: Alpha Talk, start: "09:00", end: "10:00"}\n')
    log = log_path(load(path))
    log.parent.mkdir(parents=True)
    log.write_text(json.dumps({"version": 1, "marks": [mark]}))
    for command in (["now"], ["timings"], ["now"]):
        assert main(["--program", path, "--at", "2031-01-01 09:30", *command]) == 0
    err = capsys.readouterr().err
    assert err.count("1 chair mark(s) could not be read and were dropped") == 1  # said once, then gone
    assert json.loads(log.read_text())["marks"] == []
    assert [p.name for p in log.parent.glob("chair.json.corrupt-*")]  # the file as it was, kept


# -- 2. schedule JSON that crashed the loader ------------------------------------------------------

def test_a_hundred_thousand_nested_lists_are_a_problem(tmp_path):
    assert problems_of(write(tmp_path, "deep.json", "[" * 100_000)) == [
        f"{tmp_path / 'deep.json'}:1: not a schedule: its lists and objects are nested deeper than any schedule "
        "(or Python) reads"]


def test_a_number_of_five_thousand_digits_is_a_problem(tmp_path):
    (problem,) = problems_of(write(tmp_path, "n.json", '{"schedule": {"conference": {"days": [' + "7" * 5000 + "]}}}"))
    assert problem.endswith(":1: not valid JSON: Exceeds the limit (4300 digits) for integer string conversion")


@pytest.mark.parametrize(("field", "said"), [
    ({"persons": 5}, "'persons': expected a list of persons, got a number"),
    ({"persons": "Ada"}, "'persons': expected a list of persons, got text"),
    ({"links": 7}, "'links': expected a list of links, got a number"),
    ({"attachments": {"a": 1}}, "'attachments': expected a list of attachments, got an object"),
])
def test_a_field_of_the_wrong_type_says_what_was_expected(tmp_path, field, said):
    (problem,) = problems_of(write(tmp_path, "s.json", schedule(**field)))
    assert problem.endswith(f": event e1: {said}")


def test_a_broken_schedule_from_a_url_keeps_the_last_good_copy(server, capsys):
    from c4ml_tui.sources import fetch

    fetch.fetch(server.url, now=fetch.datetime.now(fetch.UTC) - timedelta(hours=1))  # the last good copy
    server.body, server.etag = json.dumps(schedule(persons=5)).encode(), '"bad"'
    assert main(["--program", server.url, "--at", "2031-01-02 10:10", "now"]) == 0
    out, err = capsys.readouterr()
    assert "Talk One" in out
    assert "is broken" in err and "expected a list of persons, got a number" in err


# -- 3. lone surrogates ---------------------------------------------------------------------------

def test_a_lone_surrogate_is_removed_before_anything_prints_it(tmp_path):
    path = write(tmp_path, "s.json", json.dumps(schedule(title="T\ud800itle", id="e\udc00-1")))
    program = load(path, use_cache=False)
    (item,) = program.items
    assert (item.title, item.id) == ("Title", "e-1")
    for command in (["search", "Title"], ["agenda"], ["now", "--json"], ["search", "--json", "Title"]):
        done = subprocess.run([sys.executable, "-m", "c4ml_tui", "--program", path, "--at", "2031-03-02 10:10",
                               *command], capture_output=True, text=True, check=False)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (command, done.stderr)


def test_a_lone_surrogate_in_yaml_is_a_problem_at_its_line(tmp_path):
    path = write(tmp_path, "p.yaml", 'event: {title: Fictional Con, date: 2031-01-01, timezone: UTC}\n'
                                     'schedule:\n  - {id: a, title: "A\\udfff talk", start: "09:00", end: "10:00"}\n')
    assert problems_of(path) == [f"{path}:3: YAML syntax error: found invalid Unicode character escape code "
                                 "(while parsing a quoted scalar)"]


# -- 4. files built to exhaust memory --------------------------------------------------------------

def _peak_under_a_gigabyte(path: str) -> subprocess.CompletedProcess:
    """``validate path`` in a process that may use at most 1 GiB of memory."""
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
            "from c4ml_tui.cli import main; sys.exit(main(['validate', sys.argv[1]]))")
    return subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=False)


def test_fifty_megabytes_of_elements_are_refused_within_a_gigabyte(tmp_path):
    path = tmp_path / "big.xml"
    with path.open("wb") as handle:
        handle.write(b"<schedule>")
        handle.write(b"<a/>" * (50 * 2**20 // 4))
        handle.write(b"</schedule>")
    done = _peak_under_a_gigabyte(str(path))
    assert done.returncode == 2, done.stderr[-400:]
    assert done.stderr == f"{path}:1: more than 2,000,000 elements: too large for a schedule (one of 40,000 events " \
                          "has about 800,000)\n"


def test_fifty_megabytes_of_json_days_are_refused_within_a_gigabyte(tmp_path):
    path = tmp_path / "days.json"
    day = b'{"date": "2031-01-01", "rooms": {}},'
    with path.open("wb") as handle:
        handle.write(b'{"schedule": {"conference": {"time_zone_name": "UTC", "days": [')
        handle.write(day * (50 * 2**20 // len(day)))
        handle.write(b'{"date": "2031-01-01", "rooms": {}}]}}}')
    done = _peak_under_a_gigabyte(str(path))
    assert done.returncode == 2, done.stderr[-400:]
    assert "not a schedule: more than 2,000,000 objects and lists" in done.stderr


def test_fifty_megabytes_of_yaml_entries_are_refused_within_a_gigabyte(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"event: {title: X, date: 2031-01-01, timezone: UTC}\nschedule:\n" + b"- a\n" * (50 * 2**20 // 4))
    done = _peak_under_a_gigabyte(str(path))
    assert done.returncode == 2, done.stderr[-400:]
    assert done.stderr == (f"{path}:1: too large for a program: more than 2,500,000 values (a program of 40,000 "
                           "events has about 1,400,000)\n")


def test_fifty_megabytes_of_calendar_events_are_refused_within_a_gigabyte(tmp_path):
    path = tmp_path / "big.ics"
    event = b"BEGIN:VEVENT\r\nEND:VEVENT\r\n"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:UTC\r\n" + event * (50 * 2**20 // len(event))
                     + b"END:VCALENDAR\r\n")
    done = _peak_under_a_gigabyte(str(path))
    assert done.returncode == 2, done.stderr[-400:]
    assert done.stderr == f"{path}:500003: more than 250,000 events: too large for a program\n"


def test_dev_zero_is_refused_unread(capsys):
    assert main(["validate", "/dev/zero"]) == 2
    assert capsys.readouterr().err == "/dev/zero: is larger than 64 MB: not a program file\n"


def test_elements_nested_too_deep_are_refused(tmp_path):
    (problem,) = problems_of(write(tmp_path, "deep.xml", "<schedule>" + "<a>" * 1000 + "</a>" * 1000 + "</schedule>"))
    assert problem.endswith(":1: elements nested more than 64 deep: not a schedule")


# -- 5. an unknown XML encoding -------------------------------------------------------------------

def test_an_unknown_xml_encoding_is_a_problem(tmp_path, capsys):
    path = write(tmp_path, "m.xml", '<?xml version="1.0" encoding="X-MARTIAN-7"?>\n<schedule/>\n')
    assert main(["validate", path]) == 2
    assert capsys.readouterr().err == f"{path}:1: cannot be read: unknown encoding: X-MARTIAN-7\n"


# -- 6. terminal control characters -----------------------------------------------------------------

BAD = ("\u001b", "\u0007", "\u009b", "\u202e")


def test_an_id_that_would_set_the_terminal_title_is_cleaned_everywhere(tmp_path, capsys):
    path = write(tmp_path, "s.json", schedule(id=ESC_ID, room="Hall \u202eevil", title="Talk \u009b31m red",
                                              persons=[{"id": "p\u001b1", "public_name": "Ada \u0007Example"}]))
    for command in (["search", "Talk"], ["search", "--json", "Talk"], ["agenda"], ["agenda", "--json"],
                    ["now", "--json"], ["now"]):
        assert main(["--program", path, "--at", "2031-03-02 10:10", *command]) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in BAD), (command, out)
    program = load(path, use_cache=False)
    assert program.items[0].id == "x]0;owned"
    assert list(program.speakers) == ["p1"] and program.speakers["p1"].name == "Ada Example"


def test_problem_lines_are_cleaned(tmp_path, capsys):
    path = write(tmp_path, "s.json", schedule(id=ESC_ID, duration="\u009b2J"))
    assert main(["validate", path]) == 2
    err = capsys.readouterr().err
    assert "event x]0;owned: duration '\\x9b2J' is not H:MM or HH:MM:SS" in err  # shown escaped, as written
    assert not any(c in err for c in BAD)


def test_unknown_ids_from_the_marks_file_are_cleaned(tmp_path, capsys):
    from c4ml_tui.store.chairlog import log_path

    path = write(tmp_path, "p.yaml", 'event: {title: Fictional Marks, date: 2031-01-01, timezone: UTC}\n'
                                     'schedule:\n  - {id: a, title: Alpha Talk, start: "09:00", end: "10:00"}\n')
    log = log_path(load(path))
    log.parent.mkdir(parents=True)
    log.write_text(json.dumps({"version": 1, "marks": [
        {"kind": "start", "id": ESC_ID + "\u009b\u202e", "at": "2031-01-01T09:05:00+00:00"}]}))
    assert main(["--program", path, "--at", "2031-01-01 09:30", "timings", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "chair mark id(s) are not in the program (x]0;owned)" in err
    assert not any(c in out + err for c in BAD)


def test_a_readers_own_failure_is_a_problem_never_a_traceback(tmp_path, monkeypatch, capsys):
    """The last guard: whatever a reader raises becomes ``FILE:1: ...`` (the fuzz tests check
    that no input ever gets here)."""
    from c4ml_tui.formats import schedule_json

    def broken(*args):
        raise KeyError("surprise")

    monkeypatch.setattr(schedule_json, "from_data", broken)
    path = write(tmp_path, "s.json", schedule())
    assert main(["validate", path]) == 2
    assert capsys.readouterr().err == (f"{path}:1: cannot be read (KeyError: 'surprise'); this is a bug in "
                                       "c4ml-tui: please report it with the file\n")


def test_a_repeating_event_without_a_uid_is_read(tmp_path):
    """Found by the fuzz tests: a repeating event with no UID crashed the expansion."""
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Rome\r\nBEGIN:VEVENT\r\nSUMMARY:Daily Standup\r\n"
           "DTSTART:20310510T080000Z\r\nDURATION:PT15M\r\nRRULE:FREQ=DAILY;COUNT=3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    program = load(write(tmp_path, "c.ics", ics), use_cache=False)
    assert {i.title for i in program.items} == {"Daily Standup"}


def test_a_time_zone_name_too_long_for_a_file_is_an_unknown_zone(tmp_path):
    """Found by the fuzz tests: ``TZID=Europe/777...`` made the zone database raise OSError."""
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/Rome\r\nBEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Talk\r\n"
           f"DTSTART;TZID=Europe/{'7' * 600}:20310510T100000\r\nDURATION:PT15M\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    (problem,) = problems_of(write(tmp_path, "c.ics", ics))
    assert problem.endswith("is not a zone this calendar defines or the zone database knows")


def test_a_lone_surrogate_from_a_url_never_breaks_a_later_run(server, capsys):
    """The download with ``"T\\ud800"`` is read clean, so the last good copy is clean too: the
    next run, offline, still answers."""
    body = json.loads(server.body)
    body["schedule"]["conference"]["days"][0]["rooms"]["Hall A"][0]["title"] = "Talk \ud800One"
    server.body = json.dumps(body).encode()
    assert main(["--program", server.url, "--at", "2031-01-02 10:10", "now"]) == 0
    server.stop()  # offline from now on: the last good copy answers
    assert main(["--program", server.url, "--at", "2031-01-02 10:10", "now"]) == 0
    out = capsys.readouterr().out
    assert out.count("now: Talk One (10:00-10:30") == 2


def test_clean_removes_the_controls_and_keeps_every_other_character_of_the_unicode_range():
    """Every code point, alone and between letters: the controls, C1, separators, bidi overrides
    and lone surrogates go (a carriage return becomes a newline); everything else is kept, the
    printable strings that skip the pattern included."""
    from c4ml_tui.core.textclean import clean, is_clean

    removed = {*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029,
               *range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xD800, 0xE000)} - {0x0D}
    for code in range(0x110000):
        char = chr(code)
        want = "" if code in removed else "\n" if char == "\r" else char
        assert clean(char) == want, hex(code)
        if code in removed or code % 7 == 0:
            assert clean(f"a{char}b") == f"a{want}b", hex(code)
        assert is_clean(char) == (want == char), hex(code)
