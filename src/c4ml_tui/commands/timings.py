"""``c4ml-tui timings``: scheduled against actual start and end of every item and talk.

For the organizers, after the day: actual times are the chair's marks (the last start and end
mark of each entry); an entry without a mark has no actual time (``null`` / an empty cell).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime
from itertools import groupby

from ..core import fmt
from ..core.model import Item, Program, Talk

FIELDS = ("id", "title", "scheduled_start", "scheduled_end", "actual_start", "actual_end")


def rows(program: Program, actual_start: dict[str, datetime], actual_end: dict[str, datetime]) -> list[dict]:
    """One row per item, followed by its talks; ISO 8601 with the event's offset, ``None`` when
    the chair marked nothing."""
    tz = program.tz

    def iso(moment: datetime | None) -> str | None:
        return moment.astimezone(tz).isoformat() if moment is not None else None

    out = []
    for item in program.items:
        entries: tuple[Item | Talk, ...] = (item, *item.talks)
        for entry in entries:
            out.append({
                "id": entry.id,
                "title": entry.title,
                "scheduled_start": entry.start.isoformat(),
                "scheduled_end": entry.end.isoformat(),
                "actual_start": iso(actual_start.get(entry.id)),
                "actual_end": iso(actual_end.get(entry.id)),
            })
    return out


def _diff(actual: str | None, scheduled: str) -> str:
    if actual is None:
        return ""
    minutes = round((datetime.fromisoformat(actual) - datetime.fromisoformat(scheduled)).total_seconds() / 60)
    return f"{minutes:+d}" if minutes else "0"


def _hm(text: str | None) -> str:
    return fmt.hm(datetime.fromisoformat(text)) if text else "--:--"


def as_text(program: Program, table: list[dict]) -> str:
    """A readable table: scheduled and actual times, and how many minutes off each was."""
    talk_ids = set(program.parent)
    width = max((len(r["title"]) + (2 if r["id"] in talk_ids else 0) for r in table), default=5)
    width = min(max(width, 5), 48)
    lines = [f"{program.event.title}: scheduled and actual times ({program.event.timezone})"]
    marked = sum(1 for r in table if r["actual_start"] or r["actual_end"])
    lines.append(f"{marked} of {len(table)} items and talks marked by the chair")
    header = f"  {'title':<{width}}  scheduled      actual         start   end"
    for day, group in groupby(table, key=lambda r: r["scheduled_start"][:10]):
        lines += ["", fmt.day_title(datetime.fromisoformat(day)), "", header]
        for r in group:
            title = ("  " if r["id"] in talk_ids else "") + r["title"]
            if len(title) > width:
                title = title[: width - 1] + "…"
            scheduled = f"{_hm(r['scheduled_start'])} - {_hm(r['scheduled_end'])}"
            actual = f"{_hm(r['actual_start'])} - {_hm(r['actual_end'])}"
            lines.append(f"  {title:<{width}}  {scheduled}  {actual}  "
                         f"{_diff(r['actual_start'], r['scheduled_start']):>5}  "
                         f"{_diff(r['actual_end'], r['scheduled_end']):>4}".rstrip())
    lines += ["", "start/end: minutes late (+) or early (-) against the schedule"]
    return "\n".join(lines)


def write_csv(table: list[dict], stream) -> None:
    writer = csv.DictWriter(stream, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in table:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


def add_parser(sub, common):
    parser = sub.add_parser(
        "timings", help="scheduled against actual times of every item and talk (chair marks)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui timings\n  c4ml-tui timings --csv > timings.csv\n"
               "  c4ml-tui timings --json | jq '.[] | select(.actual_start)'\n\n"
               "JSON: a list of objects with id, title, scheduled_start, scheduled_end,\n"
               "actual_start, actual_end (ISO 8601 with offset; actual null where unmarked).")
    common(parser)
    style = parser.add_mutually_exclusive_group()
    style.add_argument("--json", action="store_true", help="print a JSON list")
    style.add_argument("--csv", action="store_true", help="print CSV with a header row")
    return parser


def run(args) -> int:
    from ..core.delays import compute
    from ..store.chairlog import ChairLog
    from .common import load_program, marks_in_use, show, warn

    program = load_program(args)
    if program is None:
        return 2
    if getattr(args, "delays", None):  # the marks of a chair's feed (docs/running-a-room.md)
        found = marks_in_use(program, args)
        if found is None:
            return 2
        marks = found[0]
    else:
        log = ChairLog.load(program)
        warn(log.warnings)
        marks = log.marks
    done = compute(program, marks)  # the last start/end mark of an entry wins
    table = rows(program, done.actual_start, done.actual_end)
    if args.json:
        show(json.dumps(table, ensure_ascii=False, indent=1))
    elif args.csv:
        write_csv(table, sys.stdout)
    else:
        show(as_text(program, table))
    return 0
