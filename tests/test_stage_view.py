"""The stage view (``c4ml-tui stage``): block digits that fill 40x12 to 200x60, the stages with
their words and border shapes, flashing at wrap-up and overtime (steady with ``--calm``), the
chair's message in large letters, and read-only keys. On the fictional chair program (talk a1
09:10-09:30; wrap-up at 4 minutes, last minute at 1) with a manual clock."""

from __future__ import annotations

import pytest
from apptools import pilot_test, running, screen_text
from chair_fixtures import at, fictional

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.feed import Message
from c4ml_tui.core.stages import ChairOptions
from c4ml_tui.store import stagenote
from c4ml_tui.store.chairlog import ChairLog
from c4ml_tui.tui.screens.stage import StageScreen
from c4ml_tui.tui.stage_app import StageApp
from c4ml_tui.tui.widgets import bigtext
from c4ml_tui.tui.widgets.bigtext import BigText

PROGRAM = fictional()


def stage_app(when: str, *, calm: bool = False) -> StageApp:
    return StageApp(PROGRAM, ManualClock(PROGRAM.tz, at(when)), chair=ChairOptions(PROGRAM.chair), calm=calm)


def digits(app) -> BigText:
    return app.screen.query_one("#stage-digits", BigText)


def word(app) -> str:
    return app.screen.query_one("#stage-word").text


async def second(ui, **delta) -> None:
    ui.clock.advance(**delta)
    ui.app.tick()
    await ui.pause()


@pytest.mark.parametrize(("size", "rows"), [((40, 12), 4), ((80, 24), 7), ((200, 60), 25)])
@pilot_test
async def test_the_digits_fill_the_terminal(size, rows):
    app = stage_app("09:20")
    async with running(app, size=size) as ui:
        assert isinstance(app.screen, StageScreen)
        big = digits(app)
        assert big.text == "10:00" and big.blocks is not None
        assert len(big.blocks) == rows  # as tall as the panel allows
        assert max(len(r) for r in big.blocks) <= big.content_size.width
        assert big.blocks == bigtext.fit("10:00", big.content_size.width, big.content_size.height)
        assert word(app) == "TIME LEFT"
        # on a short terminal the title makes room for the digits
        assert ("Lowering Dreams to Loops · Ada Placeholder" in screen_text(ui.app)) == (size[1] >= 16)
        await ui.press("q", "a", "c", "s", "escape")  # the speaker's screen has no keys
        assert isinstance(app.screen, StageScreen) and app.is_running
        assert not ChairLog.load(PROGRAM).marks


@pilot_test
async def test_the_stages_show_by_word_and_shape_and_flash_at_wrap_up_and_overtime():
    ChairLog.load(PROGRAM).mark_start("a1", at("09:10"))
    app = stage_app("09:25:58")
    async with running(app) as ui:
        screen = app.screen
        assert screen.stage == "normal" and not screen.flashing
        await second(ui, seconds=2)  # 09:26:00: 4 minutes left
        assert (digits(app).text, word(app), screen.stage) == ("04:00", "WRAP UP", "wrap_up")
        flashes = []
        for _ in range(6):
            flashes.append(screen.flashing)
            await second(ui, seconds=1)
        assert True in flashes and False in flashes  # a few seconds of flashing...
        assert not screen.flashing  # ...then steady
        await second(ui, minutes=4, seconds=10)  # 09:30:16
        assert (digits(app).text, word(app), screen.stage) == ("+00:16", "OVERTIME", "overtime")
        assert app.screen.query_one("#stage").styles.border.top[0] == "double"
        seen = set()
        for _ in range(3):
            seen.add(screen.flashing)
            await second(ui, seconds=1)
        assert seen == {True, False}  # every second in overtime


@pilot_test
async def test_calm_is_steady_and_inverted_in_overtime():
    ChairLog.load(PROGRAM).mark_start("a1", at("09:10"))
    app = stage_app("09:26", calm=True)
    async with running(app) as ui:
        seen = set()
        for _ in range(3):
            seen.add(app.screen.flashing)
            await second(ui, seconds=1)
        assert seen == {False}
        await second(ui, minutes=5)
        assert [app.screen.flashing for _ in range(1)] == [True]
        await second(ui, seconds=1)
        assert app.screen.flashing  # steady


@pilot_test
async def test_the_chairs_message_shows_large_until_the_talk_leaves_the_stage():
    ChairLog.load(PROGRAM).mark_start("a1", at("09:10"))
    app = stage_app("09:27")
    async with running(app, size=(100, 30)) as ui:
        box = app.screen.query_one("#stage-message-box")
        assert not box.display
        stagenote.write(PROGRAM, Message("Questions now", at("09:27"), "a1"))  # c4ml-tui say, on this machine
        app.local_watch.check()
        await ui.pause()
        message = app.screen.query_one("#stage-message", BigText)
        assert box.display and message.text == "Questions now" and message.blocks is not None
        assert len(message.blocks) >= 3 and "▀" in message.blocks[0]
        ChairLog.load(PROGRAM).mark_start("a2", at("09:31"))
        await second(ui, minutes=4)  # 09:31: the next talk is on stage
        app.local_watch.check()
        await ui.pause()
        assert not box.display


def test_block_letters_fit_or_fall_back_to_plain_text():
    assert bigtext.fit("04:59", 26, 4) is not None and bigtext.fit("04:59", 25, 4) is None
    big = bigtext.fit("+12:34", 400, 120)
    assert big is not None and len(big) >= 40  # a 4K monitor's terminal
    lines = bigtext.fit("questions now", 60, 12)
    assert lines is not None and len(lines) == 9  # two lines of letters
    assert bigtext.fit("Fragen \u2013 jetzt", 200, 40) is None  # a letter the font lacks: plain text
    assert bigtext.drawable("Café!") == "CAFE!"
