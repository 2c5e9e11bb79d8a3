"""The command line on imported schedules: --program, --timezone, --room, now --json rooms,
import, validate; and the loader's ``overlap: true`` key. Fixtures are fictional."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from core_helpers import parse

from c4ml_tui.cli import main
from c4ml_tui.core.filters import find_room, only_room
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.sources.loader import load as load_source

SCHEDULE = """<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Fictional Parallel Con</title><time_zone_name>Europe/Lisbon</time_zone_name></conference>
  <day index="1" date="2031-06-01">
    <room name="Main Hall">
      <event id="1"><date>2031-06-01T10:00:00+01:00</date><start>10:00</start><duration>01:00</duration>
        <title>Keynote of Nobody</title><type>Talk</type></event>
      <event id="2"><date>2031-06-01T11:30:00+01:00</date><start>11:30</start><duration>00:30</duration>
        <title>Second Fiction</title><type>Talk</type></event>
    </room>
    <room name="Workshop Room">
      <event id="3"><date>2031-06-01T10:15:00+01:00</date><start>10:15</start><duration>02:00</duration>
        <title>Hands-on Imaginary</title><type>Workshop</type></event>
    </room>
  </day>
  <day index="2" date="2031-06-02">
    <room name="Main Hall">
      <event id="4"><date>2031-06-02T09:00:00+01:00</date><start>09:00</start><duration>0:45</duration>
        <title>Day Two Opening</title><type>Opening</type></event>
    </room>
  </day>
</schedule>
"""


@pytest.fixture
def sched(tmp_path):
    path = tmp_path / "parallel.xml"
    path.write_text(SCHEDULE, encoding="utf-8")
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_now_reads_a_schedule_and_reports_every_room(sched, capsys):
    code, out, _ = run(capsys, "now", "--program", sched, "--at", "2031-06-01T10:20", "--json")
    data = json.loads(out)
    assert code == 0
    assert list(data)[:7] == ["now", "timezone", "status", "current", "next", "current_talk", "next_talk"]
    assert data["timezone"] == "Europe/Lisbon" and data["status"] == "live"
    assert [r["room"] for r in data["rooms"]] == ["Main Hall", "Workshop Room"]
    main_hall, workshop = data["rooms"]
    assert main_hall["current"]["id"] == "1" and main_hall["current"]["remaining_seconds"] == 40 * 60
    assert main_hall["next"] == {"id": "2", "title": "Second Fiction", "kind": "talk",
                                 "start": "2031-06-01T11:30:00+01:00", "end": "2031-06-01T12:00:00+01:00",
                                 "starts_in_seconds": 70 * 60}
    assert workshop["current"]["id"] == "3" and workshop["next"] is None


def test_single_room_json_is_unchanged(capsys):
    code, out, _ = run(capsys, "now", "--at", "2025-03-02T09:15", "--json")
    assert code == 0 and "rooms" not in json.loads(out)


def test_room_narrows_now_and_agenda(sched, capsys):
    code, out, _ = run(capsys, "now", "--program", sched, "--at", "2031-06-01T11:10", "--room", "workshop")
    assert code == 0 and "now: Hands-on Imaginary" in out and "next: nothing" in out
    code, out, _ = run(capsys, "--room", "Main Hall", "agenda", "--program", sched)
    assert code == 0 and "Keynote of Nobody" in out and "Hands-on Imaginary" not in out
    code, out, _ = run(capsys, "now", "--program", sched, "--room", "Main Hall", "--json", "--at", "2031-06-01T10:20")
    assert "rooms" not in json.loads(out)  # one room left


def test_unknown_and_ambiguous_rooms_say_so_in_one_line(sched, capsys):
    code, _, err = run(capsys, "now", "--program", sched, "--room", "Mian Hall")
    assert code == 2 and err == "c4ml-tui: no room 'Mian Hall' in this program; did you mean 'Main Hall'? " \
                                "rooms: Main Hall, Workshop Room\n"
    code, _, err = run(capsys, "now", "--program", sched, "--room", "m")
    assert code == 2 and "ambiguous" in err and err.count("\n") == 1


def test_find_room_rules(sched):
    program = load_source(sched)
    assert find_room(program, "MAIN HALL") == "Main Hall"
    assert find_room(program, "shop") == "Workshop Room"
    assert [i.id for i in only_room(program, "Main Hall").items] == ["1", "2", "4"]


def test_a_bad_timezone_is_one_line_and_exit_2(sched, capsys):
    code, _, err = run(capsys, "now", "--program", sched, "--timezone", "Europe/Lisbn")
    assert code == 2
    assert err == "--timezone: timezone 'Europe/Lisbn' is not a known time zone; did you mean Europe/Lisbon?\n"


def test_broken_input_is_file_line_and_exit_2_never_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text(SCHEDULE.replace("</title><type>Workshop", "</titel><type>Workshop"), encoding="utf-8")
    code, _, err = run(capsys, "now", "--program", bad)
    assert code == 2 and err.startswith(f"{bad}:13: not well-formed XML: mismatched tag")
    code, _, err = run(capsys, "validate", tmp_path / "missing.json")
    assert code == 2 and err.endswith("missing.json: no such file\n")


def test_import_to_stdout_and_file(sched, tmp_path, capsys):
    code, out, _ = run(capsys, "import", sched)
    assert code == 0 and out.startswith("# Imported from parallel.xml (frab/pentabarf XML) by c4ml-tui import.")
    assert len(parse(out.encode(), "stdout").items) == 4
    target = tmp_path / "sub" / "out.yaml"
    code, _, err = run(capsys, "import", sched, "-o", target, "--room", "Workshop Room")
    assert code == 0 and "1 item" in err
    assert [i.id for i in load_source(target).items] == ["3"]
    code, out, _ = run(capsys, "validate", target)
    assert "ok (1 item, 1 talk, 0 speakers, 1 day, 1 room)" in out


def test_kinds_and_multi_day_times_in_the_written_yaml(sched, capsys):
    run(capsys, "import", sched)
    _code, out, _ = run(capsys, "import", sched)
    assert "start: 2031-06-02 09:00" in out and "kind: opening" in out


# -- the loader's overlap key ------------------------------------------------------------------------
PROGRAM = """\
event: {title: Fictional, date: 2031-01-01, timezone: UTC}
schedule:
  - {id: a, title: A, start: "09:00", end: "11:00", room: R}
  - {id: b, title: B, start: "10:00", end: "10:30", room: R%s}
  - {id: c, title: C, start: "10:45", end: "11:30", room: R}
