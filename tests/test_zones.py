"""The machine's zone (TZ) never changes an answer; DST-change days are counted in real time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from core_helpers import FIXTURES, run, run_json

from c4ml_tui.core.timeline import Timeline
from c4ml_tui.sources.loader import load

ZONES = ["UTC", "Asia/Tokyo", "America/New_York", "Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati"]
UTC = timezone.utc


@pytest.mark.parametrize("at", ["2025-03-02T09:15", "2025-03-02T11:55", "2025-03-02T17:15Z", "2025-03-01T23:00"])
def test_now_json_is_identical_in_every_machine_zone(at):
    answers = [run_json("now", "--at", at, "--json", tz=zone) for zone in ZONES]
    assert all(answer == answers[0] for answer in answers[1:]), answers
    assert answers[0]["timezone"] == "America/Los_Angeles"
    assert answers[0]["now"].endswith("-08:00")


def test_now_json_is_the_same_without_tz_set():
    assert run_json("now", "--at", "2025-03-02T09:15", "--json", tz=None) == \
        run_json("now", "--at", "2025-03-02T09:15", "--json", tz="Asia/Tokyo")


def test_agenda_json_is_identical_in_every_machine_zone():
    answers = [run_json("agenda", "--json", tz=zone) for zone in ("UTC", "Asia/Tokyo", "America/New_York")]
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["days"][0]["items"][0]["start"] == "2025-03-02T08:30:00-08:00"


def test_agenda_text_is_identical_in_every_machine_zone():
    outputs = {run("agenda", tz=zone).stdout for zone in ("UTC", "Asia/Tokyo", "Europe/Berlin")}
    assert len(outputs) == 1 and "08:30-08:40  Opening" in outputs.pop()


# -- a DST-change day (fictional) ----------------------------------------------------------------

@pytest.fixture
def spring():
    return load(FIXTURES / "dst_spring.yaml", use_cache=False)


def test_spring_forward_item_times(spring):
    across = spring.by_id["across"]
    assert across.start.utcoffset() == timedelta(hours=-8) and across.end.utcoffset() == timedelta(hours=-7)
    assert across.end.astimezone(UTC) - across.start.astimezone(UTC) == timedelta(hours=1)


@pytest.mark.parametrize("utc, current, remaining, talk, talk_left, next_talk, until_talk", [
    # 01:45 PST: 45 real minutes until 03:30 PDT (the wall clock says 1 h 45)
    ((9, 45), "across", 45, "before", 5, "after", 25),
    # 01:59:59 PST, the last second before the change
    ((9, 59, 59), "across", 30 + 1 / 60, None, None, "after", 10 + 1 / 60),
    # 03:00 PDT, the first second after
    ((10, 0), "across", 30, None, None, "after", 10),
    ((10, 10), "across", 20, "after", 20, None, None),
    ((10, 30), "dawn", 30, None, None, None, None),
])
def test_spring_forward_timeline(spring, utc, current, remaining, talk, talk_left, next_talk, until_talk):
    snap = Timeline(spring).at(datetime(2025, 3, 9, *utc, tzinfo=UTC))
    assert snap.current.id == current
    assert snap.remaining == timedelta(minutes=remaining)
    assert (snap.current_talk and snap.current_talk.id) == talk
    assert (snap.talk_remaining and snap.talk_remaining / timedelta(minutes=1)) == talk_left
    assert (snap.next_talk and snap.next_talk.id) == next_talk
    assert (snap.until_next_talk and snap.until_next_talk / timedelta(minutes=1)) == until_talk


def test_spring_forward_through_the_command_line():
    program = str(FIXTURES / "dst_spring.yaml")
    for zone in ("UTC", "Asia/Tokyo"):
        answer = run_json("--program", program, "now", "--at", "2025-03-09T01:45", "--json", tz=zone)
        assert answer["now"] == "2025-03-09T01:45:00-08:00"
        assert answer["current"]["end"] == "2025-03-09T03:30:00-07:00"
        assert answer["current"]["remaining_seconds"] == 45 * 60
        assert answer["next"]["starts_in_seconds"] == 45 * 60
        assert answer["current_talk"]["id"] == "before" and answer["next_talk"]["starts_in_seconds"] == 25 * 60
    line = run("--program", program, "now", "--at", "2025-03-09T01:45", tz="America/Los_Angeles").stdout
    assert "(01:30-03:30, 45 min left)" in line and "next: Dawn Session at 03:30 (in 45 min)" in line


def test_fall_back_counts_the_repeated_hour():
    program = load(FIXTURES / "dst_fall.yaml", use_cache=False)
    tl = Timeline(program)
    item = program.items[0]
    assert item.end.astimezone(UTC) - item.start.astimezone(UTC) == timedelta(hours=3, minutes=30)
    first = tl.at(datetime(2025, 11, 2, 8, 30, tzinfo=UTC))   # 01:30 PDT
    second = tl.at(datetime(2025, 11, 2, 9, 30, tzinfo=UTC))  # 01:30 PST, an hour later
    assert first.at.hour == second.at.hour == 1 and first.at.fold == 0 and second.at.fold == 1
    assert first.remaining == timedelta(hours=2, minutes=30)
    assert second.remaining == timedelta(hours=1, minutes=30)
    assert tl.at(datetime(2025, 11, 2, 10, 59, 59, tzinfo=UTC)).status == "live"   # 02:59:59 PST
    assert tl.at(datetime(2025, 11, 2, 11, 0, tzinfo=UTC)).status == "over"        # 03:00 PST


def test_fall_back_through_the_command_line():
    answer = run_json("--program", str(FIXTURES / "dst_fall.yaml"), "now", "--at", "2025-11-02T01:30-08:00", "--json")
    assert answer["now"] == "2025-11-02T01:30:00-08:00"
    assert answer["current"]["remaining_seconds"] == 90 * 60
