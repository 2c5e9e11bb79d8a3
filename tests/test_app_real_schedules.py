"""Each real schedule in ../shared/data/schedules opened in the app at an instant inside it: the
rooms board names a real title in the right room, the agenda's day switcher moves across its
days, and a room filter narrows the board. Skipped when that folder is absent (a user's clone).

The expected titles, rooms and times were read from the source files by hand, not computed.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from apptools import pilot_test, running, text_of
from conftest import SCHEDULES

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.sources.loader import load as load_source
from c4ml_tui.tui.app import make_app
from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.rooms import RoomsScreen
from c4ml_tui.tui.widgets.agenda_table import AgendaTable
from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.room_table import RoomTable

CASES = [
    # file, --timezone, instant (event-local), room, title running there, its days
    ("38c3.xml", None, "2024-12-28T14:00", "Saal 1",
     "Wann klappt der Anschluss, wann nicht und wie sagt man Chaos vorher?", 4),
    ("fosdem-2021.xml", "Europe/Brussels", "2021-02-06T10:50", "D.openjdk",
     "10 Ways Everyone Can Support the Java Community", 2),
    ("rc3-2021.json", None, "2021-12-28T12:40", "c-base", "Public Money? Public Code! During Corona", 4),
    ("pretalx-democon.json", None, "2020-12-14T08:15", "Tan Room", "Managed stable function", 3),
]


@pytest.mark.parametrize(("name", "zone", "instant", "room", "title", "days"), CASES,
                         ids=[c[0] for c in CASES])
@pilot_test
async def test_a_real_schedule_in_the_app(name, zone, instant, room, title, days):
    path = SCHEDULES / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared schedules live outside the repository)")
    program = load_source(path, zone)
    now = datetime.fromisoformat(instant).replace(tzinfo=program.tz)
    app = make_app(program, ManualClock(program.tz, now))
    async with running(app, (120, 40)) as ui:
        assert isinstance(app.screen, RoomsScreen)
        table = app.screen.query_one(RoomTable)
        rows = {row.key: row for row in table.rows_shown}
        assert rows[room].now == title, rows[room]
        assert f"{room} | {title} | " in text_of(table)

        # A room filter narrows the board to that room.
        await ui.press("r", *room, "enter")
        assert app.room_filter.room == room
        assert [row.key for row in table.rows_shown] == [room]
        assert app.screen.query_one(ClockBar).heading.startswith(f"Rooms · {room} · ")

        # The agenda opens on today, narrowed too, and the day switcher walks every day.
        await ui.press("a")
        assert isinstance(app.screen, AgendaScreen)
        agenda = app.screen
        assert agenda.day == now.date()
        assert title in [r.title for r in agenda.query_one(AgendaTable).rows_shown]
        await ui.press("r", "pageup", "enter")  # all rooms again
        seen = [agenda.day]
        for _ in range(days):
            await ui.press("right_square_bracket")
            seen.append(agenda.day)
        for _ in range(days):
            await ui.press("left_square_bracket")
            seen.append(agenda.day)
        assert sorted(set(seen)) == list(agenda.days) and len(agenda.days) == days
        first = agenda.query_one(AgendaTable).rows_shown[0]
        assert first.kind == "day" and agenda.day == agenda.days[0]
        assert agenda.query_one(ClockBar).heading.startswith(f"Agenda · {agenda.day:%a} {agenda.day.day} ")


@pilot_test
async def test_the_room_option_opens_the_app_narrowed_to_that_room():
    """``c4ml-tui --program 38c3.xml --room "saal 1"``: the program is that room's (as for every
    command), so the app opens on the now board of that one room."""
    from c4ml_tui.cli import build_parser
    from c4ml_tui.commands.common import load_program
    from c4ml_tui.tui.screens.now import NowScreen

    path = SCHEDULES / "38c3.xml"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    program = load_program(build_parser().parse_args(["--program", str(path), "--room", "saal 1"]))
    assert program.rooms == ("Saal 1",)
    now = datetime(2024, 12, 28, 14, 0, tzinfo=program.tz)
    app = make_app(program, ManualClock(program.tz, now))
    async with running(app) as ui:
        assert isinstance(app.screen, NowScreen)
        text = text_of(app.screen.query_one("#now-card"))
        assert "Wann klappt der Anschluss, wann nicht und wie sagt man Chaos vorher?" in text
        assert "13:50-14:30 · talk · Saal 1" in text
        await ui.press("a")
        assert {r.room for r in app.screen.query_one(AgendaTable).rows_shown if r.room} == {"Saal 1"}
