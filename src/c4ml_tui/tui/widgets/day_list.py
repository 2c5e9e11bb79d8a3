"""A heading and agenda rows as text lines: ``▶ 08:40-10:00  Session 1``, past rows dim."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...core import fmt
from ...words.agenda import Row
from .literal import literal

MARKS = {"now": "▶ "}
STYLES = {"past": "dim", "now": "bold"}


class DayList(Static):
    """One widget for the whole list; redrawn only when the heading or the rows change."""

    DEFAULT_CSS = """
    DayList { height: auto; width: 1fr; }
    DayList.-empty { display: none; }
    """

    def __init__(self, heading: str = "", rows: list[Row] | None = None, *, id: str | None = None):
        rows = rows or []
        super().__init__(draw(heading, rows), id=id, markup=False, classes="" if rows else "-empty")
        self.shown: tuple[str, list[Row]] = (heading, rows)
        self.style = fmt.shown()

    def show(self, heading: str, rows: list[Row]) -> None:
        """Show ``rows`` under ``heading``; nothing at all when there are no rows."""
        if (heading, rows) == self.shown and self.style is fmt.shown():  # (``z``: times in another zone)
            return
        self.shown, self.style = (heading, rows), fmt.shown()
        self.set_class(not rows, "-empty")
        self.update(draw(heading, rows))


def draw(heading: str, rows: list[Row]) -> Content:
    lines = [Content(heading).stylize("bold")]
    width = max((len(row.times) for row in rows), default=0)  # titles in one column (12-hour and zoned times vary)
    for row in rows:
        style = STYLES.get(row.state, "") + (" italic" if row.kind == "gap" else "")
        lines.append(Content.assemble(MARKS.get(row.state, "  "),
                                      literal(f"{row.times:<{width}}  {row.caption}", style.strip())))
    return Content("\n").join(lines)
