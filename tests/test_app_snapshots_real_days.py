"""SVG snapshots of every main screen at 80x24 and 200x60 (issue 13's yardstick): the board, the
rooms board, the agenda, the detail pane, the chair screen and search, on the bundled C4ML
program and on 38C3 (skipped when the shared schedules are absent). 38C3's board is the now
board of one room (``--room "Saal 1"``); the bundled program has one room, so no rooms board.

Update with ``pytest -n 0 --snapshot-update tests/test_app_snapshots_real_days.py`` and look at
every changed SVG before committing it."""

from __future__ import annotations

from datetime import datetime

import pytest
from apptools import app_at, until
from conftest import SCHEDULES

from c4ml_tui.core.filters import only_room
from c4ml_tui.store.chairlog import ChairLog

SIZES = {"80x24": (80, 24), "200x60": (200, 60)}
CCC = SCHEDULES / "38c3.xml"
needs_38c3 = pytest.mark.skipif(not CCC.exists(), reason="the shared schedules are not here")


def c4ml_app(c4ml, late: bool = False):
    if late:  # the chair marked Session 1 started at 08:47: the day runs 7 minutes late
        ChairLog.load(c4ml).mark_start("session-1", datetime(2025, 3, 2, 8, 47, tzinfo=c4ml.tz))
    app, _ = app_at(c4ml, 9, 15)
    return app


def ccc_app(room: str | None = None, started: str | None = None, at: tuple[int, ...] = (14, 20)):
    from c4ml_tui.sources.loader import load

    program = load(CCC)
    if room:
        program = only_room(program, room)
    if started:  # Saal 1's talk marked started, before the app starts (no note in the picture)
        when = datetime.fromisoformat(f"2024-12-28T{started}").replace(tzinfo=program.tz)
        ChairLog.load(program).mark_start(started_id(program), when)
    app, _ = app_at(program, *at, day=program.days[1])
    return app


def started_id(program) -> str:
    return next(i.id for i in program.items if i.room == "Saal 1" and i.title.startswith("Wann klappt"))


async def to_saal_1(pilot) -> None:
    from c4ml_tui.tui.widgets.room_table import RoomTable

    await until(pilot, lambda: pilot.app.screen.query(RoomTable) and pilot.app.screen.query_one(RoomTable).rows_shown,
                "the rooms board's rows")
    table = pilot.app.screen.query_one(RoomTable)
    table.move_cursor(row=[r.key for r in table.rows_shown].index("Saal 1"))
    await pilot.pause()


# -- the bundled program ---------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES)
def test_c4ml_board(snap_compare, c4ml, size):
    assert snap_compare(c4ml_app(c4ml, late=True), terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_c4ml_agenda(snap_compare, c4ml, size):
    assert snap_compare(c4ml_app(c4ml, late=True), terminal_size=SIZES[size], press=["a"])


@pytest.mark.parametrize("size", SIZES)
def test_c4ml_detail(snap_compare, c4ml, size):
    assert snap_compare(c4ml_app(c4ml), terminal_size=SIZES[size], press=["enter"])


@pytest.mark.parametrize("size", SIZES)
def test_c4ml_chair(snap_compare, c4ml, size):
    assert snap_compare(c4ml_app(c4ml, late=True), terminal_size=SIZES[size], press=["c"])


@pytest.mark.parametrize("size", SIZES)
def test_c4ml_search(snap_compare, c4ml, size):
    assert snap_compare(c4ml_app(c4ml), terminal_size=SIZES[size], press=["slash", *"session", "down"])


@pytest.mark.parametrize("size", SIZES)
def test_c4ml_about(snap_compare, c4ml, size):
    assert snap_compare(c4ml_app(c4ml), terminal_size=SIZES[size], press=["i"])


# -- 38C3 ------------------------------------------------------------------------------------------
@needs_38c3
@pytest.mark.parametrize("size", SIZES)
def test_38c3_board_of_saal_1(snap_compare, size):
    assert snap_compare(ccc_app(room="Saal 1"), terminal_size=SIZES[size])


@needs_38c3
@pytest.mark.parametrize("size", SIZES)
def test_38c3_rooms_board(snap_compare, size):
    assert snap_compare(ccc_app(), terminal_size=SIZES[size], run_before=to_saal_1)


@needs_38c3
@pytest.mark.parametrize("size", SIZES)
def test_38c3_agenda(snap_compare, size):
    assert snap_compare(ccc_app(), terminal_size=SIZES[size], press=["a"])


@needs_38c3
@pytest.mark.parametrize("size", SIZES)
def test_38c3_detail(snap_compare, size):
    assert snap_compare(ccc_app(), terminal_size=SIZES[size], run_before=to_saal_1, press=["enter"])


@needs_38c3
@pytest.mark.parametrize("size", SIZES)
def test_38c3_chair_in_saal_1_running_over(snap_compare, size):
    # 13:50-14:30, started at 13:52: at 14:35:20 three minutes over, the day 6 minutes late
    app = ccc_app(started="13:52", at=(14, 35, 20))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=to_saal_1, press=["c"])


@needs_38c3
@pytest.mark.parametrize("size", SIZES)
def test_38c3_search(snap_compare, size):
    assert snap_compare(ccc_app(), terminal_size=SIZES[size], press=["slash", *"security", "down"])
