"""The rooms board of a program with parallel rooms: one row per room, the filters (``r``, ``t``),
Enter, time passing, and the day of the room under the cursor. Fictional program."""

from __future__ import annotations

from apptools import DATA, app_at, load_data, pilot_test, screen_text, text_of

from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.now import NowScreen
from c4ml_tui.tui.screens.pick import PickScreen
from c4ml_tui.tui.screens.rooms import RoomsScreen
from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.room_table import RoomTable

SIZE = (80, 24)
PROGRAM = load_data("rooms.yaml")


def table_rows(app) -> list[str]:
    return text_of(app.screen.query_one(RoomTable)).splitlines()


def heading(app) -> str:
    return app.screen.query_one(ClockBar).heading


@pilot_test
async def test_a_program_with_rooms_opens_on_the_rooms_board():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RoomsScreen)
        assert heading(app) == "Rooms · all rooms · Fictional Festival of Imaginary Compilers"
        assert table_rows(app) == [
            "All rooms | free |  | Lunch | 12:00",
            "Hall Ω | Loops All the Way Down | 10 min | Registers Remembered | 10:30",
            "Studio Zwei | Café Öffentlich: Ärger mit Übersetzern | 1 h 25 | Second Day in the Studio | Tue 11:00",
            "[i]Markup Room[/i] | [b]Not bold[/b] and [/] kept | 15 min | Late Lightning | 16:00",
        ]
        text = screen_text(app)
        assert "Monday 15 September 2031 · live · 3 busy, 1 free" in text
        assert "Later in all rooms" not in text  # the first row's later items are in its row already


@pilot_test
async def test_a_single_room_program_keeps_the_now_board(c4ml):
    app, _ = app_at(c4ml, 9, 15)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NowScreen)
        assert "r Room" not in screen_text(app)


@pilot_test
async def test_the_room_filter_narrows_the_board_and_all_rooms_resets_it():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        assert text_of(app.screen.options).splitlines() == [
            "✓ All rooms", "  Hall Ω  3 items", "  Studio Zwei  2 items", "  [i]Markup Room[/i]  2 items"]
        await pilot.press(*"zwei", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RoomsScreen)
        assert heading(app).startswith("Rooms · Studio Zwei · ")
        assert [r.split(" | ")[0] for r in table_rows(app)] == ["All rooms", "Studio Zwei"]
        await pilot.press("r")
        await pilot.pause()
        assert text_of(app.screen.options).splitlines()[2] == "✓ Studio Zwei  2 items"
        await pilot.press("escape")  # closes without a change
        await pilot.pause()
        assert heading(app).startswith("Rooms · Studio Zwei · ")
        await pilot.press("r", "pageup", "enter")  # "All rooms" is the first choice
        await pilot.pause()
        assert heading(app).startswith("Rooms · all rooms · ")
        assert len(table_rows(app)) == 4


@pilot_test
async def test_typing_ignores_case_and_accents_and_the_arrows_move_in_the_list():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", *"HALL O")  # "Hall Ω" does not fold to "o": nothing matches
        await pilot.pause()
        assert text_of(app.screen.options) == ""
        await pilot.press(*["backspace"] * 2, "enter")
        await pilot.pause()
        assert app.room_filter.room == "Hall Ω"
        await pilot.press("r", "down", "down", "enter")
        await pilot.pause()
        assert app.room_filter.room == "[i]Markup Room[/i]"


@pilot_test
async def test_the_track_filter_and_the_room_filter_combine():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", *"soc", "enter")
        await pilot.pause()
        assert heading(app).startswith("Rooms · track Society · ")
        assert [r.split(" | ")[0] for r in table_rows(app)] == ["Studio Zwei", "[i]Markup Room[/i]"]
        assert table_rows(app)[1] == "[i]Markup Room[/i] | free |  | Late Lightning | 16:00"
        await pilot.press("r", *"hall", "enter")
        await pilot.pause()
        assert heading(app).startswith("Rooms · Hall Ω · track Society · ")
        assert table_rows(app) == []
        assert "Nothing scheduled for Hall Ω · track Society." in screen_text(app)


