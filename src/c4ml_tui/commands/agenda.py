"""``c4ml-tui agenda``: the whole program, grouped by day, times in the event's zone; or one day
(``--day``), read from the program's store without the rest (``sources/program_store.py``)."""

from __future__ import annotations

import argparse
import json
from itertools import groupby

from ..core import fmt
from ..core.model import Program


def _by_day(program: Program):
    """The items grouped by conference day (a 00:30 set under the evening before)."""
    return groupby(sorted(program.items, key=lambda i: i.day), key=lambda i: i.day)


def as_json(program: Program) -> dict:
    """Fields are only ever added: ``day`` (the conference day), ``guid``, ``subtitle``,
    ``track``, ``language``, ``url`` and ``links`` came with iCalendar."""
    ev = program.event
    days = []
    for day, items in _by_day(program):
        days.append({
            "date": day.isoformat(),
            "items": [{
                "id": i.id, "title": i.title, "kind": i.kind,
                "start": i.start.isoformat(), "end": i.end.isoformat(), "room": i.room,
                "speakers": [program.speaker_name(s) for s in i.speakers],
                "day": i.day.isoformat(), "guid": i.guid, "subtitle": i.subtitle, "track": i.track,
                "language": i.language, "url": i.url,
                "links": [{"title": title, "url": url} for title, url in i.links],
                "talks": [{
                    "id": t.id, "title": t.title, "start": t.start.isoformat(), "end": t.end.isoformat(),
                    "speakers": [program.speaker_name(s) for s in t.speakers],
                } for t in i.talks],
            } for i in items],
        })
    return {"event": {"title": ev.title, "edition": ev.edition, "date": ev.date.isoformat(),
                      "timezone": ev.timezone, "location": ev.location, "venue": ev.venue,
                      "room": ev.room}, "days": days}


def as_text(program: Program) -> str:
    ev = program.event
    lines = [ev.title + (f" ({ev.edition})" if ev.edition else "")]
    where = ", ".join(x for x in (ev.venue, ev.location) if x)
    if where:
        lines.append(where)
    shown = fmt.zone_label()  # --show-zone: say so first, each time carries its zone too
    lines.append(f"Times in {shown}, labelled (the venue's zone is {ev.timezone})" if shown
                 else f"Times in {ev.timezone}")
    multi_room = len(program.rooms) > 1
    for day, group in _by_day(program):
        items = list(group)
        lines += ["", fmt.day_title(day), ""]
        previous_end = None
        for item in items:
            if previous_end and _utc(item.start) > _utc(previous_end) and not multi_room:
                lines.append(f"  {fmt.span(previous_end, item.start)}  (gap)")
            room = f"  [{item.room}]" if multi_room and item.room else ""
            kind = f"  ({item.kind})" if item.kind not in ("session", "talk") else ""
            lines.append(f"  {fmt.span(item.start, item.end)}  {item.title}{kind}{room}")
            who = ", ".join(program.speaker_name(s) for s in item.speakers)
            if who:
                lines.append(f"               {who}")
            for talk in item.talks:
                names = ", ".join(program.speaker_name(s) for s in talk.speakers)
                lines.append(f"    {fmt.span(talk.start, talk.end)}  {talk.title}{' - ' + names if names else ''}")
            if item.kind == "session" and not item.talks and not item.speakers:
                lines.append("               talks not announced yet")
            previous_end = max(previous_end or item.end, item.end, key=_utc)
    return "\n".join(lines)


def _utc(moment):
    from ..core.instants import utc

    return utc(moment)  # in one zone, datetimes compare on the wall clock


def add_parser(sub, common):
    parser = sub.add_parser(
        "agenda", help="the whole program, grouped by day",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui agenda\n  c4ml-tui agenda --day today\n"
               "  c4ml-tui agenda --program 38c3.xml --day 2 --room 'Saal 1'\n"
               "  c4ml-tui agenda --json | jq '.days[0].items[].title'")
    common(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--day", metavar="DAY",
                        help="only one conference day: today, tomorrow (by the clock, --at), its number "
                             "(1, 2, ...) or its date (YYYY-MM-DD)")
    return parser


def run(args) -> int:
    from .common import load_program, show

    program = one_day(args) if getattr(args, "day", None) else load_program(args)
    if program is None:
        return 2
    if args.json:
        show(json.dumps(as_json(program), ensure_ascii=False, indent=1))
    else:
        show(as_text(program))
    return 0


def one_day(args) -> Program | None:
    """The day ``--day`` names, read alone from the program's store (in ``--room``); ``None``
    after saying why not."""
    from ..core.filters import day_named
    from .common import room_of, say, view_and_clock

    loaded = view_and_clock(args)
    if loaded is None:
        return None
    view, clock = loaded
    try:
        day = day_named(view.days, args.day, view.day_at(clock.now()))
    except ValueError as error:
        say(str(error))
        return None
    return view.day(day, room_of(view, args))
