"""``c4ml-tui now``: one line (or one JSON object) saying what is on and what is next."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from ..core import fmt
from ..core.model import Item, Program, Talk
from ..core.timeline import Snapshot, Timeline
from ..words import late


def entry_json(tl: Timeline, entry: Item | Talk | None, now: datetime, field: str) -> dict | None:
    """``current``/``next`` in the JSON shape; ``field`` names the countdown key."""
    if entry is None:
        return None
    kind = entry.kind if isinstance(entry, Item) else "talk"
    start, end = tl.start(entry), tl.end(entry)
    # in UTC: two datetimes in one zone subtract on the wall clock, wrong across a DST change
    until = end if field == "remaining_seconds" else start
    seconds = until.astimezone(timezone.utc) - now.astimezone(timezone.utc)
    return {
        "id": entry.id,
        "title": entry.title,
        "kind": kind,
        "start": start.isoformat(),
        "end": end.isoformat(),
        field: round(seconds.total_seconds()),
    } | _overtime(tl, entry, now, field)


def _overtime(tl: Timeline, entry: Item | Talk, now: datetime, field: str) -> dict:
    """``{"overtime_seconds": 187}`` for what runs past its expected end (marked started, not
    ended): ``end`` is then only the next whole minute of the overrun."""
    since = tl.overtime_since(entry) if field == "remaining_seconds" else None
    if since is None:
        return {}
    return {"overtime_seconds": round((now.astimezone(timezone.utc) - since.astimezone(timezone.utc)).total_seconds())}


def annotate(tl: Timeline, snap: Snapshot, data: dict) -> dict:
    """Add the delay to ``now --json``: ``delay_seconds`` (always), and when marks exist the
    scheduled times next to the expected ``start``/``end`` of each entry."""
    data["delay_seconds"] = round(late.headline(tl, snap).total_seconds())
    if tl.expected:
        for key in ("current", "next", "current_talk", "next_talk"):
            entry, out = getattr(snap, key), data.get(key)
            if entry is not None and out is not None:
                out["scheduled_start"] = entry.start.isoformat()
                out["scheduled_end"] = entry.end.isoformat()
    return data


def as_json(tl: Timeline, snap: Snapshot) -> dict:
    now = snap.at
    out = annotate(tl, snap, {
        "now": now.replace(microsecond=0).isoformat(),
        "timezone": tl.program.event.timezone,
        "status": snap.status,
        "current": entry_json(tl, snap.current, now, "remaining_seconds"),
        "next": entry_json(tl, snap.next, now, "starts_in_seconds"),
        "current_talk": entry_json(tl, snap.current_talk, now, "remaining_seconds"),
        "next_talk": entry_json(tl, snap.next_talk, now, "starts_in_seconds"),
    })
    if len(tl.program.rooms) > 1:  # parallel rooms (issue 6): what is on and next in each
        out["rooms"] = [{"room": room, "current": entry_json(tl, current, now, "remaining_seconds"),
                         "next": entry_json(tl, nxt, now, "starts_in_seconds")}
                        for room, current, nxt in tl.by_room(now)]
    return out


def _seconds(since: datetime, until: datetime) -> float:
    return (until.astimezone(timezone.utc) - since.astimezone(timezone.utc)).total_seconds()


def as_line(tl: Timeline, snap: Snapshot, program: Program, local=None) -> str:
    now = snap.at
    place = fmt.place(program.event.location, program.event.timezone)
    clock = f"{place} {fmt.wall(now)}" + ("" if now.tzname() == place else f" {now.tzname()}")
    mine = fmt.viewer_note(now, local)
    if mine:
        clock += f" ({mine.replace(' · ', '; ')})"
    parts = [clock]
    if not tl.items:
        parts.append("the program has no items yet")
        return " | ".join(parts)
    if snap.status == "upcoming" and snap.next:
        assert snap.until_next is not None  # Timeline.at sets each duration with its entry
        start = tl.start(snap.next)
        parts.append(f"starts in {fmt.duration(snap.until_next)}: {snap.next.title} at {fmt.hm(start, weekday=False)}")
        if fmt.viewed(start).date() != fmt.viewed(now).date():
            parts[-1] += f" on {fmt.day_title(fmt.viewed(start))}"
        return " | ".join(parts)
    if snap.status == "over":
        end = max((tl.end(i) for i in tl.items), key=lambda m: m.astimezone(timezone.utc))
        there, here = fmt.viewed(end), fmt.viewed(now)
        when = f"at {fmt.hm(end, weekday=False)}" if there.date() == here.date() else \
            f"on {fmt.day_title(there)} at {fmt.hm(end, weekday=False)}"
        parts.append(f"the program ended {when}")
        return " | ".join(parts)
    if snap.current:
        assert snap.remaining is not None
        c = snap.current
        parts.append(f"now: {c.title} ({fmt.span(tl.start(c), tl.end(c))}, {late.time_left(tl, c, now)})")
        if snap.current_talk:
            assert snap.talk_remaining is not None
            t = snap.current_talk
            who = ", ".join(program.speaker_name(s) for s in t.speakers)
            parts.append(f"talk: {t.title}{' - ' + who if who else ''} ({late.time_left(tl, t, now)})")
    else:
        parts.append(f"now: nothing scheduled until {fmt.hm(tl.start(snap.next))}" if snap.next else "now: nothing")
    if snap.next:
        assert snap.until_next is not None
        n = snap.next
        when = fmt.hm(tl.start(n), weekday=False)
        if fmt.viewed(tl.start(n)).date() != fmt.viewed(now).date():
            when = f"{fmt.day_title(fmt.viewed(tl.start(n)))} {when}"
        note = late.scheduled_note(n, tl.start(n))
        parts.append(f"next: {n.title} at {when} ({note}in {fmt.duration(snap.until_next)})")
    else:
        parts.append("next: nothing, this is the last item")
    return " | ".join(parts + late.late_parts(tl, snap))


def add_parser(sub, common):
    import argparse

    parser = sub.add_parser(
        "now", help="what is on now and what is next",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui now\n  c4ml-tui now --at 2025-03-02T09:15 --json\n"
               "  c4ml-tui now --at 2025-03-02T17:15Z   (an instant in UTC)\n"
               "  c4ml-tui now --program 38c3.xml --room 'Saal 1'\n\n"
               "JSON fields: now, timezone, status (upcoming|live|between|over),\n"
               "current, next, current_talk, next_talk, delay_seconds, and rooms (per room\n"
               "current/next, when the program has more than one room; with --delays,\n"
               "delay_feed: where, status, written_at, age_seconds; see docs/now-json.md).")
    common(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def feed_json(reading, where: str, now: datetime) -> dict:
    """``delay_feed`` in ``now --json`` (with ``--delays``): where, how it went, how old."""
    feed = reading.feed
    message = feed.message if feed is not None else None
    return {
        "source": where,
        "status": reading.status,
        "problem": reading.problem,
        "written_at": feed.written_at.isoformat() if feed is not None else None,
        "age_seconds": max(0, round(_seconds(feed.written_at, now))) if feed is not None else None,
        "other_version": reading.other_version,
        "message": message.text if message is not None and message.text else None,
    }


def run(args) -> int:
    from .common import around, marks_in_use, show, view_and_clock

    loaded = view_and_clock(args)
    if loaded is None:
        return 2
    view, clock = loaded
    now = clock.now()
    found = marks_in_use(view, args)
    if found is None:
        return 2
    marks, reading = found
    program = around(view, args, now, marks)  # only the items this answer needs
    expected = {}
    if marks:
        from ..core.delays import at_instant

        expected = at_instant(program, marks, now).expected  # a talk running over counts
    tl = Timeline(program, expected=expected)
    snap = tl.at(now)
    if args.json:
        out = as_json(tl, snap)
        if reading is not None:
            out["delay_feed"] = feed_json(reading, args.delays, snap.at)
        show(json.dumps(out, ensure_ascii=False))
    else:
        line = as_line(tl, snap, program)
        if reading is not None:
            from ..words import feed

            line += " | " + feed.note(reading.feed, reading.status, snap.at, late.headline(tl, snap))
        show(line)
    return 0
