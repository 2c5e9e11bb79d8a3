"""``now`` carries the delay: ``delay_seconds`` always, scheduled times next to the expected
ones when the chair has marked something, and "running 7 min late" on the human line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import pytest
from chair_fixtures import YAML, at

from c4ml_tui import cli
from c4ml_tui.sources.loader import load
from c4ml_tui.store.chairlog import ChairLog


def now_json(capsys, *argv) -> dict:
    assert cli.main(["now", "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def now_line(capsys, *argv) -> str:
    assert cli.main(["now", *argv]) == 0
    return capsys.readouterr().out.strip()


@pytest.fixture
def late_c4ml(c4ml):
    """The C4ML chair marked Session 1 started at 08:47: the day runs 7 minutes late."""
    log = ChairLog.load(c4ml)
    log.mark_start("session-1", datetime(2025, 3, 2, 8, 47, tzinfo=c4ml.tz))
    return log


def test_without_marks_the_delay_is_zero_and_nothing_else_changes(capsys):
    data = now_json(capsys, "--at", "2025-03-02T09:15")
    assert data["delay_seconds"] == 0
    assert "scheduled_start" not in data["current"] and "scheduled_end" not in data["next"]
    assert data["next"]["start"] == "2025-03-02T10:00:00-08:00"
    line = now_line(capsys, "--at", "2025-03-02T09:15")
    assert "late" not in line and "scheduled" not in line


def test_with_marks_start_and_end_are_expected_and_scheduled_ones_are_added(capsys, late_c4ml):
    data = now_json(capsys, "--at", "2025-03-02T09:15")
    assert data["delay_seconds"] == 420
    current, nxt = data["current"], data["next"]
    assert current["id"] == "session-1"
    assert (current["start"], current["end"]) == ("2025-03-02T08:47:00-08:00", "2025-03-02T10:07:00-08:00")
    assert (current["scheduled_start"], current["scheduled_end"]) == (
        "2025-03-02T08:40:00-08:00", "2025-03-02T10:00:00-08:00")
    assert current["remaining_seconds"] == 52 * 60
    assert nxt["id"] == "break-1" and nxt["start"] == "2025-03-02T10:07:00-08:00"
    assert nxt["scheduled_start"] == "2025-03-02T10:00:00-08:00"
    assert nxt["starts_in_seconds"] == 52 * 60


def test_the_line_says_how_late_and_when_next_was_scheduled(capsys, late_c4ml):
    line = now_line(capsys, "--at", "2025-03-02T09:15")
    assert "now: Session 1 (08:47-10:07, 52 min left)" in line
    assert "next: Break at 10:07 (scheduled 10:00, in 52 min)" in line
    assert line.endswith("| running 7 min late")


def test_in_the_gap_before_lunch_the_day_is_on_time_again(capsys, late_c4ml):
    data = now_json(capsys, "--at", "2025-03-02T11:58")
    assert data["status"] == "between" and data["next"]["id"] == "lunch"
    assert data["delay_seconds"] == 0
    assert data["next"]["start"] == data["next"]["scheduled_start"] == "2025-03-02T12:00:00-08:00"
    assert "late" not in now_line(capsys, "--at", "2025-03-02T11:58")


def test_the_delay_of_the_current_talk_comes_first(capsys, tmp_path):
    program_file = tmp_path / "fictional.yaml"
    program_file.write_text(YAML, encoding="utf-8")
    log = ChairLog.load(load(program_file, use_cache=False))
    log.mark_start("a1", at("09:10"))
    log.mark_end("a1", at("09:34"))  # a2 starts 4 minutes late
    data = now_json(capsys, "--program", str(program_file), "--at", "2031-05-14T09:40")
    assert data["current_talk"]["id"] == "a2"
    assert data["current_talk"]["scheduled_start"] == "2031-05-14T09:30:00+02:00"
    assert data["current_talk"]["start"] == "2031-05-14T09:34:00+02:00"
    assert data["delay_seconds"] == 240


def test_a_corrupt_log_warns_and_now_still_answers(capsys, c4ml):
    from c4ml_tui.store.chairlog import log_path

    path = log_path(c4ml)
    path.parent.mkdir(parents=True)
    path.write_text("not json at all")
    assert cli.main(["now", "--json", "--at", "2025-03-02T09:15"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["delay_seconds"] == 0
    assert "corrupt" in err


def test_a_new_process_sees_the_marks(late_c4ml):
    out = subprocess.run([sys.executable, "-m", "c4ml_tui", "now", "--at", "2025-03-02T09:15"],
                         capture_output=True, text=True, check=True)
    assert "running 7 min late" in out.stdout
