"""``c4ml-tui import SRC -o program.yaml``: convert a schedule XML/JSON or iCalendar to our YAML format.

The written file is checked with the program loader before it replaces anything, so what this
command writes always validates.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(sub, common):
    parser = sub.add_parser(
        "import", help="convert a frab/pentabarf XML, schedule JSON or iCalendar file to a program file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui import 38c3.xml -o 38c3.yaml\n"
               "  c4ml-tui import fosdem-2021.xml --timezone Europe/Brussels -o fosdem.yaml\n"
               "  c4ml-tui import https://pretalx.example.org/democon/schedule/export/schedule.json -o -\n\n"
               "The format is told from the content. Every event becomes an item of kind 'talk'\n"
               "(breaks, meals, posters and openings by their type or a well-known title);\n"
               "see docs/conferences.md.")
    parser.add_argument("source", metavar="SRC", help="schedule file or http(s) URL")
    parser.add_argument("-o", "--output", metavar="FILE", default="-",
                        help="where to write the YAML (default: standard output)")
    parser.add_argument("--timezone", metavar="ZONE", default=argparse.SUPPRESS,
                        help="zone of a schedule that names none (old pentabarf, floating iCalendar times)")
    parser.add_argument("--room", metavar="NAME", default=argparse.SUPPRESS, help="only this room")
    return parser


def run(args) -> int:
    from pathlib import Path

    from ..core.fmt import count
    from ..core.textclean import clean
    from ..formats import FORMAT_NAMES, detect
    from ..formats.problems import ProgramError
    from ..formats.yaml_program import read
    from ..formats.yaml_writer import program_to_yaml
    from ..sources.loader import is_url
    from ..store.atomic import write_text
    from .common import load_program, print_problems, say

    program = load_program(args, args.source)
    if program is None:
        return 2
    name = args.source if is_url(args.source) else Path(args.source).name
    header = (f"Imported from {name} ({FORMAT_NAMES[detect(_head(args.source))]}) by c4ml-tui import.\n"
              f"Times are local to {program.event.timezone}. 'overlap: true' marks an item the source\n"
              "schedules over another one in the same room.")
    text = program_to_yaml(program, header)
    target = args.output
    try:
        read(text.encode(), target, "")  # never write a file the loader would refuse
    except ProgramError as error:
        say("the converted program does not validate (a bug; please report it):")
        return print_problems(error)
    if target == "-":
        sys.stdout.write(text)
    else:
        try:
            write_text(Path(target), text)
        except OSError as error:
            say(f"cannot write {target}: {error.strerror or error}")
            return 2
        print(clean(f"{target}: {count(len(program.items), 'item')}, {count(len(program.speakers), 'speaker')}, "
              f"{count(len(program.days), 'day')}, {count(len(program.rooms), 'room')}"), file=sys.stderr)
    return 0


def _head(source: str) -> bytes:
    """The first bytes of the source (for a URL, of its cached copy), to name its format."""
    from pathlib import Path

    from ..sources.loader import is_url
    from ..sources.remote import folder

    path = folder(source) / "current" if is_url(source) else Path(source)
    try:
        with open(path, "rb") as handle:
            return handle.read(64)
    except OSError:
        return b""
