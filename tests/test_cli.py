"""The command line, through subprocesses: now, agenda, validate, --help, and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from core_helpers import FIXTURES, HEADER, run, run_json, write

from c4ml_tui.sources.loader import bundled_file

NOW_KEYS = {"now", "timezone", "status", "current", "next", "current_talk", "next_talk", "delay_seconds"}
CURRENT_KEYS = {"id", "title", "kind", "start", "end", "remaining_seconds"}
NEXT_KEYS = {"id", "title", "kind", "start", "end", "starts_in_seconds"}


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def refused(result: subprocess.CompletedProcess) -> list[str]:
    """A clean refusal: exit 2, nothing on stdout, no traceback; the stderr lines."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stdout == ""
    return result.stderr.splitlines()


# -- now ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tz, clock", [
    ("America/Los_Angeles", "Las Vegas 09:15 PST"),
    ("Europe/Berlin", "Las Vegas 09:15 PST (your time 18:15 CET)"),
    ("UTC", "Las Vegas 09:15 PST (your time 17:15 UTC)"),
    ("Asia/Tokyo", "Las Vegas 09:15 PST (your time Mon 02:15 JST)"),
    ("America/New_York", "Las Vegas 09:15 PST (your time 12:15 EST)"),
])
def test_now_line(tz, clock):
    out = ok(run("now", "--at", "2025-03-02T09:15", tz=tz))
    assert out == f"{clock} | now: Session 1 (08:40-10:00, 45 min left) | next: Break at 10:00 (in 45 min)\n"


def test_your_time_uses_the_offset_of_that_instant_not_of_today():
    # whatever today's date, March is CET and August is CEST in Berlin (PST and PDT in Las Vegas)
    assert ok(run("now", "--at", "2025-03-02T09:15", tz="Europe/Berlin")).startswith(
        "Las Vegas 09:15 PST (your time 18:15 CET) |")
    assert ok(run("now", "--at", "2025-08-01T09:15", tz="Europe/Berlin")).startswith(
        "Las Vegas 09:15 PDT (your time 18:15 CEST) |")
    # Phoenix keeps MST: the same wall time as Las Vegas in summer, not in March
    assert "your time" not in ok(run("now", "--at", "2025-08-01T09:15", tz="America/Phoenix"))
    assert "(your time 10:15 MST)" in ok(run("now", "--at", "2025-03-02T09:15", tz="America/Phoenix"))


@pytest.mark.parametrize("at, rest", [
    ("2025-03-02T08:00", "starts in 30 min: Opening at 08:30"),
    ("2025-03-01T10:00", "starts in 22 h 30 min: Opening at 08:30 on Sunday 2 March 2025"),
    ("2025-03-02T08:30", "now: Opening (08:30-08:40, 10 min left) | next: Session 1 at 08:40 (in 10 min)"),
    ("2025-03-02T11:55", "now: nothing scheduled until 12:00 | next: Lunch at 12:00 (in 5 min)"),
    ("2025-03-02T15:45", "now: Session 4 - Poster Lightning Talks (15:30-16:20, 35 min left) | "
                         "next: nothing, this is the last item"),
    ("2025-03-02T16:20", "the program ended at 16:20"),
    ("2025-03-02T09:59:30", "now: Session 1 (08:40-10:00, 1 min left) | next: Break at 10:00 (in 1 min)"),
])
def test_now_line_through_the_day(at, rest):
    out = ok(run("now", "--at", at, tz="America/Los_Angeles"))
    assert out.split(" | ", 1)[1] == rest + "\n"


def test_now_line_with_a_talk():
    out = ok(run("--program", str(FIXTURES / "fictional.yaml"), "now", "--at", "2031-06-10T09:50", tz="Europe/Berlin"))
    assert out == ("Nowhere 09:50 CEST | now: Morning Session (09:10-10:30, 40 min left) | "
                   "talk: Phantom Tensors - Bo Placeholder, Cy Dummy (20 min left) | "
                   "next: Coffee at 10:30 (in 40 min)\n")


