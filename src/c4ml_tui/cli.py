"""The command line: it registers the commands and runs the one asked for. Only the app imports
Textual; every other command stays fast.

Each command lives in ``commands/<name>.py`` with ``add_parser(sub, common)`` and ``run(args)``;
add its name to ``COMMANDS`` to register it. Heavy imports belong inside ``run``; what every
command needs first (the program, the clock) is ``commands/common.py``. The app itself (no
command) is ``commands/app.py``.
"""

from __future__ import annotations

import functools
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


@functools.cache
def _argparse():
    """argparse, imported when a parser is built (a plain ``now`` needs none: :func:`quick`).

    argparse asks gettext for each of its words (about 50 times per start) and gettext searches
    the disk for an "argparse" catalogue each time, importing locale first; CPython ships none, so
    the words are argparse's own either way. Answering at once saves ~3 ms of a ~65 ms start."""
    import argparse

    argparse._ = str  # type: ignore[attr-defined]
    return argparse


COMMANDS = ("now", "agenda", "search", "chair", "stage", "say", "watch", "timings", "export", "validate", "import_",
            "changes")
"""Command modules under ``c4ml_tui.commands``, in the order ``--help`` lists them."""

EPILOG = """examples:
  c4ml-tui                                  open the app on the bundled C4ML 2025 program
  c4ml-tui --at 2025-03-02T09:15 --speed 60 rehearse the day, one minute per second
  c4ml-tui now                              what is on now, in Las Vegas time
  c4ml-tui now --at 2025-03-02T09:15 --json one JSON object, for status bars
  c4ml-tui agenda                           the whole program
  c4ml-tui validate my-program.yaml         check a program file
  c4ml-tui now --program 38c3.xml --room "Saal 1"   any frab/pretalx schedule, one room
  c4ml-tui chair --publish /srv/room         publish the delays (docs/running-a-room.md)
  c4ml-tui --delays http://room.lan/willow.json    follow the chair's delays
  c4ml-tui import schedule.json -o program.yaml     convert a schedule to our format
"""


