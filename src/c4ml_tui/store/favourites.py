"""Starred items and talks, kept per program in the user data folder.

Where: ``<data>/programs/<program key>/favourites.json`` (``store/paths.py``; the key is
``core.identity.program_key``: the event's title and first date, so edits, moves, renames and URL
refreshes keep your stars). Stars on ids that the program no longer has are kept in the file,
ignored by My day (``core/myday.py``) and listed by ``core.myday.missing``.

Writes are atomic, and a star or an unstar reads the file again under its lock first
(``locks.py``), so two windows starring at once keep every star. A corrupt file is set aside
(``<name>.corrupt-<stamp>``) with a warning and a fresh set starts (entries that are not ids are
dropped and the rest kept); nothing here raises on a bad or unwritable file: problems land in
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
        key = program_key(program)
        if folder is not None:
            path = folder / f"{key}.json"
        else:
            from .legacy import adopt, old_favourites_file
            from .paths import program_folder

            path = Path(program_folder(key)) / "favourites.json"
            adopt(str(path), [old_favourites_file(program)])
        ids, warning = read_ids(path)
        return cls(key, path, ids or (), title=program.event.title, day=program.event.date, warning=warning)

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
            self._change(entry_id, True)

    def unstar(self, entry_id: str) -> None:
        if entry_id in self._ids:
            self._change(entry_id, False)

    def _change(self, entry_id: str, starred: bool) -> None:
        """Star or unstar ``entry_id`` in the file as it is now: under the file's lock, read what
        another window may have saved since, change that, write it back (a merge, not an
        overwrite), and take it as ours."""
        from .locks import locked

        with locked(self.path):
            on_disk, warning = read_ids(self.path)
            if warning:
                self.warning = warning
            ids = dict.fromkeys(on_disk) if on_disk is not None else dict(self._ids)
            if starred:
                ids[entry_id] = None
            else:
                ids.pop(entry_id, None)
            self._ids = ids
            self._write()

    def toggle(self, entry_id: str) -> bool:
        """Star or unstar ``entry_id``; return whether it is starred now."""
        if entry_id in self._ids:
            self.unstar(entry_id)
            return False
        self.star(entry_id)
        return True

    def save(self) -> bool:
        """Write the file atomically (under its lock); on failure keep the stars in memory, set
        ``warning`` and return ``False``."""
        from .locks import locked

        with locked(self.path):
            return self._write()

    def _write(self) -> bool:
        from .atomic import write_json

        data = {"format": FORMAT, "program": {"title": self.title, "date": self.day.isoformat() if self.day else None},
                "starred": list(self._ids)}
        try:
            write_json(self.path, data)
        except OSError as error:
            self.warning = f"could not save favourites to {self.path}: {error.strerror or error}"
            return False
        return True


def read_ids(path: Path) -> tuple[list[str] | None, str | None]:
    """The starred ids in ``path`` and a warning: ``(None, None)`` when there is no file; a file
    that holds no list of ids is set aside whole (``(None, warning)``); entries that are not ids
    are dropped with a warning (the file as it was is set aside and the good ids written back, so
    nothing is lost). Ids are cleaned of control characters (they are printed)."""
    from ..core.textclean import clean
    from .atomic import read_json, set_aside

    data, warning = read_json(path)
    if data is None and (warning is not None or not path.exists()):
        return None, warning
    starred = data.get("starred") if isinstance(data, dict) else None  # a JSON null is no list either
    if not isinstance(starred, list):
        try:
            moved = set_aside(path)
            return None, (f"{path} did not hold a list of starred ids; it was kept as {moved.name} "
                          "and a fresh one started")
        except OSError as error:
            return None, f"{path} did not hold a list of starred ids and could not be set aside ({error})"
    ids = [i for i in (s if s.isprintable() else clean(s).strip() for s in starred if isinstance(s, str)) if i]
    dropped = len(starred) - len(ids)
    if not dropped:
        return ids, None
    what = f"{path}: {dropped} starred entr{'y' if dropped == 1 else 'ies'} that are not ids were dropped"
    try:
        from .atomic import write_json

        moved = set_aside(path)
        write_json(path, {**data, "starred": ids})  # type: ignore[dict-item]
    except OSError as error:
        return ids, f"{what}; the file could not be rewritten ({error})"
    return ids, f"{what}; the file as it was is kept as {moved.name}"
