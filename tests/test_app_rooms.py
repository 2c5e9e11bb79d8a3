"""The rooms board of a program with parallel rooms: one row per room, the filters (``r``, ``t``),
Enter, time passing, and the day of the room under the cursor. Fictional program."""

from __future__ import annotations

from apptools import DATA, load_data, pilot_test, running_at, text_of
from conftest import SCHEDULES

from c4ml_tui.tui.screens.detail import DetailScreen
from c4ml_tui.tui.screens.now import NowScreen
from c4ml_tui.tui.screens.pick import PickScreen
from c4ml_tui.tui.screens.rooms import RoomsScreen
from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.room_table import RoomTable

PROGRAM = load_data("rooms.yaml")


def table_rows(ui) -> list[str]:
    return text_of(ui.screen.query_one(RoomTable)).splitlines()


def heading(ui) -> str:
    return ui.screen.query_one(ClockBar).heading


@pilot_test
async def test_a_program_with_rooms_opens_on_the_rooms_board():
    async with running_at(PROGRAM, 10, 5) as ui:
        assert isinstance(ui.screen, RoomsScreen)
        assert heading(ui) == "Rooms · all rooms · Fictional Festival of Imaginary Compilers"
        assert table_rows(ui) == [
            "All rooms | free |  | Lunch | 12:00",
            "Hall Ω | Loops All the Way Down | 10 min | Registers Remembered | 10:30",
            "Studio Zwei | Café Öffentlich: Ärger mit Übersetzern | 1 h 25 | Second Day in the Studio | Tue 11:00",
            "[i]Markup…om[/i] | [b]Not bold[/b] and [/] kept | 15 min | Late Lightning | 16:00",
        ]
        text = ui.text
        assert "Monday 15 September 2031 · live · 3 busy, 1 free" in text
        assert "Later in all rooms" not in text  # the first row's later items are in its row already


@pilot_test
async def test_a_single_room_program_keeps_the_now_board(c4ml):
    async with running_at(c4ml, 9, 15) as ui:
        assert isinstance(ui.screen, NowScreen)
        assert "r Room" not in ui.text


@pilot_test
async def test_the_room_filter_narrows_the_board_and_all_rooms_resets_it():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("r")
        assert isinstance(ui.screen, PickScreen)
        assert text_of(ui.screen.options).splitlines() == [
            "✓ All rooms", "  Hall Ω  3 items", "  [i]Markup Room[/i]  2 items", "  Studio Zwei  2 items"]
        await ui.press(*"zwei", "enter")
        assert isinstance(ui.screen, RoomsScreen)
        assert heading(ui).startswith("Rooms · Studio Zwei · ")
        assert [r.split(" | ")[0] for r in table_rows(ui)] == ["All rooms", "Studio Zwei"]
        await ui.press("r")
        assert text_of(ui.screen.options).splitlines()[3] == "✓ Studio Zwei  2 items"
        await ui.press("escape")  # closes without a change
        assert heading(ui).startswith("Rooms · Studio Zwei · ")
        await ui.press("r", "pageup", "enter")  # "All rooms" is the first choice
        assert heading(ui).startswith("Rooms · all rooms · ")
        assert len(table_rows(ui)) == 4


@pilot_test
async def test_typing_ignores_case_and_accents_and_the_arrows_move_in_the_list():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("r", *"HALL O")  # "Hall Ω" does not fold to "o": nothing matches
        assert text_of(ui.screen.options) == ""
        await ui.press(*["backspace"] * 2, "enter")
        assert ui.app.room_filter.room == "Hall Ω"
        await ui.press("r", "down", "down", "enter")  # from Hall Ω, in alphabetical order
        assert ui.app.room_filter.room == "Studio Zwei"


