"""``c4ml-tui validate FILE``: check a program file; one line per problem, exit 2."""

from __future__ import annotations

import argparse


def add_parser(sub, common):
    parser = sub.add_parser(
        "validate", help="check a program file; exit 2 on problems",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui validate program.yaml\n"
               "  c4ml-tui validate fosdem.xml --timezone Europe/Brussels\n\n"
               "Prints 'FILE: ok (N items, M talks, ...)', or one line per problem\n"
               "as FILE:LINE: message, and exits 2. A wall time that DST skips or repeats\n"
               "loads with a warning (FILE:LINE: warning: ..., exit 0) saying what was chosen\n"
               "and how to write it with an offset. A schedule XML/JSON or iCalendar file is\n"
               "checked as it imports: one item per event, so N is the source's event count;\n"
               "days are conference days (a set after midnight belongs to the evening before).")
    parser.add_argument("file", help="the program file to check (YAML, schedule XML or JSON, iCalendar, or a URL)")
    parser.add_argument("--timezone", metavar="ZONE", default=argparse.SUPPRESS,
                        help="zone of a schedule that names none")
    return parser


def run(args) -> int:
    import sys

    from ..core.fmt import count
    from ..core.textclean import clean
    from .common import load_program

    # The parse cache holds only programs that passed every check, keyed by these very bytes (and
    # the readers' version and zone), and what it reads back is checked again: an unchanged file
    # is valid again without being parsed again.
    program = load_program(args, args.file)
    if program is None:
        return 2
    for warning in program.warnings:  # loaded, but a guess: said, and still exit 0
        print(clean(warning), file=sys.stderr)
    noted = f"; {count(len(program.warnings), 'warning')}" if program.warnings else ""
    print(f"{clean(args.file)}: ok ({count(len(program.items), 'item')}, {count(program.talk_count, 'talk')}, "
          f"{count(len(program.speakers), 'speaker')}, {count(len(program.days), 'day')}, "
          f"{count(len(program.rooms), 'room')}{noted})")
    return 0
