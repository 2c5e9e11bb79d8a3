"""The command line. Only the TUI imports Textual; every other command stays fast.

Each command lives in ``commands/<name>.py`` with ``add_parser(sub, common)`` and ``run(args)``;
add its name to ``COMMANDS`` to register it. Heavy imports belong inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("now", "agenda", "search", "chair", "timings", "export", "validate", "import_", "changes")
"""Command modules under ``c4ml_tui.commands``, in the order ``--help`` lists them."""

EPILOG = """examples:
  c4ml-tui                                  open the app on the bundled C4ML 2025 program
  c4ml-tui --at 2025-03-02T09:15 --speed 60 rehearse the day, one minute per second
  c4ml-tui now                              what is on now, in Las Vegas time
  c4ml-tui now --at 2025-03-02T09:15 --json one JSON object, for status bars
  c4ml-tui agenda                           the whole program
  c4ml-tui validate my-program.yaml         check a program file
  c4ml-tui now --program 38c3.xml --room "Saal 1"   any frab/pretalx schedule, one room
  c4ml-tui import schedule.json -o program.yaml     convert a schedule to our format
"""


def common_options(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """Options accepted before and after the command (``c4ml-tui --at T now`` = ``now --at T``)."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--program", metavar="FILE", default=default,
                        help="program file (default: the bundled C4ML 2025 program)")
    parser.add_argument("--at", metavar="TIME", default=default,
                        help="pretend it is TIME: ISO 8601, event-local without an offset "
                             "(2025-03-02T09:15), that instant with Z or an offset")
    parser.add_argument("--speed", metavar="X", type=float, default=default,
                        help="run the clock X times faster (rehearsals, demos)")
    # -- importers (issue 6): other conferences' schedules ----------------------------------------
    parser.add_argument("--timezone", metavar="ZONE", default=default,
                        help="zone of a schedule XML/JSON that names none (old pentabarf), e.g. "
                             "Europe/Brussels; overrides a schedule's own zone")
    parser.add_argument("--room", metavar="NAME", default=default,
                        help="only this room (exact, any case, or a unique part of its name)")
    # -- end importers ------------------------------------------------------------------------------


# -- reminders (issue 5): options of the app only ----------------------------------------------------
def minutes(text: str) -> float:
    """A reminder lead time: 0 to 1440 minutes (a day)."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1440:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"not a number of minutes from 0 to 1440: {text!r}")
    return value


def app_options(parser: argparse.ArgumentParser) -> None:
    """Options of the app (no command), given before any command."""
    parser.add_argument("--remind", metavar="MIN", type=minutes, default=5,
                        help="in the app, a notification MIN minutes before a starred item or talk starts "
                             "(default 5; 0: no reminders)")
    parser.add_argument("--remind-bell", action="store_true",
                        help="ring the terminal bell with each reminder")
# -- end reminders --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="c4ml-tui",
        description="A terminal companion for a conference day: what is on now, what is next, "
                    "in the event's local time. With no command, opens the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common_options(parser, top=True)
    app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f".commands.{name}", __package__)
        command = module.add_parser(sub, common_options)
        command.set_defaults(run=module.run)
    return parser


def print_problems(error) -> int:
    """Print a :class:`ProgramError` one problem per line on stderr; return exit status 2."""
    for problem in error.problems:
        print(problem, file=sys.stderr)
    return 2


# -- importers (issue 6): any format, URLs, --timezone, --room --------------------------------------
def load_program(args):
    """The program ``--program`` names (the bundled one by default; YAML, schedule XML or JSON, a
    file or a URL), narrowed to ``--room``; or ``None`` after printing every problem."""
    from .program import ProgramError, bundled_file
    from .sources import find_room, load_source, only_room

    try:
        program = load_source(args.program or bundled_file(), getattr(args, "timezone", None),
                              notice=lambda message: print(f"c4ml-tui: {message}", file=sys.stderr),
                              fresh_for=60)
    except ProgramError as error:
        print_problems(error)
        return None
    if getattr(args, "room", None):
        try:
            program = only_room(program, find_room(program, args.room))
        except ValueError as error:
            print(f"c4ml-tui: {error}", file=sys.stderr)
            return None
    return program
# -- end importers --------------------------------------------------------------------------------


def make_clock(program, args):
    """The clock ``--at``/``--speed`` ask for, or ``None`` after printing why not."""
    from .clock import make_clock as build

    try:
        return build(program.tz, args.at, args.speed)
    except ValueError as error:
        print(f"c4ml-tui: {error}", file=sys.stderr)
        return None


def run_app(args) -> int:
    program = load_program(args)
    if program is None:
        return 2
    clock = make_clock(program, args)
    if clock is None:
        return 2
    from .app import run_app as run
    from .follow import source_of

    return run(program, clock, source=source_of(args),  # a URL is followed while the app runs
               remind_minutes=args.remind, remind_bell=args.remind_bell)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return getattr(args, "run", run_app)(args)


def entry() -> None:
    """Console-script entry: exit quietly on Ctrl+C and a closed pipe (``| head``)."""
    try:
        code = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)
