"""The pure half of the chair screen and of the delay in every view: ``words/chair.py`` (the
words), ``tui/desk.py`` (the keys, on the app's state), and the scheduled notes of ``agenda`` and
``board``. No Textual."""

from __future__ import annotations

from datetime import timedelta

import pytest
from chair_fixtures import at, fictional

from c4ml_tui.core.model import ChairSettings
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.store.chairlog import ChairLog
from c4ml_tui.tui import desk as keys
from c4ml_tui.tui.state import State
from c4ml_tui.words import agenda, board
from c4ml_tui.words import chair as chairview

THRESHOLDS = ChairSettings(wrap_up_minutes=4, last_minutes=1)


@pytest.fixture
def program():
    return fictional()


class Desk:
    """The chair's keys as the chair screen presses them: each acts on the state, and a mark
    gives the app a new state (``with_marks``)."""

    def __init__(self, program):
        self.state = State(program)

    def _after(self, outcome):
        if outcome.done:
            self.state = self.state.with_marks()
        return outcome

    def start(self, now):
        return self._after(keys.start(self.state, now))

    def end(self, now):
        return self._after(keys.end(self.state, now))

    def nudge(self, minutes, now):
        return self._after(keys.nudge(self.state, minutes, now))

    def undo(self):
        return self._after(keys.undo(self.state))

    def timeline(self):
        return self.state.timeline

    @property
    def delays(self):
        return self.state.delays

    def last_mark(self):
        return chairview.last_mark(self.state.program, self.state.log.marks)


@pytest.fixture
def desk(program):
    return Desk(program)


def view(desk, hhmm):
    return chairview.view(desk.timeline(), desk.delays, at(hhmm), THRESHOLDS)


@pytest.mark.parametrize("seconds, digits", [
    (600, "10:00"), (299.5, "05:00"), (0.2, "00:01"), (0, "00:00"), (-0.5, "+00:00"), (-133, "+02:13"),
    (4800, "1:20:00"), (-3673, "+1:01:13"),
])
def test_countdown_digits_round_up_before_the_end_and_down_after(seconds, digits):
    assert chairview.countdown_digits(timedelta(seconds=seconds)) == digits


def test_every_stage_has_a_word_for_terminals_without_colour():
    assert set(chairview.WORDS) == {"normal", "wrap_up", "last_minute", "overtime", "waiting", "idle", "later",
                                   "over", "no_room"}
    assert chairview.WORDS["overtime"] == "OVERTIME" and chairview.WORDS["wrap_up"] == "WRAP UP"


def test_a_talk_in_its_session(desk):
    v = view(desk, "09:40")
    assert (v.entry_id, v.stage, v.digits) == ("a2", "normal", "10:00")
    assert v.context == "Session A · talk 2 of 4 · Hall Zero"
    assert (v.title, v.who, v.window) == ("Tensor Folding for Paper Cranes", "Bo Imaginary", "09:30-09:50")
    assert v.next == "Next: A Type System for Vapour, at 09:55 · in 15 min"
    assert v.then == "Then: Break, at 10:30"


def test_the_last_talk_of_a_session_names_the_break_once(desk):
    v = view(desk, "10:20")
    assert v.entry_id == "a4" and v.next == "Next: Break, at 10:30 · in 10 min" and v.then == ""


def test_between_talks_it_counts_down_to_the_next(desk):
    v = view(desk, "09:52")
    assert (v.entry_id, v.stage, v.digits, v.word) == (None, "waiting", "03:00", "STARTS IN")
    assert v.title == "A Type System for Vapour" and v.next == "Next: Autotuning the Moon, at 10:15 · in 23 min"


def test_between_two_changes_only_the_digits_count_and_a_new_stage_asks_for_the_whole_view(desk):
    """``count``: what the chair screen shows each second between the instants of ``changes``."""
    shown = view(desk, "09:20")  # a1 until 09:30: wrap-up at 09:26 (4 min), last minute at 09:29
    assert chairview.count(shown, at("09:25:59"), THRESHOLDS) == ("04:01", "normal")
    assert chairview.count(shown, at("09:26"), THRESHOLDS) is None  # WRAP UP: the words change
    late = view(desk, "09:29:30")
    assert chairview.count(late, at("09:30"), THRESHOLDS) == ("00:00", "last_minute")
    gap = view(desk, "09:52")  # waiting for a3 at 09:55
    assert chairview.count(gap, at("09:54:59"), THRESHOLDS) == ("00:01", "waiting")
    assert chairview.count(gap, at("09:55"), THRESHOLDS) is None  # it starts: another talk
    over = view(desk, "16:00")
    assert chairview.count(over, at("16:00:07"), THRESHOLDS) == ("--:--", "idle")