@pilot_test
async def test_enter_opens_what_runs_in_the_room_or_what_is_next_there():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "h1"
        await pilot.press("escape", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.entry_id == "lunch"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RoomsScreen)


@pilot_test
async def test_the_board_follows_the_clock_and_rewrites_only_what_changed():
    app, clock = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(RoomTable)
        rebuilds = []
        original = table._rebuild
        table._rebuild = lambda: (rebuilds.append(1), original())
        clock.advance(minutes=4)
        app.tick()
        await pilot.pause()
        assert table_rows(app)[1] == "Hall Ω | Loops All the Way Down | 6 min | Registers Remembered | 10:30"
        assert rebuilds == []  # the same rooms: new words in place
        clock.advance(minutes=6)  # 10:15: the hall's talk is over
        app.tick()
        await pilot.pause()
        assert table_rows(app)[1] == "Hall Ω | free |  | Registers Remembered | 10:30"
        clock.advance(minutes=6)  # 10:21: the markup room has nothing more until 16:00
        app.tick()
        await pilot.pause()
        assert table_rows(app)[3] == "[i]Markup Room[/i] | free |  | Late Lightning | 16:00"


@pilot_test
async def test_the_day_of_the_room_under_the_cursor_narrow_and_wide():
    app, _ = app_at(PROGRAM, 9, 35)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")
        await pilot.pause()
        text = screen_text(app)
        assert "Later in Hall Ω\n  12:00-13:00  Lunch" in text
    app, _ = app_at(PROGRAM, 9, 35)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        text = screen_text(app)
        assert "Studio Zwei · Monday 15 September 2031" in text
        assert "▶ 09:30-11:30  Café Öffentlich: Ärger mit Übersetzern" in text
        assert "in 1 d" not in table_rows(app)[2]
    app, _ = app_at(PROGRAM, 9, 35)
    async with app.run_test(size=(260, 40)) as pilot:
        await pilot.pause()
        assert table_rows(app)[2].endswith("| Tue 11:00 | in 1 d 1 h")  # a table this wide also says when


@pilot_test
async def test_the_filter_holds_in_the_agenda_too():
    app, _ = app_at(PROGRAM, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", *"studio", "enter", "a")
        await pilot.pause()
        assert heading(app).startswith("Agenda · Mon 15 Sep (1/2) · Studio Zwei · ")
        text = screen_text(app)
        assert "Café Öffentlich" in text and "Loops All the Way Down" not in text
        await pilot.press("r", "pageup", "enter")
        await pilot.pause()
        assert "Loops All the Way Down" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert heading(app).startswith("Rooms · all rooms · ")


@pilot_test
async def test_the_room_option_narrows_the_app_to_one_room():
    from c4ml_tui.cli import build_parser
    from c4ml_tui.commands.common import load_program

    program = load_program(build_parser().parse_args(["--program", str(DATA / "rooms.yaml"), "--room", "studio"]))
    app, _ = app_at(program, 10, 5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NowScreen)  # one room left: the now board of that room
        text = screen_text(app)
        assert "Café Öffentlich: Ärger mit Übersetzern" in text and "Loops All the Way Down" not in text


@pilot_test
async def test_the_pick_box_ignores_accents_and_says_nothing_is_chosen_on_escape():
    app, _ = app_at(PROGRAM, 10, 5)
    chosen = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = {"Café Öffentlich": 1, "Cafeteria": 2, "Hall": 3}
        app.push_screen(PickScreen("Room", "All rooms", names, None), chosen.append)
        await pilot.pause()
        await pilot.press(*"cafe OFF")
        await pilot.pause()
        assert text_of(app.screen.options).splitlines() == ["  Café Öffentlich  1 item"]
        await pilot.press("enter")
        await pilot.pause()
        app.push_screen(PickScreen("Room", "All rooms", names, "Hall"), chosen.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert chosen == ["Café Öffentlich", None]
