"""``c4ml-tui stage``: the speaker's countdown, full screen and read-only; ``--web HOST:PORT``
serves the same view to a browser (a tablet facing the speaker) with textual-serve."""

from __future__ import annotations

import argparse


def add_parser(sub, common):
    from .chair import minutes

    parser = sub.add_parser(
        "stage", help="the speaker's countdown and the chair's messages, full screen (or in a browser)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui stage                      (the marks of `c4ml-tui chair` on this machine)\n"
               "  c4ml-tui stage --delays http://room.lan/willow.json --calm\n"
               "  c4ml-tui stage --web 8000             (http://localhost:8000 in a browser)\n"
               "  c4ml-tui stage --web 0.0.0.0:8000 --delays http://room.lan/willow.json\n\n"
               "Ctrl+Q quits. See docs/running-a-room.md.")
    common(parser)
    parser.add_argument("--calm", action="store_true",
                        help="a steady display: no flashing at wrap-up and overtime (overtime is shown inverted)")
    parser.add_argument("--web", metavar="[HOST:]PORT", default=None, type=address,
                        help="serve the stage view to browsers at http://HOST:PORT (HOST: localhost unless "
                             "given; 0.0.0.0 for every network)")
    parser.add_argument("--wrap-up", metavar="MIN", type=minutes, default=None,
                        help="wrap-up stage when MIN minutes are left (default: the program's chair: block)")
    parser.add_argument("--last", metavar="MIN", type=minutes, default=None,
                        help="last-minute stage when MIN minutes are left (default: the program's chair: block)")
    return parser


def address(text: str) -> tuple[str, int]:
    """``[HOST:]PORT`` for ``--web`` (argparse type): localhost unless a host is given."""
    host, _, port = text.strip().rpartition(":")
    host = host.strip("[]") or "localhost"
    try:
        number = int(port)
    except ValueError:
        number = -1
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError(f"not [HOST:]PORT with a port from 1 to 65535: {text!r}")
    return host, number


def child_command(args) -> str:
    """The command textual-serve runs for each browser: this one, without ``--web``."""
    import shlex
    import sys

    line = [sys.executable, "-m", "c4ml_tui", "stage"]
    for option in ("program", "at", "speed", "timezone", "room", "delays", "delays_every", "wrap_up", "last",
                   "clock", "show_zone"):
        value = getattr(args, option, None)
        if value is not None:
            line += [f"--{option.replace('_', '-')}", str(value)]
    if args.calm:
        line.append("--calm")
    return " ".join(shlex.quote(part) for part in line)


def serve(args, program) -> int:
    """Serve the stage view at ``--web`` until Ctrl+C."""
    from .common import say, show

    try:
        from textual_serve.server import Server
    except ImportError:
        say("--web needs the textual-serve package: pip install textual-serve")
        return 2
    host, port = args.web

    class StageServer(Server):
        """textual-serve, with the page's websocket at the address the browser used (a tablet
        reaching ``http://192.168.1.20:8000`` of a server bound to 0.0.0.0), and one line on start."""

        def initialize_logging(self) -> None:
            import logging

            logging.basicConfig(level="WARNING", format="c4ml-tui stage --web: %(message)s")

        async def on_startup(self, app) -> None:
            shown = "localhost" if host in ("0.0.0.0", "::") else host
            show(f"c4ml-tui: the stage view of {program.event.title} at http://{shown}:{port} "
                 f"(bound to {host}; Ctrl+C stops)", flush=True)

        async def handle_index(self, request):
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    StageServer(child_command(args), host=host, port=port, title=f"Stage · {program.event.title}").serve()
    return 0


def run(args) -> int:
    from .common import feed_source, program_and_clock

    loaded = program_and_clock(args)
    if loaded is None:
        return 2
    program, clock = loaded
    if args.web is not None:
        return serve(args, program)
    from ..core.stages import ChairOptions, settings
    from ..tui.stage_app import StageApp
    from .chair import chosen_room

    chair = ChairOptions(thresholds=settings(program.chair, args.wrap_up, args.last), room=chosen_room(program, args))
    from .app import source_of

    # A program from a URL is followed too; a URL feed is asked every 2 s (a message must not wait).
    from .common import clock_hours

    app = StageApp(program, clock, chair=chair, delays=feed_source(args, every=2.0), calm=args.calm,
                   source=source_of(args), clock_hours=clock_hours(args))
    app.run()
    return app.return_code or 0
