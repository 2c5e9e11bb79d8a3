"""What every command shares: the program ``--program`` names (through the one loader), the
clock ``--at``/``--speed`` ask for, the chair's expected times, and how problems are printed.

Each helper prints why it failed (one line per problem, ``FILE:LINE: message``) and returns
``None``; the command then exits 2. Every line printed here is cleaned of control characters:
file names, URLs and messages come from outside.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ..core.clock import Clock
from ..core.model import Program
from ..core.textclean import clean
from ..formats.problems import ProgramError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse  # (at run time only where a parser is built: `now` starts without it, see cli.quick)
    from datetime import datetime

    from ..core.marks import Mark
    from ..core.timeline import Times
    from ..sources.delayfeed import FeedSource, Reading


def show(text: str, *, flush: bool = False) -> None:
    """``text`` on stdout, control characters removed: every answer a command prints goes
    through here (ids, titles, rooms, JSON: all of it comes from outside)."""
    print(clean(text), flush=flush)


def bounded(low: float, high: float, unit: str):
    """An argparse type: a number from ``low`` to ``high`` (``minutes``, ``seconds``); nan, inf
    and words are refused with what was asked."""

    def number(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:  # also refuses nan and inf
            import argparse

            raise argparse.ArgumentTypeError(f"not a number of {unit} from {low:g} to {high:g}: {text!r}")
        return value

    return number


def say(message: str) -> None:
    """``c4ml-tui: message`` on stderr, one line, control characters removed."""
    print(f"c4ml-tui: {clean(message)}", file=sys.stderr)


def print_problems(error: ProgramError) -> int:
    """Print a :class:`ProgramError` one problem per line on stderr; return exit status 2."""
    for problem in error.problems:
        print(clean(str(problem)), file=sys.stderr)
    return 2


def load_program(args: argparse.Namespace, where: str | None = None, *, use_cache: bool = True,
                 quiet: bool = False) -> Program | None:
    """The program ``where`` (default: ``--program``, else the bundled one) names, narrowed to
    ``--room``; or ``None`` after printing every problem (``quiet``: what was said once already,
    such as an ignored ``--timezone``, is not said again)."""
    from ..sources.loader import load

    return _loaded(args, where, lambda found, zone: load(found, zone, notice=say, fresh_for=60, use_cache=use_cache),
                   quiet=quiet)


def load_view(args: argparse.Namespace):
    """As :func:`load_program`, for a command that answers for one instant: the program's store
    (``sources.program_store``: ``around(now)`` reads only what that answer needs), or ``None``
    after printing every problem. ``--room`` is checked here and applied by :func:`around`."""
    from ..sources.loader import open_view

    return _loaded(args, None, lambda found, zone: open_view(found, zone, notice=say, fresh_for=60), narrow=False)


def around(view, args: argparse.Namespace, now: datetime, marks: Iterable[Mark] = ()) -> Program:
    """The part of ``view``'s program an answer at ``now`` needs, in ``--room`` (and the items
    with no room) when it is given."""
    return view.around(now, [m.id for m in marks], room_of(view, args))


def room_of(view, args: argparse.Namespace) -> str | None:
    """The room ``--room`` names in ``view``'s program (checked by :func:`load_view`), or ``None``."""
    if not getattr(args, "room", None):
        return None
    from ..core.filters import find_room

    return find_room(view, args.room)


def _loaded(args: argparse.Namespace, where: str | None, load, *, narrow: bool = True, quiet: bool = False):
    from ..sources.loader import bundled_file

    timezone = getattr(args, "timezone", None)
    try:
        where = where if where is not None else getattr(args, "program", None) or setting(args, "program") \
            or bundled_file()
        program = load(where, timezone)
    except ProgramError as error:
        print_problems(error)
        return None
    if timezone and timezone.casefold() != program.event.timezone.casefold() and not quiet:
        # A program file names its own zone; --timezone only sets a schedule's.
        say(f"--timezone {timezone} is ignored: {where} says its times are in {program.event.timezone}")
    if getattr(args, "room", None):
        from ..core.filters import find_room, only_room

        try:
            room = find_room(program, args.room)
        except ValueError as error:
            say(str(error))
            return None
        if narrow:
            program = only_room(program, room)
    return program if show_times(args) else None


def show_times(args: argparse.Namespace) -> bool:
    """How every time is shown from now on (``core.fmt.show``): ``--clock`` (else the config
    file's ``clock``) and ``--show-zone``; ``False`` after printing why a zone is not one."""
    from ..core import fmt

    asked = (getattr(args, "show_zone", None) or "event").strip()
    zone: object = None
    if asked.casefold() == "local":
        zone = fmt.LOCAL
    elif asked.casefold() != "event":
        from zoneinfo import ZoneInfo

        from ..core.zones import check_zone

        problem = check_zone(asked)
        if problem:
            say(f"--show-zone: {problem}; or write event or local")
            return False
        zone = ZoneInfo(asked)
    fmt.show(clock_hours(args), zone)  # type: ignore[arg-type]
    return True


def settings(args: argparse.Namespace):
    """The user's config file (``store/config.py``), read once per command line, its warnings
    printed; ``None`` when there is no such file (nothing is imported then: ``now`` stays fast)."""
    if not hasattr(args, "_settings"):
        import os

        from ..store.paths import config_file

        found = None
        if os.path.exists(config_file()):
            from ..store.config import load

            found = load()
            warn(found.warnings)
        args._settings = found
    return args._settings


