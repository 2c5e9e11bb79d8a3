"""A big program opens on the items around now (issue 15): the board paints from a slice the
program's store reads, the whole program is read in a worker thread and swapped in; until then
the places that need every item say so instead of showing a part of it."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from apptools import pilot_test, running, until
from conftest import SCHEDULES

from c4ml_tui.commands import app as app_command
from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.model import whole_size
from c4ml_tui.sources.loader import bundled_file, load, open_view
from c4ml_tui.tui.app import make_app
from c4ml_tui.tui.screens.help import HelpScreen

XML = SCHEDULES / "38c3.xml"
needs_38c3 = pytest.mark.skipif(not XML.exists(), reason="the shared schedules are not here")
AT = datetime.fromisoformat("2024-12-28T14:20:00+01:00")


def gated_app():
    """The app on 38C3's slice at AT (as the command line opens it), the whole program held back
    until the gate is set."""
    from c4ml_tui.tui.rest import first_screen

    view = open_view(XML)
    part = first_screen(view, view.around(AT), AT)
    gate = threading.Event()

    def rest():
        gate.wait(30)
        return load(XML)

    return make_app(part, ManualClock(part.tz, AT), rest=rest), part, gate


async def _asked_for(ui, app, key: str) -> None:
    await ui.press(key)
    await until(ui.pilot, lambda: any("Still reading the whole program" in n.message
                                      for n in app._notifications), "the note that the program is read")


@needs_38c3
@pilot_test
async def test_the_board_shows_the_slice_and_the_agenda_waits_for_the_whole_program():
    app, part, gate = gated_app()
    assert whole_size(part) == len(load(XML).items) > 10 * len(part.items) / 2
    async with running(app, (120, 40)) as ui:
        assert "Mittelhochdeutsche Literatur lesen" in ui.text  # on at 14:20, in its room
        assert "Der CCC-Jahresrückblick" in ui.text  # the day of the room under the cursor, at once
        await _asked_for(ui, app, "a")
        assert getattr(ui.screen, "PLACE", None) != "agenda"
        gate.set()
        await until(ui.pilot, lambda: app.rest.done, "the whole program swapped in")
        assert len(app.state.program.items) == whole_size(part)
        # the agenda asked for opens by itself once the program is in: no second key
        await until(ui.pilot, lambda: getattr(ui.screen, "PLACE", None) == "agenda", "the agenda")
        await until(ui.pilot, lambda: "Illegal instructions by legals" in ui.text, "Saturday's 11:00 talk")


@needs_38c3
@pilot_test
async def test_a_place_asked_for_while_reading_does_not_open_once_the_user_went_elsewhere():
    app, _, gate = gated_app()
    async with running(app, (120, 40)) as ui:
        await _asked_for(ui, app, "a")
        await ui.press("question_mark")
        await until(ui.pilot, lambda: isinstance(ui.screen, HelpScreen), "the help")
        gate.set()
        await until(ui.pilot, lambda: app.rest.done, "the whole program swapped in")
        await ui.pilot.pause()
        assert isinstance(ui.screen, HelpScreen)  # the agenda did not open over it
        await ui.press("escape")
        assert getattr(ui.screen, "PLACE", None) != "agenda"


@needs_38c3
def test_a_big_file_opens_on_a_slice_and_a_small_one_whole(tmp_path, monkeypatch):
    import argparse

    args = argparse.Namespace(program=str(XML), at="2024-12-28T14:20", speed=None, timezone=None, room=None,
                              clock=None, show_zone=None)
    monkeypatch.setattr(app_command, "BIG_FILE", 1)
    monkeypatch.setattr(app_command, "BIG_PROGRAM", 500)
    part, _, rest = app_command.big_opening(args)
    assert whole_size(part) == len(load(XML).items)
    assert len(part.items) < whole_size(part) and rest is not None
    assert rest().items == load(XML).items
    monkeypatch.setattr(app_command, "BIG_PROGRAM", 5000)
    assert app_command.big_opening(args) is None  # noted as 1,007 items: read whole, as always
    monkeypatch.setattr(app_command, "BIG_FILE", 64 * 2**20)
    assert app_command.big_opening(args) is None  # a file this small is read whole without a look


def test_a_mid_size_program_opens_on_a_slice_and_the_bundled_one_whole(tmp_path):
    """A fictional 1,000-talk program (0.2 MB of YAML, 130 sessions holding the talks) opens on the
    items around now with the default thresholds, as 38C3 does; the bundled program (3.5 KB) is
    read whole without a look."""
    import argparse
    import os
    import sys
    import time
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from gen_program import generate

    path = tmp_path / "mid.yaml"
    path.write_text(generate(1000, 1, 10), encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))  # (a file written this second is not noted: its store is opened each time)
    assert 32 * 2**10 < path.stat().st_size < 2**20

    def args(program):
        return argparse.Namespace(program=str(program), at="2031-06-10T14:00", speed=None, timezone=None,
                                  room=None, clock=None, show_zone=None)

    for _ in range(2):  # stored and noted, then opened by its note
        part, _, rest = app_command.big_opening(args(path))
        assert whole_size(part) == len(load(path).items)  # (the whole program's items: the slice knows)
        assert len(part.items) < len(load(path).items) / 2
        assert rest is not None and rest().items == load(path).items
    assert app_command.big_opening(args(bundled_file())) is None


@needs_38c3
def test_a_big_file_not_noted_yet_is_stored_then_read_whole_when_small(tmp_path, monkeypatch):
    import argparse
    import shutil

    copy = tmp_path / "38c3.xml"
    shutil.copy(XML, copy)  # just written: too fresh for a note, so the store is opened each time
    args = argparse.Namespace(program=str(copy), at="2024-12-28T14:20", speed=None, timezone=None, room=None,
                              clock=None, show_zone=None)
    monkeypatch.setattr(app_command, "BIG_FILE", 1)
    monkeypatch.setattr(app_command, "BIG_PROGRAM", 5000)  # (38C3's 1,007 items: small here)
    whole, _, rest = app_command.big_opening(args)
    assert rest is None and whole_size(whole) is None and whole.items == load(XML).items


def _first_screen_words(program, now):
    """What the first screen says at ``now``: the rooms board's rows, status and the day of the
    room under its cursor (both panels); on a one-room program the now board's day."""
    from c4ml_tui.core.timeline import Timeline
    from c4ml_tui.words import agenda, rooms

    tl = Timeline(program)
    if len(program.rooms) < 2:
        day = agenda.board_day(tl, now)
        return day, agenda.day_rows(agenda.rows(tl, now), day)
    shown = rooms.answer(tl, now)
    rows = [rooms.row(tl, line, now) for line in shown.lines]
    days = rooms.room_days(tl, shown.lines[0], now, shown.day) if shown.lines else None
    return rows, shown.quiet, shown.day, shown.until, rooms.status(tl, tl.at(now), shown), days


