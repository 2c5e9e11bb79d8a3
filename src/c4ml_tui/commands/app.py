"""``c4ml-tui`` with no command: the app, on the program ``--program`` names (a URL is followed
while it runs). Its options (``--remind``, ``--remind-bell``) are given before any command."""

from __future__ import annotations

from .common import bounded

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from ..sources.refresh import Source


minutes = bounded(0, 1440, "minutes")
"""A reminder or stage lead time: 0 to 1440 minutes (a day), as an argparse type."""


def add_options(parser: argparse.ArgumentParser) -> None:
    """Options of the app (no command), given before any command."""
    parser.add_argument("--remind", metavar="MIN", type=minutes, default=None,
                        help="in the app, a notification MIN minutes before a starred item or talk starts "
                             "(default: the config file's remind, else 5; 0: no reminders)")
    parser.add_argument("--remind-bell", action="store_true",
                        help="ring the terminal bell with each reminder")


def source_of(args: argparse.Namespace) -> Source | None:
    """How to load the program again while the app runs: for a URL only (``--program``, or the
    config file's ``program``)."""
    from ..sources.loader import is_url
    from .common import setting

    where = getattr(args, "program", None) or setting(args, "program")
    if not is_url(where):
        return None  # a file: nothing to follow (and ``refresh`` is not imported)
    from ..sources.refresh import source_of as source

    return source(where, getattr(args, "timezone", None), getattr(args, "room", None))


def run(args: argparse.Namespace) -> int:
    import gc

    # No collector passes until the board is on screen: what the start-up builds (modules,
    # classes, styles, the program) lives as long as the app. The app collects once after its
    # first frame and starts the collector again (``C4mlApp.start_collector``); whatever
    # happens, it runs again as it did once the app is over (a test's process goes on).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    from .common import clock_hours, program_and_clock, setting, settings

    source = source_of(args)
    loaded = before_the_network(args, source) if source is not None else None
    rest = None
    if loaded is None and source is None:
        opened = big_opening(args)
        if opened is False:
            return 2
        if opened is not None:
            *loaded, rest = opened
    loaded = loaded or program_and_clock(args)
    if loaded is None:
        return 2
    program, clock = loaded
    from ..tui.app import run_app
    from .common import feed_source

    remind = args.remind if args.remind is not None else setting(args, "remind")
    return run_app(program, clock, source=source, rest=rest,  # a URL is followed while the app runs
                   remind_minutes=remind, remind_bell=args.remind_bell, config=settings(args),
                   clock_hours=clock_hours(args), delays=feed_source(args))


def before_the_network(args: argparse.Namespace, source: Source):
    """``(program, clock)`` to open the app on for a URL without waiting for its server: the
    URL's last good copy, or (with none, on the real clock) a "Fetching..." stand-in. The app's
    follower downloads at once and swaps the new program in when it arrives. ``None`` when
    neither will do (no copy and a simulated clock, which needs the program's zone): the app
    then waits for the download, bounded by ``remote.TIMEOUT``."""
    from datetime import datetime, timezone

    from ..formats.problems import ProgramError
    from ..sources.loader import check_timezone
    from ..sources.refresh import waiting
    from .common import make_clock

    try:
        check_timezone(getattr(args, "timezone", None))
    except ProgramError:
        return None  # the usual path says what is wrong with --timezone
    program = source.last_good()
    if program is None:
        if getattr(args, "at", None) or getattr(args, "speed", None):
            return None
        program = waiting(source, datetime.now(timezone.utc).date())
    clock = make_clock(program, args)
    return (program, clock) if clock is not None else None


BIG_FILE = 32 * 2**10
"""A program file bigger than this (``loader.SMALL_FILE``: about 150 talks of YAML) is opened
through its store (``sources/program_store.py``) when it holds more than :data:`BIG_PROGRAM`
items and talks: the app paints the board from the items around now (with what the first screen
shows: ``tui.rest.first_screen``) and reads the rest in a worker thread. (It was 1 MB: a
1,000-talk YAML file of 0.2 MB was read whole, and its first screen cost 1.37x the minimal app
against 1.13x for 10,000 talks on a slice.)"""
BIG_PROGRAM = 500
"""38C3's 1,007 events open on a slice: its first screen costs a third less CPU above the
minimal app's (docs/performance.md)."""


def big_opening(args: argparse.Namespace):
    """``(slice, clock, rest)`` for a big program file: the items around now (and the days of
    the chair's marks), the clock, and how to read the whole program (in a worker thread: the
    app swaps it in). ``None`` when it is not that big (the app reads it whole at once, as it
    always has), ``False`` after printing why it cannot be opened. A file its store has noted
    as small costs one small read here; one never read before is stored first (once)."""
    import os

    from ..sources.loader import is_url
    from ..sources.program_store import noted_size
    from .common import around, load_program, local_marks, room_of, setting, view_and_clock

    where = getattr(args, "program", None) or setting(args, "program")
    try:
        if not where or is_url(where) or os.path.getsize(where) < BIG_FILE:
            return None
    except (OSError, ValueError):
        return None  # the usual path says what is wrong with it
    size = noted_size(where, getattr(args, "timezone", None))
    if size is not None and size <= BIG_PROGRAM:
        return None
    loaded = view_and_clock(args)
    if loaded is None:
        return False
    view, clock = loaded
    if getattr(view, "entries", 0) <= BIG_PROGRAM:
        program = load_program(args, quiet=True)  # (what it would say was said by view_and_clock)
        return False if program is None else (program, clock, None)
    now = clock.now()
    part = around(view, args, now, local_marks(view, quiet=True))
    if room_of(view, args) is None:  # (with --room, the now board of that room: its slice is enough)
        from ..tui.rest import first_screen

        part = first_screen(view, part, now)

    def rest():
        return load_program(args, quiet=True)

    return part, clock, rest
