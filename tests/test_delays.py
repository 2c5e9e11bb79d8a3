"""The delay rule: marks shift what follows, gaps absorb, fixed items hold, talks move with
their session. Pure: marks are built by hand, instants are fixed (no clock at all)."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from chair_fixtures import TZ, at, fictional
from core_helpers import parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c4ml_tui.core.delays import Delays, compute, focus, leaves, to_nudge, to_start
from c4ml_tui.core.marks import Mark
from c4ml_tui.core.model import Event, Item, Program, Talk, replace
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.words.late import headline, late_note, scheduled_note

PROGRAM = fictional()
MIN = timedelta(minutes=1)


def start(ident: str, hhmm: str) -> Mark:
    return Mark("start", ident, at(hhmm))


def end(ident: str, hhmm: str) -> Mark:
    return Mark("end", ident, at(hhmm))


def nudge(ident: str, minutes: int, hhmm: str) -> Mark:
    return Mark("nudge", ident, at(hhmm), minutes)


def hm(d: Delays, ident: str) -> str:
    s, e = d.expected[ident]
    return f"{s:%H:%M}-{e:%H:%M}"


def mini(schedule: str, date: str = "2031-05-14") -> Program:
    """A small fictional program from a YAML schedule block."""
    text = (f"event:\n  title: Fictional Workshop on Imaginary Compilers\n  date: {date}\n"
            f"  timezone: Europe/Berlin\nschedule:\n{schedule}")
    return parse(text.encode(), "mini.yaml")


# -- no marks, zero delay ------------------------------------------------------------------------------
def test_no_marks_changes_nothing():
    d = compute(PROGRAM, [])
    assert d.expected == {} and d.squeezed == {}
    assert d.delay(PROGRAM.items[1]) == timedelta(0)
    tl = Timeline(PROGRAM, expected=d.expected)
    assert tl.at(at("09:15")).current.id == "session-a"


def test_marks_on_time_change_nothing():
    d = compute(PROGRAM, [start("a1", "09:10"), end("a1", "09:30"), start("lunch", "12:00")])
    for entry in PROGRAM.by_id.values():
        assert d.expected[entry.id] == (entry.start, entry.end), entry.id
    assert d.squeezed == {}


def test_marks_for_unknown_ids_are_ignored():
    assert compute(PROGRAM, [start("no-such-talk", "09:30")]).expected == {}


# -- a late start carries forward ------------------------------------------------------------------------
def test_late_start_shifts_the_talks_after_it_and_the_items_after_the_session():
    d = compute(PROGRAM, [start("a1", "09:17")])
    assert hm(d, "opening") == "09:00-09:10"
    assert [hm(d, t) for t in ("a1", "a2", "a3", "a4")] == [
        "09:17-09:37", "09:37-09:57", "10:02-10:22", "10:22-10:37"]  # the 5 min changeover moves too
    assert hm(d, "session-a") == "09:17-10:37"  # the session opens with its first talk
    assert hm(d, "break-1") == "10:37-11:07"
    assert hm(d, "session-b") == "11:07-11:57"
    assert hm(d, "lunch") == "12:00-13:00"  # the 10 min gap before lunch absorbs the 7 min
    assert hm(d, "session-c") == "13:00-14:00"
    assert d.delay(PROGRAM.by_id["break-1"]) == 7 * MIN


def test_the_c4ml_day_running_seven_minutes_late(c4ml):
    d = compute(c4ml, [Mark("start", "session-1", datetime(2025, 3, 2, 8, 47, tzinfo=c4ml.tz))])
    assert hm(d, "session-1") == "08:47-10:07"
    assert hm(d, "break-1") == "10:07-10:37"
    assert hm(d, "session-2") == "10:37-11:57"
    assert hm(d, "lunch") == "12:00-13:00"
    assert hm(d, "session-3") == "13:00-15:00"


def test_end_marks_fix_the_end_and_the_delay_follows_from_there():
    d = compute(PROGRAM, [end("a2", "09:58")])
    assert hm(d, "a1") == "09:10-09:30"
    assert hm(d, "a2") == "09:30-09:58"
    assert hm(d, "a3") == "10:03-10:23"


def test_an_early_end_does_not_pull_what_follows_earlier():
    d = compute(PROGRAM, [end("a4", "10:24")])
    assert hm(d, "a4") == "10:15-10:24"
    assert hm(d, "session-a") == "09:10-10:24"
    assert hm(d, "break-1") == "10:30-11:00"


def test_an_early_start_mark_is_a_fact_but_does_not_pull_the_next_talk():
    d = compute(PROGRAM, [start("a1", "09:08")])
    assert hm(d, "a1") == "09:08-09:28"
    assert hm(d, "session-a") == "09:08-10:30"
    assert hm(d, "a2") == "09:30-09:50"


def test_the_next_start_mark_ends_the_entry_before_it():
    d = compute(PROGRAM, [start("a1", "09:12"), start("a2", "09:31")])
    assert hm(d, "a1") == "09:12-09:31"
    assert hm(d, "a2") == "09:31-09:51"


def test_the_next_items_start_mark_ends_the_session_before_it():
    d = compute(PROGRAM, [start("a1", "09:20"), start("break-1", "10:33")])
    assert hm(d, "a4") == "10:25-10:33"
    assert hm(d, "session-a") == "09:20-10:33"
    assert hm(d, "break-1") == "10:33-11:03"


def test_a_session_end_mark_ends_its_last_talk():
    d = compute(PROGRAM, [end("session-b", "11:45")])
    assert hm(d, "b2") == "11:25-11:45"
    assert hm(d, "session-b") == "11:00-11:45"


def test_the_last_start_mark_for_an_entry_wins():
    d = compute(PROGRAM, [start("a1", "09:20"), start("a1", "09:14")])
    assert hm(d, "a1") == "09:14-09:34"


def test_an_end_mark_before_the_expected_start_pulls_the_start_to_it():
    d = compute(PROGRAM, [end("a2", "09:25")])  # the chair says it ended: it must have started
    s, e = d.expected["a2"]
    assert s <= e == at("09:25")


# -- gaps absorb ----------------------------------------------------------------------------------------
GAPPY = mini("""\
  - {id: one, title: One, start: "09:00", end: "10:00"}
  - {id: two, title: Two, start: "10:15", end: "11:00"}
  - {id: three, title: Three, start: "11:00", end: "11:30"}
