"""Reminders: due in the window (since, now], never stale, driven by any clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.reminders import GRACE, due, next_due
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.sources.loader import load

FICTIONAL = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


@pytest.fixture(scope="module")
def program():
    return load(FICTIONAL, use_cache=False)


def at(program, hh, mm, ss=0, day=29):
    return datetime(2031, 3, day, hh, mm, ss, tzinfo=program.tz)


STARRED = ["t-zoe", "t-ada", "keynote", "t-zoology"]


def test_fires_five_minutes_before_by_default(program):
    assert due(program, STARRED, at(program, 9, 9), at(program, 9, 10)) != []
    (reminder,) = due(program, STARRED, at(program, 9, 9), at(program, 9, 10))
    assert reminder.id == "t-zoe" and reminder.at == at(program, 9, 10)
    assert reminder.parent.id == "session-a" and reminder.room == "Main Hall"
    assert (reminder.text(at(program, 9, 10))
            == "Tensor Fusion for Imaginary Accelerators starts in 5 min (09:15, Main Hall)")
    assert due(program, STARRED, at(program, 9, 10), at(program, 9, 11)) == []  # once only


def test_lead_time_is_configurable(program):
    assert [r.id for r in due(program, STARRED, at(program, 9, 4), at(program, 9, 5), lead_minutes=10)] == ["t-zoe"]
    assert due(program, STARRED, at(program, 9, 9), at(program, 9, 10), lead_minutes=10) == []
    (now,) = due(program, STARRED, at(program, 9, 14, 59), at(program, 9, 15), lead_minutes=0)
    assert now.text(at(program, 9, 15, 20)) == "Tensor Fusion for Imaginary Accelerators starts now (09:15, Main Hall)"
    with pytest.raises(ValueError):
        due(program, STARRED, None, at(program, 9, 0), lead_minutes=-1)


def test_a_jump_of_the_clock_fires_no_flood(program):
    # from early morning straight to 10:57: only the keynote (11:00) is within its lead time
    fired = due(program, STARRED, at(program, 6, 0), at(program, 10, 57))
    assert [r.id for r in fired] == ["keynote"]
    assert due(program, STARRED, at(program, 6, 0), at(program, 10, 50)) == []


def test_first_check_after_start_up(program):
    assert [r.id for r in due(program, STARRED, None, at(program, 9, 12))] == ["t-zoe"]
    assert due(program, STARRED, None, at(program, 9, 20)) == []  # already started


def test_backwards_clock_fires_nothing(program):
    assert due(program, STARRED, at(program, 9, 12), at(program, 9, 10)) == []


def test_several_at_once_come_soonest_first(program):
    fired = due(program, ["t-ada", "t-zoology", "t-zoe", "gone"], at(program, 8, 40), at(program, 9, 29),
                lead_minutes=30)
    assert [r.id for r in fired] == ["t-zoology", "t-ada"]  # t-zoe (09:15) has started


def test_expected_times_move_the_reminder(program):
    late = {"keynote": (at(program, 11, 20), at(program, 12, 20))}
    tl = Timeline(program, expected=late)
    assert due(program, ["keynote"], at(program, 10, 54), at(program, 10, 55), timeline=tl) == []
    (r,) = due(program, ["keynote"], at(program, 11, 14), at(program, 11, 15), timeline=tl)
    assert r.start == at(program, 11, 20)
    assert next_due(program, ["keynote"], at(program, 10, 0), timeline=tl) == at(program, 11, 15)


def test_next_due(program):
    assert next_due(program, STARRED, at(program, 9, 0)) == at(program, 9, 10)
    assert next_due(program, STARRED, at(program, 9, 10)) == at(program, 9, 25)  # t-zoology 09:30
    assert next_due(program, STARRED, at(program, 11, 0)) is None
    assert next_due(program, [], at(program, 9, 0)) is None


def test_a_simulated_clock_fires_them_too(program):
    clock = ManualClock(program.tz, at(program, 8, 50))
    seen, since = [], None
    while clock.now() < at(program, 12, 0):
        now = clock.now()
        seen += [r.id for r in due(program, STARRED, since, now)]
        since = now
        clock.advance(seconds=20)  # the app ticks once a second at --speed 20
    assert seen == ["t-zoe", "t-zoology", "t-ada", "keynote"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 400), min_size=1, max_size=40), st.integers(0, 30))
def test_consecutive_checks_fire_each_reminder_exactly_once(program, steps, lead):
    """Checks that step through the day, each at most ``lead + GRACE`` apart, fire every starred
    entry whose reminder falls after the first check exactly once, and never after it started
    more than GRACE ago."""
    starred = list(program.by_id)
    now = start = at(program, 8, 0)
    limit = timedelta(minutes=lead) + GRACE
    fired: list[str] = []
    for step in steps:
        since, now = now, now + min(timedelta(seconds=step * 20), limit)
        for r in due(program, starred, since, now, lead_minutes=lead):
            assert r.at <= now < r.start + GRACE
            fired.append(r.id)
    assert len(fired) == len(set(fired))
    expected = {e.id for e in program.by_id.values()
                if start < e.start - timedelta(minutes=lead) <= now}
    assert set(fired) == expected


@given(st.integers(0, 24 * 60), st.integers(1, 24 * 60), st.integers(0, 60))
def test_any_jump_fires_only_entries_near_now(program, offset, jump, lead):
    since = at(program, 6, 0) + timedelta(minutes=offset)
    now = since + timedelta(minutes=jump)
    for r in due(program, list(program.by_id), since, now, lead_minutes=lead):
        assert now - GRACE < r.start <= now + timedelta(minutes=lead)
