"""``c4ml-tui changes``: what moved, what is new and what was cancelled.

With ``--program URL``: since the copy before the last download (the command revalidates first).
With two sources ``OLD NEW``: between them.
"""

from __future__ import annotations

import argparse
import json


def add_parser(sub, common):
    parser = sub.add_parser(
        "changes", help="what moved, is new or was cancelled since the last copy",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui changes --program https://example.org/schedule.xml\n"
               "  c4ml-tui changes old.xml new.xml --json\n\n"
               "Entries are matched by id; one moved when its start, end or room changed.")
    common(parser)
    parser.add_argument("sources", metavar="OLD NEW", nargs="*", help="two copies to compare")
    parser.add_argument("--json", action="store_true", help="print JSON: moved, new, cancelled")
    return parser


def run(args) -> int:
    from ..core.changes import diff
    from ..formats.problems import ProgramError
    from ..sources.fetch import fetch, previous
    from ..sources.loader import is_url, load
    from ..words import changes
    from .common import print_problems, say, show

    zone = getattr(args, "timezone", None)
    if len(args.sources) == 2:
        try:
            old, new = (load(s, zone) for s in args.sources)
        except ProgramError as error:
            return print_problems(error)
        label = f"from {args.sources[0]} to {args.sources[1]}"
    elif not args.sources and args.program and is_url(args.program):
        try:  # ask the server now, whatever the age of the copy
            fetched = fetch(args.program, timezone=zone)
        except ProgramError as error:
            return print_problems(error)
        if fetched.notice:
            say(fetched.notice)
        before, after = previous(args.program, zone)
        if before is None or after is None:
            say(f"no earlier copy of {args.program} to compare with yet")
            return 0
        old, new = before, after
        label = f"in {args.program} since the copy before the last download"
    else:
        say("changes needs two sources (OLD NEW) or --program URL")
        return 2
    found = diff(old, new)
    if args.json:
        show(json.dumps(changes.as_json(found), ensure_ascii=False, indent=1))
        return 0
    show(f"Changes {label}: {found.summary()}")
    for line in changes.describe(found, new):
        show(f"  {line}")
    return 0
