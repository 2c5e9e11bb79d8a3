"""The kind of an imported event: from the type the source gives, then from a well-known title.

Every event is a ``talk`` unless its type says otherwise (``Lunch``, ``Coffee break``,
``Poster session``...). A source without types (DebConf, iCalendar files) names its meals and
breaks only in the title, so a short title made of such a word (``Lunch``, ``Afternoon
break``, ``Registration / Breakfast``, ``Pranzo``) decides the kind too: meals are ``lunch``
(held fixed when the day runs late), breaks ``break``, openings ``opening``; registration and
closings are ``other``. The word must open or close a title of at most four words: ``Breaking
NATO Radio Encryption`` and ``Give open source a (tax) break`` are talks. The words are English,
German, Italian, French, Dutch and Spanish, the languages of the schedules this was tried on.
"""

from __future__ import annotations

import re

MEALS = frozenset((
    "breakfast", "brunch", "lunch", "dinner", "supper", "meal", "meals",
    "frühstück", "fruehstueck", "mittagessen", "abendessen", "mittagspause",
    "colazione", "pranzo", "cena",
    "petit-déjeuner", "déjeuner", "dîner", "repas",
    "ontbijt", "lunchpauze",
    "desayuno", "almuerzo", "comida",
))
BREAKS = frozenset((
    "break", "breaks", "coffee", "tea", "coffeebreak", "coffee-break", "pause", "kaffeepause", "kaffee",
    "kuchen", "pausa", "caffè", "caffe", "café", "koffiepauze", "descanso",
))
OPENINGS = frozenset((
    "opening", "welcome", "eröffnung", "begrüßung", "apertura", "benvenuto", "ouverture", "bienvenue",
))
OTHERS = frozenset((
    "registration", "check-in", "registrierung", "anmeldung", "registrazione", "accredito", "inscription",
    "inschrijving", "registro",
    "closing", "abschluss", "chiusura", "clôture", "afsluiting", "clausura", "farewell",
))
_ANY = re.compile("|".join(re.escape(w) for w in sorted(MEALS | BREAKS | OPENINGS | OTHERS, key=len, reverse=True)))
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MAX_WORDS = 4


_BY_TYPE: dict[str | None, str] = {}


def kind_for(type_: str | None, title: str | None = None) -> str:
    """Our kind for an event of free-text type ``type_`` and title ``title``."""
    by_type = _BY_TYPE.get(type_)
    if by_type is None:  # a schedule has a handful of types: each is read once
        by_type = _BY_TYPE[type_] = _by_words(_words(type_), any_length=True)
    if by_type != "talk" or title is None or len(title.split()) > 2 * _MAX_WORDS:
        return by_type
    if not _ANY.search(title.casefold()):  # no well-known word at all (nearly every title): found fast
        return "talk"
    return _by_words(_words(title), any_length=False)


def _words(text: str | None) -> list[str]:
    return [w for w in _WORD.findall((text or "").casefold()) if len(w) > 1]


def _by_words(words: list[str], any_length: bool) -> str:
    if not words or (not any_length and len(words) > _MAX_WORDS):
        return "talk"
    found = set(words) if any_length else {words[0], words[-1]}  # a title's first or last word
    joined = " ".join(words)
    if found & MEALS or (any_length and any(w in joined for w in ("lunch", "dinner", "mittag"))):
        return "lunch"
    if found & BREAKS or (any_length and "break" in joined):
        return "break"
    if any_length and "poster" in joined:
        return "posters"
    if found & OPENINGS:
        return "opening"
    if found & OTHERS:
        return "other"
    return "talk"
