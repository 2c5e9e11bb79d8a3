"""``c4ml-tui chair``: open the app on the session chair's screen (countdown, stages, marks)."""

from __future__ import annotations

import argparse


def minutes(text: str) -> int:
    """A whole, non-negative number of minutes (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: minutes cannot be negative")
    return value


def add_parser(sub, common):
    parser = sub.add_parser(
        "chair", help="the session chair's countdown, stages and delay marks",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui chair\n  c4ml-tui chair --wrap-up 3 --last 1 --bell\n"
               "  c4ml-tui chair --at 2025-03-02T08:35 --speed 30   (rehearse)\n\n"
               "keys: s this started now, e this ended now, +/- nudge the delay a minute,\n"
               "u undo, b bell on/off. Marks are saved at once (see docs/chair.md);\n"
               "`c4ml-tui timings` prints them after the day.")
    common(parser)
    parser.add_argument("--wrap-up", metavar="MIN", type=minutes, default=None,
                        help="wrap-up stage when MIN minutes are left (default: the program's "
                             "chair: block, else 5)")
    parser.add_argument("--last", metavar="MIN", type=minutes, default=None,
                        help="last-minute stage when MIN minutes are left (default: the program's "
                             "chair: block, else 1)")
    parser.add_argument("--bell", action="store_true", help="ring the terminal bell at each change of stage")
    return parser


def options(program, args):
    """The :class:`~c4ml_tui.stages.ChairOptions` the command line asks for."""
    from ..core.stages import ChairOptions, settings

    return ChairOptions(thresholds=settings(program.chair, args.wrap_up, args.last),
                        bell=args.bell, room=chosen_room(program, args))


def chosen_room(program, args) -> str | None:
    """The room named by the global ``--room`` (already resolved by ``load_program``)."""
    if getattr(args, "room", None) and len(program.rooms) == 1:
        return program.rooms[0]
    return None


def run(args) -> int:
    from .common import program_and_clock

    loaded = program_and_clock(args)
    if loaded is None:
        return 2
    program, clock = loaded
    from ..tui.app import run_app

    return run_app(program, clock, start_screen="chair", chair=options(program, args))