""")


def test_a_gap_absorbs_part_of_the_delay():
    d = compute(GAPPY, [start("one", "09:25")])
    assert hm(d, "one") == "09:25-10:25"
    assert hm(d, "two") == "10:25-11:10"  # 25 min late, less the 15 min gap
    assert hm(d, "three") == "11:10-11:40"
    assert d.delay(GAPPY.by_id["three"]) == 10 * MIN


def test_a_gap_absorbs_all_of_a_small_delay():
    d = compute(GAPPY, [start("one", "09:12")])
    assert hm(d, "two") == "10:15-11:00"
    assert hm(d, "three") == "11:00-11:30"


# -- fixed items hold; what runs into them is cut short ------------------------------------------------
def test_lunch_absorbs_the_delay_and_the_session_before_it_is_cut_short():
    d = compute(PROGRAM, [start("b1", "11:15")])
    assert hm(d, "b1") == "11:15-11:40"
    assert hm(d, "b2") == "11:40-12:00"  # would end 12:05: lunch is served at 12:00
    assert d.squeezed["b2"] == 5 * MIN
    assert hm(d, "session-b") == "11:15-12:00"
    assert hm(d, "lunch") == "12:00-13:00"
    assert hm(d, "session-c") == "13:00-14:00"


def test_an_entry_that_would_start_after_a_fixed_item_gets_no_time():
    d = compute(PROGRAM, [start("b1", "11:40")])
    assert hm(d, "b2") == "12:00-12:00"
    assert d.squeezed["b2"] == 25 * MIN
    assert hm(d, "lunch") == "12:00-13:00"


def test_fixed_true_holds_like_lunch():
    d = compute(PROGRAM, [start("session-c", "13:25")])
    assert hm(d, "session-c") == "13:25-14:25"
    assert hm(d, "keynote") == "14:25-15:00"
    assert d.squeezed["keynote"] == 15 * MIN
    assert hm(d, "photo") == "15:00-15:20"
    assert hm(d, "closing") == "15:20-15:40"


def test_marks_on_a_fixed_item_move_it_and_what_follows():
    d = compute(PROGRAM, [start("lunch", "12:05")])
    assert hm(d, "lunch") == "12:05-13:05"
    assert hm(d, "session-c") == "13:05-14:05"


def test_an_actual_overrun_into_a_fixed_item_is_kept_as_marked():
    d = compute(PROGRAM, [end("b2", "12:04")])
    assert hm(d, "b2") == "11:25-12:04"
    assert hm(d, "lunch") == "12:00-13:00"


# -- nudges ----------------------------------------------------------------------------------------------
def test_a_nudge_while_an_entry_runs_moves_its_end_and_what_follows():
    d = compute(PROGRAM, [start("a1", "09:10"), nudge("a1", 1, "09:20"), nudge("a1", 1, "09:21")])
    assert hm(d, "a1") == "09:10-09:32"
    assert hm(d, "a2") == "09:32-09:52"


def test_a_nudge_down_shortens_the_delay():
    d = compute(PROGRAM, [start("a1", "09:15"), nudge("a1", -1, "09:20")])
    assert hm(d, "a1") == "09:15-09:34"
    assert hm(d, "a2") == "09:34-09:54"


def test_a_nudge_before_an_entry_starts_moves_its_start():
    d = compute(PROGRAM, [nudge("break-1", 2, "10:00")])
    assert hm(d, "a4") == "10:15-10:30"
    assert hm(d, "break-1") == "10:32-11:02"
    assert hm(d, "session-b") == "11:02-11:52"


def test_a_nudge_down_never_starts_anything_before_its_schedule():
    d = compute(PROGRAM, [nudge("break-1", -1, "10:00")])
    assert hm(d, "break-1") == "10:30-11:00"


def test_nudges_on_lunch_move_its_end():
    d = compute(PROGRAM, [nudge("lunch", 2, "12:30")])
    assert hm(d, "lunch") == "12:00-13:02"
    assert hm(d, "session-c") == "13:02-14:02"


# -- days and rooms --------------------------------------------------------------------------------------
def test_the_delay_does_not_carry_over_to_the_next_day():
    p = mini("""\
  - {id: d1, title: Day one, start: "2031-05-14 16:00", end: "2031-05-14 17:00"}
  - {id: d2, title: Day two, start: "2031-05-15 09:00", end: "2031-05-15 10:00"}
