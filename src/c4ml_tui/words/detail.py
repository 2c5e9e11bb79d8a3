"""The words of an item's detail pane beyond its title and time: where, which track and
language, whether it is recorded, which conference day a late set belongs to, and its web links.
Pure: no Textual."""

from __future__ import annotations

from ..core import fmt
from ..core.model import Item, Program, Talk

Entry = Item | Talk


def facts(program: Program, entry: Entry) -> list[str]:
    """``Room: Saal 1``, ``Track: Security``, ``Language: en``, ``Not recorded``, and
    ``Part of Friday 27 December (runs past midnight)`` for a late set; a talk takes its
    session's room and track."""
    holder = program.parent.get(entry.id, entry) if isinstance(entry, Talk) else entry
    found = []
    if isinstance(holder, Item):
        if holder.room:
            found.append(f"Room: {holder.room}")
        if holder.track:
            found.append(f"Track: {holder.track}")
        if holder.language:
            found.append(f"Language: {holder.language}")
        if holder.recording is False:
            found.append("Not recorded")
    day = program.day_of(entry)
    if day != entry.start.astimezone(program.tz).date():
        found.append(f"Part of {fmt.day_title(day)} (runs past midnight)")
    return found


def web_links(entry: Entry) -> list[tuple[str, str]]:
    """``(label, address)`` of every web page of an item: its own page, then its links, each
    address shown in full (a person can read and copy it)."""
    if not isinstance(entry, Item):
        return []
    found = [("Event page", entry.url)] if entry.url else []
    found += [(title or "Link", url) for title, url in entry.links]
    return found


def texts(entry: Entry) -> list[tuple[str, str]]:
    """``(id, Markdown)`` of the abstract and the description: both, one under the other,
    when both exist and differ."""
    abstract = entry.abstract
    description = getattr(entry, "description", None)
    found = [("detail-abstract", abstract)] if abstract else []
    if description and description.strip() != (abstract or "").strip():
        found.append(("detail-description", description))
    return found
