"""The rooms board's words and the filters, without Textual: a fictional program with three rooms,
tracks, items that name no room, and two days."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from apptools import load_data
from hypothesis import given, settings
from hypothesis import strategies as st

from c4ml_tui.core import filters, fmt
from c4ml_tui.core.filters import Filter
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.words import rooms

BERLIN = ZoneInfo("Europe/Berlin")
PROGRAM = load_data("rooms.yaml")


def at(hour: int, minute: int = 0, day: int = 15) -> datetime:
    return datetime(2031, 9, day, hour, minute, tzinfo=BERLIN)


def lines(answer: rooms.Answer) -> list[tuple[str, str | None, str | None]]:
    return [(line.room, line.current and line.current.id, line.next and line.next.id) for line in answer.lines]


# -- filters ----------------------------------------------------------------------------------------
def test_a_filter_keeps_a_room_with_the_items_of_every_room_and_a_track():
    everything = Filter()
    assert not everything.active and everything.label() == "all rooms"
    studio = Filter(room="Studio Zwei")
    kept = [i.id for i in PROGRAM.items if studio.keeps(i)]
    assert kept == ["hello", "s1", "lunch", "d2s"]  # the welcome and lunch name no room: every room
    assert studio.label() == "Studio Zwei"
    both = studio.with_track("Society")
    assert both.label() == "Studio Zwei · track Society"
    assert [i.id for i in PROGRAM.items if both.keeps(i)] == ["s1", "d2s"]
    assert both.with_room(None) == Filter(track="Society") and both.without_room().label() == "track Society"


def test_narrowing_keeps_the_expected_times_and_is_free_without_a_filter():
    moved = (at(9, 40), at(10, 25))
    tl = Timeline(PROGRAM, expected={"h1": moved})
    assert filters.narrowed(tl, Filter()) is tl
    hall = filters.narrowed(tl, Filter(room="Hall Ω"))
    assert [i.id for i in hall.items] == ["hello", "h1", "h2", "lunch", "d2h"]
    assert hall.start(PROGRAM.by_id["h1"]) == moved[0]
    day2 = filters.narrowed(tl, Filter(), date(2031, 9, 16))
    assert [i.id for i in day2.items] == ["d2h", "d2s"]


def test_counts_of_rooms_and_tracks_in_order_of_first_appearance():
    assert filters.counts(PROGRAM, "room") == {"Hall Ω": 3, "Studio Zwei": 2, "[i]Markup Room[/i]": 2}
    assert filters.counts(PROGRAM, "track") == {"Compilers": 4, "Society": 3}


@pytest.mark.parametrize(("now", "day"), [
    (at(10), date(2031, 9, 15)),
    (at(23, 59, day=16), date(2031, 9, 16)),
    (at(8, day=14), date(2031, 9, 15)),  # before the program: the first day
    (at(8, day=20), date(2031, 9, 15)),  # after it: the first day too
])
def test_the_agenda_opens_on_today_within_the_program_else_on_the_first_day(now, day):
    assert filters.opening_day(Timeline(PROGRAM), now) == day


def test_a_rest_day_inside_the_program_opens_on_the_next_day_with_items():
    from c4ml_tui.core.model import replace

    late = replace(PROGRAM.items[-1], start=at(9, day=18), end=at(10, day=18))
    program = replace(PROGRAM, items=(*PROGRAM.items[:-1], late))
    assert filters.opening_day(Timeline(program), at(12, day=17)) == date(2031, 9, 18)


def test_stepping_through_days_stops_at_both_ends():
    days = filters.days(Timeline(PROGRAM))
    assert days == (date(2031, 9, 15), date(2031, 9, 16))
    assert filters.step_day(days, days[0], 1) == days[1]
    assert filters.step_day(days, days[1], 1) == days[1]
    assert filters.step_day(days, days[0], -1) == days[0]
    assert fmt.short_day(days[1]) == "Tue 16 Sep"


# -- the board's answer ------------------------------------------------------------------------------
def test_each_room_with_what_runs_and_what_is_next():
    answer = rooms.answer(Timeline(PROGRAM), at(10, 5))
    assert lines(answer) == [
        ("", None, "lunch"),  # the items that name no room come first
        ("Hall Ω", "h1", "h2"),
        ("Studio Zwei", "s1", "d2s"),
        ("[i]Markup Room[/i]", "m1", "m2"),
    ]
    assert answer.quiet == 0 and answer.day == date(2031, 9, 15)
    assert answer.until == at(10, 15).astimezone(timezone.utc)  # the hall's talk ends first


def test_rooms_with_nothing_more_today_are_left_out_unless_asked_for():
    tl = Timeline(PROGRAM)
    answer = rooms.answer(tl, at(16, 10))
    assert lines(answer) == [("[i]Markup Room[/i]", "m2", None)]
    assert answer.quiet == 3
    assert len(rooms.answer(tl, at(16, 10), keep_quiet=True).lines) == 4
    over = rooms.answer(tl, at(13, day=16))
    assert over.lines == () and over.until is None
    assert rooms.empty(over, Filter()) == "Nothing more in any room: the program is over."
    assert rooms.status(tl, tl.at(at(13, day=16)), over) == "Tuesday 16 September 2031 · the program ended at 12:00"
    assert rooms.empty(over, Filter(track="Society")) == "Nothing more for track Society: the program is over."
    evening = rooms.answer(filters.narrowed(tl, Filter(room="Hall Ω")), at(20), keep_quiet=False)
    assert evening.lines == () and evening.until is not None
    assert rooms.empty(evening, Filter(room="Hall Ω")) == "Nothing on now and nothing more today for Hall Ω."
    before = rooms.answer(tl, at(20, day=14))  # the board is about the first day
    assert rooms.status(tl, tl.at(at(20, day=14)), before).endswith("· not started yet · starts in 13 h · 4 free")
    assert rooms.status(tl, tl.at(at(20, day=14)), before._replace(quiet=2)).endswith("4 free, 2 quiet on Mon 15 Sep")


def test_the_answer_is_stale_past_its_change_or_when_the_clock_goes_back():
    answer = rooms.answer(Timeline(PROGRAM), at(10, 5))
    assert not answer.stale(at(10, 14))
    assert answer.stale(at(10, 15))
    assert answer.stale(at(10, 4))


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2 * 24 * 60))
def test_the_answer_does_not_change_before_its_next_change(minutes):
    """Property: between ``at`` and ``until`` (exclusive) no room's current or next differs."""
    tl = Timeline(PROGRAM, expected={"s1": (at(9, 40), at(11, 40))})
    now = at(0) + timedelta(minutes=minutes)
    answer = rooms.answer(tl, now, keep_quiet=True)
    end = answer.until or (now + timedelta(hours=6))
    probe = now
    while probe < end:
        assert lines(rooms.answer(tl, probe, keep_quiet=True)) == lines(answer), probe
        probe += timedelta(minutes=1)
    if answer.until is not None:
        assert lines(rooms.answer(tl, answer.until, keep_quiet=True)) != lines(answer)