""")
    d = compute(p, [Mark("start", "d1", datetime(2031, 5, 14, 16, 45, tzinfo=TZ))])
    assert hm(d, "d1") == "16:45-17:45"
    assert hm(d, "d2") == "09:00-10:00"


ROOMS = mini("""\
  - {id: a-1, title: A one, room: A, start: "09:00", end: "10:00"}
  - {id: b-1, title: B one, room: B, start: "09:00", end: "10:00"}
  - {id: plenary, title: Plenary, start: "10:00", end: "10:30"}
  - {id: a-2, title: A two, room: A, start: "10:30", end: "11:00"}
  - {id: b-2, title: B two, room: B, start: "10:30", end: "11:00"}
""")


def test_a_delay_in_one_room_leaves_the_other_alone():
    d = compute(ROOMS, [start("a-1", "09:10")])
    assert hm(d, "a-1") == "09:10-10:10"
    assert hm(d, "b-1") == "09:00-10:00"


def test_an_item_with_no_room_waits_for_every_room_and_then_frees_them_all():
    d = compute(ROOMS, [start("b-1", "09:10")])
    assert hm(d, "plenary") == "10:10-10:40"
    assert hm(d, "a-2") == "10:40-11:10"
    assert hm(d, "b-2") == "10:40-11:10"


# -- the views --------------------------------------------------------------------------------------------
def test_the_timeline_shows_expected_times():
    d = compute(PROGRAM, [start("a1", "09:17")])
    tl = Timeline(PROGRAM, expected=d.expected)
    snap = tl.at(at("10:33"))
    assert snap.current.id == "session-a" and snap.current_talk.id == "a4"
    assert snap.next.id == "break-1" and tl.start(snap.next) == at("10:37")
    assert headline(tl, snap) == 7 * MIN
    assert late_note(headline(tl, snap)) == "running 7 min late"


def test_notes():
    assert late_note(timedelta(0)) == late_note(timedelta(seconds=29)) == ""
    assert late_note(timedelta(minutes=-3)) == "running 3 min early"
    brk = PROGRAM.by_id["break-1"]
    assert scheduled_note(brk, at("10:37")) == "scheduled 10:30, "
    assert scheduled_note(brk, at("10:30")) == ""


# -- what the chair's keys act on ----------------------------------------------------------------------------
def test_leaves_are_talks_when_known_else_items():
    ids = [e.id for e in leaves(PROGRAM)]
    assert ids[:6] == ["opening", "a1", "a2", "a3", "a4", "break-1"]
    assert "session-a" not in ids and "session-c" in ids


def test_without_marks_the_keys_act_on_what_runs_and_what_comes():
    d = compute(PROGRAM, [])
    assert focus(PROGRAM, d, at("09:15")).id == "a1"
    assert to_start(PROGRAM, d, at("09:12")).id == "a1"  # a late start: nearest to now
    assert to_start(PROGRAM, d, at("09:28")).id == "a2"  # an early start of the next talk
    assert focus(PROGRAM, d, at("11:55")) is None  # the gap before lunch
    assert to_start(PROGRAM, d, at("11:55")).id == "lunch"
    assert to_nudge(PROGRAM, d, at("11:55")).id == "lunch"
    assert to_start(PROGRAM, d, at("08:00")).id == "opening"
    assert to_start(PROGRAM, d, at("18:00")) is None


def test_an_open_talk_stays_the_focus_while_it_runs_over():
    d = compute(PROGRAM, [start("a2", "09:30")])
    assert focus(PROGRAM, d, at("09:55")).id == "a2"  # a3 expected at 09:55, a2 still on
    assert to_start(PROGRAM, d, at("09:55")).id == "a3"
    assert focus(PROGRAM, d, at("10:16")).id == "a4"  # a3's whole slot passed: the chair forgot


def test_after_an_end_mark_the_focus_is_what_runs_next():
    d = compute(PROGRAM, [start("a2", "09:30"), end("a2", "09:51")])
    assert focus(PROGRAM, d, at("09:52")) is None  # the changeover
    assert to_start(PROGRAM, d, at("09:52")).id == "a3"


def test_keys_in_one_room():
    d = compute(ROOMS, [])
    assert focus(ROOMS, d, at("09:30"), room="B").id == "b-1"
    assert focus(ROOMS, d, at("10:10"), room="B").id == "plenary"


# -- properties --------------------------------------------------------------------------------------------
ENTRIES = sorted(PROGRAM.by_id)
DAY0 = at("08:30")


@st.composite
def mark_lists(draw, kinds=("start", "end", "nudge"), program=PROGRAM):
    found = []
    ids = sorted(program.by_id)
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(kinds))
        ident = draw(st.sampled_from(ids))
        when = DAY0 + timedelta(minutes=draw(st.integers(0, 8 * 60)))
        minutes = draw(st.sampled_from([-1, 1, 2])) if kind == "nudge" else 0
        found.append(Mark(kind, ident, when, minutes))
    return found


def _touched(marks) -> set[str]:
    """Ids with a mark of their own, plus the sessions whose talks have one."""
    ids = {m.id for m in marks}
    return ids | {PROGRAM.parent[i].id for i in ids if i in PROGRAM.parent}


@given(st.lists(st.sampled_from(ENTRIES), max_size=6), st.lists(st.sampled_from(ENTRIES), max_size=6))
def test_marks_at_the_scheduled_times_change_nothing(started, ended):
    marks = [Mark("start", i, PROGRAM.by_id[i].start) for i in started]
    marks += [Mark("end", i, PROGRAM.by_id[i].end) for i in ended]
    d = compute(PROGRAM, marks)
    for entry in PROGRAM.by_id.values():
        assert d.start(entry) == entry.start and d.end(entry) == entry.end, entry.id


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(mark_lists())
def test_what_the_chair_did_not_mark_never_starts_before_its_schedule(marks):
    d = compute(PROGRAM, marks)
    touched = _touched(marks)
    for entry in PROGRAM.by_id.values():
        assert d.start(entry) <= d.end(entry), entry.id
        if entry.id not in touched:
            assert d.start(entry) >= entry.start, entry.id


@settings(max_examples=200)
@given(mark_lists(program=ROOMS))
def test_with_parallel_rooms_unmarked_items_never_start_early(marks):
    d = compute(ROOMS, marks)
    marked = {m.id for m in marks}
    for item in ROOMS.items:
        assert d.start(item) <= d.end(item)
        if item.id not in marked:
            assert d.start(item) >= item.start, item.id


@settings(max_examples=300)
@given(mark_lists())
def test_fixed_items_never_move_unless_the_chair_marks_them(marks):
    d = compute(PROGRAM, marks)
    marked = {m.id for m in marks}
    items = PROGRAM.items
    for k, item in enumerate(items):
        after = items[k + 1] if k + 1 < len(items) else None
        if after is not None and {after.id, *(t.id for t in after.talks[:1])} & marked:
            continue  # a start mark on what follows may end it
        if item.fixed and item.id not in marked:
            assert d.expected.get(item.id, (item.start, item.end)) == (item.start, item.end)


@settings(max_examples=300)
@given(mark_lists(kinds=("start", "nudge")))
def test_durations_stay_the_scheduled_ones_except_where_documented(marks):
    """Exceptions: entries the chair marked or nudged, entries cut short by a fixed item, and
    entries ended by the next one's start mark."""
    d = compute(PROGRAM, marks)
    touched = _touched(marks)
    seq = leaves(PROGRAM)
    started = {m.id for m in marks if m.kind == "start"}
    for k, entry in enumerate(seq):
        after = seq[k + 1] if k + 1 < len(seq) else None
        cut = after is not None and (after.id in started
                                     or getattr(PROGRAM.parent.get(after.id), "id", None) in started)
        if entry.id in touched or entry.id in d.squeezed or cut:
            continue
        assert d.end(entry) - d.start(entry) == entry.end - entry.start, entry.id


