"""The chair screen in the app: the countdown through its stages, the marks and the delay they
carry to every view, the bell, a restart, a corrupt marks file, and ``c4ml-tui chair``.

A manual clock moves and ``app.tick()`` stands for the one-second interval: no time is patched.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from apptools import pilot_test, running, screen_text
from chair_fixtures import TZ, YAML, at, fictional

from c4ml_tui import cli
from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.stages import ChairOptions, settings
from c4ml_tui.store.chairlog import log_path
from c4ml_tui.tui import app as app_module
from c4ml_tui.tui.app import C4mlApp, make_app
from c4ml_tui.tui.screens.agenda import AgendaScreen
from c4ml_tui.tui.screens.chair import ChairScreen
from c4ml_tui.tui.screens.now import NowScreen
from c4ml_tui.tui.widgets.countdown import BigCountdown
from c4ml_tui.tui.widgets.lines import Lines


class Recording(C4mlApp):
    """The app, counting the bells it rings and keeping what it notified."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))  # relative paths follow the subclass

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bells = 0
        self.notes: list[tuple[str, str]] = []

    def bell(self) -> None:
        self.bells += 1
        super().bell()

    def notify(self, message: str, **kwargs) -> None:
        self.notes.append((message, kwargs.get("severity", "information")))
        super().notify(message, **kwargs)


def chair_app(when: datetime, program=None, *, bell: bool = False, start: str | None = "chair"):
    program = program or fictional()
    clock = ManualClock(program.tz, when)
    chair = ChairOptions(settings(program.chair), bell=bell)
    return Recording(program, clock, local_zone=TZ, start_screen=start, chair=chair), clock


