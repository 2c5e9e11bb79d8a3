"""Properties of the timeline for any instant (hypothesis)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from core_helpers import FIXTURES, bundled_path
from hypothesis import given, settings
from hypothesis import strategies as st

from c4ml_tui.core.timeline import STATUSES, Timeline
from c4ml_tui.sources.loader import load

UTC = timezone.utc
C4ML = load(bundled_path(), use_cache=False)
PROGRAMS = {
    "c4ml": C4ML,
    "fictional": load(FIXTURES / "fictional.yaml", use_cache=False),
    "multiday": load(FIXTURES / "multiday.yaml", use_cache=False),
    "dst_spring": load(FIXTURES / "dst_spring.yaml", use_cache=False),
    "dst_fall": load(FIXTURES / "dst_fall.yaml", use_cache=False),
}


def instants(program, margin=timedelta(hours=6)):
    """Any instant from before the first item to after the last, often exactly on a boundary."""
    first = min(i.start for i in program.items).astimezone(UTC).replace(tzinfo=None)
    last = max(i.end for i in program.items).astimezone(UTC).replace(tzinfo=None)
    edges = sorted({x.astimezone(UTC) for i in program.items for x in (i.start, i.end)}
                   | {x.astimezone(UTC) for i in program.items for t in i.talks for x in (t.start, t.end)})
    anywhere = st.datetimes(min_value=first - margin, max_value=last + margin, timezones=st.just(UTC))
    near_edge = st.tuples(st.sampled_from(edges), st.integers(-2, 2)).map(lambda p: p[0] + timedelta(microseconds=p[1]))
    zones = st.sampled_from([UTC, program.tz, timezone(timedelta(hours=9)), timezone(timedelta(hours=-5))])
    return st.tuples(st.one_of(anywhere, near_edge), zones).map(lambda p: p[0].astimezone(p[1]))


def u(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


@given(now=instants(C4ML))
def test_at_most_one_item_runs_on_the_c4ml_program(now):
    tl = Timeline(C4ML)
    running = [i for i in C4ML.items if u(i.start) <= u(now) < u(i.end)]
    assert len(running) <= 1
    assert tl.running(now) == running
    assert tl.at(now).current == (running[0] if running else None)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
@settings(max_examples=150)
@given(data=st.data())
def test_snapshot_is_consistent(name, data):
    program = PROGRAMS[name]
    now = data.draw(instants(program))
    tl = Timeline(program)
    snap = tl.at(now)
    assert snap.status in STATUSES
    # (compared in UTC: PEP 495 makes a time in a repeated hour unequal to any other zone's)
    assert u(snap.at) == u(now) and snap.at.tzinfo is program.tz

    # remaining + elapsed == the item's duration; the item contains now
    if snap.current is not None:
        c = snap.current
        elapsed = u(now) - u(c.start)
        assert timedelta(0) <= elapsed and snap.remaining > timedelta(0)
        assert snap.remaining + elapsed == u(c.end) - u(c.start)
        assert snap.remaining == u(c.end) - u(now)
    else:
        assert snap.remaining is None

    # starts_in == next.start - now, and next is the first item starting after now
    if snap.next is not None:
        assert snap.until_next == u(snap.next.start) - u(now) > timedelta(0)
        assert not any(u(now) < u(i.start) < u(snap.next.start) for i in program.items)
    else:
        assert snap.until_next is None
        assert all(u(i.start) <= u(now) for i in program.items)

    # status agrees with current and next
    first, last = min(u(i.start) for i in program.items), max(u(i.end) for i in program.items)
    if snap.status == "live":
        assert snap.current is not None
    elif snap.status == "upcoming":
        assert snap.current is None and u(now) < first and snap.day_starts_in == first - u(now)
    elif snap.status == "between":
        assert snap.current is None and snap.next is not None and first <= u(now)
    else:  # over
        assert snap.current is None and snap.next is None and u(now) >= last

    # talks only inside the current item, and consistent the same way
    if snap.current_talk is not None:
        t = snap.current_talk
        assert t in snap.current.talks and u(t.start) <= u(now) < u(t.end)
        assert snap.talk_remaining == u(t.end) - u(now)
    if snap.next_talk is not None:
        assert snap.next_talk in snap.current.talks
        assert snap.until_next_talk == u(snap.next_talk.start) - u(now) > timedelta(0)
    if snap.current is None or not snap.current.talks:
        assert snap.current_talk is None and snap.next_talk is None


@given(now=instants(C4ML), shift=st.sampled_from([timedelta(hours=h) for h in (-12, -8, 0, 1, 9, 14)]))
def test_the_zone_of_now_never_changes_the_answer(now, shift):
    tl = Timeline(C4ML)
    assert tl.at(now) == tl.at(now.astimezone(timezone(shift)))
