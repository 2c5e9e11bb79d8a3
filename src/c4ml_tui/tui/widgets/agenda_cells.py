"""The agenda table's cells: what each row's cells say (mark, time, title, kind, room). How they
are drawn is ``agenda_lines``'."""

from __future__ import annotations

from rich.text import Text

from ...core.textclean import clean
from ...words.agenda import Row
from .literal import STAR

MARK_NOW = "▶"


def cell(text: str, style: str = "") -> Text:
    """A literal cell: program text is never markup (``Text``, not a string)."""
    return Text(clean(text), style=style, no_wrap=True, overflow="ellipsis")


def row_style(row: Row) -> str:
    """Past rows dim, the running row bold, gaps and talks set apart (shapes, not colours)."""
    style = {"past": "dim", "now": "bold"}.get(row.state, "")
    if row.kind == "gap":
        style += " italic"
    if row.kind == "day":
        style = "bold underline"
    return style.strip()


def row_title(row: Row, starred: frozenset[str] = frozenset()) -> str:
    """The title cell's text: a star for a starred entry, talks indented, who speaks after."""
    title = f"{STAR} {row.caption}" if row.entry_id in starred else row.caption
    title = title if row.kind != "talk" else f"  {title}"
    return f"{title} — {row.who}" if row.who else title


def row_cells(row: Row, rooms: bool, starred: frozenset[str] = frozenset(),
              times: dict[tuple, str] | None = None) -> list[Text]:
    """The cells of one row: mark, time, title (with who speaks), kind, and room if ``rooms``;
    ``times``: the time words by ``(start, end)`` worked out already (see :func:`times_of`)."""
    style = row_style(row)
    title = row_title(row, starred)
    cells = [
        cell(MARK_NOW if row.state == "now" and row.kind != "day" else "", "bold"),
        cell(times.get(_pair(row)) or row.times if times else row.times, style),
        cell(title, style),
        cell(row.label, style),
    ]
    if rooms:
        cells.append(cell(row.room, style))
    return cells


def times_of(rows: list[Row]) -> dict[tuple, str]:
    """Each row's time words (``09:15-10:00``) by ``(start, end)``: worked out once per pair
    (parallel rooms share their times: a day of 10 rooms has a tenth as many pairs as rows)."""
    found: dict[tuple, str] = {}
    for r in rows:
        pair = _pair(r)
        if pair not in found and r.start and r.end:
            found[pair] = r.times
    return found


def _pair(row: Row) -> tuple:
    """What a row's time words depend on: its start and end, each with its zone and fold (01:10
    EDT and 01:10 EST of a DST night are equal datetimes, and so are two zones' same instant)."""
    start, end = row.start, row.end
    if start is None or end is None:
        return (None, None)
    return start, end, start.fold, end.fold, id(start.tzinfo), id(end.tzinfo)


def _has_rooms(rows: list[Row]) -> bool:
    return any(r.room for r in rows)
