"""``c4ml-tui chair``: open the app on the session chair's screen (countdown, stages, marks),
and with ``--publish`` write the room's delay feed after every mark (``store/publish.py``)."""

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
               "  c4ml-tui chair --at 2025-03-02T08:35 --speed 30   (rehearse)\n"
               "  c4ml-tui chair --publish /var/www/room   (write /var/www/room/willow.json)\n"
               "  c4ml-tui chair --publish feed --publish-cmd 'rsync -q {file} web:/srv/room/'\n\n"
               "keys: s this started now, e this ended now, +/- nudge the delay a minute,\n"
               "u undo, b bell on/off, t a message to the speaker, v the stage view.\n"
               "Marks are saved at once (see docs/chair.md); `c4ml-tui timings` prints\n"
               "them after the day. Publishing: docs/running-a-room.md.")
    common(parser)
    parser.add_argument("--wrap-up", metavar="MIN", type=minutes, default=None,
                        help="wrap-up stage when MIN minutes are left (default: the program's "
                             "chair: block, else 5)")
    parser.add_argument("--last", metavar="MIN", type=minutes, default=None,
                        help="last-minute stage when MIN minutes are left (default: the program's "
                             "chair: block, else 1)")
    parser.add_argument("--bell", action="store_true", help="ring the terminal bell at each change of stage")
    publishing(parser)
    return parser


def publishing(parser) -> None:
    """``--publish`` and ``--publish-cmd`` (``chair`` and ``say``)."""
    parser.add_argument("--publish", metavar="DIR|FILE", default=None,
                        help="write the delay feed to DIR/<room>.json (or FILE.json) after every mark, "
                             "nudge, undo or message, for a web server to serve")
    parser.add_argument("--publish-cmd", metavar="CMD", default=None,
                        help="run CMD after each write, {file} replaced by the feed's path (rsync, scp, an "
                             "upload); needs --publish")


def publisher(program, args, room):
    """The :class:`~c4ml_tui.store.publish.Publisher` ``--publish`` asks for (``None`` without
    it), or ``False`` after saying why it cannot write there."""
    import os

    from ..core.feed import file_name
    from ..store.publish import Publisher, feed_path
    from .common import say

    if args.publish_cmd and not args.publish:
        say("--publish-cmd needs --publish DIR (where the feed is written before the command runs)")
        return False
    if not args.publish:
        return None
    if getattr(args, "delays", None):
        say("--publish and --delays: a chair publishes its own marks; follow a feed with the app or `stage`")
        return False
    path = feed_path(args.publish, file_name(program, room))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        say(f"--publish {args.publish}: cannot make the folder ({error.strerror or error})")
        return False
    if not os.access(path.parent, os.W_OK):
        say(f"--publish {args.publish}: cannot write there (permission denied)")
        return False
    return Publisher(path, args.publish_cmd)


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
    chair = options(program, args)
    writer = publisher(program, args, chair.room)
    if writer is False:
        return 2
    from ..tui.app import run_app
    from .common import clock_hours, feed_source

    return run_app(program, clock, start_screen="chair", chair=chair, delays=feed_source(args),
                   publisher=writer or None, clock_hours=clock_hours(args))