def common_options(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """Options accepted before and after the command (``c4ml-tui --at T now`` = ``now --at T``)."""
    from .commands.common import bounded

    default = None if top else _argparse().SUPPRESS
    parser.add_argument("--program", metavar="FILE", default=default,
                        help="program file (default: the bundled C4ML 2025 program)")
    parser.add_argument("--at", metavar="TIME", default=default,
                        help="pretend it is TIME: ISO 8601, event-local without an offset "
                             "(2025-03-02T09:15), that instant with Z or an offset")
    parser.add_argument("--speed", metavar="X", type=float, default=default,
                        help="run the clock X times faster (rehearsals, demos)")
    parser.add_argument("--timezone", metavar="ZONE", default=default,
                        help="zone of a schedule XML/JSON that names none (old pentabarf), e.g. "
                             "Europe/Brussels; overrides a schedule's own zone")
    parser.add_argument("--room", metavar="NAME", default=default,
                        help="only this room (exact, any case, or a unique part of its name)")
    parser.add_argument("--delays", metavar="URL|FILE", default=default,
                        help="follow a chair's delay feed (chair --publish): its marks give the expected "
                             "times (see docs/running-a-room.md)")
    parser.add_argument("--delays-every", metavar="SEC", type=bounded(0.5, 3600, "seconds"), default=default,
                        help="ask the --delays URL every SEC seconds (default 15; a file: every second)")
    parser.add_argument("--clock", metavar="12|24", type=int, choices=(12, 24), default=default,
                        help="the clock format (default: the config file's clock, else 24)")
    parser.add_argument("--show-zone", metavar="event|local|ZONE", default=default,
                        help="show times in the event's zone (default), your own (local) or ZONE "
                             "(e.g. Asia/Tokyo); always labelled. The app's z key switches")


ALL = "*"
"""``build_parser(ALL)``: every command's parser (``--help``, and whenever the command is unclear)."""


@functools.cache
def _parser_class() -> type[argparse.ArgumentParser]:
    _argparse()  # (its words answered at once)
    import argparse

    class Parser(argparse.ArgumentParser):
        """argparse's parser, whose help formatter is sized without ``shutil``: argparse makes a
        formatter for every option added, and ``shutil.get_terminal_size`` would import ``shutil``
        (with bz2 and lzma) on every start."""

        def _get_formatter(self):
            return self.formatter_class(prog=self.prog, width=_help_width())  # type: ignore[call-arg]

    return Parser


@functools.cache
def _help_width() -> int:
    """What ``shutil.get_terminal_size`` gives argparse (``$COLUMNS``, the terminal, else 80), less 2.
    Asked once: argparse makes a formatter for every option added (~25 for a ``now``)."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(columns, 1) - 2


def build_parser(command: str | None = ALL) -> argparse.ArgumentParser:
    """The parser, with the subparser of ``command`` only (its module alone is imported), every
    command's (``ALL``, the default), or none (``None``: no command, the app)."""
    from .commands import app

    argparse = _argparse()
    parser = _parser_class()(
        prog="c4ml-tui",
        description="A terminal companion for a conference day: what is on now, what is next, "
                    "in the event's local time. With no command, opens the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common_options(parser, top=True)
    app.add_options(parser)
    parser.set_defaults(subparsers={})
    parser._commands = parser.add_subparsers(dest="command", metavar="COMMAND")  # type: ignore[attr-defined]
    return add_commands(parser, command)


def add_commands(parser: argparse.ArgumentParser, command: str | None) -> argparse.ArgumentParser:
    """Add the subparser of ``command`` (or every command's: ``ALL``) to a :func:`build_parser` parser."""
    import importlib

    sub = parser._commands  # type: ignore[attr-defined]
    commands: dict[str, argparse.ArgumentParser] = parser.get_default("subparsers")
    for name in COMMANDS if command == ALL else [n for n in COMMANDS if n.rstrip("_") == command]:
        module = importlib.import_module(f".commands.{name}", __package__)
        built = module.add_parser(sub, common_options)
        built.set_defaults(run=module.run)
        commands[built.prog.rsplit(" ", 1)[-1]] = built
    return parser


def command_of(argv: list[str], top: argparse.ArgumentParser | None = None) -> str | None:
    """The command ``argv`` names (``None``: none, the app), told without building every
    command's parser: the first word that is not an option or an option's value. ``ALL`` when
    that is unclear (``--help``, an unknown word or option), so argparse says what it says.
    ``top``: the parser without commands (:func:`build_parser` ``(None)``), when already built."""
    top = top if top is not None else build_parser(None)
    takes = {flag: action.nargs for action in top._actions for flag in action.option_strings}
    names = {name.rstrip("_") for name in COMMANDS}
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--") or word.startswith("-h"):
            return ALL
        if not word.startswith("-") or word == "-":
            return word if word in names else ALL
        flag, equals, _ = word.partition("=")
        found = [f for f in takes if f.startswith(flag)] if flag not in takes else [flag]
        if len(found) != 1:
            return ALL
        nargs = takes[found[0]]
        if nargs is None and not equals:
            next(words, None)  # the option's value
        elif nargs not in (0, None):
            return ALL  # an option with an unusual number of values: let argparse sort it out
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    plain = quick(argv)
    if plain is not None:
        if plain.command is None:  # the app (``c4ml-tui [--program F] [--at T]``)
            from .commands import app

            return app.run(plain)
        from .commands import now

        return now.run(plain)
    _help_width.cache_clear()  # (the terminal may have changed since the last call in this process)
    parser = build_parser(None)  # built once: what it takes tells the command, whose parser is added
    add_commands(parser, command_of(argv, parser))
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # said by the command's own parser, with its usage, not the top level's
        command = args.subparsers.get(getattr(args, "command", None) or "", parser)
        hint = ""
        if command is not parser and unknown[0] in COMMON:  # one the others take: say so
            hint = f" ({unknown[0]} is not an option of {args.command}: see c4ml-tui {args.command} --help)"
        command.error(f"unrecognized arguments: {' '.join(unknown)}{hint}")
    if getattr(args, "run", None) is None:
        from .commands import app

        return app.run(args)
    if args.command in ONE_SHOT:
        import gc

        gc.disable()  # it answers once and exits: no cycles worth a collector pass over the program
    return args.run(args)


ONE_SHOT = ("agenda", "search", "export", "validate", "import", "changes", "timings")
"""Commands that read a program, answer once and exit, run without the garbage collector: its
full passes walked every object of a whole program each time (100,000 talks: `validate` 1.9 s
-> 1.4 s, `agenda --json` a tenth, docs/performance.md). ``watch``, ``chair`` and the app run
on and keep it."""


QUICK = {"--program": "program", "--at": "at", "--room": "room", "--timezone": "timezone",
         "--show-zone": "show_zone"}
"""The options :func:`quick` reads itself: those that take any text."""


def quick(argv: list[str]):
    """The arguments of a plain ``now`` (``[--program F] [--at T] now [--json]``, the options of
    :data:`QUICK` before or after the command, each once), or of the app with only those options
    (no command), as argparse would give them, without importing argparse and building its
    parsers: ~4 ms, a quarter of a bare interpreter's start and the difference between ``now
    --json`` at 4.0x and 3.7x of one on 38C3 (docs/performance.md), and ~2% of the app's first
    frame. ``None`` for anything else (help, an abbreviation, another option, a value that starts
    with ``-``, an option given twice): argparse reads it and says what it says.
    ``tests/test_cli.py`` checks that both give the same arguments."""
    from types import SimpleNamespace

    found: dict[str, object] = {}
    command = False
    words = iter(argv)
    for word in words:
        if word == "now" and not command:
            command = True
            continue
        if word == "--json" and command:
            found["json"] = True
            continue
        flag, equals, value = word.partition("=")
        key = QUICK.get(flag)
        if key is None or key in found:
            return None
        if not equals:
            value = next(words, "-")
            if value.startswith("-"):
                return None
        found[key] = value
    given = dict.fromkeys(("program", "at", "speed", "timezone", "room", "delays", "delays_every", "clock",
                           "show_zone", "remind"))
    given.update(remind_bell=False, subparsers={}, command=None)
    if command:
        from .commands import now

        given.update(command="now", json=False, run=now.run)
    given.update(found)
    return SimpleNamespace(**given)


COMMON = ("--program", "--at", "--speed", "--timezone", "--room", "--clock", "--show-zone")
"""The options most commands take (``common_options``)."""


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
