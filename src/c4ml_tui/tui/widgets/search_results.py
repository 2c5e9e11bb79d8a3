"""The search screen's list: one option per hit (time, kind, title, what matched), highlighted.

Each hit is drawn from its original text and the spans ``search.py`` found, so highlights are
exact and program text stays literal. A page of a few hundred hits is listed, but a hit's row
(its time and context words, :class:`Rows`) and its option are built only as the view nears it;
a last option offers the rest, a page at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, overload

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.search_hits import Hit
from ...words.plain import window
from .literal import STAR, LiveLabel, colours, highlighted, literal, text_style

NARROW = 100
"""Below this many cells a row's second line is indented by 4 only (not under the title)."""
MORE = "more"
"""The id of the option that shows the next page."""
CHUNK = 40
"""Rows built at a time as the cursor or the scroll nears the last one built (building a row
means finding and highlighting its matches); new results build a screenful, at most this many."""
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


class Rows(Sequence[Row]):
    """The rows of a page of hits, each built (by ``make``: times, kind, context words) the first
    time it is asked for: a keystroke builds the rows of the options it shows, not the page's."""

    def __init__(self, hits: Sequence[Hit], make: Callable[[Hit], Row]):
        self.hits = list(hits)
        self._make = make
        self._built: list[Row | None] = [None] * len(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.hits)))]
        row = self._built[index]
        if row is None:
            row = self._built[index] = self._make(self.hits[index])
        return row

    def __setitem__(self, index: int, row: Row) -> None:
        self._built[index] = row

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self.hits)))

    def built(self) -> Iterator[tuple[int, Row]]:
        """The rows built so far, with their index."""
        return ((i, row) for i, row in enumerate(self._built) if row is not None)

    def extended(self, hits: Sequence[Hit]) -> Rows:
        """These rows and those of ``hits`` after them (the rows built stay built)."""
        more = Rows(self.hits + list(hits), self._make)
        more._built[:len(self._built)] = self._built
        return more


