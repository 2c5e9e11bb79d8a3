"""The pure words of the board and the agenda rows (no Textual)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from apptools import load_data
from hypothesis import given
from hypothesis import strategies as st

from c4ml_tui.core.timeline import Timeline
from c4ml_tui.words import agenda, board


def at(program, hour, minute=0, day=None):
    day = day or program.days[0]
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=program.tz)


def test_clock_text_names_the_place_and_the_users_own_time(c4ml):
    now = at(c4ml, 9, 15)
    assert board.clock_text(c4ml, now, ZoneInfo("Europe/Paris")) == "Las Vegas 09:15:00 PST · your time 18:15 CET"
    assert board.clock_text(c4ml, now, ZoneInfo("America/Los_Angeles")) == "Las Vegas 09:15:00 PST"
    assert board.clock_text(c4ml, now, timezone.utc).endswith("your time 17:15 UTC")


def test_status_lines_through_the_day(c4ml):
    tl = Timeline(c4ml)
    lines = {t: board.status_line(tl, tl.at(at(c4ml, *t))) for t in [(8, 0), (9, 15), (11, 55), (17, 0)]}
    assert lines[(8, 0)] == "Sunday 2 March 2025 · not started yet · starts in 30 min"
    assert lines[(9, 15)] == "Sunday 2 March 2025 · live"
    assert lines[(11, 55)] == "Sunday 2 March 2025 · in a gap until 12:00"
    assert lines[(17, 0)] == "Sunday 2 March 2025 · the program ended at 16:20"


def test_the_day_before_names_the_day(c4ml):
    tl = Timeline(c4ml)
    snap = tl.at(at(c4ml, 20, 0) - timedelta(days=1))
    assert board.nothing_now(tl, snap) == "Nothing yet: the program starts on Sunday 2 March 2025 at 08:30."
    assert board.starts(tl, snap.next, snap.at) == "on Sunday 2 March 2025 at 08:30 · in 12 h 30 min"


def test_delays_show_up_in_every_word(c4ml):
    """A timeline with expected times (a delay) moves the board's words with it."""
    s1 = c4ml.by_id["session-1"]
    tl = Timeline(c4ml, expected={"session-1": (s1.start + timedelta(minutes=10), s1.end + timedelta(minutes=10))})
    now = at(c4ml, 9, 15)
    assert board.meta(tl, s1) == "08:50-10:10, scheduled 08:40 · session · Willow"
    assert board.time_left(tl, s1, now) == "55 min left"
    rows = agenda.rows(tl, now)
    assert [(r.times, r.caption) for r in rows if r.key == "session-1"] == [
        ("08:50-10:10", "Session 1, scheduled 08:40")]


def test_elapsed_counts_whole_minutes(c4ml):
    tl = Timeline(c4ml)
    s1 = c4ml.by_id["session-1"]
    assert board.elapsed(tl, s1, at(c4ml, 9, 15)) == (35, 80)
    assert board.elapsed(tl, s1, at(c4ml, 8, 0)) == (0, 80)
    assert board.elapsed(tl, s1, at(c4ml, 11, 0)) == (80, 80)


@given(st.integers(min_value=-600, max_value=24 * 60))
def test_elapsed_stays_in_range(minutes):
    from core_helpers import bundled_path

    from c4ml_tui.sources.loader import load

    program = load(bundled_path(), use_cache=False)
    tl = Timeline(program)
    now = at(program, 0) + timedelta(minutes=minutes)
    for item in program.items:
        done, total = board.elapsed(tl, item, now)
        assert 0 <= done <= total


def test_agenda_rows_have_days_items_talks_and_gaps():
    program = load_data("fictional.yaml")
    tl = Timeline(program)
    rows = agenda.rows(tl, at(program, 9, 20))
    assert [(r.kind, r.key) for r in rows] == [
        ("day", "day:2031-05-20"), ("item", "welcome"), ("item", "s1"), ("talk", "t1"), ("talk", "t2"),
        ("item", "coffee"), ("gap", "gap:2031-05-20T11:00:00+01:00"), ("item", "s2"),
        ("day", "day:2031-05-21"), ("item", "day2"),
    ]
    states = {r.key: r.state for r in rows}
    assert states["welcome"] == "past" and states["s1"] == "now" and states["t1"] == "now"
    assert states["t2"] == "later"
    assert rows[3].who == "Ada Example"
    assert rows[6].title == "nothing scheduled (30 min)"
    assert agenda.now_index(rows) == 3  # the talk on stage


def test_agenda_now_index_before_between_and_after(c4ml):
    tl = Timeline(c4ml)
    for moment, key in [((7, 0), "opening"), ((11, 55), "gap:2025-03-02T11:50:00-08:00"), ((18, 0), "session-4")]:
        rows = agenda.rows(tl, at(c4ml, *moment))
        assert rows[agenda.now_index(rows)].key == key


@given(st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60))
def test_now_index_is_always_a_row(minutes):
    program = load_data("fictional.yaml")
    tl = Timeline(program)
    rows = agenda.rows(tl, at(program, 9) + timedelta(minutes=minutes))
    assert 0 <= agenda.now_index(rows) < len(rows)