def c4ml_at(program, hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-03-02T{hhmm}").replace(tzinfo=program.tz)


async def step(ui, when: datetime) -> None:
    """Move the event clock to ``when`` and let one tick happen."""
    ui.clock.set(when)
    ui.app.tick()
    await ui.pause()


def countdown(app) -> BigCountdown:
    return app.screen.query_one(BigCountdown)


def shown(app) -> tuple[str, str, str]:
    """``(digits, stage class, word)`` of the countdown in front."""
    big = countdown(app)
    [stage] = [c for c in big.classes if c.startswith("-")]
    return big.digits, stage, big.word


def line(app, name: str) -> str:
    """What line ``name`` of the chair screen says (``title``, ``next``...), ``""`` when nothing."""
    return next(lines.text(name) for lines in app.screen.query(Lines) if name in lines.names)


# -- the countdown and its stages ---------------------------------------------------------------------
@pilot_test
async def test_c_opens_the_chair_screen_from_anywhere():
    app, _ = chair_app(at("09:20"), start=None)
    async with running(app) as ui:
        await ui.press("a", "c")
        assert isinstance(app.screen, ChairScreen)
        await ui.press("escape")
        assert isinstance(app.screen, AgendaScreen)


@pilot_test
async def test_the_countdown_crosses_every_stage_and_counts_up_in_overtime():
    """The fictional program's ``chair:`` block: wrap-up at 4 minutes, last minute at 1."""
    app, _ = chair_app(at("09:10"))
    async with running(app) as ui:
        await ui.pilot.press("s")  # a1 started on time, 09:10
        await step(ui, at("09:20"))
        assert line(app, "title") == "Lowering Dreams to Loops"
        assert line(app, "who") == "Ada Placeholder"
        assert line(app, "context") == "Session A · talk 1 of 4 · Hall Zero"
        assert shown(app) == ("10:00", "-normal", "TIME LEFT")
        await step(ui, at("09:25:59"))
        assert shown(app) == ("04:01", "-normal", "TIME LEFT")
        await step(ui, at("09:26"))
        assert shown(app) == ("04:00", "-wrap-up", "WRAP UP")
        await step(ui, at("09:29"))
        assert shown(app) == ("01:00", "-last-minute", "LAST MINUTE")
        await step(ui, at("09:30"))
        assert shown(app) == ("00:00", "-last-minute", "LAST MINUTE")
        await step(ui, at("09:32:13"))  # marked started, not ended: it runs over
        assert shown(app) == ("+02:13", "-overtime", "OVERTIME")
        assert line(app, "title") == "Lowering Dreams to Loops"
        assert line(app, "next") == "Next: Tensor Folding for Paper Cranes, scheduled 09:30 · after this one"


@pilot_test
async def test_the_end_of_a_talk_moves_the_countdown_to_the_next_one():
    app, _ = chair_app(at("09:29:59"))
    async with running(app) as ui:
        assert line(app, "title") == "Lowering Dreams to Loops"
        assert shown(app) == ("00:01", "-last-minute", "LAST MINUTE")
        await step(ui, at("09:30"))
        assert line(app, "title") == "Tensor Folding for Paper Cranes"
        assert line(app, "who") == "Bo Imaginary"
        assert shown(app) == ("20:00", "-normal", "TIME LEFT")
        assert line(app, "next") == "Next: A Type System for Vapour, at 09:55 · in 25 min"
        assert line(app, "then") == "Then: Break, at 10:30"


@pilot_test
async def test_an_item_whose_talks_are_unknown_is_counted_down_whole_and_a_gap_counts_to_the_next():
    app, _ = chair_app(at("13:30"))
    async with running(app) as ui:
        assert line(app, "title") == "Session C"
        assert "Talks not announced yet" in line(app, "who")
        assert shown(app) == ("30:00", "-normal", "TIME LEFT")
        await step(ui, at("14:05"))  # the 10-minute gap before the keynote
        assert line(app, "title") == "Keynote on Compilers That Do Not Exist"
        assert shown(app) == ("05:00", "-waiting", "STARTS IN")
        await step(ui, at("16:00"))  # its last day: the program is over
        assert shown(app) == ("--:--", "-idle", "PROGRAM OVER")


# -- the marks and the delay in every view --------------------------------------------------------------
@pilot_test
async def test_start_and_end_marks_move_later_items_on_the_board_and_the_agenda():
    app, _ = chair_app(at("09:10"))
    async with running(app) as ui:
        await ui.pilot.press("s")  # a1 on time
        await step(ui, at("09:37"))
        await ui.press("e")  # a1 ran 7 minutes over
        assert ("Ended Lowering Dreams to Loops at 09:37.", "information") in app.notes
        assert line(app, "title") == "Tensor Folding for Paper Cranes"
        assert line(app, "window") == "09:37-09:57, scheduled 09:30"
        assert line(app, "next") == "Next: A Type System for Vapour, at 10:02, scheduled 09:55 · in 25 min"
        assert line(app, "then") == "Then: Break, at 10:37, scheduled 10:30"
        assert "running 7 min late" in screen_text(app)
        await ui.press("n")
        assert isinstance(app.screen, NowScreen)
        board = screen_text(app)
        assert "Nowhere 09:37:00 CEST · running 7 min late" in board  # in the clock bar, on every screen
        assert "09:37-09:57, scheduled 09:30 · 20 min left" in board  # the talk on stage
        assert "10:37-11:07, scheduled 10:30 · break" in board  # next
        await ui.press("a")
        agenda = screen_text(app)
        assert "running 7 min late" in agenda
        assert "10:37-11:07 | Break, scheduled 10:30" in agenda
        assert "11:07-11:57 | Session B, scheduled 11:00" in agenda
        assert "12:00-13:00 | Lunch | lunch" in agenda  # the 10-minute gap absorbed the 7


@pilot_test
async def test_the_bundled_program_break_at_10_07_scheduled_10_00(c4ml):
    app, _ = chair_app(c4ml_at(c4ml, "08:47"), c4ml)
    async with running(app) as ui:
        await ui.press("s")  # Session 1 started at 08:47
        assert line(app, "title") == "Session 1"
        assert line(app, "window") == "08:47-10:07, scheduled 08:40"
        assert line(app, "next") == "Next: Break, at 10:07, scheduled 10:00 · in 1 h 20 min"
        await ui.press("a")
        agenda = screen_text(app)
        assert "10:07-10:37 | Break, scheduled 10:00" in agenda
        assert "12:00-13:00 | Lunch" in agenda


@pilot_test
async def test_lunch_is_fixed_and_cuts_short_what_runs_into_it():
    app, _ = chair_app(at("11:12"))
    async with running(app) as ui:
        await ui.pilot.press("s")  # Session B's first talk, 12 minutes late
        await step(ui, at("11:37"))
        await ui.pilot.press("s")  # and the second, as b1 ends
        await step(ui, at("11:45"))
        assert line(app, "title") == "Quantized Daydreams"
        assert line(app, "window") == "11:37-12:00, scheduled 11:25 · must end by 12:00 (2 min squeezed)"
        assert line(app, "next") == "Next: Lunch, at 12:00 · in 15 min"
        await ui.press("a")
        agenda = screen_text(app)
        assert "12:00-13:00 | Lunch | lunch" in agenda
        assert "13:00-14:00 | Session C | session" in agenda  # nothing after lunch moved


@pilot_test
async def test_nudges_and_undo():
    app, _ = chair_app(at("09:20"))
    async with running(app) as ui:
        await ui.press("plus", "plus")
        assert line(app, "window") == "09:10-09:32, scheduled to end 09:30"
        assert line(app, "next") == "Next: Tensor Folding for Paper Cranes, at 09:32, scheduled 09:30 · in 12 min"
        await ui.press("minus")
        assert line(app, "window") == "09:10-09:31, scheduled to end 09:30"
        await ui.press("u", "u", "u")
        assert line(app, "window") == "09:10-09:30"
        assert app.timeline.expected == {}
        assert json.loads(log_path(app.program).read_text())["marks"] == []
        await ui.press("u")
        assert app.notes[-1] == ("Nothing to undo.", "warning")
        assert "running" not in screen_text(app)


@pilot_test
async def test_undo_takes_back_a_start_mark_everywhere():
    app, _ = chair_app(at("09:17"))
    async with running(app) as ui:
        await ui.press("s")
        assert "running 7 min late" in screen_text(app)
        await ui.press("u")
        assert app.notes[-1] == ("Undone: started Lowering Dreams to Loops at 09:17.", "information")
        assert "running" not in screen_text(app)
        await ui.press("a")
        assert ", scheduled" not in screen_text(app)


@pilot_test
async def test_a_restart_reads_the_marks_back_and_every_view_shows_the_delay():
    first, _ = chair_app(at("09:17"))
    async with running(first) as ui:
        await ui.press("s")
    again, _ = chair_app(at("09:20"), start=None)  # the plain app, same data folder
    async with running(again) as ui:
        assert isinstance(again.screen, NowScreen)
        board = screen_text(again)
        assert "running 7 min late" in board
        assert "09:17-09:37, scheduled 09:10 · 17 min left" in board
        await ui.press("c")
        assert line(again, "title") == "Lowering Dreams to Loops"
        assert line(again, "window") == "09:17-09:37, scheduled 09:10"
        assert "last mark: started Lowering Dreams to Loops at 09:17" in line(again, "status")


@pilot_test
async def test_a_corrupt_marks_file_warns_and_the_app_still_runs():
    program = fictional()
    path = log_path(program)
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    app, _ = chair_app(at("09:20"), program)
    async with running(app) as ui:
        assert isinstance(app.screen, ChairScreen)
        warnings = [m for m, severity in app.notes if severity == "warning"]
        assert any("corrupt" in m for m in warnings)
        assert list(path.parent.glob("*.corrupt-*"))
        await ui.press("s")  # a fresh log takes marks again
        assert len(json.loads(path.read_text())["marks"]) == 1


@pilot_test
async def test_a_failed_save_says_so_and_keeps_the_mark(tmp_path):
    program = fictional()
    log_path(program).parent.parent.mkdir(parents=True, exist_ok=True)
    log_path(program).parent.write_text("a file where the chair folder should be")
    app, _ = chair_app(at("09:17"), program)
    async with running(app) as ui:
        await ui.press("s")
        errors = [m for m, severity in app.notes if severity == "error"]
        assert errors and "could not save the chair marks" in errors[0]
        assert "running 7 min late" in screen_text(app)  # kept in memory


@pilot_test
async def test_keys_that_have_nothing_to_act_on_say_so():
    app, _ = chair_app(at("16:00"))
    async with running(app) as ui:
        await ui.press("e", "s")
        assert app.notes[-2:] == [("Nothing is running to mark ended.", "warning"),
                                  ("Nothing left to mark started today.", "warning")]


# -- the bell --------------------------------------------------------------------------------------------
@pilot_test
async def test_the_bell_rings_once_at_each_change_of_stage():
    app, _ = chair_app(at("09:10"), bell=True)
    async with running(app) as ui:
        await ui.pilot.press("s")
        for when, bells in [("09:20", 0), ("09:26", 1), ("09:26:30", 1), ("09:27", 1), ("09:29", 2),
                            ("09:29:30", 2), ("09:30:01", 3), ("09:31", 3)]:
            await step(ui, at(when))
            assert app.bells == bells, when
        await ui.pilot.press("e")  # the next talk starts in normal: not an alarm
        await step(ui, at("09:32"))
        assert app.bells == 3


@pilot_test
async def test_b_turns_the_bell_on_and_off():
    app, _ = chair_app(at("09:25"))
    async with running(app) as ui:
        assert line(app, "status").startswith("bell off")
        await step(ui, at("09:26"))
        assert app.bells == 0
        await ui.press("b")
        assert line(app, "status").startswith("bell on")
        await step(ui, at("09:29"))
        assert app.bells == 1


# -- c4ml-tui chair ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("argv, title", [
    (["--at", "2025-03-02T09:15"], "Session 1"),
    (["--at", "2031-05-14T09:20", "--program", "FICTIONAL", "--wrap-up", "12", "--bell"], "Lowering Dreams to Loops"),
])
def test_the_chair_command_opens_the_app_on_the_chair_screen(monkeypatch, tmp_path, argv, title):
    """Through ``cli.main`` and the real ``run_app``; only ``App.run`` becomes a headless run."""
    fictional_file = tmp_path / "fictional.yaml"
    fictional_file.write_text(YAML, encoding="utf-8")
    argv = [str(fictional_file) if a == "FICTIONAL" else a for a in argv]
    seen = []

    def run_headless(self, *args, **kwargs):
        # --at starts a clock that runs in real time, and a busy machine can take seconds to get
        # this far: check it started at --at, then stand it still there, so the countdown reads
        # the same on every run (it read 44:59 under load).
        when = datetime.fromisoformat(argv[argv.index("--at") + 1]).replace(tzinfo=self.clock.tz)
        assert timedelta(0) <= self.clock.now() - when < timedelta(minutes=1)
        self.clock = ManualClock(self.clock.tz, when)

        async def drive():
            async with running(self) as ui:
                seen.append((self.screen, line(self, "title"), shown(self), self.chair_options))
                await ui.pilot.press("q")

        asyncio.run(drive())

    monkeypatch.setattr(C4mlApp, "run", run_headless)
    assert cli.main(["chair", *argv]) == 0
    [(screen, shown_title, (digits, stage, _word), options)] = seen
    assert isinstance(screen, ChairScreen) and shown_title == title
    if "--wrap-up" in argv:  # 10 min left of a1 at 09:20: wrap-up from 12 by the option
        assert (digits, stage, options.bell) == ("10:00", "-wrap-up", True)
    else:
        assert (digits, stage, options.bell) == ("45:00", "-normal", False)


def test_make_app_refuses_an_unknown_start_screen(c4ml):
    with pytest.raises(ValueError):
        make_app(c4ml, ManualClock(c4ml.tz, c4ml_at(c4ml, "09:00")), start_screen="nowhere")