@pytest.mark.parametrize(("path", "zone"), [(XML, None), (SCHEDULES / "fosdem-2021.xml", "Europe/Brussels"),
                                            (SCHEDULES / "rc3-2021.json", None)],
                         ids=["38c3", "fosdem-2021", "rc3-2021"])
def test_the_first_screen_of_a_slice_says_what_the_whole_program_says(path, zone):
    """Every 37 minutes from before the first item to after the last (nights, the gaps between
    days, the end), the slice a big program opens on gives the first screen the whole program
    gives: every row, the status, and the "Later in" list and day of the room under the cursor."""
    from datetime import timedelta

    from c4ml_tui.sources.loader import open_view
    from c4ml_tui.tui.rest import first_screen

    if not path.exists():
        pytest.skip("the shared schedules are not here")
    whole, view = load(path, zone), open_view(path, zone)
    moment, last = min(i.start for i in whole.items) - timedelta(hours=5), max(i.end for i in whole.items)
    checked = 0
    while moment <= last + timedelta(hours=5):
        part = first_screen(view, view.around(moment), moment)
        assert len(part.items) < len(whole.items) / 2
        assert _first_screen_words(part, moment) == _first_screen_words(whole, moment), moment
        moment += timedelta(minutes=37)
        checked += 1
    assert checked > 60


