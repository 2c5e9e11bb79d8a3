"""Helpers for the app's Pilot tests: build the app a user gets on a manual clock, run it under
a Pilot (``running``/``running_at``), wait for what a worker or a timer brings (``until``), and
read what a screen shows as plain text (only widgets that are displayed).

No helper here waits on the wall clock for something to happen: the event clock is a
:class:`ManualClock` the test moves, ``app.tick()`` stands for the one-second interval, and a
wait for a worker thread or a timer is a wait for a condition, with a generous bound."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from time import monotonic
from zoneinfo import ZoneInfo

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Markdown, OptionList, Static

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.model import Program
from c4ml_tui.tui.app import C4mlApp, make_app
from c4ml_tui.tui.widgets.agenda_table import AgendaTable
from c4ml_tui.tui.widgets.card import Card
from c4ml_tui.tui.widgets.clock import ClockBar
from c4ml_tui.tui.widgets.countdown import BigCountdown
from c4ml_tui.tui.widgets.lines import Lines
from c4ml_tui.tui.widgets.room_table import RoomTable

DATA = Path(__file__).parent / "data"
PARIS = ZoneInfo("Europe/Paris")
SIZE = (80, 24)
"""The terminal most Pilot tests run in."""
PATIENCE = 15.0
"""Seconds ``until`` waits at most: far beyond what a loaded machine needs, only there so a
broken test fails instead of hanging."""


def pilot_test(test):
    """Run an ``async def`` test on a fresh event loop (no asyncio plugin needed); fixtures
    still reach it, as pytest reads the wrapped signature."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


async def until(pilot: Pilot, condition: Callable[[], object], what: str, *, patience: float = PATIENCE) -> None:
    """Let the app run until ``condition()`` is true, checked after each ``pilot.pause()``: for
    what a worker thread, the palette's search or a timer brings. Fails after ``patience``
    seconds, saying ``what`` never happened."""
    deadline = monotonic() + patience
    while not condition():
        if monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        await pilot.pause()


@dataclass
class Running:
    """An app running headless under a Pilot, with its manual event clock."""

    app: C4mlApp
    pilot: Pilot
    clock: ManualClock

    @property
    def screen(self):
        return self.app.screen

    @property
    def text(self) -> str:
        """What the screen in front shows (``screen_text``)."""
        return screen_text(self.app)

    async def press(self, *keys: str) -> None:
        """Press ``keys`` one after the other, then let the app settle (a screen pushed, a list
        filled)."""
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def click(self, target, offset: tuple[int, int] = (0, 0)) -> None:
        """Click ``target`` (a selector or a widget type) at ``offset``, then let the app settle."""
        await self.pilot.click(target, offset=offset)
        await self.pilot.pause()

    async def pause(self) -> None:
        await self.pilot.pause()

    async def tick(self, **delta: float) -> None:
        """Move the event clock by ``delta`` (``minutes=1``), then one tick of the app, as the
        one-second interval does, and let it redraw."""
        self.clock.advance(**delta)
        self.app.tick()
        await self.pilot.pause()

    async def until(self, condition: Callable[[], object], what: str) -> None:
        await until(self.pilot, condition, what)


@asynccontextmanager
async def running(app: C4mlApp, size: tuple[int, int] = SIZE) -> AsyncIterator[Running]:
    """Run ``app`` (its clock a :class:`ManualClock`) headless in a terminal of ``size``, its
    first screen drawn."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield Running(app, pilot, app.clock)


def running_at(program: Program, hour: int, minute: int = 0, second: int = 0, *, size: tuple[int, int] = SIZE,
               day=None, local=PARIS):
    """``running`` the app on ``program`` at ``hour:minute:second`` (``app_at``)."""
    app, _ = app_at(program, hour, minute, second, day=day, local=local)
    return running(app, size)


async def palette_choose(pilot, query: str, expected: str) -> None:
    """Open the command palette, type ``query``, wait until the first hit reads ``expected``
    (the palette searches in the background), and choose it."""
    app = pilot.app

    def first_hit() -> str:
        lists = app.screen.query(OptionList)
        options = lists.first().options if lists else []
        return str(getattr(options[0].prompt, "plain", options[0].prompt)) if options else ""

    await pilot.press("ctrl+p", *query)
    await until(pilot, lambda: expected in first_hit(), f"the palette offering {expected!r} first for {query!r}")
    await pilot.press("enter")
    await pilot.pause()


def load_data(name: str) -> Program:
    from c4ml_tui.sources.loader import load

    return load(DATA / name, use_cache=False)


def app_at(program: Program, hour: int, minute: int = 0, second: int = 0, *, day=None,
           local=PARIS) -> tuple[C4mlApp, ManualClock]:
    """The app on ``program`` with a manual clock at ``hour:minute`` on its first day."""
    day = day or program.days[0]
    start = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=program.tz)
    clock = ManualClock(program.tz, start)
    return make_app(program, clock, local_zone=local), clock


def shown(widget: Widget) -> bool:
    node = widget
    while node is not None and isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True


def text_of(widget: Widget) -> str:
    """The plain text a widget shows (labels, tables, link lists, Markdown source)."""
    if isinstance(widget, ClockBar):  # the clock and its notes as they read, then the title
        clock = f"{widget.clock} {widget.notes}" if widget.notes else widget.clock
        return f"{clock}\n{widget.heading}"
    if isinstance(widget, (DataTable, AgendaTable, RoomTable)):  # (both draw their own lines: the same rows)
        return "\n".join(
            " | ".join(str(getattr(c, "plain", c)) for c in widget.get_row_at(i)) for i in range(widget.row_count)
        )
    if isinstance(widget, OptionList):
        return "\n".join(str(getattr(o.prompt, "plain", o.prompt)) for o in widget.options)
    if isinstance(widget, Markdown):
        return widget.source or ""
    if isinstance(widget, Static):
        content = widget.content
        return str(getattr(content, "plain", content))
    if isinstance(widget, Card):  # drawn in one piece by render()
        return widget.render().plain
    if isinstance(widget, Lines):  # the chair's words, one widget: the lines that say something
        return "\n".join(text for text in map(widget.text, widget.names) if text)
    if isinstance(widget, BigCountdown):  # the digits are a picture: the word beside them
        return widget.word

    return ""


def screen_text(app: C4mlApp) -> str:
    """Everything the screen in front shows, one widget per line."""
    parts = [text_of(w) for w in app.screen.query("*") if shown(w)]
    return "\n".join(p for p in parts if p)


def cells_as_textual(table: DataTable, rows) -> tuple[int, int]:
    """Draw every cell of ``rows`` (row indexes) of ``table``, with and without the cursor, as
    the table draws it and as DataTable does, and assert both give the same segments (a table
    that draws its own cells must look as Textual's). ``(cells drawn, cells cut with "…")``."""
    from rich.segment import Segment

    drawn = cut = 0
    for index in rows:
        for column, spec in enumerate(table.ordered_columns):
            width = spec.get_render_width(table)
            for cursor in (False, True):
                table._clear_caches()
                ours = table._render_cell(index, column, table.rich_style, width, cursor=cursor)
                table._clear_caches()
                textual = DataTable._render_cell(table, index, column, table.rich_style, width, cursor=cursor)
                assert list(Segment.simplify(ours[0])) == list(Segment.simplify(textual[0])), (index, column)
                drawn += 1
                cut += "…" in "".join(s.text for s in ours[0])
    return drawn, cut
