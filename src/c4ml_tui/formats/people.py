"""Who speaks: a schedule's persons made speakers, by identity and not by id alone.

Merged schedules (36C3's, rC3's) join the exports of several instances, and each instance
numbers its people from 1: one id then names several people, and a source that knows no id
writes ``id="0"`` for everyone. So a person is:

* their **guid** (or pretalx's **code**) when the source gives one: that is an identity;
* else their **id and name** together: a person id that names two people is two speakers
  (ids ``5~Ada Example`` and ``5~Bo Example``); ``0`` and an empty id are no id at all;
* else their **name**, which joins the one speaker of that name the file identifies otherwise,
  if there is exactly one.

The same person on several items stays one speaker with all their talks. A speaker's id is
the source's key where that is unambiguous (the guid, the code, the id), so it stays the same
on every import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.model import Speaker
from ..core.textclean import clean
from .html_text import normalise

_NO_ID = ("", "0")


@dataclass(slots=True)
class RawPerson:
    """A person as the file wrote them."""

    guid: str | None
    """A guid or pretalx code: an identity."""
    id: str | None
    name: str | None
    bio: str | None = None
    url: str | None = None


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


class People:
    """Resolves every :class:`RawPerson` of one file to a speaker id; :meth:`learn` sees them all
    first (whether an id names one person or several is only known once the file is read)."""

    def __init__(self) -> None:
        self.speakers: dict[str, Speaker] = {}
        self._names_of_id: dict[str, set[str]] = {}
        self._keyed_names: dict[str, set[str]] = {}
        """Folded name -> the speaker ids of that name that a guid or an id identifies."""
        self._names: dict[str, str | None] = {}

    def _name(self, raw: str | None) -> str | None:
        if raw is None:
            return None
        known = self._names.get(raw, "")
        if known == "":
            known = self._names[raw] = normalise(raw, html_ok=False)
        return known

    def learn(self, persons: Iterable[RawPerson]) -> None:
        named = [(p, name) for p in persons if (name := self._name(p.name))]
        for person, name in named:
            pid = _id(person)
            if pid and not _strong(person.guid):
                self._names_of_id.setdefault(pid, set()).add(_fold(name))
        for person, name in named:
            key = self._key(person, name)
            if key is not None:
                self._keyed_names.setdefault(_fold(name), set()).add(key)

    def _key(self, person: RawPerson, name: str) -> str | None:
        """The speaker id of a person with a guid or an id; ``None`` for a name alone."""
        guid = _strong(person.guid)
        if guid:
            return guid
        pid = _id(person)
        if not pid:
            return None
        return pid if len(self._names_of_id.get(pid, ())) <= 1 else f"{pid}~{name}"

    def ref(self, person: RawPerson) -> str | None:
        """The id of the speaker ``person`` is (made on first sight); ``None`` without a name."""
        name = self._name(person.name)
        if not name:
            return None
        key = self._key(person, name)
        folded = _fold(name)
        if key is None:
            keyed = self._keyed_names.get(folded, set())
            key = next(iter(keyed)) if len(keyed) == 1 else name
            while key in self.speakers and _fold(self.speakers[key].name) != folded:
                key += "~"  # a name that is also someone's id: keep them apart
        known = self.speakers.get(key)
        if known is not None and known.bio and known.url:
            return key  # nothing more to learn about them
        bio, url = normalise(person.bio), normalise(person.url, html_ok=False)
        if known is None:
            self.speakers[key] = Speaker(key, name, None, bio, url, _strong(person.guid), _id(person) or None)
        elif (bio and not known.bio) or (url and not known.url):
            self.speakers[key] = Speaker(key, known.name, None, known.bio or bio, known.url or url,
                                         known.guid, known.source_id)
        return key


def _strong(guid: str | None) -> str | None:
    out = _cleaned(guid or "")
    return out if out not in _NO_ID else None


def _id(person: RawPerson) -> str | None:
    out = _cleaned(person.id or "")
    return out if out not in _NO_ID else None


def _cleaned(value: str) -> str:
    """An id as we keep it: without control characters (it is printed), stripped."""
    return (value if value.isprintable() else clean(value)).strip()
