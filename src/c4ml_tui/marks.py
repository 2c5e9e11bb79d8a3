"""The session chair's log: "this started now", "this ended now" and one-minute nudges.

A mark records what the chair saw, at the event clock's instant (a simulated clock rehearses
them). The log lives in the user data folder, one JSON file per program, and is written
atomically after every change, so marks survive a crash or a restart; a corrupt file is set
aside with a warning and a fresh log started. What the marks mean for the day's times is
``delays.py``'s business: this module only keeps them.

The file for a program is ``<data_dir>/chair/<key>.json`` where the key is
``<event title>-<event date>-<source file name>`` made filename-safe (see :func:`program_key`).
It deliberately ignores the file's folder and its content, so editing the program during the
day (adding a talk title, fixing a typo) or moving the file keeps the marks.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import datetime

from .model import Program
from .records import record

MarkKind = str
"""One of ``MARK_KINDS``. (No ``typing.Literal``: ``now`` imports this module on every start.)"""
MARK_KINDS: tuple[str, ...] = ("start", "end", "nudge")
FORMAT_VERSION = 1


@record
class Mark:
    """One thing the chair said: ``id`` (an item or talk) started / ended ``at``, or a nudge of
    ``minutes`` (+1 or -1) to the delay from that entry on, made ``at``."""

    kind: MarkKind
    id: str
    at: datetime
    minutes: int = 0

    def to_json(self) -> dict:
        out = {"kind": self.kind, "id": self.id, "at": self.at.isoformat()}
        if self.kind == "nudge":
            out["minutes"] = self.minutes
        return out

    @classmethod
    def from_json(cls, raw: object) -> Mark:
        """Raise ``ValueError`` for anything that is not a mark this version wrote."""
        if not isinstance(raw, dict):
            raise ValueError("a mark must be an object")
        kind, ident, at = raw.get("kind"), raw.get("id"), raw.get("at")
        if kind not in MARK_KINDS:
            raise ValueError(f"unknown mark kind {kind!r}")
        if not isinstance(ident, str) or not ident:
            raise ValueError("a mark needs an id")
        if not isinstance(at, str):
            raise ValueError("a mark needs an instant")
        when = datetime.fromisoformat(at)
        if when.tzinfo is None:
            raise ValueError("a mark's instant needs an offset")
        minutes = raw.get("minutes", 0)
        if kind == "nudge" and (isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0):
            raise ValueError("a nudge needs a whole, non-zero number of minutes")
        return cls(kind, ident, when, minutes if kind == "nudge" else 0)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def program_key(program: Program) -> str:
    """A stable, filename-safe key for a program's user data: event title, date and the source's
    file name, e.g. ``compilers-for-machine-learning-2025-03-02-program-yaml``.

    A title with no ASCII letters falls back to a short hash of the title, so it stays unique.
    """
    title = _slug(program.event.title)[:60]
    if not title:
        import hashlib

        title = "event-" + hashlib.sha1(program.event.title.encode()).hexdigest()[:8]
    name = program.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    source = _slug(name)[:40] or "program"
    return f"{title}-{program.event.date.isoformat()}-{source}"


def log_path(program: Program) -> Path:
    """Where the chair log of ``program`` is kept."""
    from pathlib import Path

    return Path(log_file(program))


def log_file(program: Program) -> str:
    """:func:`log_path` as a string, without importing pathlib (``now`` checks it on every start)."""
    from .locations import data_folder

    return os.path.join(data_folder(), "chair", f"{program_key(program)}.json")


class ChairLog:
    """The marks for one program, in the order the chair made them; saved after every change.

    Build it with :meth:`load`. ``warnings`` says what went wrong reading it (a corrupt file set
    aside, marks for ids the program no longer has); ``save_error`` says why the last save
    failed (the marks are still kept in memory, and the next change tries again).
    """

    def __init__(self, program: Program, path: Path, marks: list[Mark] | None = None):
        self.program = program
        self.path = path
        self._marks: list[Mark] = list(marks or [])
        self.warnings: list[str] = []
        self.save_error: str | None = None

    @classmethod
    def load(cls, program: Program, path: Path | None = None) -> ChairLog:
        """Read the log of ``program`` back (an empty log when there is none yet)."""
        from .atomic import read_json, set_aside

        path = path or log_path(program)
        log = cls(program, path)
        data, warning = read_json(path)
        if warning:
            log.warnings.append(warning)
            return log
        if data is None:
            return log
        try:
            if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
                raise ValueError(f"not a version {FORMAT_VERSION} chair log")
            raw_marks = data.get("marks")
            if not isinstance(raw_marks, list):
                raise ValueError("no list of marks")
            marks = [Mark.from_json(raw) for raw in raw_marks]
        except ValueError as error:
            try:
                moved = set_aside(path)
            except OSError:
                log.warnings.append(f"{path} is unreadable ({error}) and could not be set aside")
                return log
            log.warnings.append(f"{path} was corrupt ({error}); it was kept as {moved.name} and a fresh one started")
            return log
        tz = program.tz
        log._marks = [Mark(m.kind, m.id, m.at.astimezone(tz), m.minutes) for m in marks]
        unknown = sorted({m.id for m in log._marks} - set(program.by_id))
        if unknown:
            log.warnings.append(
                f"{len(unknown)} chair mark id(s) are not in the program ({', '.join(unknown)}); "
                "they are kept but ignored")
        return log

    # -- reading ---------------------------------------------------------------------------------
    @property
    def marks(self) -> tuple[Mark, ...]:
        return tuple(self._marks)

    def __len__(self) -> int:
        return len(self._marks)

    def __bool__(self) -> bool:  # an empty log is still a log
        return True

    # -- changing (each change is saved at once) ---------------------------------------------------
    def mark_start(self, entry_id: str, at: datetime) -> Mark:
        """``entry_id`` started at ``at`` (the event clock's now)."""
        return self._add(Mark("start", self._known(entry_id), self._instant(at)))

    def mark_end(self, entry_id: str, at: datetime) -> Mark:
        """``entry_id`` ended at ``at``."""
        return self._add(Mark("end", self._known(entry_id), self._instant(at)))

    def nudge(self, entry_id: str, minutes: int, at: datetime) -> Mark:
        """Add ``minutes`` (usually +1 or -1) to the delay from ``entry_id`` on."""
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0:
            raise ValueError("a nudge is a whole, non-zero number of minutes")
        return self._add(Mark("nudge", self._known(entry_id), self._instant(at), minutes))

    def undo(self) -> Mark | None:
        """Take back the last mark; ``None`` when there is nothing to undo."""
        if not self._marks:
            return None
        mark = self._marks.pop()
        self.save()
        return mark

    def save(self) -> bool:
        """Write the log atomically; on failure keep the marks and set ``save_error``."""
        from .atomic import write_json

        ev = self.program.event
        data = {
            "version": FORMAT_VERSION,
            "program": {"title": ev.title, "date": ev.date.isoformat(), "source": self.program.source},
            "marks": [m.to_json() for m in self._marks],
        }
        try:
            write_json(self.path, data)
        except OSError as error:
            self.save_error = f"could not save the chair marks to {self.path}: {error.strerror or error}"
            return False
        self.save_error = None
        return True

    def _add(self, mark: Mark) -> Mark:
        self._marks.append(mark)
        self.save()
        return mark

    def _known(self, entry_id: str) -> str:
        if entry_id not in self.program.by_id:
            raise KeyError(f"no item or talk {entry_id!r} in the program")
        return entry_id

    def _instant(self, at: datetime) -> datetime:
        if at.tzinfo is None:
            raise ValueError("a mark needs an aware instant (the event clock's now)")
        return at.astimezone(self.program.tz).replace(microsecond=0)


def expected_times(program: Program, stderr=None) -> dict:
    """For the plain commands (``now``): the expected times the chair log gives ``program``
    (empty without marks), with any warning about the log printed to ``stderr``."""
    import sys

    if not os.path.exists(log_file(program)):
        return {}  # no marks: nothing moved, and nothing more to import
    from .delays import compute

    log = ChairLog.load(program)
    for warning in log.warnings:
        print(f"c4ml-tui: {warning}", file=stderr or sys.stderr)
    return compute(program, log.marks).expected