@settings(max_examples=300)
@given(mark_lists())
def test_the_delay_never_makes_an_unmarked_entry_overlap_the_one_before(marks):
    """(Unless the chair marked it or its session, or it is fixed, or follows a marked fixed one.)"""
    d = compute(PROGRAM, marks)
    touched = {m.id for m in marks}
    seq = leaves(PROGRAM)
    for before, entry in pairwise(seq):
        session = PROGRAM.parent.get(entry.id)
        if entry.id in touched or (session and session.id in touched) or getattr(entry, "fixed", False):
            continue
        if before.id in touched and getattr(before, "fixed", False):
            continue
        assert d.start(entry) >= d.end(before), (before.id, entry.id)


def test_marks_far_past_a_fixed_item_keep_the_talks_in_order():
    d = compute(PROGRAM, [start("a1", "12:01")])
    assert hm(d, "a1") == "12:01-12:01"  # cut: lunch is at 12:00, the mark is a fact
    assert hm(d, "a2") == "12:01-12:01"
    assert hm(d, "session-a") == "12:01-12:01"
    assert hm(d, "lunch") == "12:00-13:00"


@settings(max_examples=200)
@given(mark_lists())
def test_sessions_contain_their_talks_unless_their_own_bounds_are_marked(marks):
    d = compute(PROGRAM, marks)
    own = {(m.kind, m.id) for m in marks}
    for item in PROGRAM.items:
        for talk in item.talks:
            if ("start", item.id) not in own:
                assert d.start(item) <= d.start(talk)
            if ("end", item.id) not in own:
                assert d.end(talk) <= d.end(item)


