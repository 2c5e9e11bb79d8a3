"""The rooms board of a program with parallel rooms: one row per room, the filters (``r``, ``t``),
Enter, time passing, and the day of the room under the cursor. Fictional program."""

from __future__ import annotations

from apptools import DATA, cells_as_textual, load_data, pilot_test, running_at, text_of

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


@pilot_test
async def test_the_rooms_cells_drawn_without_rich_look_as_textual_draws_them():
    # The room table draws its one-line cells itself (room_table.draw, as the agenda does): every
    # cell, left and right aligned, busy (bold) and free (dim italic) rows, the cursor's row,
    # names cut in the middle and titles cut with an ellipsis, must come out as DataTable draws them.
    for size in ((80, 24), (200, 60)):
        async with running_at(PROGRAM, 10, 5, size=size) as ui:
            table = ui.screen.query_one(RoomTable)
            drawn, cut = cells_as_textual(table, range(table.row_count))
            assert drawn >= 4 * 5 * 2
            assert cut or size == (200, 60)  # at 80 columns some names and titles do not fit


@pilot_test
async def test_a_datatable_that_keeps_its_cells_otherwise_still_draws_the_board(monkeypatch):
    # room_table.draw reads DataTable's private fields (Textual 8.2); a Textual without them
    # (AttributeError) draws every cell its own way: the same board.
    from c4ml_tui.tui.widgets import room_table

    def missing(*args, **kwargs):
        raise AttributeError("'RoomTable' object has no attribute '_data'")

    monkeypatch.setattr(room_table, "draw", missing)
    async with running_at(PROGRAM, 10, 5) as ui:
        assert table_rows(ui)[:2] == [
            "All rooms | free |  | Lunch | 12:00",
            "Hall Ω | Loops All the Way Down | 10 min | Registers Remembered | 10:30",
        ]
        assert "Loops All the Way Down" in ui.text and "Registers Remembered" in ui.text
