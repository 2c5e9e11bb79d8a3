"""The model as plain JSON-able data and back: what the parse cache keeps."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, tzinfo

from ..core.model import KINDS, ChairSettings, Event, Item, Poster, Program, Speaker, Talk, asdict, fields


def program_to_dict(program: Program, *, items: bool = True) -> dict:
    """The program as plain data (``items=False``: without its items, an empty list)."""
    return {
        "event": event_to_dict(program.event),
        "speakers": [dict(zip(_SPEAKER_FIELDS, s._values(), strict=True))  # type: ignore[attr-defined]
                     for s in program.speakers.values()],  # asdict's answer: a speaker holds texts only
        "chair": asdict(program.chair),
        "items": [item_to_dict(i) for i in program.items] if items else [],
        "source": program.source,
        "digest": program.digest,
        # a warning starts with the file's name (FILE:LINE: warning: ...): kept without it, so the
        # same bytes read from another path say their own name
        "warnings": [w[len(program.source):] if w.startswith(program.source + ":") else "\0" + w
                     for w in program.warnings],
    }


def program_json(program: Program, chunk: int = 1000) -> Iterator[str]:
    """``json.dumps(program_to_dict(program), ensure_ascii=False)`` in pieces, ``chunk`` items at a
    time: the parse cache writes a big program without holding all of its JSON (nor the dicts)."""
    head = program_to_dict(program, items=False)
    dumps = json.dumps
    yield "{" + ", ".join(f"{dumps(k)}: {dumps(v, ensure_ascii=False)}" for k, v in head.items()
                          if k in ("event", "speakers", "chair"))
    yield ', "items": ['
    items = program.items
    for at in range(0, len(items), chunk):
        text = dumps([item_to_dict(i) for i in items[at:at + chunk]], ensure_ascii=False)[1:-1]
        yield text if at == 0 else ", " + text
    yield "]"
    yield "".join(f", {dumps(k)}: {dumps(v, ensure_ascii=False)}" for k, v in head.items()
                  if k in ("source", "digest", "warnings")) + "}"


_ITEM_FIELDS = fields(Item)
_SPEAKER_FIELDS = fields(Speaker)
_TALK_FIELDS = fields(Talk)
_POSTER_FIELDS = fields(Poster)


def event_to_dict(event: Event) -> dict:
    out = asdict(event)
    out["date"] = event.date.isoformat()
    if event.day_change is not None:
        out["day_change"] = event.day_change.isoformat()
    return out


def event_from_dict(data: dict) -> Event:
    change = data.get("day_change")
    return Event(**dict(data, date=date.fromisoformat(data["date"]),
                        day_change=time.fromisoformat(change) if change else None))


def times_in(tz: tzinfo) -> Callable[[str], datetime]:
    """A reader of the ISO times written here, each in ``tz`` (an offset is required); it
    converts each text once (parallel rooms share their times)."""
    seen: dict[str, datetime] = {}

    def at(text: str) -> datetime:
        moment = seen.get(text)
        if moment is None:
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is None:  # every time written has its offset: this one was damaged
                raise ValueError(f"{text!r} has no offset")
            moment = seen[text] = moment.astimezone(tz)
        return moment

    return at


def item_from_dict(raw: dict, at: Callable[[str], datetime]) -> Item:
    """An item from :func:`item_to_dict`'s JSON (``raw`` fresh from ``json.loads``: changed in
    place, not copied); ``at`` reads its times (:func:`times_in`)."""
    raw["start"], raw["end"] = at(raw["start"]), at(raw["end"])
    if "talks" in raw:
        raw["talks"] = tuple(
            Talk(**dict(t, start=at(t["start"]), end=at(t["end"]), speakers=tuple(t["speakers"])))
            for t in raw["talks"]
        )
    if "posters" in raw:
        raw["posters"] = tuple(Poster(**dict(p, authors=tuple(p["authors"]))) for p in raw["posters"])
    if "speakers" in raw:
        raw["speakers"] = tuple(raw["speakers"])
    if "links" in raw:
        raw["links"] = tuple(tuple(link) for link in raw["links"])
    if "conference_day" in raw:
        raw["conference_day"] = date.fromisoformat(raw["conference_day"])
    return Item(**raw)


def item_to_dict(item: Item) -> dict:
    # Only what is there: a field left out (None or empty, as most are) loads as its default.
    out = {name: value for name, value in zip(_ITEM_FIELDS, item._values(), strict=True)  # type: ignore[attr-defined]
           if value is not None and value != ()}
    out["start"], out["end"] = item.start.isoformat(), item.end.isoformat()
    if item.conference_day is not None:
        out["conference_day"] = item.conference_day.isoformat()
    if item.talks:  # what asdict gives (a talk holds no records), made directly
        out["talks"] = talks = []
        for t in item.talks:
            talk = dict(zip(_TALK_FIELDS, t._values(), strict=True))  # type: ignore[attr-defined]
            talk["start"], talk["end"] = t.start.isoformat(), t.end.isoformat()
            talks.append(talk)
    if item.posters:
        out["posters"] = [dict(zip(_POSTER_FIELDS, p._values(), strict=True))  # type: ignore[attr-defined]
                          for p in item.posters]
    return out


def program_from_dict(data: dict, source: str | None = None) -> Program:
    """The inverse of :func:`program_to_dict`; ``source`` replaces the recorded one."""
    event = event_from_dict(data["event"])
    at = times_in(event.tz)
    items = [item_from_dict(raw, at) for raw in data["items"]]
    speakers = {s["id"]: Speaker(**s) for s in data["speakers"]}
    source = data.get("source", "") if source is None else source
    warnings = tuple(w[1:] if w.startswith("\0") else source + w for w in data.get("warnings", ()))
    return Program(event, tuple(items), speakers, ChairSettings(**data["chair"]), source, data.get("digest", ""),
                   warnings)


_OPTIONAL_TEXT = ("room", "chair", "description", "abstract", "subtitle", "track", "guid", "language", "url")


def check(program: Program) -> Program:
    """``program`` when it keeps the rules every reader enforces, else ``ValueError``: texts
    are texts, ids and titles are not empty, every time is aware and ends after it starts, kinds
    are known, items are in time order and ids are unique. The parse cache runs this on what it
    reads back, so a damaged entry is parsed afresh instead of being served."""
    event = program.event
    if not (_text(event.title) and _text(event.timezone) and type(event.date) is date):
        raise ValueError("event")
    event.tz  # noqa: B018 - an unknown zone raises here
    seen: set[str] = set()
    previous = None
    for item in program.items:
        _entry(item, seen)
        if item.kind not in KINDS or type(item.fixed) is not bool:
            raise ValueError(item.id)
        for name in _OPTIONAL_TEXT:
            value = getattr(item, name)
            if value is not None and type(value) is not str:
                raise ValueError(f"{item.id}: {name}")
        if not all(type(s) is str for s in item.speakers):
            raise ValueError(f"{item.id}: speakers")
        for talk in item.talks:
            _entry(talk, seen)
        start = item.start  # aware: compared as instants
        if previous is not None and start < previous:
            raise ValueError(f"{item.id}: out of order")
        previous = start
    if not all(type(w) is str for w in program.warnings):
        raise ValueError("warnings")
    for key, speaker in program.speakers.items():
        if not (_text(key) and type(speaker.name) is str):
            raise ValueError(f"speaker {key!r}")
    return program


def _text(value: object) -> bool:
    return type(value) is str and bool(value)


def _entry(entry: Item | Talk, seen: set[str]) -> None:
    if not (_text(entry.id) and type(entry.title) is str and entry.id not in seen):
        raise ValueError(repr(entry.id))
    seen.add(entry.id)
    start, end = entry.start, entry.end
    if type(start) is not datetime or type(end) is not datetime or start.tzinfo is None or end.tzinfo is None:
        raise ValueError(f"{entry.id}: times")
    if end <= start:
        raise ValueError(f"{entry.id}: ends before it starts")
