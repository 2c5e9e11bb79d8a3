"""The chair screen second by second: between the moments a word can change, a tick moves only
the digits (issue 15), and at every second the screen says what the chair's words say then:
across the wrap-up, the last minute, overtime, the end of a talk, a gap and a start marked at
an odd second. A manual clock moves one second per ``app.tick()``: no time is patched.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from apptools import pilot_test, running
from chair_fixtures import at
from test_app_chair import chair_app, line, shown

from c4ml_tui.words import chair as chairview

STAGE = {"normal": "-normal", "wrap_up": "-wrap-up", "last_minute": "-last-minute", "overtime": "-overtime",
         "waiting": "-waiting", "idle": "-idle"}


def expected(app, now: datetime) -> chairview.ChairView:
    """The chair's words at ``now``, worked out whole (what every second showed before)."""
    state = app.state
    return chairview.view(state.timeline, state.delays, now, state.chair.thresholds, state.chair_room)


async def seconds(ui, start: datetime, count: int) -> list[str]:
    """Tick once a second from ``start`` for ``count`` seconds; at each second the screen must
    show the words worked out whole. Returns the digits shown, one per second."""
    app, seen = ui.app, []
    for k in range(count):
        now = start + timedelta(seconds=k)
        ui.clock.set(now)
        app.tick()
        await ui.pause()
        words = expected(app, now)
        assert shown(app) == (words.digits, STAGE[words.stage], words.word), now
        assert (line(app, "title"), line(app, "next"), line(app, "window")) == (words.title, words.next,
                                                                                  words.window), now
        seen.append(words.digits)
    return seen


@pilot_test
async def test_every_second_across_the_stages_and_into_overtime_shows_the_words_of_that_second():
    app, _ = chair_app(at("09:10:07"), bell=True)  # started 7 s late: every threshold at :07
    async with running(app) as ui:
        await ui.pilot.press("s")
        digits = await seconds(ui, at("09:26:00"), 12)  # the wrap-up (4 min) at 09:26:07 exactly
        assert digits[6:9] == ["04:01", "04:00", "03:59"]
        assert shown(app)[1] == "-wrap-up" and app.bells == 1
        await seconds(ui, at("09:29:03"), 8)  # the last minute at 09:29:07
        assert app.bells == 2
        digits = await seconds(ui, at("09:30:05"), 6)  # the expected end, 09:30:07, then overtime
        assert digits == ["00:02", "00:01", "00:00", "+00:01", "+00:02", "+00:03"]
        assert shown(app) == ("+00:03", "-overtime", "OVERTIME") and app.bells == 3


@pilot_test
async def test_every_second_across_the_end_of_a_talk_and_a_gap_shows_the_words_of_that_second():
    app, _ = chair_app(at("09:49:50"))
    async with running(app) as ui:
        await seconds(ui, at("09:49:55"), 10)  # a2 ends at 09:50: the gap before a3 (09:55)
        assert shown(app) == ("04:56", "-waiting", "STARTS IN")
        assert line(app, "title") == "A Type System for Vapour"
        await seconds(ui, at("09:54:55"), 10)  # a3 starts: counted down from 20:00
        assert shown(app) == ("19:56", "-normal", "TIME LEFT")
        assert line(app, "title") == "A Type System for Vapour"


@pilot_test
async def test_the_seconds_between_two_changes_move_only_the_digits_and_the_clock():
    """No word but the digits and the clock changes between 09:20:01 and 09:20:59: the chair's
    view is not worked out again there (it was each second), yet the digits count each second."""
    app, _ = chair_app(at("09:20"))
    async with running(app) as ui:
        screen = app.screen
        worked = []
        view = screen.view
        screen.view = lambda snap: worked.append(snap.at) or view(snap)
        await seconds(ui, at("09:20:01"), 59)
        assert worked == []
        assert shown(app) == ("09:01", "-normal", "TIME LEFT")
        await seconds(ui, at("09:21:00"), 1)  # another minute: the words again ("in 34 min")
        assert worked == [at("09:21:00")]