def test_now_json_is_exactly_the_documented_object():
    out = ok(run("now", "--at", "2025-03-02T09:15", "--json"))
    assert out.count("\n") == 1  # exactly one object on one line
    assert json.loads(out) == {
        "now": "2025-03-02T09:15:00-08:00", "timezone": "America/Los_Angeles", "status": "live",
        "current": {"id": "session-1", "title": "Session 1", "kind": "session", "start": "2025-03-02T08:40:00-08:00",
                    "end": "2025-03-02T10:00:00-08:00", "remaining_seconds": 2700},
        "next": {"id": "break-1", "title": "Break", "kind": "break", "start": "2025-03-02T10:00:00-08:00",
                 "end": "2025-03-02T10:30:00-08:00", "starts_in_seconds": 2700},
        "current_talk": None, "next_talk": None, "delay_seconds": 0,
    }
    assert list(json.loads(out)) == ["now", "timezone", "status", "current", "next", "current_talk", "next_talk",
                                     "delay_seconds"]


@pytest.mark.parametrize("at, status, current, nxt", [
    ("2025-03-02T08:00", "upcoming", None, "opening"),
    ("2025-03-02T11:50", "between", None, "lunch"),
    ("2025-03-02T16:20", "over", None, None),
    ("2025-03-02T17:00Z", "live", "session-1", "break-1"),
])
def test_now_json_nulls_and_statuses(at, status, current, nxt):
    answer = run_json("now", "--at", at, "--json")
    assert set(answer) == NOW_KEYS and answer["status"] == status
    assert (answer["current"] and answer["current"]["id"]) == current
    assert (answer["next"] and answer["next"]["id"]) == nxt
    if answer["current"]:
        assert set(answer["current"]) == CURRENT_KEYS
    if answer["next"]:
        assert set(answer["next"]) == NEXT_KEYS
    assert answer["current_talk"] is None and answer["next_talk"] is None


def test_now_json_talks_have_the_same_shape():
    answer = run_json("--program", str(FIXTURES / "fictional.yaml"), "now", "--at", "2031-06-10T09:20", "--json")
    assert answer["current_talk"] == {"id": "t1", "title": "Imaginary Loops", "kind": "talk",
                                      "start": "2031-06-10T09:10:00+02:00", "end": "2031-06-10T09:40:00+02:00",
                                      "remaining_seconds": 1200}
    assert answer["next_talk"] == {"id": "t2", "title": "Phantom Tensors", "kind": "talk",
                                   "start": "2031-06-10T09:45:00+02:00", "end": "2031-06-10T10:10:00+02:00",
                                   "starts_in_seconds": 1500}
    assert set(answer["current"]) == CURRENT_KEYS and set(answer["next"]) == NEXT_KEYS


def test_options_before_or_after_the_command():
    assert (run_json("--at", "2025-03-02T09:15", "now", "--json")
            == run_json("now", "--at", "2025-03-02T09:15", "--json"))


def test_now_with_speed_starts_at_at():
    answer = run_json("now", "--at", "2025-03-02T09:15", "--speed", "60", "--json")
    assert answer["now"].startswith("2025-03-02T09:1") and answer["current"]["id"] == "session-1"


def test_now_without_at_uses_the_real_clock():
    answer = run_json("now", "--json")
    assert answer["timezone"] == "America/Los_Angeles" and answer["status"] in ("upcoming", "live", "between", "over")
    assert answer["now"][-6:] in ("-08:00", "-07:00")  # the real clock, in Las Vegas time


# -- agenda -------------------------------------------------------------------------------------------

def test_agenda_text():
    out = ok(run("agenda"))
    assert out.startswith("Compilers for Machine Learning (6th C4ML workshop, at CGO 2025)\n"
                          "The Westin Las Vegas Hotel & Spa, Las Vegas, USA (in person)\n"
                          "Times in America/Los_Angeles\n\nSunday 2 March 2025\n")
    for line in ("  08:30-08:40  Opening  (opening)", "  08:40-10:00  Session 1", "  11:50-12:00  (gap)",
                 "  12:00-13:00  Lunch  (lunch)", "  15:30-16:20  Session 4 - Poster Lightning Talks"):
        assert line + "\n" in out
    assert out.count("talks not announced yet") == 4