def room_by_room(tl: Timeline, now) -> list:
    """What runs and what is next in each room, asked room by room: what ``Timeline.by_room``
    finds in one pass over the running and upcoming items."""
    found = []
    for room in tl.program.rooms if tl.room is None else (tl.room,):
        running = [i for i in tl.running(now) if i.room == room]
        later = next((i for i in tl.upcoming(now) if i.room == room), None)
        found.append((room, running[0] if running else None, later))
    return found


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-60, max_value=2 * 24 * 60 + 60))
def test_the_board_finds_each_room_as_the_timeline_does(minutes):
    """The board asks what runs and what is next in every room in one pass; it answers what
    asking room by room says (a delay and a room's timeline included)."""
    now = at(0) + timedelta(minutes=minutes)
    for tl in (Timeline(PROGRAM), Timeline(PROGRAM, expected={"s1": (at(9, 40), at(11, 40))}),
               Timeline(PROGRAM, room="Studio Zwei")):
        assert tl.by_room(now) == room_by_room(tl, now), now


def test_the_board_of_38c3_finds_each_room_as_the_timeline_does():
    """The same on 38C3's 72 rooms, every 20 minutes of its four days."""
    from conftest import SCHEDULES

    from c4ml_tui.sources.loader import load

    path = SCHEDULES / "38c3.xml"
    if not path.exists():
        pytest.skip("the shared schedules are not here")
    tl = Timeline(load(path))
    now, end = tl.items[0].start - timedelta(hours=1), tl.items[-1].end + timedelta(hours=1)
    assert len(tl.program.rooms) > 50
    while now < end:
        assert tl.by_room(now) == room_by_room(tl, now), now
        now += timedelta(minutes=20)