def test_the_instants_a_chair_word_can_change_at_are_the_stages_and_the_days_starts_and_ends(desk):
    shown = view(desk, "09:20")
    found = set(chairview.changes(desk.timeline(), desk.delays, at("09:20"), THRESHOLDS, None, shown))
    assert {at("09:26"), at("09:29"), at("09:30"), at("09:50"), at("09:55"), at("15:40")} <= found
    assert min(found) == at("09:26") and at("09:10") not in found  # only what is still ahead
    desk.start(at("09:10:07"))  # started 7 s late: its end and stages move with it
    shown = view(desk, "09:20")
    found = set(chairview.changes(desk.timeline(), desk.delays, at("09:20"), THRESHOLDS, None, shown))
    assert {at("09:26:07"), at("09:29:07"), at("09:30:07")} <= found


def test_after_the_last_item(desk):
    v = view(desk, "16:00")  # the last day: the program is over, and it says when it ended
    assert (v.stage, v.digits, v.word) == ("idle", "--:--", "PROGRAM OVER")
    assert v.title == "Nothing more: the program is over."
    assert (v.window, v.next) == ("The program ended at 15:40.", "")


def test_an_item_that_is_not_a_session(desk):
    v = view(desk, "10:40")
    assert (v.context, v.title, v.who) == ("break · Hall Zero", "Break", "")
    assert v.next == "Next: Polyhedra Nobody Asked For, at 11:00 · in 20 min"


# -- the desk: what each key does ---------------------------------------------------------------------
def test_keys_mark_the_entry_delays_names_and_recompute(desk, program):
    assert desk.start(at("09:17")).message == "Started Lowering Dreams to Loops at 09:17."
    assert desk.timeline().start(program.by_id["break-1"]) == at("10:37")
    assert desk.nudge(1, at("09:20")).message == "Nudged Lowering Dreams to Loops 1 min later at 09:20."
    assert desk.end(at("09:40")).message == "Ended Lowering Dreams to Loops at 09:40."
    assert desk.last_mark() == "last mark: ended Lowering Dreams to Loops at 09:40"
    assert desk.undo().message == "Undone: ended Lowering Dreams to Loops at 09:40."
    assert len(ChairLog.load(program)) == 2  # saved at once, read back


def test_keys_with_nothing_to_act_on(desk):
    assert desk.end(at("16:00")) == ("Nothing is running to mark ended.", False)
    assert desk.start(at("16:00")) == ("Nothing left to mark started today.", False)
    assert desk.nudge(1, at("16:00")).done is False
    assert desk.undo() == ("Nothing to undo.", False)
    assert desk.last_mark() == "no marks yet"


# -- the delay in the other views ----------------------------------------------------------------------
def test_scheduled_notes_name_the_moved_start_or_end(desk, program):
    assert agenda.scheduled(desk.timeline(), program.by_id["break-1"]) == ""  # no marks: no notes
    desk.start(at("09:17"))
    tl = desk.timeline()
    assert agenda.scheduled(tl, program.by_id["break-1"]) == "scheduled 10:30"
    assert agenda.scheduled(tl, program.by_id["lunch"]) == ""
    assert board.meta(tl, program.by_id["break-1"]) == "10:37-11:07, scheduled 10:30 · break · Hall Zero"
    assert board.when(tl, program.by_id["break-1"]) == "Wednesday 14 May 2031 · 10:37-11:07 CEST · scheduled 10:30"
    rows = {r.key: r for r in agenda.rows(tl, at("09:20"))}
    assert rows["break-1"].caption == "Break, scheduled 10:30"
    assert rows["lunch"].caption == "Lunch"
    desk.undo()
    desk.start(at("09:10"))
    desk.end(at("09:33"))
    assert agenda.scheduled(desk.timeline(), program.by_id["a1"]) == "scheduled to end 09:30"


def test_late_line_only_with_marks(desk, program):
    tl = Timeline(program)
    assert board.late_line(tl, tl.at(at("09:20"))) == ""
    desk.start(at("09:17"))
    tl = desk.timeline()
    assert board.late_line(tl, tl.at(at("09:20"))) == "running 7 min late"
    assert board.late_line(tl, tl.at(at("12:30"))) == ""  # lunch holds: on time again