def test_agenda_text_with_talks_days_and_rooms():
    out = ok(run("--program", str(FIXTURES / "multiday.yaml"), "agenda"))
    assert "Wednesday 11 June 2031" in out and "[Oak]" in out and "[Elm]" in out
    assert "    09:00-09:30  A Second-Day Talk - Ada Example\n" in out


def test_agenda_json():
    answer = run_json("agenda", "--json")
    assert answer["event"] == {"title": "Compilers for Machine Learning", "edition": "6th C4ML workshop, at CGO 2025",
                               "date": "2025-03-02", "timezone": "America/Los_Angeles",
                               "location": "Las Vegas, USA (in person)", "venue": "The Westin Las Vegas Hotel & Spa",
                               "room": "Willow"}
    [day] = answer["days"]
    assert day["date"] == "2025-03-02"
    assert [i["title"] for i in day["items"]] == ["Opening", "Session 1", "Break", "Session 2", "Lunch", "Session 3",
                                                  "Break", "Session 4 - Poster Lightning Talks"]
    assert day["items"][1] == {"id": "session-1", "title": "Session 1", "kind": "session",
                               "start": "2025-03-02T08:40:00-08:00", "end": "2025-03-02T10:00:00-08:00",
                               "room": "Willow", "speakers": [], "talks": [], "day": "2025-03-02", "guid": None,
                               "subtitle": None, "track": None, "language": None, "url": None, "links": []}


def test_agenda_json_groups_by_day():
    answer = run_json("--program", str(FIXTURES / "multiday.yaml"), "agenda", "--json")
    assert [d["date"] for d in answer["days"]] == ["2031-06-10", "2031-06-11"]
    assert answer["days"][1]["items"][0]["talks"][0]["speakers"] == ["Ada Example"]


# -- validate -----------------------------------------------------------------------------------------

def test_validate_ok():
    assert (ok(run("validate", bundled_file()))
            == f"{bundled_file()}: ok (8 items, 0 talks, 0 speakers, 1 day, 1 room)\n")
    path = str(FIXTURES / "fictional.yaml")
    assert ok(run("validate", path)) == f"{path}: ok (5 items, 3 talks, 3 speakers, 1 day, 1 room)\n"


def test_validate_problems(tmp_path):
    path = write(tmp_path, "event: {title: T, date: 2025-03-02, timezone: America/Las_Vegas}\n"
                           "schedule:\n  - {id: a, title: A, start: \"09:00\", end: \"08:00\"}\n")
    assert refused(run("validate", str(path))) == [
        f"{path}:1: timezone 'America/Las_Vegas' is not a known time zone; did you mean America/Los_Angeles?",
        f"{path}:3: item 'a' ends at 08:00, not after its start 09:00 "
        "(an end on the next day needs a full date-time such as \"2025-03-03 00:30\")",
    ]


def test_every_command_reports_the_same_problems(tmp_path):
    path = str(write(tmp_path, HEADER + "schedule:\n  - {id: a, title: A, start: \"9h\", end: \"10:00\"}\n"))
    expected = refused(run("validate", path))
    assert len(expected) == 1 and expected[0].startswith(f"{path}:3: ")
    assert refused(run("--program", path, "now")) == expected
    assert refused(run("--program", path, "now", "--json")) == expected
    assert refused(run("agenda", "--program", path)) == expected


@pytest.mark.parametrize("content", [
    b"", b"\xff\xfe\x00\x00garbage", b"event: [unclosed\n", b"- a list\n", b"!!python/object/apply:os.system [ls]\n",
    b"event: &a [*a]\n", b"\x00\x01\x02", "\u2028event: x\n".encode(), b"event: {title: T}\nschedule: 7\n",
])
def test_no_traceback_on_bad_files(tmp_path, content):
    path = str(write(tmp_path, content))
    for args in (("validate", path), ("--program", path, "now"), ("--program", path, "agenda", "--json")):
        lines = refused(run(*args))
        assert lines and all(line.startswith(path) for line in lines)


