"""How the chair screen looks: the countdown fits and grows with the terminal, and SVG snapshots
at a fixed instant (look at every changed SVG before committing it: ``pytest --snapshot-update``)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from apptools import pilot_test, running
from chair_fixtures import TZ, at, fictional
from rich.style import Style
from textual.geometry import Region
from textual.renderables.digits import Digits as DigitsRenderable

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.store.chairlog import ChairLog
from c4ml_tui.tui.app import make_app
from c4ml_tui.tui.widgets.countdown import (
    BigCountdown,
    changed_columns,
    digit_lines,
    fitting_scale,
    glyphs_changed,
    scaled_lines,
)


def chair_at(when, started: str | None = None):
    program = fictional()
    if started:  # marked before the app starts, so no notification lands in the picture
        ChairLog.load(program).mark_start("a1", at(started))
    return make_app(program, ManualClock(program.tz, at(when)), local_zone=TZ, start_screen="chair")


def test_chair_wrap_up_80x24(snap_compare):
    assert snap_compare(chair_at("09:27:30"), terminal_size=(80, 24))


def test_chair_overtime_late_200x60(snap_compare):
    assert snap_compare(chair_at("09:34:13", started="09:12"), terminal_size=(200, 60))


@pytest.mark.parametrize("size, scale", [((80, 24), 1), ((100, 30), 3), ((80, 40), 1), ((120, 40), 3), ((200, 60), 5)])
@pilot_test
async def test_the_countdown_fits_and_grows_with_the_terminal(size, scale):
    app = chair_at("09:49:13", started="09:12")
    async with running(app, size):
        big = app.screen.query_one(BigCountdown)
        assert (big.scale, big.digits) == (scale, "+17:13")
        assert big.content_region.height == (len(scaled_lines(big.digits, scale)) if scale > 1 else 3)
        assert big.region.right <= size[0] and big.region.bottom <= size[1] - 1  # above the footer
        drawn = big.lines()  # the digits and the word, whole, inside the box
        assert len(drawn) == big.content_region.height and any(big.word in row for row in drawn)
        assert max(map(len, drawn)) <= big.content_region.width
        assert drawn[0].startswith(digit_lines("+17:13", scale)[0])


def test_a_tick_repaints_only_the_glyphs_that_changed():
    box = Region(0, 0, 72, 3)
    assert changed_columns(digit_lines("10:00", 1), digit_lines("09:59", 1), box) == box.intersection(
        Region(0, 0, 15, 3))  # every digit
    assert changed_columns(digit_lines("09:59", 1), digit_lines("09:58", 1), box) == Region(12, 1, 1, 2)  # one stroke
    nine, eight = digit_lines("9", 5), digit_lines("8", 5)  # at 5x, 9 to 8 keeps its top rows
    assert changed_columns(nine, eight, Region(0, 0, 15, 11)) == Region(2, 5, 1, 6)  # the left stroke
    assert changed_columns(digit_lines("00:00", 1), digit_lines("+00:01", 1), box) == Region(0, 0, 18, 3)
    assert changed_columns(digit_lines("09:58", 1), digit_lines("09:58", 1), box) is None


@pytest.mark.parametrize("k", [1, 3, 5])
def test_a_tick_finds_what_changed_glyph_by_glyph_as_row_by_row(k):
    """A tick compares the glyphs that changed (``glyphs_changed``), not the whole rows: the same
    cells as ``changed_columns`` finds, each second of an hour counted down and into overtime."""
    texts = [f"{m:02d}:{s:02d}" for m in range(59, -1, -1) for s in range(59, -1, -1)]
    texts += ["+00:00", "+00:01", "+00:59", "+01:00", "+59:59", "+1:00:00", "--:--", "00:00"]
    for before, after in pairwise(texts):
        rows_before, rows_after = digit_lines(before, k), digit_lines(after, k)
        box = Region(0, 0, 200, len(rows_after))
        found = glyphs_changed(before, after, k)
        if found is False:  # another length: the rows tell
            assert len(before) != len(after)
            continue
        assert found == changed_columns(rows_before, rows_after, box), (before, after)


def test_fitting_scale_leaves_room_for_the_widest_countdown_and_its_word():
    assert fitting_scale(76, 24) == 1
    assert fitting_scale(112, 40) == 3
    assert fitting_scale(190, 60) == 5
    assert fitting_scale(190, 30) == 3  # wide but low: the digits keep to a third of the height


@pytest.mark.parametrize("text", ["09:59", "+1:00:00", "--:--", "+02:13"])
def test_the_countdown_draws_textuals_digits(text):
    rows = [s.text for s in DigitsRenderable(text).render(Style(bold=True)) if s.text != "\n"]
    assert digit_lines(text, 1) == rows


def test_scaled_glyphs_stretch_the_lines_of_textuals_digits():
    assert scaled_lines("1", 3) == [
        " ╺━━┓    ",
        "    ┃    ",
        "    ┃    ",
        "    ┃    ",
        "    ┃    ",
        "    ┃    ",
        " ╺━━┻━━╸ ",
    ]


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
@pilot_test
async def test_each_second_the_countdown_and_the_clock_look_as_textual_draws_them(size):
    """The countdown and the clock bar join their changed rows to the box Textual drew once, and
    the words, their container and the screen hand back their last lines while nothing of them
    changed (``widgets/framed.py``): through the stages, into overtime (a tinted background)
    and a theme change, every row is the one Textual draws whole, segment by segment."""
    from datetime import timedelta

    from textual.widget import Widget

    from c4ml_tui.tui.widgets.clock import ClockBar
    from c4ml_tui.tui.widgets.key_footer import KeyFooter
    from c4ml_tui.tui.widgets.lines import Lines

    app = chair_at("09:25:55", started="09:10")
    async with running(app, size) as ui:
        for second in range(12):
            if second == 8:
                app.theme = "textual-light"
            ui.clock.set(at("09:25:55") + timedelta(seconds=second * 37))  # 09:26 wrap-up ... 09:30 overtime
            app.tick()
            await ui.pause()
            screen = app.screen
            for widget in (screen.query_one(BigCountdown), screen.query_one(ClockBar), *screen.query(Lines),
                           screen.query_one("#chair"), screen.query_one(KeyFooter), screen):
                box = Region(0, 0, *widget.region.size)
                drawn = widget.render_lines(box)
                widget._styles_cache.clear()  # (Textual's own drawing, every row afresh)
                assert [list(row) for row in drawn] == [list(row) for row in Widget.render_lines(widget, box)]
        assert app.screen.query_one(BigCountdown).stage == "overtime"
