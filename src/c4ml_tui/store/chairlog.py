"""The session chair's log of marks (``core/marks.py``), kept per program in the user data folder.

The log is written atomically after every change, so marks survive a crash or a restart; a
corrupt file is set aside with a warning and a fresh log started, and a mark that cannot be read
is dropped with a warning (the file as it was set aside). Each change reads the file again under
its lock (``locks.py``) and adds to what is there: two windows marking at once keep every mark.
What the marks mean for the day's times is ``core/delays.py``'s business: this module only keeps
them.

The file is ``<data>/programs/<program key>/chair.json`` (``core.identity.program_key``: the
event's title and first date), so editing the program during the day, moving or renaming its
file, or a new copy from its URL all keep the marks. A log written by an older version (keyed by
the file's name as well) is carried over the first time (``store/legacy.py``).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from ..core.identity import program_key
from ..core.marks import Mark
from ..core.model import Program

TYPE_CHECKING = False  # not typing's: ``now`` imports this module on every start
if TYPE_CHECKING:
    from pathlib import Path

FORMAT_VERSION = 1


def log_path(program: Program) -> Path:
    """Where the chair log of ``program`` is kept."""
    from pathlib import Path

    return Path(log_file(program))


def log_file(program: Program) -> str:
    """:func:`log_path` as a string, without importing pathlib (``now`` checks it on every start)."""
    from .paths import chair_file

    return chair_file(program_key(program))


class ChairLog:
    """The marks for one program, in the order the chair made them; saved after every change.

    Build it with :meth:`load`. ``warnings`` says what went wrong reading it (a corrupt file set
    aside, marks for ids the program no longer has); ``save_error`` says why the last save
    failed (the marks are still kept in memory, and the next change tries again).
    """

    def __init__(self, path: Path, tz: tzinfo, marks: list[Mark] | None = None, *, title: str = "",
                 day: date | None = None):
        """``tz`` is the event's zone (marks are kept in it); ``title`` and ``day`` name the
        program in the file, for a person who opens it."""
        self.path = path
        self.tz = tz
        self.title = title
        self.day = day
        self._marks: list[Mark] = list(marks or [])
        self.warnings: list[str] = []
        self.save_error: str | None = None
        self._mine: list[Mark] = []
        """The marks this window made (``undo`` takes back the last of them first)."""

    @classmethod
    def load(cls, program: Program, path: Path | None = None) -> ChairLog:
        """Read the log of ``program`` back (an empty log when there is none yet)."""
        if path is None:
            path = log_path(program)
            if not path.exists():
                from .legacy import adopt, old_chair_files

                adopt(str(path), old_chair_files(program))
        log = cls(path, program.tz, title=program.event.title, day=program.event.date)
        marks, log.warnings = read_marks(path, program.tz)
        log._marks = marks or []
        ids = {m.id for m in log._marks}
        # (a program store answers without reading every item: ``known``)
        known = program.known(ids) if hasattr(program, "known") else ids & program.by_id.keys()
        unknown = sorted(ids - known)
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
        return self._add(Mark("start", entry_id, self._instant(at)))

    def mark_end(self, entry_id: str, at: datetime) -> Mark:
        """``entry_id`` ended at ``at``."""
        return self._add(Mark("end", entry_id, self._instant(at)))

    def nudge(self, entry_id: str, minutes: int, at: datetime) -> Mark:
        """Add ``minutes`` (usually +1 or -1) to the delay from ``entry_id`` on."""
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0:
            raise ValueError("a nudge is a whole, non-zero number of minutes")
        return self._add(Mark("nudge", entry_id, self._instant(at), minutes))

    def undo(self) -> Mark | None:
        """Take back the last mark; ``None`` when there is nothing to undo."""
        from .locks import locked

        with locked(self.path):
            marks = self._merged()
            if not marks:
                self._marks = marks
                return None
            mine = [m for m in self._mine if m in marks]
            mark = mine[-1] if mine else marks[-1]  # this window's last mark, else the log's
            del marks[len(marks) - 1 - marks[::-1].index(mark)]
            if mark in self._mine:
                self._mine.remove(mark)
            self._marks = marks
            self._write()
        return mark

    def save(self) -> bool:
        """Write the log atomically (under its lock); on failure keep the marks and set ``save_error``."""
        from .locks import locked

        with locked(self.path):
            return self._write()

    def _merged(self) -> list[Mark]:
        """The marks in the file now (another window may have added some), else ours; called
        under the lock."""
        marks, warnings = read_marks(self.path, self.tz)
        self.warnings += warnings
        return marks if marks is not None else list(self._marks)

    def _write(self) -> bool:
        from .atomic import write_json

        data = {
            "version": FORMAT_VERSION,
            "program": {"title": self.title, "date": self.day.isoformat() if self.day else None},
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
        """Add ``mark`` to the log as it is in the file now, under its lock: two windows marking
        at once both keep their marks."""
        from .locks import locked

        with locked(self.path):
            self._marks = [*self._merged(), mark]
            self._mine.append(mark)
            self._write()
        return mark

    def _instant(self, at: datetime) -> datetime:
        if at.tzinfo is None:
            raise ValueError("a mark needs an aware instant (the event clock's now)")
        return at.astimezone(self.tz).replace(microsecond=0)


def read_marks(path: Path, tz: tzinfo) -> tuple[list[Mark] | None, list[str]]:
    """The marks in ``path`` (in the zone ``tz``) and warnings; ``None`` when there is no file or
    it was set aside whole (not JSON, not a chair log). A mark that cannot be read (a year out of
    range, a nudge of a million minutes, no id) is dropped with a warning: the file as it was is
    set aside and the good marks written back, so nothing is lost and nothing crashes."""
    from .atomic import read_json, set_aside, write_json

    data, warning = read_json(path)
    if warning:
        return None, [warning]
    if data is None:
        return None, []
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("marks"), list):
        reason = "no list of marks" if isinstance(data, dict) and data.get("version") == FORMAT_VERSION else \
            f"not a version {FORMAT_VERSION} chair log"
        try:
            moved = set_aside(path)
        except OSError:
            return None, [f"{path} is unreadable ({reason}) and could not be set aside"]
        return None, [f"{path} was corrupt ({reason}); it was kept as {moved.name} and a fresh one started"]
    marks: list[Mark] = []
    reasons: list[str] = []
    for raw in data["marks"]:
        try:
            mark = Mark.from_json(raw)
            marks.append(Mark(mark.kind, mark.id, mark.at.astimezone(tz), mark.minutes))
        except (ValueError, OverflowError) as error:
            reasons.append(str(error))
    if not reasons:
        return marks, []
    what = (f"{path}: {len(reasons)} chair mark(s) could not be read and were dropped "
            f"(the first: {reasons[0]})")
    try:
        moved = set_aside(path)
        write_json(path, {**data, "marks": [m.to_json() for m in marks]})
    except OSError as error:
        return marks, [f"{what}; the file could not be rewritten ({error})"]
    return marks, [f"{what}; the file as it was is kept as {moved.name}"]
