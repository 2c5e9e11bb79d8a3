"""Write a :class:`Program` in our YAML program format, so that it loads back to the same program.

Times are written as the event's local wall-clock time: ``"09:30"`` when every item is on the
event's date, else ``2024-12-27 10:30``; a wall time that DST makes ambiguous (either of the two)
or impossible gets its UTC offset, so every instant survives the round trip and ``validate``
has nothing to guess. Items that the source schedules over
another item in the same room are marked ``overlap: true`` (the loader lets those overlap).
"""

from __future__ import annotations

from datetime import datetime, timezone

import yaml

from ..core.instants import ambiguous, utc
from ..core.model import ChairSettings, Item, Program, Talk, conference_day
from ..core.zones import localize

_Base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[misc, valid-type]
    pass


class _Flow(list):
    """A list written on one line: ``speakers: [a, b]``."""


def _str(dumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def program_to_yaml(program: Program, header: str | None = None) -> str:
    """The program as YAML text; ``header`` lines become comments at the top."""
    ev = program.event
    tz = program.tz
    entries: list[Item | Talk] = [*program.items, *(t for i in program.items for t in i.talks)]
    short = all(_local(x.start, tz).date() == ev.date and _local(x.end, tz).date() == ev.date for x in entries)

    def at(moment: datetime) -> str:
        local = _local(moment, tz)
        naive = local.replace(tzinfo=None, fold=0)  # as the loader will read the text
        exact = localize(naive, tz).astimezone(timezone.utc) == moment.astimezone(timezone.utc)
        clock = f"{local:%H:%M:%S}" if local.second else f"{local:%H:%M}"
        if not exact or ambiguous(local):  # a repeated or skipped wall time: the offset says which
            return f"{local:%Y-%m-%d} {clock}{local:%z}"[:-2] + ":" + f"{local:%z}"[-2:]
        return clock if short else f"{local:%Y-%m-%d} {clock}"

    event = {k: getattr(ev, k) for k in ("title", "edition", "date", "timezone", "location", "venue",
                                         "room", "description", "url") if getattr(ev, k) is not None}
    if ev.day_change is not None:
        event["day_change"] = f"{ev.day_change:%H:%M:%S}" if ev.day_change.second else f"{ev.day_change:%H:%M}"
    data: dict = {"event": event}
    if program.chair != ChairSettings():
        data["chair"] = {"wrap_up_minutes": program.chair.wrap_up_minutes,
                         "last_minutes": program.chair.last_minutes}
    if program.speakers:
        data["speakers"] = [_drop_none({"id": s.id, "name": s.name, "affiliation": s.affiliation,
                                        "bio": s.bio, "url": s.url, "guid": s.guid, "source_id": s.source_id})
                            for s in program.speakers.values()]
    free = may_overlap(program.items)
    data["schedule"] = [_item(i, at, ev.room, i.id in free, _own_day(i, ev.day_change)) for i in program.items]
    top = "".join(f"# {line}\n" for line in (header or "").splitlines())
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return top + body


def _own_day(item: Item, change) -> str | None:
    """The item's ``day:`` when the change-over alone would not give it."""
    return None if item.day == conference_day(item.start, change) else item.day.isoformat()


def _item(item: Item, at, default_room: str | None, overlap: bool, day: str | None) -> dict:
    out: dict = {"id": item.id, "title": item.title, "kind": item.kind, "start": at(item.start), "end": at(item.end)}
    if day is not None:
        out["day"] = day
    if item.room != default_room and item.room is not None:
        out["room"] = item.room
    for key in ("chair", "subtitle", "track", "language", "guid", "url"):
        if getattr(item, key) is not None:
            out[key] = getattr(item, key)
    if item.speakers:
        out["speakers"] = _Flow(item.speakers)
    for key in ("abstract", "description"):
        if getattr(item, key) is not None:
            out[key] = getattr(item, key)
    if item.links:
        out["links"] = [{"title": title, "url": url} if title else url for title, url in item.links]
    if item.recording is not None:
        out["recording"] = item.recording
    if item.talks:
        out["talks"] = [_drop_none({"id": t.id, "title": t.title, "start": at(t.start), "end": at(t.end),
                                    "speakers": _Flow(t.speakers) if t.speakers else None,
                                    "subtitle": t.subtitle, "abstract": t.abstract}) for t in item.talks]
    if item.posters:
        out["posters"] = [_drop_none({"id": p.id, "title": p.title,
                                      "authors": _Flow(p.authors) if p.authors else None,
                                      "abstract": p.abstract}) for p in item.posters]
    if item.fixed != (item.kind == "lunch"):
        out["fixed"] = item.fixed
    if overlap:
        out["overlap"] = True
    return out


def may_overlap(items: tuple[Item, ...] | list[Item]) -> set[str]:
    """Ids of the items to mark ``overlap: true``: walking in time order as the loader does, each
    item that overlaps an earlier unmarked one in its room (an item without a room is in every
    room). The unmarked rest then passes the loader's overlap rule."""
    marked: set[str] = set()
    last_in: dict[str | None, Item] = {}
    for item in sorted(items, key=lambda i: (utc(i.start), utc(i.end))):
        rivals = list(last_in.values()) if item.room is None else [
            v for k, v in last_in.items() if k in (item.room, None)]
        if any(utc(item.start) < utc(other.end) for other in rivals):
            marked.add(item.id)
            continue
        prev = last_in.get(item.room)
        if prev is None or utc(item.end) > utc(prev.end):
            last_in[item.room] = item
    return marked


def _local(moment: datetime, tz) -> datetime:
    return moment.astimezone(tz)


def _drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}
