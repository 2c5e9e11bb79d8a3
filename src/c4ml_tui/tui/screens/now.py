"""The now board: what runs, how long it has left, the talk on stage, and what comes next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical

from ...core.timeline import Snapshot
from ...words import agenda, board
from ..widgets.card import Card
from ..widgets.day_list import DayList
from ..widgets.literal import STAR, LiveLabel
from .base import LiveScreen

if TYPE_CHECKING:
    from textual.widgets import Digits


class NowScreen(LiveScreen):
    """The first screen. Boxes take the focus in turn; Enter or a click opens one.

    Few widgets on purpose: each box is one widget drawn from a ``board.CardView``.
    """

    BINDINGS = [
        Binding("down,j", "app.focus_next", "Next box", show=False, id="now.down", tooltip="Focus the next box"),
        Binding("up,k", "app.focus_previous", "Previous box", show=False, id="now.up",
                tooltip="Focus the previous box"),
    ]

    def compose(self) -> ComposeResult:
        # Built with what they say now, so the first frame needs a single layout (and the first
        # tick, finding this answer shown, redraws no more than what changed).
        tl, snap = self.c4ml.timeline, self.c4ml.snapshot()
        self._shown = (tl, snap.key())
        talk_card = Card("Talk on stage", board.talk_card(tl, snap), id="talk-card")
        talk_card.display = talk_card.view.title != ""
        yield from self.compose_clock()
        with Container(id="board"):
            with Vertical(id="board-main"):
                yield LiveLabel(board.status_line(tl, snap), id="status")
                yield Card("Now", board.now_card(tl, snap), id="now-card")
                yield talk_card
                yield Card("Next", board.next_card(tl, snap), id="next-card")
            yield DayList(*self.day_list(snap), id="day")
        yield from self.compose_footer()

    def day_list(self, snap: Snapshot) -> tuple[str, list]:
        """``(heading, rows)`` beside or under the boxes: the whole day when the screen is wide,
        else only what comes after the next item."""
        tl = self.c4ml.timeline
        day = agenda.board_day(tl, snap.at)
        today = agenda.day_rows(agenda.rows(tl, snap.at), day)
        if self.has_class("-wide"):
            return board.day_heading(day, snap.at), today
        nxt = snap.next.id if snap.next else None
        return "Later", [r for r in today if r.state == "later" and r.entry_id != nxt]

    _parts: tuple[LiveLabel, Card, Card, Card] | None = None
    _digits: Digits | None = None
    _resumed = False

    def on_mount(self) -> None:
        self.query_one("#now-card").focus()

    def on_screen_resume(self, event: events.ScreenResume | None = None) -> None:
        # (LiveScreen's and Screen's handlers run too, after this one.) Shown for the first time
        # (the app's first screen): its widgets were styled as they were mounted, just now, and
        # need not all be styled again, as Textual does when a screen is pushed.
        if event is not None and not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self) -> None:
        """The breakpoint classes are set: pick the day list, and mount the large clock the
        first time there is room for it (it costs start-up time on small terminals)."""
        snap = self.c4ml.snapshot()
        self.query_one(DayList).show(*self.day_list(snap))
        if self._digits is None and self.has_class("-wide") and self.has_class("-tall"):
            from textual.widgets import Digits  # (imported when there is room for it)

            self._digits = Digits(board.big_clock(snap.at), id="big-clock")
            self.query_one("#board-main").mount(self._digits, before=0)

    def show_answer(self, snap: Snapshot) -> None:
        """What runs and what is next changed: the lists of the day, and which boxes exist."""
        self.query_one(DayList).show(*self.day_list(snap))

    def show_countdown(self, snap: Snapshot) -> None:
        """Every tick: each box and line is redrawn only if its words changed (once a minute)."""
        tl = self.c4ml.timeline
        status, now_card, talk_card, next_card = self.parts()
        if self._digits is not None and self._digits.value != board.big_clock(snap.at):
            self._digits.update(board.big_clock(snap.at))
        status.show(board.status_line(tl, snap))
        now_card.show(self.starred(board.now_card(tl, snap)))
        next_card.show(self.starred(board.next_card(tl, snap)))
        talk = board.talk_card(tl, snap)
        talk_card.display = talk is not None
        if talk is not None:
            talk_card.show(self.starred(talk))
        elif talk_card.has_focus:
            now_card.focus()

    def parts(self) -> tuple[LiveLabel, Card, Card, Card]:
        """The widgets a tick updates, looked up once (a query per tick costs CPU all day)."""
        if self._parts is None:
            self._parts = (self.query_one("#status", LiveLabel), self.query_one("#now-card", Card),
                           self.query_one("#talk-card", Card), self.query_one("#next-card", Card))
        return self._parts

    # -- stars (issue 5) -------------------------------------------------------------------------
    STARS = True

    def starred(self, view: board.CardView) -> board.CardView:
        """``view`` with a star before its title when it names a starred entry."""
        if view.quiet or not self.c4ml.is_starred(view.entry_id):
            return view
        return view._replace(title=f"{STAR} {view.title}")

    def star_target(self) -> str | None:
        card = self.focused
        return card.entry_id if isinstance(card, Card) and not card.view.quiet else None

    def show_stars(self) -> None:
        self.show_countdown(self.c4ml.snapshot())

    @on(Card.Opened)
    def _open(self, event: Card.Opened) -> None:
        self.c4ml.open_entry(event.entry_id)