def test_a_missing_file_and_a_folder(tmp_path):
    assert refused(run("validate", str(tmp_path / "nope.yaml"))) == [f"{tmp_path / 'nope.yaml'}: no such file"]
    assert refused(run("--program", str(tmp_path), "now")) == [f"{tmp_path}: is a folder, not a program file"]


@pytest.mark.parametrize("args, message", [
    (("now", "--at", "tomorrow"), "c4ml-tui: --at 'tomorrow' is not an ISO 8601 date-time; write e.g. "
                                  "2025-03-02T09:15 (event-local) or 2025-03-02T17:15Z"),
    (("now", "--at", "09:15"), "c4ml-tui: --at '09:15' is not an ISO 8601 date-time"),
    (("now", "--at", "0001-01-01T00:00Z"), "is out of range"),
    (("now", "--speed", "0"), "c4ml-tui: --speed 0 is not allowed"),
    (("now", "--speed", "inf"), "--speed inf is not allowed"),
    (("now", "--speed", "fast"), "argument --speed: invalid float value: 'fast'"),
    (("agenda", "--at", "nope"), None),  # agenda does not need a clock: --at is accepted and unused
    (("fly",), "invalid choice: 'fly'"),
    (("now", "--jsn"), "unrecognized arguments: --jsn"),
    (("validate",), "the following arguments are required: file"),
])
def test_bad_options_give_a_clear_message_and_exit_2(args, message):
    result = run(*args)
    if message is None:
        assert result.returncode == 0
        return
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("args", [(), ("now",), ("agenda",), ("validate",)])
def test_help_everywhere_with_examples(args):
    out = ok(run(*args, "--help"))
    assert "usage: c4ml-tui" in out and "examples:" in out
    assert "c4ml-tui" in out.split("examples:", 1)[1]


def test_help_lists_the_commands_and_the_json_fields():
    assert all(name in ok(run("--help")) for name in ("now", "agenda", "validate", "--program", "--at", "--speed"))
    assert "current_talk" in ok(run("now", "--help"))


def test_a_closed_pipe_is_quiet():
    result = subprocess.run(f'"{sys.executable}" -m c4ml_tui agenda | head -n 1', shell=True, capture_output=True,
                            text=True, env=dict(os.environ), timeout=60)
    assert result.stdout == "Compilers for Machine Learning (6th C4ML workshop, at CGO 2025)\n"
    assert "Traceback" not in result.stderr and "Broken pipe" not in result.stderr


def test_the_installed_console_script():
    script = Path(sys.executable).with_name("c4ml-tui")
    if not script.exists():
        pytest.skip("the console script is not installed next to this interpreter")
    result = subprocess.run([str(script), "now", "--at", "2025-03-02T09:15", "--json"], capture_output=True,
                            text=True, env=dict(os.environ, TZ="UTC"), timeout=60)
    assert result.returncode == 0 and json.loads(result.stdout)["current"]["id"] == "session-1"


def test_works_from_any_folder(tmp_path):
    result = subprocess.run([sys.executable, "-m", "c4ml_tui", "validate", bundled_file()], cwd=tmp_path,
                            capture_output=True, text=True, env=dict(os.environ), timeout=60)
    assert result.returncode == 0 and ": ok (8 items" in result.stdout


def test_now_on_a_program_with_no_items_yet(tmp_path):
    path = str(write(tmp_path, HEADER + "schedule: []\n"))
    assert ok(run("--program", path, "now", "--at", "2031-06-10T09:00", tz="Europe/Berlin")) == \
        "Berlin 09:00 CEST | the program has no items yet\n"
    answer = run_json("--program", path, "now", "--at", "2031-06-10T09:00", "--json")
    assert (answer["status"], answer["current"], answer["next"]) == ("upcoming", None, None)


@pytest.mark.parametrize("args", [["--program", "PROGRAM", "now"], ["--program=PROGRAM", "now"],
                                  ["--prog", "PROGRAM", "now"], ["--room", "Room A", "--program", "PROGRAM", "now"],
                                  ["now", "--program", "PROGRAM"]])
