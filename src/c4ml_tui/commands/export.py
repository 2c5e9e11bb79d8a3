"""``c4ml-tui export ics``: the program, or your favourites, as an iCalendar file."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub, common):
    parser = sub.add_parser(
        "export", help="write the program (or your favourites) as a calendar file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui export ics -o c4ml.ics\n  c4ml-tui export ics --favourites -o mine.ics\n"
               "  c4ml-tui export ics | less\n\n"
               "Times carry the event's zone (TZID + VTIMEZONE); UIDs stay the same across exports,\n"
               "so importing again updates the entries instead of duplicating them.")
    common(parser)
    parser.add_argument("format", choices=["ics"], help="the file format (iCalendar, RFC 5545)")
    parser.add_argument("--favourites", "--favorites", action="store_true",
                        help="only the items and talks you starred")
    parser.add_argument("-o", "--output", metavar="FILE", default="-",
                        help="where to write (default: standard output; '-' is standard output)")
    return parser


def run(args) -> int:
    from .common import load_program, say, show

    program = load_program(args)
    if program is None:
        return 2
    starred = None
    if args.favourites:
        from ..store.favourites import Favourites

        favs = Favourites.load(program)
        if favs.warning:
            say(favs.warning)
        starred = [i for i in favs.ids if i in program.by_id]
        if not starred:
            say(f"nothing is starred for {program.event.title} yet (favourites live in {favs.path})")
            return 1
    from ..formats import ics_out as ics

    data = ics.to_bytes(program, starred)
    count = len(ics.entries(program, starred))
    if args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        from pathlib import Path

        from ..store.atomic import write_bytes

        write_bytes(Path(args.output), data)
    except OSError as error:
        say(f"cannot write {args.output}: {error.strerror or error}")
        return 1
    show(f"{args.output}: {count} event{'s' if count != 1 else ''}")
    return 0
