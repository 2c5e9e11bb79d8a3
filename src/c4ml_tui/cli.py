"""The command line. Only the TUI imports Textual; every other command stays fast.

Each command lives in ``commands/<name>.py`` with ``add_parser(sub, common)`` and ``run(args)``;
add its name to ``COMMANDS`` to register it. Heavy imports belong inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("now", "agenda", "search", "export", "validate")
"""Command modules under ``c4ml_tui.commands``, in the order ``--help`` lists them."""

EPILOG = """examples:
  c4ml-tui                                  open the app on the bundled C4ML 2025 program
  c4ml-tui --at 2025-03-02T09:15 --speed 60 rehearse the day, one minute per second
  c4ml-tui now                              what is on now, in Las Vegas time
  c4ml-tui now --at 2025-03-02T09:15 --json one JSON object, for status bars
  c4ml-tui agenda                           the whole program
  c4ml-tui validate my-program.yaml         check a program file
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="c4ml-tui",
        description="A terminal companion for a conference day: what is on now, what is next, "
                    "in the event's local time. With no command, opens the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common_options(parser, top=True)
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


def load_program(args):
    """The program ``--program`` names (the bundled one by default), or ``None`` after printing
    every problem."""
    from .program import ProgramError, bundled_path, load

    try:
        return load(args.program or bundled_path())
    except ProgramError as error:
        print_problems(error)
        return None


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

    return run(program, clock)


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
