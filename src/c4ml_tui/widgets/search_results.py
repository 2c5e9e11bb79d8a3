"""The search screen's list: one option per hit (time, kind, title, what matched), highlighted.

Each hit is drawn from its original text and the spans ``search.py`` found, so highlights are
exact and program text stays literal. Only the rows asked for are built (a page of a few
hundred); a last option offers the rest, a page at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..search import Hit
from .literal import STAR, highlighted, literal

MORE = "more"
"""The id of the option that shows the next page."""
FIELD_WORDS = {"name": "name", "speaker": "speaker", "author": "author", "affiliation": "affiliation",
               "chair": "chair", "subtitle": "subtitle", "abstract": "abstract", "description": "description",
               "bio": "bio", "room": "room", "track": "track"}


class Row(NamedTuple):
    """What one hit shows besides its own text: its time and kind words, whether it is starred."""

    hit: Hit
    when: str
    """Expected times from the timeline (``""`` for a speaker)."""
    kind: str
    """``session``, ``break``, ``talk``, ``poster``, ``speaker``..."""
    starred: bool
    context: str = ""
    """Shown under the title when nothing but the title matched: the speakers, an affiliation."""


class SearchResults(OptionList):
    """Hits, best first; Enter or a click posts :class:`SearchResults.Chosen`."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="results.open", tooltip="Open the highlighted result"),
        Binding("down,j", "cursor_down", "Down", show=False, id="results.down", tooltip="Next result"),
        Binding("up,k", "cursor_up", "Up", show=False, id="results.up", tooltip="Previous result (the top goes back to typing)"),
    ]

    COMPONENT_CLASSES = {"search-results--match", "search-results--meta"}

    DEFAULT_CSS = """
    SearchResults {
        height: 1fr;
        border: none;
        padding: 0 1;
        background: transparent;
        & > .search-results--match { text-style: bold underline; color: $text-accent; }
        & > .search-results--meta { color: $text-muted; }
        &:focus { border: none; }
    }
    """

    class Chosen(Message):
        """The user chose a hit (``hit``) or the "more" line (``hit`` is ``None``)."""

        def __init__(self, results: SearchResults, hit: Hit | None):
            super().__init__()
            self.results = results
            self.hit = hit

    class LeftTop(Message):
        """Up was pressed on the first row: the screen gives the focus back to the input."""

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.more = 0
        self.page = 0

    def show(self, rows: Sequence[Row], more: int, page: int) -> None:
        """Replace the options: ``rows`` and, when ``more`` hits are left out, a line that
        offers the next ``page`` of them. The first row is highlighted."""
        self.rows, self.more, self.page = list(rows), more, page
        width = self.row_width()
        match, meta = self.get_visual_style("search-results--match", partial=True), self.get_visual_style("search-results--meta", partial=True)
        options = [Option(prompt(row, width, self.when_width(), match, meta)) for row in self.rows]
        if more:
            words = f"{more:,} more: Enter here shows {min(more, page):,} more"
            options.append(Option(literal(words).stylize(meta), id=MORE))
        self.set_options(options)
        if options:
            self.highlighted = 0

    def append(self, rows: Sequence[Row], more: int) -> None:
        """Add the next page after the rows shown (the "more" line moves to the end)."""
        first = len(self.rows)
        self.show(self.rows + list(rows), more, self.page)
        self.highlighted = min(first, len(self.rows) - 1)

    def restar(self, starred: Callable[[str], bool]) -> None:
        """Redraw the rows whose star changed."""
        width = self.row_width()
        match, meta = self.get_visual_style("search-results--match", partial=True), self.get_visual_style("search-results--meta", partial=True)
        for index, row in enumerate(self.rows):
            now = starred(row.hit.id)
            if now != row.starred:
                self.rows[index] = row = row._replace(starred=now)
                self.replace_option_prompt_at_index(index, prompt(row, width, self.when_width(), match, meta))

    def row_width(self) -> int:
        """Cells a row may use (the list's width less padding and a scrollbar)."""
        return max(30, (self.content_region.width or self.app.size.width - 4) - 1)

    def when_width(self) -> int:
        return max((len(r.when) for r in self.rows), default=0)

    @property
    def current(self) -> Hit | None:
        """The highlighted hit (``None`` on the "more" line or with no rows)."""
        index = self.highlighted
        return self.rows[index].hit if index is not None and index < len(self.rows) else None

    def action_cursor_up(self) -> None:
        if self.highlighted in (None, 0):
            self.post_message(self.LeftTop())
        else:
            super().action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.post_message(self.Chosen(self, self.rows[index].hit if index < len(self.rows) else None))

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()  # Star or Unstar, after the row


def prompt(row: Row, width: int, when_width: int, match, meta) -> Content:
    """Two lines: ``09:15-09:35  talk     ★ Tensor Fusion...`` and, indented, the best match
    outside the title (``speaker: Zoë Example``) or some context."""
    hit = row.hit
    head = f"{row.when:<{when_width}}  " if when_width else ""
    head += f"{row.kind:<8} "
    room = max(10, width - len(head))
    star = f"{STAR} " if row.starred else ""
    title = title_text(hit, room - len(star), match)
    first = Content.assemble((head, meta), star, title)
    other = next((m for m in hit.matches if m.field not in ("title", "name")), None)
    indent = " " * len(head)
    if other is not None:
        label = f"{FIELD_WORDS.get(other.field, other.field)}: "
        text, spans = other.excerpt(max(10, room - len(label)))
        second = Content.assemble(indent, (label, meta), highlighted(text, spans, match))
    elif row.context:
        second = Content.assemble(indent, literal(row.context).truncate(room, ellipsis=True).stylize(meta))
    else:
        return first
    return Content("\n").join([first, second.truncate(width, ellipsis=True)])


def title_text(hit: Hit, room: int, match) -> Content:
    """The title with its matches highlighted, cut to ``room`` cells; a long title whose match
    lies past the cut shows a window around the match instead."""
    spans = hit.spans("title")
    full = highlighted(hit.title, spans, match, "bold")
    if full.cell_length <= room or not spans or spans[0][1] < room - 1:
        return full.truncate(room, ellipsis=True)
    text, moved = hit.matches[0].excerpt(room - 1)
    return highlighted(text, moved, match, "bold").truncate(room, ellipsis=True)
