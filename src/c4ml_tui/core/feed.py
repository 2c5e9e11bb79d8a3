"""The delay feed: the chair's marks, the expected times and the message to stage, as one small
JSON document another machine can follow. Pure: the caller writes (``store/publish.py``) and
reads (``sources/delayfeed.py``) the bytes; this module builds and checks the document.

The document (``docs/running-a-room.md`` describes every field)::

    {"format": "c4ml-tui delay feed", "version": 1,
     "program": {"key": "compilers-for-machine-learning-2025-03-02", "version": "<digest>",
                 "title": "Compilers for Machine Learning", "date": "2025-03-02"},
     "room": "Willow", "written_at": "2025-03-02T08:47:05-08:00", "delay_seconds": 420,
     "message": {"text": "2 min", "at": "...", "entry": "session-1"},
     "marks": [{"kind": "start", "id": "session-1", "at": "2025-03-02T08:47:00-08:00"}],
     "expected": {"session-1": {"start": "...", "end": "..."}, ...}}

A feed belongs to one program identity (``core.identity.program_key``): a feed for another
program is refused. A feed of the same program written from another *version* of its file (the
organiser fixed a typo) is accepted with a note: marks are kept by id, so they still apply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from .marks import Mark
from .model import Program
from .records import record
from .textclean import clean
from .zones import year_problem

FORMAT = "c4ml-tui delay feed"
VERSION = 1
MAX_DELAY_SECONDS = 7 * 24 * 3600
"""A feed's delay past this is not a delay but a broken (or hostile) feed."""
MAX_MESSAGE = 120
"""Characters of a message to stage: a shout, not a letter ("2 min", "questions now", "mic!")."""


@record
class Message:
    """A message to the speaker: ``text`` sent ``at``, while ``entry`` was on stage (``None`` in a
    gap). An empty ``text`` clears the message."""

    text: str
    at: datetime
    entry: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"text": self.text, "at": self.at.isoformat(), "entry": self.entry}

    @classmethod
    def from_json(cls, raw: object) -> Message:
        """Raise ``ValueError`` for anything that is not a message."""
        if not isinstance(raw, dict):
            raise ValueError("the message must be an object")
        text, entry = raw.get("text"), raw.get("entry")
        if not isinstance(text, str):
            raise ValueError("the message needs a text")
        if entry is not None and not isinstance(entry, str):
            raise ValueError("the message's entry must be an id")
        return cls(tidy(text), instant(raw.get("at"), "the message's at"), entry)


@record
class Feed:
    """A feed as read: whose it is, when it was written, the marks, the delay and the message."""

    key: str
    version: str
    title: str
    date: str
    room: str | None
    written_at: datetime
    delay_seconds: int
    marks: tuple[Mark, ...]
    message: Message | None
    expected: Mapping[str, tuple[datetime, datetime]]

    def same_state(self, other: Feed | None) -> bool:
        """Whether ``other`` says the same (marks and message), whenever it was written."""
        return other is not None and (self.key, self.marks, self.message) == (other.key, other.marks, other.message)


def tidy(text: str) -> str:
    """A message as it is kept: control characters removed, one line, at most ``MAX_MESSAGE``."""
    return " ".join(clean(text).split())[:MAX_MESSAGE]


def instant(raw: object, what: str) -> datetime:
    if not isinstance(raw, str):
        raise ValueError(f"{what} is not a date-time")
    when = datetime.fromisoformat(raw)
    if when.tzinfo is None:
        raise ValueError(f"{what} needs an offset")
    far = year_problem(when)
    if far:
        raise ValueError(f"{what}: {far}")
    return when


