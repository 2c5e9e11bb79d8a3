"""Countdown stages: each boundary, the thresholds' sources, when the next change comes, and a
simulated clock crossing every stage of a talk the chair marked started (ManualClock only)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from chair_fixtures import TZ, at, fictional
from hypothesis import given
from hypothesis import strategies as st

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.delays import compute, focus
from c4ml_tui.core.model import ChairSettings
from c4ml_tui.core.stages import ChairOptions, StageWatch, countdown, next_change, settings, stage
from c4ml_tui.store.chairlog import ChairLog

DEFAULT = ChairSettings()  # wrap-up 5, last 1
S = timedelta(seconds=1)
M = timedelta(minutes=1)


@pytest.mark.parametrize("left, expected", [
    (20 * M, "normal"),
    (5 * M + S, "normal"),
    (5 * M, "wrap_up"),
    (M + S, "wrap_up"),
    (M, "last_minute"),
    (S, "last_minute"),
    (timedelta(0), "last_minute"),
    (-S, "overtime"),
    (-30 * M, "overtime"),
])
def test_each_boundary(left, expected):
    assert stage(left, DEFAULT) == expected


def test_zero_thresholds_skip_their_stage():
    assert stage(30 * S, ChairSettings(wrap_up_minutes=0, last_minutes=0)) == "normal"
    assert stage(30 * S, ChairSettings(wrap_up_minutes=3, last_minutes=0)) == "wrap_up"
    assert stage(30 * S, ChairSettings(wrap_up_minutes=1, last_minutes=1)) == "last_minute"
    assert stage(-S, ChairSettings(wrap_up_minutes=0, last_minutes=0)) == "overtime"


def test_thresholds_come_from_the_program_unless_overridden():
    program = fictional()
    assert program.chair == ChairSettings(wrap_up_minutes=4, last_minutes=1)
    assert settings(program.chair) == program.chair
    assert settings(program.chair, wrap_up=3) == ChairSettings(3, 1)
    assert settings(program.chair, last=2) == ChairSettings(4, 2)
    assert settings(ChairSettings(), None, None) == ChairSettings(5, 1)
    assert ChairOptions().thresholds == ChairSettings() and not ChairOptions().bell


def test_next_change_walks_down_the_stages():
    assert next_change(20 * M, DEFAULT) == (15 * M, "wrap_up")
    assert next_change(5 * M, DEFAULT) == (4 * M, "last_minute")
    assert next_change(30 * S, DEFAULT) == (30 * S, "overtime")
    assert next_change(timedelta(0), DEFAULT) == (timedelta(0), "overtime")
    assert next_change(-S, DEFAULT) is None
    assert next_change(20 * M, ChairSettings(0, 0)) == (20 * M, "overtime")
    assert next_change(20 * M, ChairSettings(1, 1)) == (19 * M, "last_minute")


@given(st.integers(-3600, 3 * 3600), st.integers(0, 15), st.integers(0, 5))
def test_next_change_is_where_the_stage_really_changes(seconds, wrap, last):
    thresholds = ChairSettings(wrap, last)
    left = timedelta(seconds=seconds)
    change = next_change(left, thresholds)
    if change is None:
        assert stage(left, thresholds) == "overtime"
        return
    wait, new = change
    assert wait >= timedelta(0)
    before, after = left - wait + timedelta(microseconds=1), left - wait
    if new == "overtime":
        after = left - wait - timedelta(microseconds=1)
    assert stage(before, thresholds) == stage(left, thresholds) != new
    assert stage(after, thresholds) == new


def test_the_watch_rings_once_per_change_and_not_for_a_new_talk():
    watch = StageWatch(DEFAULT)
    assert watch.update("t1", 10 * M) is None  # first look
    assert watch.update("t1", 9 * M) is None
    assert watch.update("t1", 5 * M) == "wrap_up"
    assert watch.update("t1", 4 * M) is None
    assert watch.update("t1", 30 * S) == "last_minute"
    assert watch.update("t1", -S) == "overtime"
    assert watch.update("t1", -M) is None
    assert watch.update("t2", 20 * M) is None  # the next talk starts: no alarm
    assert watch.update(None, None) is None


def test_a_simulated_clock_crosses_every_stage_of_a_marked_talk():
    """The chair marks a2 started late; the countdown follows the expected end, then overtime
    counts up until the chair marks the end, and the next talk takes over."""
    program = fictional()
    thresholds = program.chair  # wrap-up 4, last 1
    clock = ManualClock(TZ, at("09:33"))
    log = ChairLog.load(program)
    log.mark_start("a2", clock.now())  # 20 min talk: expected to end 09:53
    watch = StageWatch(thresholds)
    seen = []

    def look():
        d = compute(program, log.marks)
        entry = focus(program, d, clock.now())
        left, now_stage = countdown(d.end(entry), clock.now(), thresholds)
        rang = watch.update(entry.id, left)
        seen.append((entry.id, f"{clock.now():%H:%M:%S}", now_stage, rang))
        return left

    look()
    for minutes in (15, 1, 2, 1):  # 09:48, 09:49, 09:51, 09:52
        clock.advance(minutes=minutes)
        look()
    clock.advance(minutes=1)
    assert look() == timedelta(0)
    clock.advance(seconds=1)
    assert look() == -S
    clock.advance(minutes=2)  # 09:55:01: a3 was expected now, but a2 is still on
    assert look() == -(2 * M + S)
    log.mark_end("a2", clock.now())
    clock.advance(minutes=5)  # the changeover to a3 keeps its 5 minutes: a3 from 10:00:01
    look()
    assert seen == [
        ("a2", "09:33:00", "normal", None),
        ("a2", "09:48:00", "normal", None),
        ("a2", "09:49:00", "wrap_up", "wrap_up"),
        ("a2", "09:51:00", "wrap_up", None),
        ("a2", "09:52:00", "last_minute", "last_minute"),
        ("a2", "09:53:00", "last_minute", None),
        ("a2", "09:53:01", "overtime", "overtime"),
        ("a2", "09:55:01", "overtime", None),
        ("a3", "10:00:01", "normal", None),
    ]
