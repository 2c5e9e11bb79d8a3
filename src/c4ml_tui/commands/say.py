"""``c4ml-tui say "2 min"``: a message to the speaker, from any shell. It is kept on this
machine (a running ``chair --publish`` publishes it, a local ``stage`` shows it) and, with
``--publish``, written into the feed there at once (what a ``stage --delays`` elsewhere reads)."""

from __future__ import annotations

import argparse


def add_parser(sub, common):
    from .chair import publishing

    parser = sub.add_parser(
        "say", help="a message to the speaker on the stage view (\"2 min\", \"questions now\", \"mic!\")",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  c4ml-tui say 2 min\n  c4ml-tui say --publish /var/www/room 'questions now'\n"
               "  c4ml-tui say --clear\n\n"
               "The message shows until it is cleared or replaced, or the talk on stage when it\n"
               "was sent leaves the stage. See docs/running-a-room.md.")
    common(parser)
    parser.add_argument("text", nargs="*", metavar="TEXT", help="the message (one line, up to 120 characters)")
    parser.add_argument("--clear", action="store_true", help="clear the message on the stage view")
    publishing(parser)
    return parser


def run(args) -> int:
    from ..core.feed import file_name, parse, refusal
    from ..store import stagenote
    from ..store.publish import Publisher, feed_path, read_document
    from ..words.feed import build, message_for
    from .chair import chosen_room
    from .common import local_marks, program_and_clock, say, show

    text = " ".join(args.text).strip()
    if bool(text) == bool(args.clear):
        say("say: give a message, or --clear (not both)")
        return 2
    loaded = program_and_clock(args)
    if loaded is None:
        return 2
    program, clock = loaded
    now, room = clock.now(), chosen_room(program, args)
    document = None
    path = None
    if args.publish:
        path = feed_path(args.publish, file_name(program, room))
        document = read_document(path)
    marks = local_marks(program)
    if document is not None or (path is not None and path.exists()):
        try:
            feed = parse(document)
        except ValueError as error:
            say(f"{path}: not a delay feed ({error}); not changed")
            return 2
        refused = refusal(feed, program)
        if refused:
            say(f"{path}: {refused}")
            return 2
        marks = feed.marks
    message = message_for(program, marks, text, now, room)
    unsaved = stagenote.write(program, message)
    if unsaved:
        say(unsaved)
    if path is not None:
        if not isinstance(document, dict):
            document = build(program, marks, now, room=room, message=message)
        else:
            document["message"] = message.to_json() if message.text else None
            document["written_at"] = now.replace(microsecond=0).isoformat()
        writer = Publisher(path, args.publish_cmd)
        if not writer.write(document):
            say(writer.error or f"could not write {path}")
            return 1
        writer.wait()
        if writer.error:
            say(writer.error)
            return 1
    on_stage = program.by_id.get(message.entry or "")
    where = f" (shown while {on_stage.title} is on stage)" if on_stage is not None else ""
    show(f"Message to stage: {message.text}{where}" if message.text else "Message to stage cleared.")
    return 0 if not unsaved or path is not None else 1
