"""The reminders that already fired, per program: ``<data>/programs/<key>/reminders.json``.

The app and ``c4ml-tui watch`` both read and write it, so a restart (or the other of the two)
does not repeat a reminder: each starred entry is reminded once. Written atomically; re-read
before each decision (another process may have fired since); a corrupt file is set aside with a
warning and a fresh one started.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from ..core.identity import program_key
from ..core.model import Program

FORMAT = 1


class Reminded:
    """Entry ids whose reminder fired, with when. ``warning`` says what went wrong with the
    file (a corrupt file set aside, a failed save), for the caller to show."""

    def __init__(self, path: Path, fired: dict[str, str] | None = None, *, title: str = ""):
        self.path = path
        self.title = title
        self.fired: dict[str, str] = dict(fired or {})
        self.warning: str | None = None

    @classmethod
    def load(cls, program: Program) -> Reminded:
        from .paths import program_folder

        found = cls(Path(program_folder(program_key(program))) / "reminders.json", title=program.event.title)
        found.refresh()
        return found

    def refresh(self) -> None:
        """Read the file again: what another process fired since counts too."""
        from .atomic import read_json, set_aside

        data, warning = read_json(self.path)
        if warning:
            self.warning = warning
            return
        if data is None:
            return
        fired = data.get("fired") if isinstance(data, dict) else None
        if not isinstance(fired, dict) or not all(isinstance(v, str) for v in fired.values()):
            try:
                moved = set_aside(self.path)
                self.warning = f"{self.path} did not hold the reminders fired; it was kept as {moved.name}"
            except OSError as error:
                self.warning = f"{self.path} did not hold the reminders fired ({error})"
            return
        self.fired.update(fired)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.fired

    def fresh(self, ids: Iterable[str]) -> list[str]:
        """Of ``ids`` (reminders due now), those not fired yet, here or in another process."""
        wanted = list(ids)
        if wanted:
            self.refresh()
        return [i for i in wanted if i not in self.fired]

    def record(self, ids: Iterable[str], now: datetime) -> bool:
        """Remember that ``ids`` fired at ``now``; ``False`` (and ``warning``) when the save failed."""
        from .atomic import write_json

        for ident in ids:
            self.fired.setdefault(ident, now.isoformat())
        try:
            write_json(self.path, {"format": FORMAT, "program": self.title, "fired": self.fired})
        except OSError as error:
            self.warning = f"could not save the reminders fired to {self.path}: {error.strerror or error}"
            return False
        return True