class SearchResults(OptionList):
    """Hits, best first; Enter or a click posts :class:`SearchResults.Chosen`."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="results.open", tooltip="Open the highlighted result"),
        Binding("down,j", "cursor_down", "Down", show=False, id="results.down", tooltip="Next result"),
        Binding("up,k", "cursor_up", "Up", show=False, id="results.up",
                tooltip="Previous result (the top goes back to typing)"),
    ]

    COMPONENT_CLASSES = {"search-results--match", "search-results--meta"}

    DEFAULT_CSS = """
    SearchResults {
        height: 1fr;
        border: none;
        padding: 0 1;
        background: transparent;
        & > .search-results--match { text-style: bold underline; color: $text-accent; }
        & > .search-results--meta { text-style: dim; }
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
        self.rows: Rows = Rows((), lambda hit: Row(hit, "", "", False))
        self.more = 0
        self.page = 0
        self._filled = 0
        """How many of ``rows`` have an option yet."""

    def show(self, rows: Rows, more: int, page: int, *, every: bool = False) -> None:
        """Replace the options: ``rows`` and, when ``more`` hits are left out, a line that
        offers the next ``page`` of them. The first row is highlighted.

        Only the rows that fill the view (``every``: all) get an option now, at most
        :data:`CHUNK`; the next ones come when the cursor or the scroll nears the end of those
        (see :meth:`fill_more`). So a keystroke costs a screenful of rows, whatever the page size."""
        self.rows, self.more, self.page = rows, more, page
        self._filled = 0
        self.clear_options()
        self._fill(None if every else CHUNK, lines=None if every else self.view_lines())
        if self.option_count:
            self.highlighted = 0

    def fill_more(self) -> None:
        """Build the next :data:`CHUNK` rows, if some are not built yet."""
        if self._filled < len(self.rows):
            self._fill(CHUNK)

    def view_lines(self) -> int:
        """Lines of rows that fill the view, and two more (before the first layout: the
        terminal's height)."""
        return (self.scrollable_content_region.height or self.app.size.height) + 2

    def _fill(self, count: int | None = None, lines: int | None = None) -> None:
        """Add options for the next ``count`` rows (``None``: all), or fewer once they make
        ``lines`` lines; then, after the last row, the "more" line."""
        if self.rows and self._filled >= len(self.rows):
            return  # all built, the "more" line too
        width, when = self.row_width(), self.when_width()
        match, meta = self.styles_for_rows()
        upto = len(self.rows) if count is None else min(len(self.rows), self._filled + count)
        options = []
        made = 0
        for index in range(self._filled, upto):  # (a slice of the rows would build them all)
            text = prompt(self.rows[index], width, when, match, meta)
            options.append(Option(text))
            made += 1 + text.plain.count("\n")
            if lines is not None and made >= lines:
                break
        upto = self._filled = self._filled + len(options)
        if upto == len(self.rows) and self.more:
            words = f"{self.more:,} more: Enter here shows {min(self.more, self.page):,} more"
            options.append(Option(literal(words).stylize(meta), id=MORE))
        self.add_options(options)

    def styles_for_rows(self):
        """The match style (a colour, no background) and the meta style (dim, no colour)."""
        return colours(self, "search-results--match"), text_style(self, "search-results--meta")

    def append(self, hits: Sequence[Hit], more: int) -> None:
        """Add the next page after the rows shown (the "more" line moves to the end)."""
        first = len(self.rows)
        self.show(self.rows.extended(hits), more, self.page, every=True)
        self.highlighted = min(first, len(self.rows) - 1)

    def restar(self, starred: Callable[[str], bool]) -> None:
        """Redraw the rows whose star changed (the rows not built yet are built starred right)."""
        width, when = self.row_width(), self.when_width()
        match, meta = self.styles_for_rows()
        for index, row in list(self.rows.built()):
            now = starred(row.hit.id)
            if now != row.starred:
                self.rows[index] = row = row._replace(starred=now)
                if index < self._filled:
                    self.replace_option_prompt_at_index(index, prompt(row, width, when, match, meta))

    def row_width(self) -> int:
        """Cells a row may use: the list's width less its padding and a vertical scrollbar,
        whether one shows yet or not (rows built before the list overflows would otherwise
        wrap once the scrollbar appears)."""
        inner = self.content_region.width or self.app.size.width - 4
        if not self.show_vertical_scrollbar:
            inner -= self.styles.scrollbar_size_vertical
        return max(30, inner - 1)

    def when_width(self) -> int:
        """The width of the time column: that of the first :data:`CHUNK` rows (building every
        row of the page to measure it would cost what :class:`Rows` saves; a later row with a
        longer time, e.g. a two-digit day after one-digit ones, shows it whole)."""
        return max((len(r.when) for r in self.rows[:CHUNK]), default=0)

    @property
    def current(self) -> Hit | None:
        """The highlighted hit (``None`` on the "more" line or with no rows)."""
        index = self.highlighted
        return self.rows[index].hit if index is not None and index < len(self.rows) else None

    def action_last(self) -> None:
        self._fill(None)  # the end is the end of every row
        super().action_last()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._filled < len(self.rows) and new_value >= self.max_scroll_y - self.scrollable_content_region.height:
            self.call_after_refresh(self._fill_near_end)  # scrolled near the end of the rows built

    def _fill_near_end(self) -> None:
        if self.scroll_y >= self.max_scroll_y - self.scrollable_content_region.height:
            self.fill_more()

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
        if self.highlighted is not None and self.highlighted >= self._filled - max(1, min(5, CHUNK // 4)):
            self.fill_more()
        self.refresh_bindings()  # Star or Unstar, after the row


class StatusLine(LiveLabel):
    """The line under the box ("1,173 matches, best 200 listed"): one line of the screen's
    width whatever it says, so a new text is only painted (a label asks for the screen's
    layout again when its text's length changes: each keystroke would pay for one)."""

    def show(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update(literal(text, self._style), layout=False)


def prompt(row: Row, width: int, when_width: int, match, meta) -> Content:
    """Two lines: ``09:15-09:35  talk     ★ Tensor Fusion...`` and, indented, the best match
    outside the title (``speaker: Zoë Example``) or some context. Each line is cut to ``width``
    (never wrapped); below :data:`NARROW` cells the second line is indented less, so that the
    match has room."""
    hit = row.hit
    head = f"{row.when:<{when_width}}  " if when_width or row.when else ""
    head += f"{row.kind:<8} "
    room = max(10, width - len(head))
    star = f"{STAR} " if row.starred else ""
    title = title_text(hit, room - len(star), match)
    first = Content.assemble((head, meta), star, title)
    other = next((m for m in hit.matches if m.field not in ("title", "name")), None)
    indent = " " * (len(head) if width >= NARROW else min(len(head), 4))
    room = width - len(indent)
    if other is not None:
        label = f"{FIELD_WORDS.get(other.field, other.field)}: "
        text, spans = window(other.text, other.spans, max(10, room - len(label) - 1))  # no Markdown
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
    first = hit.matches[0]
    text, moved = window(first.text, first.spans, room - 1)
    return highlighted(text, moved, match, "bold").truncate(room, ellipsis=True)
