"""A compact list of agenda rows for the board: ``▶ 08:40-10:00  Session 1``, past rows dim."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ..agenda import Row
from .literal import literal

MARKS = {"now": "▶ ", "past": "  ", "later": "  "}
STYLES = {"past": "dim", "now": "bold"}


class DayList(Static):
    """Rows drawn as text lines; redrawn only when the rows change (the answer changed)."""

    DEFAULT_CSS = """
    DayList { height: auto; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None):
        super().__init__("", id=id, markup=False)
        self._rows: list[Row] | None = None

    def show(self, rows: list[Row]) -> None:
        if rows == self._rows:
            return
        self._rows = rows
        lines = []
        for row in rows:
            style = STYLES.get(row.state, "") + (" italic" if row.kind == "gap" else "")
            lines.append(Content.assemble(MARKS.get(row.state, "  "), literal(f"{row.times}  {row.title}", style.strip())))
        self.update(Content("\n").join(lines))
