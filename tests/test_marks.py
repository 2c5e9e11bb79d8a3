"""The chair log: marks on the event clock, saved at once, read back after a restart, and a
corrupt file set aside with a warning. Every test has its own data folder (conftest)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from chair_fixtures import TZ, YAML, at, fictional

from c4ml_tui.core.clock import ManualClock, SimulatedClock
from c4ml_tui.core.delays import compute
from c4ml_tui.core.identity import program_key
from c4ml_tui.core.marks import Mark
from c4ml_tui.store.chairlog import ChairLog, log_path

PROGRAM = fictional()


def test_the_log_lives_in_the_data_folder(tmp_path):
    assert log_path(PROGRAM) == tmp_path / "data" / "programs" / program_key(PROGRAM) / "chair.json"


def test_no_file_means_an_empty_log_and_nothing_written():
    log = ChairLog.load(PROGRAM)
    assert log.marks == () and log.warnings == []
    assert not log_path(PROGRAM).exists()


def test_marks_use_the_event_clock_and_are_saved_at_once():
    clock = ManualClock(TZ, at("09:17"))
    log = ChairLog.load(PROGRAM)
    log.mark_start("a1", clock.now())
    clock.advance(minutes=21, seconds=30.25)
    log.mark_end("a1", clock.now())
    log.nudge("a2", 1, clock.now())
    saved = json.loads(log_path(PROGRAM).read_text())
    assert saved["version"] == 1
    assert saved["program"]["title"] == "Fictional Workshop on Imaginary Compilers"
    assert saved["marks"] == [
        {"kind": "start", "id": "a1", "at": "2031-05-14T09:17:00+02:00"},
        {"kind": "end", "id": "a1", "at": "2031-05-14T09:38:30+02:00"},  # whole seconds
        {"kind": "nudge", "id": "a2", "at": "2031-05-14T09:38:30+02:00", "minutes": 1},
    ]
    assert [f.name for f in log_path(PROGRAM).parent.iterdir()] == [log_path(PROGRAM).name]  # no temp files


def test_a_simulated_clock_rehearses_marks():
    ticks = iter([0.0, 90.0])
    clock = SimulatedClock(TZ, at("09:10"), speed=10, monotonic=lambda: next(ticks))
    log = ChairLog.load(PROGRAM)
    log.mark_start("a1", clock.now())  # 90 s real at 10x: 15 minutes of event time
    assert log.marks[0].at == at("09:25")


def test_marks_are_stored_in_the_events_zone():
    log = ChairLog.load(PROGRAM)
    mark = log.mark_start("a1", datetime.fromisoformat("2031-05-14T07:17:00+00:00"))
    assert mark.at == at("09:17") and mark.at.utcoffset() == timedelta(hours=2)


def test_a_restart_reads_the_marks_back():
    log = ChairLog.load(PROGRAM)
    log.mark_start("a1", at("09:17"))
    log.nudge("a1", -1, at("09:20"))
    again = ChairLog.load(fictional())  # a new object from a freshly loaded program
    assert again.marks == log.marks
    assert compute(fictional(), again.marks).expected == compute(PROGRAM, log.marks).expected


def test_a_new_process_reads_the_marks_back(tmp_path):
    program_file = tmp_path / "fictional.yaml"
    program_file.write_text(YAML, encoding="utf-8")
    from c4ml_tui.sources.loader import load

    log = ChairLog.load(load(program_file, use_cache=False))
    log.mark_start("a1", at("09:17"))
    script = ("import sys; from c4ml_tui.sources.loader import load; from c4ml_tui.store.chairlog import ChairLog; "
              "log = ChairLog.load(load(sys.argv[1])); print([(m.kind, m.id, m.at.isoformat()) for m in log.marks])")
    out = subprocess.run([sys.executable, "-c", script, str(program_file)], capture_output=True, text=True,
                         env=dict(os.environ), check=True)
    assert out.stdout.strip() == "[('start', 'a1', '2031-05-14T09:17:00+02:00')]"


def test_undo_pops_the_last_mark_and_saves():
    log = ChairLog.load(PROGRAM)
    log.mark_start("a1", at("09:17"))
    log.nudge("a1", 1, at("09:25"))
    assert log.undo() == Mark("nudge", "a1", at("09:25"), 1)
    assert ChairLog.load(PROGRAM).marks == (Mark("start", "a1", at("09:17")),)
    assert log.undo() == Mark("start", "a1", at("09:17"))
    assert log.undo() is None
    assert ChairLog.load(PROGRAM).marks == ()


def test_undo_restores_the_delay():
    log = ChairLog.load(PROGRAM)
    log.mark_start("a1", at("09:10"))
    before = compute(PROGRAM, log.marks).expected
    log.mark_end("a1", at("09:40"))
    assert compute(PROGRAM, log.marks).expected != before
    log.undo()
    assert compute(PROGRAM, log.marks).expected == before


@pytest.mark.parametrize("content", [
    "{not json",
    "\xff\xfe garbage",
    '{"version": 1, "marks": {"a1": "09:17"}}',
    '{"version": 99, "marks": []}',
    "[]",
])
def test_a_corrupt_file_is_set_aside_with_a_warning(content):
    path = log_path(PROGRAM)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="latin-1")
    log = ChairLog.load(PROGRAM)
    assert log.marks == ()
    assert len(log.warnings) == 1 and "corrupt" in log.warnings[0]
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="latin-1") == content
    assert not path.exists()
    log.mark_start("a1", at("09:17"))  # and a fresh log starts
    assert ChairLog.load(PROGRAM).marks == log.marks


@pytest.mark.parametrize("bad", [
    {"kind": "started", "id": "a1", "at": "2031-05-14T09:17:00+02:00"},
    {"kind": "start", "id": "a1", "at": "09:17"},
    {"kind": "start", "id": "a1", "at": "2031-05-14T09:17:00"},
    {"kind": "nudge", "id": "a1", "at": "2031-05-14T09:17:00+02:00"},
])
def test_a_mark_that_cannot_be_read_is_dropped_with_a_warning_and_the_rest_kept(bad):
    path = log_path(PROGRAM)
    path.parent.mkdir(parents=True)
    good = {"kind": "start", "id": "a2", "at": "2031-05-14T10:00:00+02:00"}
    content = json.dumps({"version": 1, "marks": [bad, good]})
    path.write_text(content)
    log = ChairLog.load(PROGRAM)
    assert [(m.kind, m.id) for m in log.marks] == [("start", "a2")]
    assert len(log.warnings) == 1 and "1 chair mark(s) could not be read and were dropped" in log.warnings[0]
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".corrupt-")]
    assert len(kept) == 1 and kept[0].read_text() == content  # the file as it was, for the user
    assert json.loads(path.read_text())["marks"] == [good]
    assert ChairLog.load(PROGRAM).warnings == []  # said once


def test_marks_for_ids_the_program_lost_are_kept_with_a_warning():
    log = ChairLog.load(PROGRAM)
    log.mark_start("a1", at("09:17"))
    data = json.loads(log_path(PROGRAM).read_text())
    data["marks"].append({"kind": "end", "id": "withdrawn-talk", "at": "2031-05-14T09:40:00+02:00"})
    log_path(PROGRAM).write_text(json.dumps(data))
    again = ChairLog.load(PROGRAM)
    assert len(again.marks) == 2
    assert again.warnings and "withdrawn-talk" in again.warnings[0]
    assert compute(PROGRAM, again.marks).delay(PROGRAM.by_id["a2"]) == timedelta(minutes=7)


def test_a_failed_save_keeps_the_marks_and_says_why(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    log = ChairLog.load(PROGRAM, path=blocker / "chair" / "log.json")
    log.mark_start("a1", at("09:17"))
    assert log.marks and log.save_error and "could not save" in log.save_error
    blocker.unlink()
    log.mark_end("a1", at("09:40"))
    assert log.save_error is None
    assert len(ChairLog.load(PROGRAM, path=blocker / "chair" / "log.json").marks) == 2


def test_bad_marks_are_refused():
    log = ChairLog.load(PROGRAM)
    with pytest.raises(ValueError):
        log.mark_start("a1", datetime(2031, 5, 14, 9, 17))
    with pytest.raises(ValueError):
        log.nudge("a1", 0, at("09:17"))
    assert log.marks == () and not log_path(PROGRAM).exists()


def test_an_empty_log_is_still_truthy():
    log = ChairLog.load(PROGRAM)
    assert log and len(log) == 0
