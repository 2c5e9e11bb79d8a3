"""``c4ml-tui timings``: scheduled against actual times, as a table, JSON and CSV; and the
``chair`` command's options (the screen itself: tests/test_app_chair.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from chair_fixtures import YAML, at

from c4ml_tui import cli
from c4ml_tui.core.model import ChairSettings
from c4ml_tui.core.stages import ChairOptions
from c4ml_tui.sources.loader import load
from c4ml_tui.store.chairlog import ChairLog


@pytest.fixture
def program_file(tmp_path):
    path = tmp_path / "fictional.yaml"
    path.write_text(YAML, encoding="utf-8")
    return path


@pytest.fixture
def marked(program_file):
    """The chair marked the opening and a1, and nudged a2 (nudges are not timings)."""
    log = ChairLog.load(load(program_file, use_cache=False))
    log.mark_start("opening", at("09:02"))
    log.mark_end("opening", at("09:14"))
    log.mark_start("a1", at("09:16"))
    log.nudge("a2", 1, at("09:40"))
    return program_file


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_item_and_talk(capsys, marked):
    code, out, err = run(capsys, "timings", "--program", str(marked), "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [r["id"] for r in rows[:7]] == ["opening", "session-a", "a1", "a2", "a3", "a4", "break-1"]
    assert len(rows) == 9 + 6  # items and talks
    assert all(set(r) == {"id", "title", "scheduled_start", "scheduled_end", "actual_start", "actual_end"}
               for r in rows)
    assert rows[0] == {
        "id": "opening", "title": "Opening",
        "scheduled_start": "2031-05-14T09:00:00+02:00", "scheduled_end": "2031-05-14T09:10:00+02:00",
        "actual_start": "2031-05-14T09:02:00+02:00", "actual_end": "2031-05-14T09:14:00+02:00",
    }
    a1 = rows[2]
    assert a1["actual_start"] == "2031-05-14T09:16:00+02:00" and a1["actual_end"] is None
    assert rows[1]["actual_start"] is None  # the session itself was not marked
    assert rows[3]["actual_start"] is None and rows[3]["actual_end"] is None  # a nudge is no timing


def test_json_without_marks_has_null_actual_times(capsys, program_file):
    code, out, _ = run(capsys, "timings", "--program", str(program_file), "--json")
    assert code == 0
    assert all(r["actual_start"] is None and r["actual_end"] is None for r in json.loads(out))


def test_csv_has_a_header_and_empty_cells_for_unmarked(capsys, marked):
    code, out, _ = run(capsys, "timings", "--program", str(marked), "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == "id,title,scheduled_start,scheduled_end,actual_start,actual_end"
    assert rows[0]["actual_end"] == "2031-05-14T09:14:00+02:00"
    assert rows[1]["actual_start"] == ""
    assert len(rows) == 15


def test_the_table_reads_well(capsys, marked):
    code, out, _ = run(capsys, "timings", "--program", str(marked))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Fictional Workshop on Imaginary Compilers: scheduled and actual times (Europe/Berlin)"
    assert "2 of 15 items and talks marked by the chair" in out
    assert "Wednesday 14 May 2031" in out
    opening = next(line for line in lines if "Opening" in line)
    assert "09:00 - 09:10" in opening and "09:02 - 09:14" in opening and opening.split()[-2:] == ["+2", "+4"]
    a1 = next(line for line in lines if "Lowering Dreams" in line)
    assert a1.startswith("    Lowering Dreams")  # talks are indented under their session
    assert "09:16 - --:--" in a1 and a1.split()[-1] == "+6"


def test_json_and_csv_exclude_each_other(capsys, program_file):
    with pytest.raises(SystemExit):
        cli.main(["timings", "--program", str(program_file), "--json", "--csv"])
    capsys.readouterr()


def test_a_corrupt_log_warns_on_stderr_and_still_prints(capsys, program_file):
    from c4ml_tui.store.chairlog import log_path

    path = log_path(load(program_file, use_cache=False))
    path.parent.mkdir(parents=True)
    path.write_text("{oops")
    code, out, err = run(capsys, "timings", "--program", str(program_file), "--json")
    assert code == 0 and "corrupt" in err and len(json.loads(out)) == 15


def test_a_bad_program_file_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "timings", "--program", str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in err


def test_the_bundled_program_times(capsys):
    code, out, _ = run(capsys, "timings", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["scheduled_start"] == "2025-03-02T08:30:00-08:00"


# -- the chair command ------------------------------------------------------------------------------------
def test_chair_is_registered_with_its_options():
    args = cli.build_parser().parse_args(["chair", "--wrap-up", "3", "--last", "2", "--bell", "--room", "Hall Zero"])
    assert (args.wrap_up, args.last, args.bell, args.room) == (3, 2, True, "Hall Zero")
    defaults = cli.build_parser().parse_args(["chair"])
    assert (defaults.wrap_up, defaults.last, defaults.bell, defaults.room) == (None, None, False, None)


@pytest.mark.parametrize("bad", ["-1", "five", "2.5"])
def test_chair_refuses_bad_minutes(capsys, bad):
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["chair", "--wrap-up", bad])
    assert "minutes" in capsys.readouterr().err


def test_chair_hands_the_app_its_start_screen_and_options(capsys, monkeypatch, program_file):
    """The app's entry point is replaced by a stand-in (tests/test_app_chair.py runs the real one)."""
    from c4ml_tui.tui import app

    calls = []

    def run_app(program, clock, start_screen=None, chair=None, **_others):  # delays, publisher: None here
        calls.append((program.event.title, clock.now(), start_screen, chair))
        return 0

    monkeypatch.setattr(app, "run_app", run_app)
    code, _, _ = run(capsys, "chair", "--program", str(program_file), "--at", "2031-05-14T09:15",
                     "--last", "2", "--bell")
    assert code == 0
    title, now, screen, options = calls[0]
    assert (title, now.replace(microsecond=0), screen) == (
        "Fictional Workshop on Imaginary Compilers", at("09:15"), "chair")
    assert options == ChairOptions(thresholds=ChairSettings(wrap_up_minutes=4, last_minutes=2), bell=True)


def test_chair_refuses_an_unknown_room(capsys, program_file):
    code, _, err = run(capsys, "chair", "--program", str(program_file), "--room", "Attic")
    assert code == 2 and "no room 'Attic'" in err and "Hall Zero" in err