"""


def test_overlap_true_lets_an_item_share_its_room():
    with pytest.raises(ProgramError) as caught:
        parse((PROGRAM % "").encode(), "p.yaml")
    assert [p.line for p in caught.value.problems] == [4, 5]
    with pytest.raises(ProgramError) as caught:  # c still overlaps a
        parse((PROGRAM % ", overlap: true").encode(), "p.yaml")
    assert [(p.line, "'c'" in p.message) for p in caught.value.problems] == [(5, True)]
    ok = (PROGRAM % ", overlap: true").replace('id: c, title: C, start: "10:45"', 'id: c, title: C, start: "11:00"')
    assert len(parse(ok.encode(), "p.yaml").items) == 3


def test_overlap_must_be_true_or_false():
    with pytest.raises(ProgramError) as caught:
        parse((PROGRAM % ", overlap: sometimes").encode(), "p.yaml")
    assert "'overlap' must be true or false" in str(caught.value)


# -- start-up cost ---------------------------------------------------------------------------------
def test_loading_a_cached_schedule_imports_neither_textual_nor_yaml(sched, tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from c4ml_tui.sources.loader import load as load_source
        load_source({str(sched)!r})
        load_source({str(sched)!r})
        print(sorted(m for m in ('textual', 'yaml', 'urllib.request') if m in sys.modules))
    """)
    env = {"C4ML_TUI_CACHE_DIR": str(tmp_path / "c"), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert first.stdout.strip() == "[]", first.stderr


@pytest.mark.parametrize("machine_zone", ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"])
def test_the_machine_zone_never_changes_an_import(sched, tmp_path, machine_zone):
    code = ("from c4ml_tui.sources.loader import load as load_source; "
            f"p = load_source({str(sched)!r}, use_cache=False); "
            "print(*[i.start.isoformat() for i in p.items])")
    env = {"TZ": machine_zone, "C4ML_TUI_CACHE_DIR": str(tmp_path / "c"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.split() == ["2031-06-01T10:00:00+01:00", "2031-06-01T10:15:00+01:00",
                                  "2031-06-01T11:30:00+01:00", "2031-06-02T09:00:00+01:00"], out.stderr