def setting(args: argparse.Namespace, name: str):
    """One setting of the config file, or its default (``None`` for a setting with none)."""
    found = settings(args)
    if found is not None:
        return getattr(found, name)
    from ..store.config import KEYS

    return KEYS[name].default


def clock_hours(args: argparse.Namespace) -> int:
    """12 or 24: ``--clock``, else the config file's ``clock``, else 24."""
    return getattr(args, "clock", None) or setting(args, "clock")


def make_clock(program: Program, args: argparse.Namespace) -> Clock | None:
    """The clock ``--at``/``--speed`` ask for, or ``None`` after printing why not. ``--at`` also
    takes an item's (or talk's) id or guid: the instant it starts."""
    from ..core.clock import make_clock as build

    at, speed = getattr(args, "at", None), getattr(args, "speed", None)
    try:
        try:
            clock = build(program.tz, at, speed)
            _say_guessed(at, program)
            return clock
        except ValueError:
            entry = program.find(at.strip()) if at else None
            if entry is None:
                raise
            return build(program.tz, entry.start.isoformat(), speed)  # --at ID or GUID: its start
    except ValueError as error:
        say(str(error))
        return None


def _say_guessed(at: str | None, program: Program) -> None:
    """A line on stderr when ``--at``'s wall time is one DST skips or repeats (it still runs)."""
    from datetime import datetime

    try:
        naive = datetime.fromisoformat(at.strip()) if at else None
    except ValueError:
        return
    if naive is None or naive.tzinfo is not None:
        return
    from ..core.instants import resolve, wall_note

    kind = resolve(naive, program.tz)[1]
    if kind is not None:
        say(f"--at {at.strip()}: {wall_note(naive, program.tz, kind)}")  # type: ignore[union-attr]


def program_and_clock(args: argparse.Namespace) -> tuple[Program, Clock] | None:
    """Both, for the commands that answer for an instant; ``None`` after printing why not."""
    program = load_program(args)
    clock = make_clock(program, args) if program is not None else None
    return (program, clock) if program is not None and clock is not None else None


def view_and_clock(args: argparse.Namespace):
    """:func:`load_view`'s store and the clock, or ``None`` after printing why not."""
    view = load_view(args)
    clock = make_clock(view, args) if view is not None else None
    return (view, clock) if view is not None and clock is not None else None


def feed_source(args: argparse.Namespace, every: float | None = None) -> FeedSource | None:
    """The chair's feed ``--delays`` names (``None`` without one), asked every
    ``--delays-every`` seconds (else ``every``, else 15 s for a URL)."""
    where = getattr(args, "delays", None)
    if not where:
        return None
    from ..sources.delayfeed import FeedSource

    return FeedSource(where, getattr(args, "delays_every", None) or every)


def read_feed(program: Program, source: FeedSource) -> Reading | None:
    """One look at the feed for a command, its problem said on stderr; ``None`` after saying it
    is another program's (exit 2). A feed that cannot be read keeps the last good one (a URL's
    is cached between runs); without one, the scheduled times are used."""
    from ..sources.delayfeed import REFUSED

    reading = source.read(program, fresh_for=source.every if source.url else 0)
    if reading.problem:
        if reading.status == REFUSED and reading.feed is None:
            say(reading.problem)
            return None
        kept = "; using the last good one" if reading.feed is not None else "; using the scheduled times"
        say(reading.problem + kept)
    return reading


def marks_in_use(program: Program, args: argparse.Namespace) -> tuple[tuple[Mark, ...], Reading | None] | None:
    """The marks that give the day's delays: the feed's with ``--delays``, else the local log's
    (with any warning about it printed); ``None`` after printing why not (exit 2)."""
    source = feed_source(args)
    if source is None:
        return local_marks(program), None
    reading = read_feed(program, source)
    if reading is None:
        return None
    return (reading.feed.marks if reading.feed is not None else ()), reading


def local_marks(program: Program, *, quiet: bool = False) -> tuple[Mark, ...]:
    """The marks of the chair's log on this machine (none without a log); its warnings said
    unless ``quiet`` (the app says them itself)."""
    if not _has_log(program):
        return ()
    from ..store.chairlog import ChairLog

    log = ChairLog.load(program)
    if not quiet:
        warn(log.warnings)
    return log.marks


def expected_times(program: Program, now: datetime | None = None) -> Times:
    """The expected times the chair's log gives ``program`` (empty without marks), with any
    warning about the log printed; at ``now``, a talk running over counts (``delays.at_instant``)."""
    if not _has_log(program):
        return {}  # no marks: nothing moved, and nothing more to import
    from ..core.delays import at_instant, compute
    from ..store.chairlog import ChairLog

    log = ChairLog.load(program)
    warn(log.warnings)
    if now is not None:
        return at_instant(program, log.marks, now).expected
    return compute(program, log.marks).expected


def warn(warnings: Iterable[str]) -> None:
    for warning in warnings:
        say(warning)


def _has_log(program: Program) -> bool:
    """Whether ``program`` has a chair's log on this machine (or one from before version 0.1),
    found without importing the log's code: most machines have none, and ``now`` asks on every start."""
    import os

    from ..core.identity import program_key
    from ..store.paths import chair_file, old_chair_folder

    if os.path.exists(chair_file(program_key(program))):
        return True
    if not os.path.isdir(old_chair_folder()):
        return False
    from ..store.legacy import old_chair_files

    return bool(old_chair_files(program))
