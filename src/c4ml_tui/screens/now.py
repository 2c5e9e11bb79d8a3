"""The now board: what runs, how long it has left, the talk on stage, and what comes next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.widgets import Digits

from .. import agenda, board
from ..timeline import Snapshot
from ..widgets.card import Card
from ..widgets.day_list import DayList
from ..widgets.literal import LiveLabel
from ..widgets.meter import Meter
from .base import LiveScreen


class NowScreen(LiveScreen):
    """The first screen. Cards take the focus in turn; Enter or a click opens one."""

    HEADING = ""
    BINDINGS = [
        Binding("down,j", "app.focus_next", "Next box", show=False, id="now.down", tooltip="Focus the next box"),
        Binding("up,k", "app.focus_previous", "Previous box", show=False, id="now.up",
                tooltip="Focus the previous box"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        with Container(id="board"):
            with Vertical(id="board-main"):
                yield Digits("", id="big-clock")
                yield LiveLabel(id="status")
                yield LiveLabel(board.event_line(self.c4ml.program), id="event-line", classes="meta")
                with Card("Now", id="now-card"):
                    yield LiveLabel(style="bold", id="now-title")
                    yield LiveLabel(hide_empty=True, id="now-meta", classes="meta")
                    with Horizontal(id="now-progress"):
                        yield Meter(id="now-meter")
                        yield LiveLabel(id="now-left")
                    yield LiveLabel(hide_empty=True, id="now-note", classes="note")
                with Card("Talk on stage", id="talk-card"):
                    yield LiveLabel(style="bold", id="talk-title")
                    yield LiveLabel(hide_empty=True, id="talk-who")
                    yield LiveLabel(hide_empty=True, id="talk-meta", classes="meta")
                    yield LiveLabel(hide_empty=True, id="talk-next", classes="note")
                with Card("Next", id="next-card"):
                    yield LiveLabel(style="bold", id="next-title")
                    yield LiveLabel(hide_empty=True, id="next-meta", classes="meta")
                    yield LiveLabel(hide_empty=True, id="next-when")
            with Vertical(id="later"):
                yield LiveLabel("Later", style="bold", id="later-heading")
                yield DayList(id="later-list")
                yield LiveLabel("", style="bold", id="today-heading")
                yield DayList(id="today-list")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.query_one("#now-card").focus()

    def show_answer(self, snap: Snapshot) -> None:
        """What runs and what is next changed: fill the cards and say which are openable."""
        tl, program = self.c4ml.timeline, self.c4ml.program
        current, talk, nxt = snap.current, snap.current_talk, snap.next

        self._card("now", current.id if current else None)
        self.query_one("#now-progress").display = current is not None
        if current:
            self._label("now-title", current.title)
            self._label("now-meta", board.meta(tl, current))
            if current.speakers:
                self._label("now-note", board.who(program, current.speakers))
            else:
                self._label("now-note", "Talks not announced yet." if board.talks_unknown(current) else "")
        else:
            self._label("now-title", board.nothing_now(tl, snap))
            self._label("now-meta", "")

        self.query_one("#talk-card").display = bool(current and current.talks)
        self._card("talk", talk.id if talk else None)
        if talk:
            self._label("talk-title", talk.title)
            self._label("talk-who", board.who(program, talk.speakers) or "Speaker not announced.")
        else:
            self._label("talk-who", "")
            self._label("talk-meta", "")

        self._card("next", nxt.id if nxt else None)
        self._label("next-title", nxt.title if nxt else board.nothing_next(snap))
        self._label("next-meta", board.meta(tl, nxt) if nxt else "")
        if not nxt:
            self._label("next-when", "")

        rows = agenda.rows(tl, snap.at)
        day = agenda.board_day(tl, snap.at)
        today = agenda.day_rows(rows, day)
        later = [r for r in today if r.state == "later" and r.entry_id != (nxt.id if nxt else None)]
        self.query_one("#later-list", DayList).show(later)
        self.query_one("#later").set_class(not later, "-nothing-later")
        self.query_one("#today-list", DayList).show(today)
        self._label("today-heading", board.day_heading(day, snap.at))
        focused = self.focused
        if focused is None or not focused.display:
            self.query_one("#now-card").focus()

    def show_countdown(self, snap: Snapshot) -> None:
        """Once a second: only texts that changed are repainted (a minute's resolution)."""
        tl, now = self.c4ml.timeline, snap.at
        self._label("status", board.status_line(tl, snap))
        self.query_one("#big-clock", Digits).update(board.big_clock(now))
        if snap.current:
            done, total = board.elapsed(tl, snap.current, now)
            self.query_one("#now-meter", Meter).fraction = done / total
            self._label("now-left", board.time_left(tl, snap.current, now))
        else:
            self._label("now-note", board.countdown_now(snap))
        if snap.current_talk:
            self._label("talk-meta", f"{board.window(tl, snap.current_talk)} · "
                                     f"{board.time_left(tl, snap.current_talk, now)}")
        elif snap.current and snap.current.talks:
            self._label("talk-title", board.between_talks(tl, snap))
        if snap.current_talk and snap.next_talk:
            self._label("talk-next", f"Then: {snap.next_talk.title}, {board.starts(tl, snap.next_talk, now)}")
        else:
            self._label("talk-next", "")
        if snap.next:
            self._label("next-when", board.starts(tl, snap.next, now))

    def _label(self, name: str, text: str) -> None:
        self.query_one(f"#{name}", LiveLabel).show(text)

    def _card(self, name: str, entry_id: str | None) -> None:
        card = self.query_one(f"#{name}-card", Card)
        card.entry_id = entry_id
        card.set_class(entry_id is None, "-empty")

    @on(Card.Opened)
    def _open(self, event: Card.Opened) -> None:
        self.c4ml.open_entry(event.entry_id)