@pilot_test
async def test_the_track_filter_and_the_room_filter_combine():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("t", *"soc", "enter")
        assert heading(ui).startswith("Rooms · track Society · ")
        assert [r.split(" | ")[0] for r in table_rows(ui)] == ["Studio Zwei", "[i]Markup…om[/i]"]
        assert table_rows(ui)[1] == "[i]Markup…om[/i] | free |  | Late Lightning | 16:00"
        await ui.press("r", *"hall", "enter")
        assert heading(ui).startswith("Rooms · Hall Ω · track Society · ")
        assert table_rows(ui) == []
        assert "Nothing scheduled for Hall Ω · track Society." in ui.text


@pilot_test
async def test_enter_opens_what_runs_in_the_room_or_what_is_next_there():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("down", "enter")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "h1"
        await ui.press("escape", "up", "enter")
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "lunch"
        await ui.press("n")
        assert isinstance(ui.screen, RoomsScreen)


@pilot_test
async def test_the_board_follows_the_clock_and_rewrites_only_what_changed():
    async with running_at(PROGRAM, 10, 5) as ui:
        table = ui.screen.query_one(RoomTable)
        rebuilds = []
        original = table._rebuild
        table._rebuild = lambda: (rebuilds.append(1), original())
        await ui.tick(minutes=4)
        assert table_rows(ui)[1] == "Hall Ω | Loops All the Way Down | 6 min | Registers Remembered | 10:30"
        assert rebuilds == []  # the same rooms: new words in place
        await ui.tick(minutes=6)  # 10:15: the hall's talk is over
        assert table_rows(ui)[1] == "Hall Ω | free |  | Registers Remembered | 10:30"
        await ui.tick(minutes=6)  # 10:21: the markup room has nothing more until 16:00
        assert table_rows(ui)[3] == "[i]Markup…om[/i] | free |  | Late Lightning | 16:00"


@pilot_test
async def test_the_day_of_the_room_under_the_cursor_narrow_and_wide():
    async with running_at(PROGRAM, 9, 35) as ui:
        await ui.press("down")
        text = ui.text
        assert "Later in Hall Ω\n  12:00-13:00  Lunch" in text
    async with running_at(PROGRAM, 9, 35, size=(200, 60)) as ui:
        await ui.press("down", "down")
        text = ui.text
        assert "Studio Zwei · Monday 15 September 2031" in text
        assert "▶ 09:30-11:30  Café Öffentlich: Ärger mit Übersetzern" in text
        assert table_rows(ui)[2].endswith("| Tue 11:00 | in 1 d 1 h")  # a wide table also says when
    async with running_at(PROGRAM, 9, 35, size=(120, 40)) as ui:
        assert "in 1 d" not in table_rows(ui)[2]  # a narrower one has no room for it


@pilot_test
async def test_the_filter_holds_in_the_agenda_too():
    async with running_at(PROGRAM, 10, 5) as ui:
        await ui.press("r", *"studio", "enter", "a")
        assert heading(ui).startswith("Agenda · Mon 15 Sep (1/2) · Studio Zwei · ")
        text = ui.text
        assert "Café Öffentlich" in text and "Loops All the Way Down" not in text
        await ui.press("r", "pageup", "enter")
        assert "Loops All the Way Down" in ui.text
        await ui.press("escape")
        assert heading(ui).startswith("Rooms · all rooms · ")


@pilot_test
async def test_the_room_option_narrows_the_app_to_one_room():
    from c4ml_tui.cli import build_parser
    from c4ml_tui.commands.common import load_program

    program = load_program(build_parser().parse_args(["--program", str(DATA / "rooms.yaml"), "--room", "studio"]))
    async with running_at(program, 10, 5) as ui:
        assert isinstance(ui.screen, NowScreen)  # one room left: the now board of that room
        text = ui.text
        assert "Café Öffentlich: Ärger mit Übersetzern" in text and "Loops All the Way Down" not in text


