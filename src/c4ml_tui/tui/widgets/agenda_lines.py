"""How the agenda draws a line: the columns' widths at a width, and a row (or the header) as the
segments Textual's ``DataTable`` made for it (a row cursor, one-line rows, one cell of padding
each side, an ellipsis where a cell does not fit), so the agenda looks as it did when it was one.

Only the rows in view are drawn (``AgendaTable.render_line``): a day of a big program has
thousands of rows, and working out each one's cells before the first frame cost more than the
rest of the screen. The words of a cell are ``agenda_cells``'."""

from __future__ import annotations

from typing import NamedTuple

from .table_lines import PAD

FIXED = {"mark": 1, "time": 11, "kind": 8}
"""Widths of the fixed columns; the title takes what is left, the room what it needs."""
TITLE_MAX = 110
"""The title column's widest: kind and room stay near the title on a very wide terminal."""
ROOM_MAX = {False: 20, True: 44}
"""The room column's widest, below and from :data:`WIDE` cells (38C3's rooms run to 60 letters)."""
WIDE = 140
TIME_MAX = 24
"""The time column's widest: ``Mon 11:30 AM-12:30 PM CET``."""
LABELS = {"mark": "", "time": "Time", "title": "Title", "kind": "Kind", "room": "Room"}


class Column(NamedTuple):
    """A column as shown: its key, its header and the width of its text (padding not counted)."""

    key: str
    label: str
    width: int


def widths(width: int, time_width: int, room_width: int | None, scrollbar: int) -> list[Column]:
    """Each column at ``width`` cells: the time column ``time_width`` wide at least 11 (the widest
    time words of the day), the room column as wide as the longest room name (``None``: no room
    column, one room), and the title what the others leave (room is kept for a vertical
    scrollbar, so the columns do not move when one appears)."""
    room = min(max(room_width, 4), ROOM_MAX[width >= WIDE]) if room_width is not None else 0
    time = min(max(FIXED["time"], time_width), TIME_MAX)
    fixed = FIXED["mark"] + time + FIXED["kind"] + room
    count = 4 + (room_width is not None)
    spare = width - fixed - 2 * PAD * count - scrollbar
    found = {"mark": FIXED["mark"], "time": time, "title": min(max(12, spare), TITLE_MAX), "kind": FIXED["kind"]}
    if room_width is not None:
        found["room"] = room
    return [Column(key, LABELS[key], size) for key, size in found.items()]
