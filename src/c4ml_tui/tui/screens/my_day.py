"""My day (``m``): the starred items and talks in time order, with clashes flagged.

Times are the timeline's expected times (a delay moves them); past entries are dimmed and the
running ones marked, like the agenda. Enter opens an entry, ``f`` unstars it.
"""

from __future__ import annotations

import builtins
from textwrap import wrap as wrap_text

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core import fmt
from ...core.myday import DayEntry, missing, my_day
from ...core.timeline import Snapshot
from ...words import board
from ..widgets.literal import STAR, LiveLabel, colours, literal, text_style
from .base import LiveScreen

CLASH = "⚠"
EMPTY = (
    "Nothing starred yet. Press f on a row of the agenda (a), on a search result (/), on an open "
    "talk or on a box of the board to star it: it shows ★ there and comes here, in time order, "
    "with clashes flagged. Press f again to unstar it."
)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters (a long word is cut)."""
    return wrap_text(text, max(width, 10), break_on_hyphens=False) or [""]


class DayOptions(OptionList):
    """The starred entries; day headings are disabled options (the cursor skips them)."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="myday.open", tooltip="Open the highlighted entry"),
        Binding("down,j", "cursor_down", "Down", show=False, id="myday.down", tooltip="Next entry"),
        Binding("up,k", "cursor_up", "Up", show=False, id="myday.up", tooltip="Previous entry"),
    ]

    COMPONENT_CLASSES = {"myday--clash", "myday--meta", "myday--past"}
    DEFAULT_CSS = """
    DayOptions {
        height: 1fr;
        border: none;
        padding: 0 1;
        background: transparent;
        &:focus { border: none; }
        & > .myday--clash { color: $text-warning; text-style: bold; }
        & > .myday--meta { text-style: dim; }
        & > .myday--past { text-style: dim; }
    }
    """


class MyDayScreen(LiveScreen):
    """Starred entries, each with its time, place and any clash; Enter opens, ``f`` unstars."""

    DEFAULT_CSS = """
    /* A summary line, or how to star things when nothing is starred. */
    #myday-summary { padding: 1 1 0 1; }
    #myday-empty { padding: 1 2; max-width: 84; }
    """

    HEADING = "My day"
    PLACE = "my_day"
    STARS = True

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[DayEntry] = []
        self._drawn: tuple | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        yield LiveLabel(hide_empty=True, id="myday-summary", classes="note")
        yield LiveLabel(EMPTY, id="myday-empty")
        yield DayOptions(id="myday-list")
        yield from self.compose_footer()

    @property
    def list(self) -> DayOptions:
        return self.query_one(DayOptions)

    def on_mount(self) -> None:
        self.list.focus()

    def show_answer(self, snap: Snapshot) -> None:
        self.redraw(snap)

    def show_stars(self) -> None:
        self.redraw(self.c4ml.snapshot())

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_stars)  # the rows are cut to the new width

    def redraw(self, snap: Snapshot) -> None:
        """Rebuild the list (states, stars or times changed), keeping the cursor on its entry,
        or at the same place when that entry was unstarred."""
        app = self.c4ml
        starred = app.favourites.ids
        drawn = (starred, app.timeline, snap.key(), self.size.width)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        keep = self.current
        index = self.list.highlighted
        self.entries = my_day(app.program, starred, timeline=app.timeline)
        self.query_one("#myday-empty").display = not self.entries
        self.list.display = bool(self.entries)
        self.query_one("#myday-summary", LiveLabel).show(self.summary(starred))
        self.list.set_options(self.options(snap))
        ids = [o.id for o in self.list.options]
        if keep is not None and keep.id in ids:
            self.list.highlighted = ids.index(keep.id)
        elif self.entries:
            choices = [i for i, o in enumerate(self.list.options) if not o.disabled]
            at = index if index is not None else self.now_index(snap)
            self.list.highlighted = min(choices, key=lambda i: (abs(i - at), i))
        self.refresh_bindings()

    def summary(self, starred) -> str:
        if not self.entries:
            return ""
        clashes = sum(1 for e in self.entries if e.clash)
        words = [fmt.count(len(self.entries), "starred entry").replace("entrys", "entries")]
        if clashes:
            words.append(f"{CLASH} {clashes} in a clash")
        gone = missing(self.c4ml.program, starred)
        if gone:
            words.append(f"{len(gone)} no longer in the program")
        return " · ".join(words)

    def now_index(self, snap: Snapshot) -> int:
        """The first entry not over yet: where the cursor starts."""
        for index, option in enumerate(self.list.options):
            entry = next((e for e in self.entries if e.id == option.id), None)
            if entry is not None and entry.end > snap.at:
                return index
        return len(self.list.options) - 1

    def options(self, snap: Snapshot) -> builtins.list[Option]:  # builtins: `list` here is the property
        """A heading per day (when the program has several), then one option per entry."""
        program, tl = self.c4ml.program, self.c4ml.timeline
        clash_style = colours(self.list, "myday--clash")
        meta, past = text_style(self.list, "myday--meta"), text_style(self.list, "myday--past")
        several = len(program.days) > 1
        width = max(30, (self.list.content_region.width or self.app.size.width - 4) - 1)
        found: list[Option] = []
        day = None
        for entry in self.entries:
            if several and entry.day != day:  # the conference day: a 00:30 set under its evening
                day = entry.day
                found.append(Option(Content(fmt.day_title(entry.day)).stylize("bold underline"), disabled=True))
            state = "past" if entry.end <= snap.at else "now" if entry.start <= snap.at else "later"
            mark = "▶ " if state == "now" else "  "
            head = f"{mark}{fmt.span(entry.start, entry.end)}  "
            room = width - len(head)
            lines = [Content.assemble(head if i == 0 else " " * len(head), literal(text, "bold"))
                     for i, text in enumerate(wrap(f"{STAR} {entry.entry.title}", room))]
            lines += [Content.assemble(" " * len(head), literal(text).stylize(meta))
                      for text in wrap(self.where(entry), room)]
            if entry.clash:
                others = [program.by_id[i] for i in entry.clashes]
                text = f"{CLASH} clashes with " + "; ".join(f"{o.title} ({board.window(tl, o)})" for o in others)
                lines += [Content.assemble(" " * len(head), literal(line).stylize(clash_style))
                          for line in wrap(text, room)]
            content = Content("\n").join(lines)
            if state == "past":
                content = content.stylize(past)
            found.append(Option(content, id=entry.id))
        return found

    def where(self, entry: DayEntry) -> str:
        """Who, where, in what: ``Zoë Example · Main Hall · in Session A`` for a talk,
        ``session · Main Hall · Ada Placeholder`` for an item."""
        program = self.c4ml.program
        names = ", ".join(program.speaker_name(s) for s in entry.entry.speakers)
        room = getattr(entry.entry, "room", None) or getattr(entry.parent, "room", None)
        if entry.parent is not None:
            parts = [names, room, f"in {entry.parent.title}"]
        else:
            parts = [board.kind(entry.entry), room, names]
        return " · ".join(p for p in parts if p)

    @property
    def current(self) -> DayEntry | None:
        options, index = self.list.options, self.list.highlighted
        if index is None or index >= len(options):
            return None
        return next((e for e in self.entries if e.id == options[index].id), None)

    def stars_here(self) -> bool:
        return bool(self.entries)

    def star_target(self) -> str | None:
        entry = self.current
        return entry.id if entry is not None else None

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.c4ml.open_entry(event.option.id)
