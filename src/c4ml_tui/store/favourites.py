"""Starred items and talks, kept per program in the user data folder.

Where: ``<data>/programs/<program key>/favourites.json`` (``store/paths.py``; the key is
``core.identity.program_key``: the event's title and first date, so edits, moves, renames and URL
refreshes keep your stars). Stars on ids that the program no longer has are kept in the file,
ignored by My day (``core/myday.py``) and listed by ``core.myday.missing``.

Writes are atomic; a corrupt file is set aside (``<name>.corrupt-<stamp>``) with a warning and
a fresh set starts; nothing here raises on a bad or unwritable file: problems land in
:attr:`Favourites.warning` for the UI to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..core.identity import program_key
from ..core.model import Program

FORMAT = 1
"""The version of the file's shape, written as ``"format"``."""


class Favourites:
    """The starred entry ids of one program, in the order they were starred.

    ``Favourites.load(program)`` reads them; :meth:`star`, :meth:`unstar` and :meth:`toggle`
    change them and save at once. ``warning`` says what went wrong with the file, if anything
    (a corrupt file set aside, a failed save); the UI shows it and may set it to ``None``.
    """

    def __init__(self, key: str, path: Path, ids: Iterable[str] = (), *, title: str = "",
                 day: date | None = None, warning: str | None = None):
        self.key = key
        self.path = path
        self._ids: dict[str, None] = dict.fromkeys(ids)
        self.title = title
        self.day = day
        self.warning = warning

    @classmethod
    def load(cls, program: Program, folder: Path | None = None) -> Favourites:
        """The favourites stored for ``program`` (none yet: an empty set)."""
        from .atomic import read_json, set_aside

        key = program_key(program)
        if folder is not None:
            path = folder / f"{key}.json"
        else:
            from .legacy import adopt, old_favourites_file
            from .paths import program_folder

            path = Path(program_folder(key)) / "favourites.json"
            adopt(str(path), [old_favourites_file(program)])
        data, warning = read_json(path)
        ids: list[str] = []
        if data is not None or (warning is None and path.exists()):  # a JSON null is no list either
            starred = data.get("starred") if isinstance(data, dict) else None
            if isinstance(starred, list) and all(isinstance(i, str) for i in starred):
                ids = starred
            else:
                try:
                    moved = set_aside(path)
                    warning = (f"{path} did not hold a list of starred ids; it was kept as {moved.name} "
                               "and a fresh one started")
                except OSError as error:
                    warning = f"{path} did not hold a list of starred ids and could not be set aside ({error})"
        return cls(key, path, ids, title=program.event.title, day=program.event.date, warning=warning)

    # -- reading -------------------------------------------------------------------------------
    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._ids))

    def __len__(self) -> int:
        return len(self._ids)

    # -- changing ------------------------------------------------------------------------------
    def star(self, entry_id: str) -> None:
        if entry_id not in self._ids:
            self._ids[entry_id] = None
            self.save()

    def unstar(self, entry_id: str) -> None:
        if entry_id in self._ids:
            del self._ids[entry_id]
            self.save()

    def toggle(self, entry_id: str) -> bool:
        """Star or unstar ``entry_id``; return whether it is starred now."""
        if entry_id in self._ids:
            self.unstar(entry_id)
            return False
        self.star(entry_id)
        return True

    def save(self) -> bool:
        """Write the file atomically; on failure keep the stars in memory, set ``warning`` and
        return ``False``."""
        from .atomic import write_json

        data = {"format": FORMAT, "program": {"title": self.title, "date": self.day.isoformat() if self.day else None},
                "starred": list(self._ids)}
        try:
            write_json(self.path, data)
        except OSError as error:
            self.warning = f"could not save favourites to {self.path}: {error.strerror or error}"
            return False
        return True
