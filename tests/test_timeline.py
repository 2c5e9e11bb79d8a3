"""The timeline at every boundary of the C4ML 2025 day, and inside a (fictional) session with talks.

An item runs from its start (inclusive) to its end (exclusive).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from core_helpers import FIXTURES

from c4ml_tui.core.timeline import STATUSES, Timeline
from c4ml_tui.sources.loader import load

MIN = 60


def c4ml_at(c4ml, hh: int, mm: int, ss: int = 0, us: int = 0) -> datetime:
    return datetime(2025, 3, 2, hh, mm, ss, us, tzinfo=c4ml.tz)


# (time, status, current id, next id, remaining s, until next s)
C4ML_DAY = [
    ((8, 0), "upcoming", None, "opening", None, 30 * MIN),
    ((8, 29, 59), "upcoming", None, "opening", None, 1),
    ((8, 30), "live", "opening", "session-1", 10 * MIN, 10 * MIN),
    ((8, 39, 59), "live", "opening", "session-1", 1, 1),
    ((8, 40), "live", "session-1", "break-1", 80 * MIN, 80 * MIN),
    ((9, 15), "live", "session-1", "break-1", 45 * MIN, 45 * MIN),
    ((9, 59, 59), "live", "session-1", "break-1", 1, 1),
    ((10, 0), "live", "break-1", "session-2", 30 * MIN, 30 * MIN),
    ((10, 30), "live", "session-2", "lunch", 80 * MIN, 90 * MIN),
    ((11, 49, 59), "live", "session-2", "lunch", 1, 10 * MIN + 1),
    ((11, 50), "between", None, "lunch", None, 10 * MIN),
    ((11, 55), "between", None, "lunch", None, 5 * MIN),
    ((11, 59, 59), "between", None, "lunch", None, 1),
    ((12, 0), "live", "lunch", "session-3", 60 * MIN, 60 * MIN),
    ((13, 0), "live", "session-3", "break-2", 120 * MIN, 120 * MIN),
    ((15, 0), "live", "break-2", "session-4", 30 * MIN, 30 * MIN),
    ((15, 30), "live", "session-4", None, 50 * MIN, None),
    ((16, 19, 59), "live", "session-4", None, 1, None),
    ((16, 20), "over", None, None, None, None),
    ((23, 59), "over", None, None, None, None),
]


@pytest.mark.parametrize("when, status, current, nxt, remaining, until", C4ML_DAY,
                         ids=[":".join(f"{x:02d}" for x in row[0]) for row in C4ML_DAY])
def test_every_boundary_of_the_c4ml_day(c4ml, when, status, current, nxt, remaining, until):
    snap = Timeline(c4ml).at(c4ml_at(c4ml, *when))
    assert snap.status == status
    assert (snap.current.id if snap.current else None) == current
    assert (snap.next.id if snap.next else None) == nxt
    assert (snap.remaining.total_seconds() if snap.remaining else None) == remaining
    assert (snap.until_next.total_seconds() if snap.until_next else None) == until
    assert snap.current_talk is None and snap.next_talk is None  # no talks are published yet
    assert snap.status in STATUSES


def test_start_is_inclusive_end_exclusive_to_the_microsecond(c4ml):
    tl = Timeline(c4ml)
    assert tl.at(c4ml_at(c4ml, 8, 29, 59, 999_999)).status == "upcoming"
    assert tl.at(c4ml_at(c4ml, 8, 30)).current.id == "opening"
    assert tl.at(c4ml_at(c4ml, 8, 39, 59, 999_999)).current.id == "opening"
    assert tl.at(c4ml_at(c4ml, 8, 40)).current.id == "session-1"
    assert tl.at(c4ml_at(c4ml, 16, 19, 59, 999_999)).status == "live"
    assert tl.at(c4ml_at(c4ml, 16, 20)).status == "over"


def test_upcoming_the_day_before_counts_down_to_the_first_item(c4ml):
    snap = Timeline(c4ml).at(datetime(2025, 3, 1, 10, 0, tzinfo=c4ml.tz))
    assert snap.status == "upcoming" and snap.next.id == "opening"
    assert snap.day_starts_in == snap.until_next == timedelta(hours=22, minutes=30)
    assert Timeline(c4ml).at(c4ml_at(c4ml, 9, 0)).day_starts_in is None


def test_any_zone_for_now_gives_the_same_answer_in_the_event_zone(c4ml):
    tl = Timeline(c4ml)
    local = tl.at(c4ml_at(c4ml, 9, 15))
    utc = tl.at(datetime(2025, 3, 2, 17, 15, tzinfo=timezone.utc))
    tokyo = tl.at(datetime(2025, 3, 3, 2, 15, tzinfo=timezone(timedelta(hours=9))))
    assert local == utc == tokyo
    assert utc.at.tzinfo is c4ml.tz and utc.at.hour == 9


def test_a_naive_instant_is_refused(c4ml):
    with pytest.raises(ValueError):
        Timeline(c4ml).at(datetime(2025, 3, 2, 9, 15))


def test_snapshot_key_changes_only_with_the_answer(c4ml):
    tl = Timeline(c4ml)
    assert tl.at(c4ml_at(c4ml, 9, 0)).key() == tl.at(c4ml_at(c4ml, 9, 59)).key()
    assert tl.at(c4ml_at(c4ml, 9, 59)).key() != tl.at(c4ml_at(c4ml, 10, 0)).key()


def test_running_upcoming_and_next_item(c4ml):
    tl = Timeline(c4ml)
    assert [i.id for i in tl.running(c4ml_at(c4ml, 10, 0))] == ["break-1"]
    assert tl.running(c4ml_at(c4ml, 11, 55)) == []
    assert [i.id for i in tl.upcoming(c4ml_at(c4ml, 13, 0))] == ["break-2", "session-4"]
    assert tl.next_item(c4ml_at(c4ml, 16, 0)) is None


# -- inside a session with talks (fictional) --------------------------------------------------------

@pytest.fixture
def fictional():
    return load(FIXTURES / "fictional.yaml", use_cache=False)


def f_at(program, hh, mm, ss=0):
    return datetime(2031, 6, 10, hh, mm, ss, tzinfo=program.tz)


# (time, current talk, next talk, talk remaining s, until next talk s)
TALKS = [
    ((9, 5), None, None, None, None),          # the opening: no talks
    ((9, 10), "t1", "t2", 30 * MIN, 35 * MIN),  # the session and its first talk start together
    ((9, 39, 59), "t1", "t2", 1, 5 * MIN + 1),
    ((9, 40), None, "t2", None, 5 * MIN),        # a gap between talks, for questions
    ((9, 44, 59), None, "t2", None, 1),
    ((9, 45), "t2", "t3", 25 * MIN, 25 * MIN),
    ((10, 10), "t3", None, 20 * MIN, None),      # t2 ends exactly as t3 starts
    ((10, 29, 59), "t3", None, 1, None),
    ((10, 30), None, None, None, None),          # the coffee break
]


@pytest.mark.parametrize("when, talk, next_talk, left, until", TALKS,
                         ids=[":".join(f"{x:02d}" for x in row[0]) for row in TALKS])
def test_current_and_next_talk(fictional, when, talk, next_talk, left, until):
    snap = Timeline(fictional).at(f_at(fictional, *when))
    assert (snap.current_talk.id if snap.current_talk else None) == talk
    assert (snap.next_talk.id if snap.next_talk else None) == next_talk
    assert (snap.talk_remaining.total_seconds() if snap.talk_remaining else None) == left
    assert (snap.until_next_talk.total_seconds() if snap.until_next_talk else None) == until


def test_session_stays_current_in_a_gap_between_talks(fictional):
    snap = Timeline(fictional).at(f_at(fictional, 9, 42))
    assert snap.status == "live" and snap.current.id == "s1" and snap.next.id == "coffee"


def test_between_and_over_in_the_fictional_day(fictional):
    tl = Timeline(fictional)
    assert tl.at(f_at(fictional, 11, 0)).status == "between"
    assert tl.at(f_at(fictional, 14, 0)).status == "over"


def test_expected_times_move_the_answers(fictional):
    s1 = fictional.by_id["s1"]
    late = timedelta(minutes=10)
    tl = Timeline(fictional, expected={"s1": (s1.start + late, s1.end + late),
                                       "t1": (s1.talks[0].start + late, s1.talks[0].end + late)})
    assert tl.delay(s1) == late and tl.delay(fictional.by_id["coffee"]) == timedelta(0)
    snap = tl.at(f_at(fictional, 9, 15))
    assert snap.status == "between" and snap.current is None and snap.next.id == "s1"
    assert snap.until_next == timedelta(minutes=5)
    snap = tl.at(f_at(fictional, 9, 25))
    assert snap.current_talk.id == "t1" and snap.talk_remaining == timedelta(minutes=25)


def test_an_empty_program(tmp_path):
    from core_helpers import HEADER, write

    program = load(write(tmp_path, HEADER + "schedule: []\n"), use_cache=False)
    snap = Timeline(program).at(datetime(2031, 6, 10, 9, 0, tzinfo=program.tz))
    assert (snap.status, snap.current, snap.next, snap.day_starts_in) == ("upcoming", None, None, None)


# -- several rooms ----------------------------------------------------------------------------------

def test_rooms_run_in_parallel():
    program = load(FIXTURES / "multiday.yaml", use_cache=False)
    now = datetime(2031, 6, 10, 9, 45, tzinfo=program.tz)
    tl = Timeline(program)
    assert [i.id for i in tl.running(now)] == ["d1-elm", "d1-oak"]  # latest start first
    assert tl.at(now).current.id == "d1-elm"
    assert [(room, c and c.id, n and n.id) for room, c, n in tl.by_room(now)] == [
        ("Oak", "d1-oak", "d2-oak"), ("Elm", "d1-elm", None)]
    oak = Timeline(program, room="Oak")
    assert [i.id for i in oak.items] == ["d1-oak", "d2-oak"]
    snap = oak.at(datetime(2031, 6, 10, 10, 15, tzinfo=program.tz))
    assert snap.status == "between" and snap.next.id == "d2-oak"
    assert snap.until_next == timedelta(hours=22, minutes=45)


def test_naive_expected_times_are_refused(c4ml):
    s1 = c4ml.items[1]
    with pytest.raises(ValueError, match="aware"):
        Timeline(c4ml, expected={s1.id: (s1.start.replace(tzinfo=None), s1.end.replace(tzinfo=None))})
