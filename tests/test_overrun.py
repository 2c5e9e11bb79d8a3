"""An overrun in progress is lateness (issue 13, item 1): a talk marked started and not ended
that passes its expected end makes the whole day late, at once, in every view's words, while
the chair's countdown counts up from that end. Pure: ``delays.at_instant`` and the words; the
``now`` command on a chair log.

The scene of the issue, on the fictional program of ``tests/fixtures/fictional.yaml``
(Tuesday 10 June 2031, Europe/Berlin): Imaginary Loops is scheduled 09:10-09:40, Phantom
Tensors 09:45-10:10. The chair presses ``s`` at 09:09 and forgets the clock.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from c4ml_tui import cli
from c4ml_tui.core.delays import at_instant, compute, focus
from c4ml_tui.core.marks import Mark
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.sources.loader import load
from c4ml_tui.store.chairlog import ChairLog
from c4ml_tui.words import board, chair, late, rooms

FIXTURE = Path(__file__).parent / "fixtures" / "fictional.yaml"
PROGRAM = load(FIXTURE, use_cache=False)


def at(hhmmss: str) -> datetime:
    return datetime.fromisoformat(f"2031-06-10T{hhmmss}").replace(tzinfo=PROGRAM.tz)


STARTED_EARLY = [Mark("start", "t1", at("09:09"))]


def words(marks, when: str):
    """``(bar, countdown, talk card line, chair's next line)`` at ``when``."""
    now = at(when)
    delays = at_instant(PROGRAM, marks, now)
    tl = Timeline(PROGRAM, expected=delays.expected)
    snap = tl.at(now)
    view = chair.view(tl, delays, now, PROGRAM.chair)
    return late.late_note(late.headline(tl, snap)), view.digits, view.word, board.talk_card(tl, snap), view.next


def test_before_its_expected_end_an_early_start_is_early_everywhere():
    bar, digits, word, card, _ = words(STARTED_EARLY, "09:20")
    assert (bar, digits, word) == ("running 1 min early", "19:00", "TIME LEFT")
    assert card.lines[1][0] == "09:09-09:39, scheduled 09:10 · 19 min left"


def test_three_minutes_over_the_countdown_is_three_minutes_late_everywhere():
    bar, digits, word, card, nxt = words(STARTED_EARLY, "09:42:07")
    assert (digits, word) == ("+03:07", "OVERTIME")
    assert bar == "running 3 min late"  # it was "running 1 min early" (issue 13)
    assert card.title == "Imaginary Loops"
    assert card.lines[1][0] == "09:09-09:43, scheduled 09:10 · over time by 3 min"
    assert card.lines[2][0] == "Then: Phantom Tensors, after this one (it runs over)"
    assert nxt == "Next: Phantom Tensors, scheduled 09:45 · after this one"


def test_the_end_mark_keeps_the_words_the_overrun_said():
    marks = [*STARTED_EARLY, Mark("end", "t1", at("09:43"))]
    bar, digits, word, card, nxt = words(marks, "09:43:10")
    assert bar == "running 3 min late"
    assert (digits, word) == ("04:50", "STARTS IN")
    assert card.title == "Between talks. Next: Phantom Tensors, at 09:48 · in 5 min."
    assert nxt == "Next: Notional Kernels, at 10:13, scheduled 10:10 · in 30 min"


def test_the_overrun_counts_in_whole_minutes_and_says_until_when_it_holds():
    d = at_instant(PROGRAM, STARTED_EARLY, at("09:42:07"))
    assert d.expected["t1"][1] == at("09:43")  # into the next whole minute of the overrun
    assert d.expected["t2"] == (at("09:48"), at("10:13"))  # the changeover moves with it
    assert d.until == at("09:43")
    assert d.holds(at("09:42:59")) and not d.holds(at("09:43")) and not d.holds(at("09:42"))
    before = at_instant(PROGRAM, STARTED_EARLY, at("09:30"))
    assert before.expected == compute(PROGRAM, STARTED_EARLY).expected
    assert before.until == at("09:39")  # when the overrun would begin
    assert Timeline(PROGRAM, expected=d.expected).due(PROGRAM.by_id["t1"]) == at("09:39")


def test_no_marks_no_overrun_at_any_instant():
    d = at_instant(PROGRAM, [], at("09:42"))
    assert d.expected == {} and d.holds(at("03:00")) and d.holds(at("23:00"))


def test_a_talk_forgotten_past_the_end_of_the_next_one_no_longer_counts():
    """The chair marked Imaginary Loops started and nothing since: once Phantom Tensors was
    expected to end (10:10), the countdown leaves it (as ``focus`` always did), and the day is
    no longer pushed by it."""
    d = at_instant(PROGRAM, STARTED_EARLY, at("10:11"))
    assert d.expected == compute(PROGRAM, STARTED_EARLY).expected
    assert focus(PROGRAM, d, at("10:11")).id == "t3"


def test_an_overrun_in_one_room_leaves_the_others_on_time():
    program = load(Path(__file__).parent / "data" / "rooms.yaml", use_cache=False)
    tz = program.tz

    def when(hhmm: str) -> datetime:
        return datetime.fromisoformat(f"2031-09-15T{hhmm}").replace(tzinfo=tz)

    marks = [Mark("start", "h1", when("09:30"))]  # Hall Ω, 09:30-10:15; Registers Remembered at 10:30
    d = at_instant(program, marks, when("10:20:30"))
    tl = Timeline(program, expected=d.expected)
    assert tl.end(program.by_id["h1"]) == when("10:21")
    assert tl.start(program.by_id["s1"]) == when("09:30")  # Studio Zwei: untouched
    line = next(r for r in rooms.answer(tl, when("10:20:30")).lines if r.room == "Hall Ω")
    assert rooms.row(tl, line, when("10:20:30")).left == "+5 min"


def test_the_now_command_says_late_while_a_talk_runs_over(capsys):
    log = ChairLog.load(PROGRAM)
    log.mark_start("t1", at("09:09"))
    assert cli.main(["now", "--program", str(FIXTURE), "--at", "2031-06-10T09:42:07"]) == 0
    line = capsys.readouterr().out
    assert "talk: Imaginary Loops - Ada Example (over time by 3 min)" in line
    assert line.rstrip().endswith("running 3 min late")
    assert cli.main(["now", "--json", "--program", str(FIXTURE), "--at", "2031-06-10T09:42:07"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["delay_seconds"] == 180
    assert data["current_talk"]["id"] == "t1" and data["current_talk"]["overtime_seconds"] == 187
    assert data["current_talk"]["end"] == "2031-06-10T09:43:00+02:00"


@pytest.mark.parametrize("minutes", [0, 1, 15, 30])
def test_the_overrun_end_is_always_within_the_next_minute(minutes):
    now = at("09:39") + timedelta(minutes=minutes, seconds=1)
    d = at_instant(PROGRAM, STARTED_EARLY, now)
    assert now < d.expected["t1"][1] <= now + timedelta(minutes=1)