def test_a_one_room_slice_holds_the_now_boards_whole_day(tmp_path, monkeypatch):
    """On a one-room program, the now board's day (under or beside the boxes) is whole."""
    from datetime import timedelta

    from conftest import BUNDLED

    from c4ml_tui.sources import loader
    from c4ml_tui.sources.loader import open_view
    from c4ml_tui.tui.rest import first_screen

    monkeypatch.setattr(loader, "SMALL_FILE", -1)  # the store's slice, as a big file's (this one is 3.5 KB)
    whole, view = load(BUNDLED), open_view(BUNDLED)
    for minutes in range(-120, 14 * 60, 23):
        moment = min(i.start for i in whole.items) + timedelta(minutes=minutes)
        part = first_screen(view, view.around(moment), moment)
        assert _first_screen_words(part, moment) == _first_screen_words(whole, moment), moment


THREE_DAYS = """\
# Fictional: three days, two rooms, quiet evenings (the slice around 21:00 on day two holds no
# item of day two: what runs is nothing, what is next is on day three).
event: {title: Fictional Symposium on Imaginary Linkers, date: 2031-06-10, timezone: Asia/Tokyo}
schedule:
  - {id: d1-oak, title: Opening in Oak, start: "09:00", end: "10:00", room: Oak}
  - {id: d1-elm, title: Morning in Elm, start: "09:30", end: "10:30", room: Elm}
  - {id: d2-oak, title: Second Morning in Oak, start: "2031-06-11 09:00", end: "10:00", room: Oak}
  - {id: d2-elm, title: Second Afternoon in Elm, start: "2031-06-11 14:00", end: "15:00", room: Elm}
  - {id: d2-oak2, title: Second Evening in Oak, start: "2031-06-11 17:00", end: "18:00", room: Oak}
  - {id: d3-elm, title: Closing in Elm, start: "2031-06-12 11:00", end: "12:00", room: Elm}
"""


def test_a_slice_on_a_quiet_evening_is_about_today_as_the_whole_program(tmp_path, monkeypatch):
    """After the day's last item, the rooms board is about today (every room quiet today), not
    about tomorrow, whose items are all the slice around now holds: the slice gets one of
    today's items so that it says the same."""
    from datetime import timedelta

    from c4ml_tui.sources import loader
    from c4ml_tui.sources.loader import open_view
    from c4ml_tui.tui.rest import first_screen

    monkeypatch.setattr(loader, "SMALL_FILE", -1)  # the store's slice, as a big file's
    path = tmp_path / "three.yaml"
    path.write_text(THREE_DAYS, encoding="utf-8")
    whole, view = load(path), open_view(path)
    evening = datetime.fromisoformat("2031-06-11T21:00:00+09:00")
    assert all(item.day != evening.date() for item in view.around(evening).items)  # (the case this is about)
    assert _first_screen_words(first_screen(view, view.around(evening), evening), evening)[2] == evening.date()
    moment = datetime.fromisoformat("2031-06-10T05:00:00+09:00")
    while moment < datetime.fromisoformat("2031-06-13T05:00:00+09:00"):
        part = first_screen(view, view.around(moment), moment)
        assert _first_screen_words(part, moment) == _first_screen_words(whole, moment), moment
        moment += timedelta(minutes=20)


@needs_38c3
@pilot_test
async def test_the_room_picker_waits_for_the_whole_program_and_counts_every_item():
    """``r`` just after the first frame: the picker counts each room's items, so it opens once
    the whole program is read (by itself), with Saal ZIGZAG's 45 items, not the slice's few."""
    from c4ml_tui.tui.screens.pick import PickScreen

    app, _, gate = gated_app()
    async with running(app, (80, 24)) as ui:
        await _asked_for(ui, app, "r")
        assert not isinstance(ui.screen, PickScreen)
        gate.set()
        await until(ui.pilot, lambda: isinstance(ui.screen, PickScreen), "the room picker, by itself")
        await ui.press(*"zigzag")
        await until(ui.pilot, lambda: "Saal ZIGZAG  45 items" in ui.text, "every item of Saal ZIGZAG counted")
