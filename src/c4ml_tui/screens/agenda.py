"""The agenda: every day of the program, past rows dimmed, the running row marked, gaps shown."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding

from .. import agenda
from ..timeline import Snapshot
from ..widgets.agenda_table import AgendaTable
from .base import LiveScreen


class AgendaScreen(LiveScreen):
    """One table of the whole program; ``n`` brings the cursor back to what is on now."""

    HEADING = "Agenda"
    PLACE = "agenda"
    STARS = True
    BINDINGS = [
        Binding("n", "jump_now", "Jump to now", id="agenda.now", tooltip="Move to what is on now"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        yield AgendaTable(id="agenda")
        yield from self.compose_footer()

    @property
    def table(self) -> AgendaTable:
        return self.query_one(AgendaTable)

    def show_answer(self, snap: Snapshot) -> None:
        """Mark past, running and later rows afresh; the cursor stays where the user left it."""
        first = not self.table.rows_shown
        self.table.show(agenda.rows(self.c4ml.timeline, snap.at), frozenset(self.c4ml.favourites))
        if first:
            self.action_jump_now()

    def action_jump_now(self) -> None:
        self.table.jump_to(agenda.now_index(self.table.rows_shown))
        self.table.focus()

    def star_target(self) -> str | None:
        key = self.table.cursor_key()
        return next((r.entry_id for r in self.table.rows_shown if r.key == key), None)

    def show_stars(self) -> None:
        self.table.show_stars(frozenset(self.c4ml.favourites))

    @on(AgendaTable.EntrySelected)
    def _open(self, event: AgendaTable.EntrySelected) -> None:
        self.c4ml.open_entry(event.entry_id)
