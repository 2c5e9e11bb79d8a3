"""Helpers for the app's Pilot tests: build the app a user gets on a manual clock, and read
what a screen shows as plain text (only widgets that are displayed)."""

from __future__ import annotations

import asyncio
import functools
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.widget import Widget
from textual.widgets import DataTable, Markdown, OptionList, Static

from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.model import Program
from c4ml_tui.tui.app import C4mlApp, make_app
from c4ml_tui.tui.widgets.card import Card
from c4ml_tui.tui.widgets.clock import ClockBar, ClockFace, YourTime

DATA = Path(__file__).parent / "data"
PARIS = ZoneInfo("Europe/Paris")


def pilot_test(test):
    """Run an ``async def`` test on a fresh event loop (no asyncio plugin needed); fixtures
    still reach it, as pytest reads the wrapped signature."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


async def palette_choose(pilot, query: str, expected: str) -> None:
    """Open the command palette, type ``query``, wait until the first hit reads ``expected``
    (the palette searches in the background), and choose it."""
    app = pilot.app
    await pilot.press("ctrl+p", *query)
    for _ in range(50):
        await pilot.pause(0.05)
        lists = app.screen.query(OptionList)
        options = lists.first().options if lists else []
        if options and expected in str(getattr(options[0].prompt, "plain", options[0].prompt)):
            break
    else:
        raise AssertionError(f"the palette never offered {expected!r} first for {query!r}")
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
    if isinstance(widget, ClockBar):  # the clock as one line, the way it reads
        face, mine = widget.query_one(ClockFace).text, widget.query_one(YourTime).text
        return f"{face} {mine}" if mine else face
    if isinstance(widget, (ClockFace, YourTime)):
        return ""
    if isinstance(widget, DataTable):
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

    return ""


def screen_text(app: C4mlApp) -> str:
    """Everything the screen in front shows, one widget per line."""
    parts = [text_of(w) for w in app.screen.query("*") if shown(w)]
    return "\n".join(p for p in parts if p)