def document(program: Program, *, marks: Iterable[Mark], expected: Mapping[str, tuple[datetime, datetime]],
             delay: timedelta, now: datetime, room: str | None, message: Message | None) -> dict[str, object]:
    """The feed's JSON-ready document (see the module docstring)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "program": {"key": key_of(program), "version": program.digest, "title": program.event.title,
                    "date": program.event.date.isoformat()},
        "room": room,
        "written_at": now.replace(microsecond=0).isoformat(),
        "delay_seconds": round(delay.total_seconds()),
        "message": message.to_json() if message is not None and message.text else None,
        "marks": [m.to_json() for m in marks],
        "expected": {ident: {"start": start.isoformat(), "end": end.isoformat()}
                     for ident, (start, end) in expected.items()},
    }


def key_of(program: Program) -> str:
    from .identity import program_key

    return program_key(program)


def parse(raw: object) -> Feed:
    """A feed from its decoded JSON; ``ValueError`` with a short reason for anything else."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError("not a c4ml-tui delay feed")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("the feed has no version")
    if version > VERSION:
        raise ValueError(f"a version {version} feed, written by a newer c4ml-tui; this one reads version {VERSION}")
    program = raw.get("program")
    if not isinstance(program, dict) or not isinstance(program.get("key"), str):
        raise ValueError("the feed does not say which program it is for")
    room = raw.get("room")
    delay = raw.get("delay_seconds", 0)
    if not isinstance(delay, int) or isinstance(delay, bool) or abs(delay) > MAX_DELAY_SECONDS:
        raise ValueError("delay_seconds is not a whole number of seconds under a week")
    raw_marks = raw.get("marks")
    if not isinstance(raw_marks, list):
        raise ValueError("the feed has no list of marks")
    message = raw.get("message")
    return Feed(
        key=program["key"],
        version=str(program.get("version") or ""),
        title=tidy(str(program.get("title") or program["key"])),
        date=tidy(str(program.get("date") or "")),
        room=tidy(room) if isinstance(room, str) else None,
        written_at=instant(raw.get("written_at"), "written_at"),
        delay_seconds=delay,
        marks=tuple(Mark.from_json(m) for m in raw_marks),
        message=Message.from_json(message) if message is not None else None,
        expected=_expected(raw.get("expected", {})),
    )


def _expected(raw: object) -> dict[str, tuple[datetime, datetime]]:
    if not isinstance(raw, dict):
        raise ValueError("expected is not an object")
    out = {}
    for ident, times in raw.items():
        if not isinstance(times, dict):
            raise ValueError(f"the expected times of {ident!r} are not an object")
        out[str(ident)] = (instant(times.get("start"), f"{ident}'s start"), instant(times.get("end"), f"{ident}'s end"))
    return out


def refusal(feed: Feed, program: Program) -> str | None:
    """Why ``feed`` does not apply to ``program`` (another program), or ``None`` when it does."""
    mine = key_of(program)
    if feed.key == mine:
        return None
    theirs = f"{feed.title} ({feed.date})" if feed.date else feed.title
    return (f"is the delay feed of {theirs}, not of {program.event.title} "
            f"({program.event.date.isoformat()}): ignored")


def other_version(feed: Feed, program: Program) -> bool:
    """Whether the feed was written from another version of the program's file (still applied:
    its marks name entries by id)."""
    return bool(feed.version and program.digest and feed.version != program.digest)


def newest(*messages: Message | None) -> Message | None:
    """The message sent last (a cleared one counts: it replaces what was before)."""
    found = [m for m in messages if m is not None]
    return max(found, key=lambda m: m.at, default=None)


def showing(message: Message | None, on_stage: str | None) -> str:
    """The message to show with ``on_stage`` the entry counted down now: a message shows until
    it is cleared or replaced, or the talk it was sent during leaves the stage."""
    if message is None or not message.text or message.entry != on_stage:
        return ""
    return message.text


def file_name(program: Program, room: str | None) -> str:
    """``willow.json``: the feed's file in a ``--publish`` folder, named for the chair's room
    (the program's only room when it has one), else for the program."""
    import re

    from .textfold import fold

    if room is None and len(program.rooms) == 1:
        room = program.rooms[0]
    slug = re.sub(r"[^a-z0-9]+", "-", fold(room)).strip("-") if room else ""
    return f"{slug or key_of(program)}.json"