@pilot_test
async def test_the_pick_box_ignores_accents_and_says_nothing_is_chosen_on_escape():
    chosen = []
    async with running_at(PROGRAM, 10, 5) as ui:
        names = {"Café Öffentlich": 1, "Cafeteria": 2, "Hall": 3}
        ui.app.push_screen(PickScreen("Room", "All rooms", names, None), chosen.append)
        await ui.pause()
        await ui.press(*"cafe OFF")
        assert text_of(ui.screen.options).splitlines() == ["  Café Öffentlich  1 item"]
        await ui.press("enter")
        ui.app.push_screen(PickScreen("Room", "All rooms", names, "Hall"), chosen.append)
        await ui.pause()
        await ui.press("escape")
    assert chosen == ["Café Öffentlich", None]


def drawn(svg: str) -> str:
    """An SVG screenshot without the hash in its class names."""
    import re

    return re.sub(r"terminal-[0-9]+", "terminal", svg)


async def board_pictures(program, hour: int, minute: int, size, day=None) -> list[str]:
    """Screenshots of the rooms board: the cursor on the first, third and last rows, the mouse
    on a row, the table without the focus, and in a light theme."""
    pictures = []
    async with running_at(program, hour, minute, size=size, day=day) as ui:
        screen = ui.screen
        table = screen.table
        for row in (0, 2, len(table.rows_shown) - 1, 1):
            table.move_cursor(row=row)
            screen.show_room_day()
            await ui.pause()
            pictures.append(ui.app.export_screenshot())
        await ui.pilot.hover("#rooms-table", offset=(4, 3))
        await ui.pause()
        pictures.append(ui.app.export_screenshot())
        await ui.pilot.hover("#rooms-table", offset=(4, 0))  # the header
        await ui.pause()
        pictures.append(ui.app.export_screenshot())
        ui.app.set_focus(None)
        await ui.pause()
        pictures.append(ui.app.export_screenshot())
        ui.app.theme = "textual-light"
        table.focus()
        await ui.pause()
        pictures.append(ui.app.export_screenshot())
    return pictures


@pilot_test
async def test_the_hand_drawn_room_table_looks_as_a_datatable(monkeypatch):
    # The board's table draws its lines itself (no DataTable on the first screen): every line,
    # header, cursor focused and not, the mouse's row, names cut in the middle and titles cut
    # with an ellipsis, scrolled or not, must come out as Textual's DataTable drew them.
    from datatable_rooms import DataTableRooms

    from c4ml_tui.tui.screens import rooms

    cases = [(PROGRAM, 10, 5, None)]
    big = SCHEDULES / "38c3.xml"
    if big.exists():
        from c4ml_tui.sources.loader import load

        program = load(big)
        cases.append((program, 14, 20, program.days[1]))  # 72 rooms: the table scrolls
    for program, hour, minute, day in cases:
        for size in ((80, 24), (200, 60)):
            ours = await board_pictures(program, hour, minute, size, day)
            with monkeypatch.context() as patch:
                patch.setattr(rooms, "RoomTable", DataTableRooms)
                theirs = await board_pictures(program, hour, minute, size, day)
            assert len(ours) == len(theirs) == 8
            for index, (mine, reference) in enumerate(zip(ours, theirs, strict=True)):
                # (the SVG's class names are a hash of the segments, mouse positions included)
                assert drawn(mine) == drawn(reference), (size, index)




@pilot_test
async def test_a_click_puts_the_cursor_on_a_room_and_a_second_click_opens_it():
    async with running_at(PROGRAM, 10, 5) as ui:
        table = ui.screen.table
        await ui.click("#rooms-table", offset=(4, 2))  # the second row: Hall Ω
        assert table.cursor_row == 1 and table.rows_shown[1].room == "Hall Ω"
        assert "Later in Hall Ω" in ui.text and isinstance(ui.screen, RoomsScreen)
        await ui.click("#rooms-table", offset=(4, 0))  # the header: nothing happens
        assert table.cursor_row == 1 and isinstance(ui.screen, RoomsScreen)
        await ui.click("#rooms-table", offset=(30, 2))
        assert isinstance(ui.screen, DetailScreen) and ui.screen.entry_id == "h1"