@settings(max_examples=200)
@given(st.integers(0, 60))
def test_a_later_start_never_makes_anything_after_it_earlier(late):
    early = compute(PROGRAM, [start("a1", "09:10")])
    later = compute(PROGRAM, [Mark("start", "a1", at("09:10") + late * MIN)])
    for entry in PROGRAM.by_id.values():
        assert later.start(entry) >= early.start(entry)
        assert later.start(entry) - entry.start <= late * MIN  # a delay never grows on its own


def _day_of(n: int) -> tuple[Program, list[Item]]:
    """A fictional day of ``n`` items of 4 talks each, a fixed one every 50."""
    ev = Event("Fictional Workshop on Imaginary Compilers", PROGRAM.event.date, "Europe/Berlin")
    t0 = at("00:00")
    items = []
    for k in range(n):
        s = t0 + k * 4 * MIN
        talks = tuple(Talk(f"t{k}-{j}", "Talk", s + j * 45 * timedelta(seconds=1),
                           s + (j + 1) * 45 * timedelta(seconds=1)) for j in range(4))
        items.append(Item(f"i{k}", "Item", s, s + 3 * MIN, talks=talks, fixed=k % 50 == 49))
    return Program(ev, tuple(items)), items


def _calls(n: int) -> int:
    """How many calls (Python's and C's) one walk over a day of ``n`` items makes: counted, not
    timed, so a busy machine cannot fail the test."""
    big, items = _day_of(n)
    big.by_id  # noqa: B018 - built before counting
    count = 0

    def counting(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(counting)
    try:
        d = compute(big, [Mark("start", "t0-0", at("00:00") + 2 * MIN)])
    finally:
        sys.setprofile(None)
    assert len(d.expected) == 5 * n
    assert d.start(items[1]) == items[1].start + MIN  # 2 min late, less the 1 min gap
    return count


def test_one_pass_scales_linearly():
    """O(n): twice the items, about twice the work (a quadratic walk would make it four times)."""
    small, double = _calls(1000), _calls(2000)
    assert 1.8 * small < double < 2.3 * small


def test_compute_accepts_any_iterable_of_marks():
    marks = (m for m in [start("a1", "09:17")])
    assert compute(PROGRAM, marks).delay(PROGRAM.by_id["a2"]) == 7 * MIN


def test_program_is_untouched():
    before = replace(PROGRAM)
    compute(PROGRAM, [start("a1", "09:17")])
    assert PROGRAM.items == before.items


@pytest.mark.parametrize("hhmm", ["09:00", "12:30", "15:39"])
def test_every_entry_has_expected_times_once_marks_exist(hhmm):
    d = compute(PROGRAM, [nudge("opening", 1, hhmm)])
    assert set(d.expected) == set(PROGRAM.by_id)