def test_board_day_is_today_or_the_next_day_with_items():
    program = load_data("fictional.yaml")
    tl = Timeline(program)
    first, second = program.days
    assert agenda.board_day(tl, at(program, 9)) == first
    assert agenda.board_day(tl, at(program, 23)) == first
    assert agenda.board_day(tl, at(program, 9) + timedelta(hours=20)) == second
    assert agenda.board_day(tl, at(program, 9) + timedelta(days=9)) == second


def test_next_change_is_the_next_minute_of_any_countdown():
    tz = ZoneInfo("America/Los_Angeles")
    now = datetime(2025, 3, 2, 9, 15, 20, tzinfo=tz)
    assert board.next_change(now, []) == datetime(2025, 3, 2, 9, 16, tzinfo=tz)  # the wall clock
    odd = datetime(2025, 3, 2, 10, 0, 30, tzinfo=tz)  # an item delayed by 30 s
    assert board.next_change(now, [odd]) == datetime(2025, 3, 2, 9, 15, 30, tzinfo=tz)
    assert board.next_change(now, [now]) == datetime(2025, 3, 2, 9, 16, tzinfo=tz)  # 60 s on, or earlier


@given(st.integers(min_value=0, max_value=24 * 3600 - 1), st.integers(min_value=0, max_value=24 * 3600 - 1))
def test_words_never_change_before_next_change(now_s, target_s):
    """Between now and next_change, every countdown shows the same whole minutes."""
    from c4ml_tui.core import fmt

    base = datetime(2025, 3, 2, tzinfo=timezone.utc)
    now, target = base + timedelta(seconds=now_s), base + timedelta(seconds=target_s)
    due = board.next_change(now, [target])
    assert now < due <= now + timedelta(minutes=1)
    before = due - timedelta(microseconds=1)
    assert fmt.duration(target - now) == fmt.duration(target - before) or target <= before
    assert (now - target) // timedelta(minutes=1) == (before - target) // timedelta(minutes=1)


def test_event_clock_and_your_time(c4ml):
    now = at(c4ml, 9, 15)
    assert board.event_clock("Las Vegas", now) == "Las Vegas 09:15:00 PST"
    assert board.your_time(now, ZoneInfo("Asia/Kathmandu")) == "your time 23:00 +0545"
    assert board.your_time(now, ZoneInfo("America/Los_Angeles")) == ""


# -- the agenda a while later: rows marked again, not worked out again (issue 15) -------------------

def _every_quarter(program, tl):
    """Every quarter of an hour from an hour before the program to an hour after it."""
    first = min(i.start for i in tl.items) - timedelta(hours=1)
    last = max(i.end for i in tl.items) + timedelta(hours=1)
    moment = first
    while moment <= last:
        yield moment
        moment += timedelta(minutes=15)


def test_rows_marked_again_later_are_the_rows_of_that_time(c4ml):
    """The agenda shown at 09:00 and marked again at any later (or earlier) quarter reads as the
    agenda worked out then: every row past, on now or to come as it should, delays included."""
    s1 = c4ml.by_id["session-1"]
    late = Timeline(c4ml, expected={"session-1": (s1.start + timedelta(minutes=10), s1.end + timedelta(minutes=10))})
    for tl in (Timeline(c4ml), late):
        first = agenda.rows(tl, at(c4ml, 9))
        spans = agenda.instants(first)
        for moment in _every_quarter(c4ml, tl):
            assert agenda.marked(first, moment, spans) == agenda.rows(tl, moment), moment
            assert agenda.marked(first, moment) == agenda.rows(tl, moment), moment


def test_rows_marked_again_across_a_fall_back_night_follow_the_instant():
    """New York's fall-back night (fictional): 01:10 EDT and 01:10 EST are an hour apart, and a
    row is past, now or to come by the instant, as when the rows are worked out afresh."""
    from pathlib import Path

    from c4ml_tui.sources.loader import load

    program = load(Path(__file__).parent / "fixtures" / "dst" / "ny_fall.yaml", use_cache=False)
    tl = Timeline(program)
    first = agenda.rows(tl, min(i.start for i in tl.items))
    for moment in _every_quarter(program, tl):
        for instant in (moment, moment.astimezone(timezone.utc)):
            assert agenda.marked(first, instant) == agenda.rows(tl, instant), instant


def test_a_row_whose_mark_holds_is_the_same_row(c4ml):
    """Only the rows whose mark changed are new (the table draws only those again); nothing
    changed, the same list."""
    tl = Timeline(c4ml)
    first = agenda.rows(tl, at(c4ml, 9, 15))
    assert agenda.marked(first, at(c4ml, 9, 16)) is first
    later = agenda.marked(first, at(c4ml, 10, 45))
    changed = [new.title for old, new in zip(first, later, strict=True) if old is not new]
    assert changed and len(changed) < len(first)
    assert all(old.state != new.state for old, new in zip(first, later, strict=True) if old is not new)