def test_options_before_or_after_the_command_reach_it(args):
    """The command is told from the words before it is parsed (only its parser is built)."""
    fictional = str(FIXTURES / "fictional.yaml")
    out = ok(run(*[fictional if a == "PROGRAM" else a.replace("PROGRAM", fictional) for a in args],
                 "--at", "2031-06-10T09:50", tz="Europe/Berlin"))
    assert "now: Morning Session (09:10-10:30, 40 min left)" in out


def test_a_misspelt_command_is_refused_with_the_list_of_commands():
    [*_, error] = refused(run("nwo"))
    assert "invalid choice: 'nwo'" in error and "'now'" in error and "'validate'" in error


QUICK_LINES = [
    ["now"], ["now", "--json"], ["--at", "2025-03-02T09:15", "now", "--json"], ["now", "--at=2025-03-02T09:15"],
    ["--program", "program.yaml", "now"], ["now", "--program=p.xml", "--room", "Saal 1", "--json", "--json"],
    ["--timezone", "Europe/Brussels", "--show-zone", "local", "now"], ["--room=", "now", "--at", "now"],
    ["now", "--show-zone", "Asia/Tokyo", "--timezone=UTC"],
]
ARGPARSE_LINES = [  # what the quick reading leaves to argparse: help, abbreviations, other options, ...
    ["now", "--help"], ["--prog", "p.yaml", "now"], ["now", "--at"], ["now", "--at", "-5"], ["now", "--speed", "60"],
    ["now", "--at", "1", "--at", "2"], ["--json", "now"], ["now", "extra"], ["now", "now"], ["agenda"],
    ["now", "--delays", "feed.json"], ["now", "--clock", "12"], ["now", "--", "x"], ["-h"], ["now", "-h"],
    ["--remind", "5"], ["--at", "2024-12-28T14:00", "--speed", "60"], ["--json"], ["--program"], ["x.yaml"],
]
APP_LINES = [  # the app with only the options quick reads: read without argparse too
    [], ["--program", "38c3.xml", "--at", "2024-12-28T14:00"], ["--at=2025-03-02T09:15"],
    ["--room", "Saal 1", "--timezone", "Europe/Berlin", "--show-zone", "local"],
]


@pytest.mark.parametrize("argv", QUICK_LINES, ids=" ".join)
def test_a_plain_now_is_read_without_argparse_exactly_as_argparse_reads_it(argv):
    """``cli.quick`` reads a plain ``now`` itself (argparse costs a quarter of a bare start): the
    same arguments as argparse's, every one of them."""
    from c4ml_tui.cli import add_commands, build_parser, quick

    parser = add_commands(build_parser(None), "now")
    expected = vars(parser.parse_args(argv))
    got = vars(quick(argv))
    assert got.pop("run") is expected.pop("run")
    got.pop("subparsers"), expected.pop("subparsers")
    assert got == expected


@pytest.mark.parametrize("argv", APP_LINES, ids=lambda a: " ".join(a) or "(none)")
def test_the_app_with_plain_options_is_read_without_argparse_exactly_as_argparse_reads_it(argv):
    """The app's start (no command) with only the options ``quick`` reads: argparse's arguments,
    every one of them (the app's first frame does not wait for argparse either)."""
    from c4ml_tui.cli import add_commands, build_parser, command_of, quick

    parser = build_parser(None)
    add_commands(parser, command_of(argv, parser))
    expected = vars(parser.parse_args(argv))
    got = vars(quick(argv))
    assert "run" not in got and "run" not in expected and got.pop("command") is expected.pop("command") is None
    got.pop("subparsers"), expected.pop("subparsers")
    assert got == expected


@pytest.mark.parametrize("argv", ARGPARSE_LINES, ids=lambda a: " ".join(a) or "(none)")
def test_anything_but_a_plain_now_is_left_to_argparse(argv):
    from c4ml_tui.cli import quick

    assert quick(argv) is None


def test_a_plain_now_does_not_import_argparse():
    code = ("import sys, io, contextlib\nfrom c4ml_tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--at', '2025-03-02T09:15', 'now', '--json'])\n"
            "print('argparse' in sys.modules, 'gettext' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "False"], result.stderr
