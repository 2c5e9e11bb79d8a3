"""The event clock: --at parsing, simulated and manual clocks. Time is injected, never patched."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from c4ml_tui.core.clock import ManualClock, SimulatedClock, SystemClock, make_clock, parse_at

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")


class FakeMonotonic:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0):
        self.value = start

    def __call__(self) -> float:
        return self.value


# -- parse_at -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2025-03-02T09:15", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),          # event-local without an offset
    ("2025-03-02 09:15", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),
    ("2025-03-02T09:15:30", datetime(2025, 3, 2, 9, 15, 30, tzinfo=LA)),
    ("  2025-03-02T09:15  ", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),
    ("2025-03-02T17:15Z", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),          # Z: that instant
    ("2025-03-02T17:15z", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),
    ("2025-03-02T17:15+00:00", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),
    ("2025-03-02T18:15+01:00", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),
    ("2025-03-03T02:15+09:00", datetime(2025, 3, 2, 9, 15, tzinfo=LA)),
    ("2025-03-02", datetime(2025, 3, 2, 0, 0, tzinfo=LA)),
])
def test_parse_at(text, expected):
    parsed = parse_at(text, LA)
    assert parsed == expected
    assert parsed.tzinfo is LA and parsed.utcoffset() == timedelta(hours=-8)


def test_parse_at_in_another_event_zone():
    assert parse_at("2025-03-02T09:15", BERLIN).astimezone(timezone.utc).hour == 8
    assert parse_at("2025-03-02T09:15Z", BERLIN).hour == 10


@pytest.mark.parametrize("text", ["09:15", "tomorrow", "2025-13-01T09:00", "2025-02-30T09:00", "2025-03-02T25:00"])
def test_parse_at_refuses_with_a_clear_message(text):
    with pytest.raises(ValueError) as caught:
        parse_at(text, LA)
    assert "is not an ISO 8601 date-time" in str(caught.value)
    assert "2025-03-02T09:15" in str(caught.value)  # an example of what to write


@pytest.mark.parametrize("text", ["", "  "])
def test_an_empty_at_is_an_error_not_the_real_clock(text):
    with pytest.raises(ValueError, match=r"--at is empty.*2025-03-02T09:15.*leave --at out"):
        make_clock(LA, text)


@pytest.mark.parametrize("text", ["0001-01-01T00:00Z", "9999-12-31T23:59"])
def test_parse_at_refuses_instants_that_would_overflow(text):
    with pytest.raises(ValueError, match="out of range"):
        parse_at(text, LA)


def test_a_wall_time_in_the_spring_forward_gap_moves_forward():
    # 02:30 does not exist on 2025-03-09 in Los Angeles: it is read as 03:30 PDT
    parsed = parse_at("2025-03-09T02:30", LA)
    assert parsed.astimezone(timezone.utc) == datetime(2025, 3, 9, 10, 30, tzinfo=timezone.utc)


def test_an_ambiguous_wall_time_is_the_first_occurrence():
    parsed = parse_at("2025-11-02T01:30", LA)
    assert parsed.utcoffset() == timedelta(hours=-7)  # PDT, the first 01:30
    assert parse_at("2025-11-02T01:30-08:00", LA).fold == 1  # the second, given its offset


# -- SimulatedClock -----------------------------------------------------------------------------------

def test_simulated_clock_runs_at_its_speed():
    tick = FakeMonotonic()
    clock = SimulatedClock(LA, datetime(2025, 3, 2, 9, 15, tzinfo=LA), speed=60, monotonic=tick)
    assert clock.now() == datetime(2025, 3, 2, 9, 15, tzinfo=LA)
    tick.value += 1.5
    assert clock.now() == datetime(2025, 3, 2, 9, 16, 30, tzinfo=LA)
    tick.value += 45 * 60 / 60
    assert clock.now() == datetime(2025, 3, 2, 10, 1, 30, tzinfo=LA)
    assert clock.now().tzinfo is LA


def test_simulated_clock_at_real_speed():
    tick = FakeMonotonic(5.0)
    clock = SimulatedClock(LA, datetime(2025, 3, 2, 17, 15, tzinfo=timezone.utc), monotonic=tick)
    tick.value += 10
    assert clock.now() == datetime(2025, 3, 2, 9, 15, 10, tzinfo=LA)
    assert clock.now().tzinfo is LA


def test_simulated_clock_counts_real_time_across_spring_forward():
    tick = FakeMonotonic()
    clock = SimulatedClock(LA, datetime(2025, 3, 9, 1, 0, tzinfo=LA), speed=3600, monotonic=tick)
    tick.value += 2  # two real hours: 01:00 PST + 2 h = 04:00 PDT (not 03:00)
    now = clock.now()
    assert (now.hour, now.minute, now.utcoffset()) == (4, 0, timedelta(hours=-7))


def test_simulated_clock_needs_an_aware_start():
    with pytest.raises(ValueError):
        SimulatedClock(LA, datetime(2025, 3, 2, 9, 15))


# -- ManualClock ----------------------------------------------------------------------------------------

def test_manual_clock_moves_only_when_told():
    clock = ManualClock(LA, datetime(2025, 3, 2, 17, 15, tzinfo=timezone.utc))
    assert clock.now() == datetime(2025, 3, 2, 9, 15, tzinfo=LA) and clock.now().tzinfo is LA
    assert clock.now() == clock.now()
    clock.advance(minutes=45)
    assert clock.now() == datetime(2025, 3, 2, 10, 0, tzinfo=LA)
    clock.set(datetime(2025, 3, 2, 20, 0, tzinfo=timezone.utc))
    assert clock.now() == datetime(2025, 3, 2, 12, 0, tzinfo=LA) and clock.now().tzinfo is LA


def test_manual_clock_advances_real_time_across_fall_back():
    clock = ManualClock(LA, datetime(2025, 11, 2, 1, 30, tzinfo=LA))  # the first 01:30, PDT
    clock.advance(hours=1)
    now = clock.now()
    assert (now.hour, now.minute, now.utcoffset()) == (1, 30, timedelta(hours=-8))  # the second 01:30
    clock.advance(hours=1)
    assert (clock.now().hour, clock.now().utcoffset()) == (2, timedelta(hours=-8))


def test_manual_clock_needs_an_aware_start():
    with pytest.raises(ValueError):
        ManualClock(LA, datetime(2025, 3, 2, 9, 15))


# -- make_clock -------------------------------------------------------------------------------------

def test_make_clock_without_options_is_the_real_clock():
    clock = make_clock(LA)
    assert isinstance(clock, SystemClock)
    now = clock.now()
    assert now.tzinfo is LA
    assert abs(now - datetime.now(timezone.utc)) < timedelta(minutes=1)
    assert isinstance(make_clock(LA, None, 1.0), SystemClock)


def test_make_clock_with_at_and_speed_is_simulated():
    clock = make_clock(LA, "2025-03-02T09:15", 60)
    assert isinstance(clock, SimulatedClock) and clock.speed == 60
    assert timedelta(0) <= clock.now() - datetime(2025, 3, 2, 9, 15, tzinfo=LA) < timedelta(minutes=5)
    assert make_clock(LA, "2025-03-02T09:15").speed == 1.0


def test_make_clock_with_speed_alone_starts_now():
    clock = make_clock(LA, None, 2)
    assert isinstance(clock, SimulatedClock)
    assert abs(clock.now() - datetime.now(timezone.utc)) < timedelta(minutes=1)


@pytest.mark.parametrize("speed", [0, -1, float("nan"), float("inf"), 1e9])
def test_make_clock_refuses_a_bad_speed(speed):
    with pytest.raises(ValueError, match="--speed"):
        make_clock(LA, "2025-03-02T09:15", speed)
