"""Issue 13, item 1, in the app: the chair's banner never contradicts the countdown. The scene of
the issue on ``tests/fixtures/fictional.yaml``: ``s`` at 09:09 (Imaginary Loops, scheduled
09:10-09:40), the talk runs over, ``e`` at 09:43. The bar, the board, the agenda and the chair
screen say the same thing at every step, as the minutes pass on their own (no key between)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from apptools import pilot_test, running, screen_text

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.sources.loader import load
from c4ml_tui.tui.app import make_app
from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.countdown import BigCountdown

FIXTURE = Path(__file__).parent / "fixtures" / "fictional.yaml"


def at(program, hhmmss: str) -> datetime:
    return datetime.fromisoformat(f"2031-06-10T{hhmmss}").replace(tzinfo=program.tz)


def bar(app) -> str:
    return app.screen.query_one(ClockBar).notes


@pilot_test
async def test_the_bar_board_and_agenda_follow_the_overtime_countdown():
    program = load(FIXTURE, use_cache=False)
    clock = ManualClock(program.tz, at(program, "09:08"))
    app = make_app(program, clock, local_zone=program.tz, start_screen="chair")
    async with running(app) as ui:
        await ui.tick(minutes=1)
        await ui.press("s")  # Imaginary Loops started at 09:09: a minute early
        assert "Started Imaginary Loops at 09:09." in [n.message for n in app._notifications]
        await ui.tick(minutes=11)
        assert bar(app) == "· running 1 min early"
        clock.set(at(program, "09:42:07"))  # 3 min 7 s past its expected end (09:39)
        app.tick()
        await ui.pause()
        big = app.screen.query_one(BigCountdown)
        assert (big.digits, big.word) == ("+03:07", "OVERTIME")
        assert bar(app) == "· running 3 min late"
        assert "Next: Phantom Tensors, scheduled 09:45 · after this one" in ui.text
        await ui.press("n")  # the board
        assert bar(app) == "· running 3 min late"
        board = screen_text(app)
        assert "09:09-09:43, scheduled 09:10 · over time by 3 min" in board
        assert "Then: Phantom Tensors, after this one (it runs over)" in board
        await ui.press("a")  # the agenda: Phantom Tensors moved with the overrun
        assert "09:48-10:13" in ui.text and "Phantom Tensors, scheduled 09:45" in ui.text
        await ui.tick(minutes=1)  # 09:43:07: the overrun reached another minute, no key pressed
        assert "09:49-10:14" in ui.text
        assert bar(app) == "· running 4 min late"
        await ui.press("c")
        clock.set(at(program, "09:43"))
        await ui.press("e")  # ended at 09:43
        await ui.tick(seconds=10)
        assert bar(app) == "· running 3 min late"
        assert "09:48-10:13, scheduled 09:45" in ui.text
        big = app.screen.query_one(BigCountdown)
        assert (big.digits, big.word) == ("04:50", "STARTS IN")


@pilot_test
async def test_the_chair_countdown_moves_every_second():
    """The digits count seconds: a tick a second later shows the next second (the cheap tick
    that redraws other screens once a minute must not freeze them)."""
    program = load(FIXTURE, use_cache=False)
    app = make_app(program, ManualClock(program.tz, at(program, "09:15")), local_zone=program.tz,
                   start_screen="chair")
    async with running(app) as ui:
        big = app.screen.query_one(BigCountdown)
        assert big.digits == "25:00"
        await ui.tick(seconds=1)
        assert big.digits == "24:59"
        await ui.tick(seconds=1)
        assert big.digits == "24:58"