def test_the_words_of_a_row_as_time_passes():
    tl = Timeline(PROGRAM)
    answer = rooms.answer(tl, at(10, 5))
    hall = rooms.row(tl, answer.lines[1], at(10, 5))
    assert hall == rooms.RoomRow("Hall Ω", "Hall Ω", "Loops All the Way Down", "10 min", "Registers Remembered",
                                 "10:30", "in 25 min", True)
    everyone = rooms.row(tl, answer.lines[0], at(10, 5))
    assert everyone.room == rooms.EVERYWHERE and everyone.key == "" and everyone.now == rooms.FREE
    assert not everyone.busy and everyone.left == ""
    studio = rooms.row(tl, answer.lines[2], at(10, 5))
    assert (studio.left, studio.at, studio.until) == ("1 h 25", "Tue 11:00", "in 1 d")  # 24 h 55 min, rounded


def test_a_delay_moves_the_words():
    tl = Timeline(PROGRAM, expected={"h1": (at(9, 45), at(10, 30)), "h2": (at(10, 45), at(11, 15))})
    hall = rooms.row(tl, rooms.answer(tl, at(10, 5)).lines[1], at(10, 5))
    assert (hall.left, hall.at) == ("25 min", "10:45")


@pytest.mark.parametrize(("minutes", "text"), [(25, "25 min"), (60, "1 h"), (105, "1 h 45"), (51 * 60, "2 d 3 h")])
def test_compact_durations(minutes, text):
    assert rooms.compact(timedelta(minutes=minutes)) == text


def test_the_status_counts_busy_free_and_done_rooms():
    tl = Timeline(PROGRAM)
    answer = rooms.answer(tl, at(11, 45))
    assert rooms.status(tl, tl.at(at(11, 45)), answer) == (
        "Monday 15 September 2031 · in a gap until 12:00 · 2 free, 2 quiet today")
    busy = rooms.answer(tl, at(10, 5))
    assert rooms.status(tl, tl.at(at(10, 5)), busy).endswith("· live · 3 busy, 1 free")
    assert rooms.heading("Rooms", Filter(room="Hall Ω")) == "Rooms · Hall Ω"


def test_the_day_of_the_room_under_the_cursor():
    tl = Timeline(PROGRAM)
    answer = rooms.answer(tl, at(9, 35))
    hall = answer.lines[1]
    heading, rows = rooms.room_day(tl, hall, at(9, 35), answer.day, whole=True)
    assert heading == "Hall Ω · Monday 15 September 2031"
    assert [r.title for r in rows if r.kind == "item"] == [
        "Welcome to Everyone", "Loops All the Way Down", "Registers Remembered", "Lunch"]
    heading, rows = rooms.room_day(tl, hall, at(9, 35), answer.day, whole=False)
    assert heading == "Later in Hall Ω" and [r.title for r in rows] == ["Lunch"]  # now and next are in the row
    heading, rows = rooms.room_day(tl, answer.lines[0], at(9, 35), answer.day, whole=False)
    assert heading == "Later in all rooms" and [r.title for r in rows] == []


def test_the_agenda_row_of_now_with_parallel_rooms_is_the_latest_start():
    from c4ml_tui.words import agenda

    tl = Timeline(PROGRAM)
    found = agenda.rows(filters.narrowed(tl, Filter(), date(2031, 9, 15)), at(10, 5))
    assert found[rooms.now_row(found)].entry_id == "m1"  # started 10:00; h1 and s1 at 09:30
    assert found[agenda.now_index(found)].entry_id == "h1"
