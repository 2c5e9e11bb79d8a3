"""The agenda of the 1,007-event 38C3 schedule, in process (a headless 80x24 app on a manual
clock): why it shows one day at a time, and what its keys cost.

Each figure is the median of several runs of: change the table, then wait until the app has
painted it (``pilot.pause()``; a bare pause is measured too, as the floor).

- a table of all four days (~1,000 rows), as the agenda drew before, against one day (~320);
- ``]``: the next day (a new table);
- time passing (an item starts somewhere): only the rows whose marks changed are rewritten;
- the rooms board: a tick, and a new answer when an item starts or ends.

    .venv/bin/python bench/agenda_38c3.py [--runs 9]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

SCHEDULE = Path(__file__).resolve().parents[2] / "shared" / "data" / "schedules" / "38c3.xml"


async def measure(runs: int) -> dict[str, float]:
    from c4ml_tui.core.clock import ManualClock
    from c4ml_tui.sources.loader import load as load_source
    from c4ml_tui.tui.app import make_app
    from c4ml_tui.words import agenda

    program = load_source(SCHEDULE)
    now = datetime(2024, 12, 28, 14, 0, tzinfo=program.tz)
    app = make_app(program, ManualClock(program.tz, now))
    found: dict[str, list[float]] = {}

    async def timed(name: str, change, pilot) -> None:
        started = time.perf_counter()
        change()
        await pilot.pause()
        found.setdefault(name, []).append(time.perf_counter() - started)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen
        for _ in range(runs):
            await timed("bare pause (the floor)", lambda: None, pilot)
            await timed("rooms board: a tick", app.tick, pilot)
            await timed("rooms board: a new answer", lambda: (setattr(board, "_answer", None), app.tick()), pilot)
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        table = screen.table
        every_day = agenda.rows(app.timeline, now)
        one_day = screen.day_rows(app.snapshot())
        for _ in range(runs):
            await timed(f"agenda: all 4 days in one table ({len(every_day)} rows)",
                        lambda: (table.show([]), table.show(every_day)), pilot)
            await timed(f"agenda: one day ({len(one_day)} rows)", lambda: (table.show([]), table.show(one_day)), pilot)
            await timed("agenda: ] (the next day)", lambda: screen.action_day(1), pilot)
            await timed("agenda: [ (back)", lambda: screen.action_day(-1), pilot)
            # As when an item starts: the same rows, some marks changed.
            app.clock.advance(minutes=15)
            await timed("agenda: time passes (marks only)", lambda: screen.show_answer(app.snapshot()), pilot)
            app.clock.advance(minutes=-15)
            screen.show_answer(app.snapshot())
            await pilot.pause()
    return {name: statistics.median(values) for name, values in found.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if not SCHEDULE.exists():
        print(f"{SCHEDULE} is not here (the shared schedules live outside the repository)", file=sys.stderr)
        return 2
    results = asyncio.run(measure(args.runs))
    print(f"38C3 agenda and rooms board, 80x24 headless, medians of {args.runs}, ms (change + paint)")
    for name, seconds in results.items():
        print(f"  {name:<48} {seconds * 1000:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
