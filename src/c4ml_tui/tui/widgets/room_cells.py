"""The rooms board's cells: what each row's cells say (room, now, left, next, at, until), and the
columns' widths. How they are drawn is ``table_lines``'; the table is ``room_table``'s."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text

from ...core.textclean import clean
from ...words.rooms import RoomRow
from .table_lines import PAD

COLUMNS = ("room", "now", "left", "next", "at", "until")
LABELS = {"room": "Room", "now": "Now", "left": "Left", "next": "Next", "at": "At", "until": ""}
WIDE = 100
"""From this width on (of the table itself), the table also says how long until the next item
starts (at 200 columns the table is about 130 wide: the day of the room takes the rest)."""


def room_width(table: int) -> int:
    """The widest the room column gets in a table ``table`` cells wide: 16 at 80 columns (the
    titles need the room), a third of what is beyond 40 cells on a wide terminal (31 at 200
    columns: ``Hardware Hacking Area -- Lower`` whole). Longer names are cut in the middle."""
    return max(16, (table - 40) // 3)


def cell(text: str, style: str = "", justify: str = "left") -> Text:
    """A literal cell on one line (long titles end in an ellipsis)."""
    return Text(clean(text), style=style, no_wrap=True, overflow="ellipsis", justify=justify)  # type: ignore[arg-type]


def middle(text: str, width: int) -> str:
    """``text`` cut in the middle to ``width`` cells: rooms that share a beginning stay apart
    (``Hardware Hacki…Lower (extra)``, ``Hardware Hacki…rea -- Upper``)."""
    if width <= 0 or len(text) <= width:
        return text
    tail = (width - 1) * 2 // 5
    return f"{text[: width - 1 - tail]}…{text[len(text) - tail:]}"


def cells(row: RoomRow, room_width: int = 0) -> dict[str, Text]:
    """The cells of one row; a free room reads dim, so the busy rooms stand out without colour.
    A room name longer than ``room_width`` is cut in its middle."""
    quiet = "" if row.busy else "dim"
    return {
        "room": cell(middle(row.room, room_width), "bold" if row.busy else ""),
        "now": cell(row.now, "" if row.busy else "dim italic"),
        "left": cell(row.left, "", "right"),
        "next": cell(row.next, quiet),
        "at": cell(row.at, quiet),
        "until": cell(row.until, "dim"),
    }


class Column(NamedTuple):
    """A column as shown: its key, its header and the width of its words (without padding)."""

    key: str
    label: Text
    width: int

    def get_render_width(self, table: object = None) -> int:
        """The cells it takes, padding included (as DataTable's ``Column``)."""
        return self.width + 2 * PAD
