"""The agenda: one day of the program at a time, past rows dimmed, the running row marked, gaps
shown; ``[``/``]`` (or the arrows) change the day, ``r``/``t`` narrow it to a room or a track."""

from __future__ import annotations

from datetime import date, datetime

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding

from ...core import filters, fmt
from ...core.timeline import Snapshot
from ...words import agenda, rooms
from ...words.agenda import Row
from ..widgets.agenda_table import AgendaTable
from ..widgets.key_footer import KeyFooter
from ..widgets.literal import LiveLabel
from .filtered import FilteredScreen


class AgendaScreen(FilteredScreen):
    """One table per day (38C3 has 300 events on a day: one day draws fast, four do not);
    ``n`` brings the day and the cursor back to what is on now."""

    HEADING = "Agenda"
    PLACE = "agenda"
    STARS = True
    BINDINGS = [
        Binding("n", "jump_now(True)", "Jump to now", id="agenda.now", tooltip="Move to what is on now"),
        Binding("left_square_bracket,left", "day(-1)", "Prev day", id="agenda.day-before",
                tooltip="Show the day before", priority=True),
        Binding("right_square_bracket,right", "day(1)", "Next day", id="agenda.day-after",
                tooltip="Show the next day", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: date | None = None
        """The day shown; chosen when the screen is first shown (see ``filters.opening_day``)."""
        self._days: tuple[object, tuple[date, ...]] | None = None
        self._switched = False
        """A day key was pressed since the screen came to the front (see ``action_jump_now``)."""
        self._resumed = False
        self._keys_shown = False
        self._to_now = False
        """``a`` brought the screen: the cursor goes to now as it is shown (``jump_when_shown``)."""
        self._rows_of: tuple[object, list[Row], list[tuple[float, float] | None]] | None = None
        """The day's timeline, its rows as last shown and their instants (``day_rows``)."""
        self._styled_for: tuple[str, bool | None] | None = None
        """The theme the screen's widgets were styled in when it was built ahead (``prepare``)."""

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        if note := rooms.filter_note(self.flt):
            yield self._filter_line(note)
        yield AgendaTable(id="agenda")
        yield KeyFooter(one_line=True)  # the cell between two keys in the keys' colours, as it was

    @staticmethod
    def _filter_line(note: str) -> LiveLabel:
        return LiveLabel(note, hide_empty=True, id="agenda-filter", classes="note")

    def filter_changed(self) -> None:
        """The heading, and the filter's line above the table: there only once a filter is set
        (a widget composed, styled and mounted with nothing to say cost a push a few ms)."""
        super().filter_changed()
        note = rooms.filter_note(self.flt)
        found = self.query("#agenda-filter")
        if found:
            found.first(LiveLabel).show(note)
        elif note:
            self.mount(self._filter_line(note), before=self.table)

    @property
    def table(self) -> AgendaTable:
        return self.query_one(AgendaTable)

    @property
    def days(self) -> tuple[date, ...]:
        """The program's days (worked out once per timeline: the footer asks often)."""
        tl = self.c4ml.timeline
        if self._days is None or self._days[0] is not tl:
            self._days = (tl, filters.days(tl))
        return self._days[1]

    def opening_day(self, at: datetime) -> date:
        """``filters.opening_day`` from the days worked out once (it works them out from every
        item at each call: 2,000 a day at 10,000 talks, three times as the agenda is shown)."""
        found, today = self.days, self.c4ml.program.day_at(at)
        if found[0] <= today <= found[-1]:
            return next(d for d in found if d >= today)
        return found[0]

    def heading(self) -> str:
        if len(self.days) < 2 or self.day is None:
            return super().heading()
        where = f"{fmt.short_day(self.day)} ({self.days.index(self.day) + 1}/{len(self.days)})"
        return super().heading().replace(self.HEADING, f"{self.HEADING} · {where}", 1)

    def show_answer(self, snap: Snapshot) -> None:
        """Mark past, running and later rows afresh; the cursor stays where the user left it."""
        if self.day not in self.days:
            self.day = self.opening_day(snap.at)
            self.filter_changed()
        first = not self.table.rows_shown
        self.table.show(self.day_rows(snap), frozenset(self.c4ml.favourites))
        if first:
            self.action_jump_now()

    def day_rows(self, snap: Snapshot) -> list[Row]:
        """The rows of the day shown; a line saying so when the filter leaves nothing that day.
        The same day of the same timeline a while later is only marked again (``agenda.marked``:
        a day of 2,000 talks is worked out in ~8 ms, marked in ~1)."""
        assert self.day is not None
        tl = self.narrowed(self.day)  # (one per state and day: the program, the marks, the filter)
        if self._rows_of is not None and self._rows_of[0] is tl:
            spans = self._rows_of[2]
            found = agenda.marked(self._rows_of[1], snap.at, spans)
        else:
            found = rooms.filtered_gaps(agenda.rows(tl, snap.at), self.flt)
            spans = agenda.instants(found)
        self._rows_of = (tl, found, spans)
        if found:
            return found
        return [Row("day", f"day:{self.day.isoformat()}", fmt.day_title(self.day)),
                Row("gap", "empty", f"nothing for {self.flt.label()} on this day", label="")]

    def prepare(self) -> None:
        """Built ahead (``prebuild.py``): the day at this instant, and the theme it is styled in."""
        self._styled_for = (self.app.theme, self.app.ansi_color)
        super().prepare()

    def jump_when_shown(self) -> None:
        """``a`` pushed this screen (or brought it back to the front): as it is shown, before its
        first frame, the cursor goes to what is on now."""
        self._to_now = True

    def on_screen_resume(self, event: events.ScreenResume | None = None) -> None:
        # (LiveScreen's and Screen's handlers run too, after this one: Textual calls each class's)
        self._switched = False
        if event is not None and not self._resumed:
            # Shown for the first time: its widgets were styled as they were mounted, just now.
            # Styling every one of them again (what Textual does when a screen is pushed) cost
            # a tenth of showing the agenda. Built ahead, they were styled a while ago: again
            # if the theme changed since.
            self._resumed = True
            event.refresh_styles = self._styled_for not in (None, (self.app.theme, self.app.ansi_color))

    @on(events.ScreenResume)
    async def _coming_forward(self) -> None:
        """Shown (this handler runs before the others): the table at this instant (LiveScreen's
        tick, later, finds it drawn), on now when ``a`` brought the screen; the first time, the
        footer's keys too, Open among them. Screen's handler, last, lays the screen out and draws
        its frame, which then holds them all (the cursor moved after it, or the keys composed
        after it, cost more layouts and frames)."""
        if self._to_now or not self._keys_shown:
            self.c4ml.tick(force=True)
        if self._to_now:
            self._to_now = False
            self.action_jump_now()  # (a day key pressed in between wins: see there)
        if not self._keys_shown:
            self._keys_shown = True
            await self.query_one(KeyFooter).show_keys()

    def action_jump_now(self, by_key: bool = False) -> None:
        """Today's day, and the row of now. The screen also calls this as ``a`` shows it; a day
        key pressed in between (a fast typist, a script) wins over that call."""
        if self._switched and not by_key:
            self._switched = False
            return
        self._switched = False
        today = self.opening_day(self.c4ml.clock.now())
        if today != self.day:
            self.show_day(today)
        self.table.jump_to(self.now_index())
        if self.focused is not self.table:
            self.table.focus()  # (which draws the table again, even when it has the focus)

    def now_index(self) -> int:
        """The row of "now"; with parallel rooms, the latest to start of the rows running."""
        if len(self.c4ml.program.rooms) > 1:
            return rooms.now_row(self.table.rows_shown)
        return agenda.now_index(self.table.rows_shown)

    def action_day(self, step: int) -> None:
        self._switched = True
        if self.day is not None:
            self.show_day(filters.step_day(self.days, self.day, step))

    def show_day(self, day: date) -> None:
        """Show ``day``: on today the cursor goes to what runs now, on another day to its top."""
        if day == self.day:
            return
        ends = self.check_action("day", (-1,)), self.check_action("day", (1,))
        self.day = day
        self.filter_changed()
        snap = self.c4ml.snapshot()
        self.table.show(self.day_rows(snap), frozenset(self.c4ml.favourites))
        today = self.opening_day(snap.at) == day
        self.table.jump_to(self.now_index() if today else 0)
        if ends != (self.check_action("day", (-1,)), self.check_action("day", (1,))):
            self.refresh_bindings()  # a day key turned on or off (the footer costs a rebuild)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "day":
            if len(self.days) < 2:
                return False  # one day: the arrows are the table's
            at_end = self.day == (self.days[0] if parameters[0] == -1 else self.days[-1])
            return None if at_end else True  # None: shown, but disabled at the first and last day
        return super().check_action(action, parameters)

    def star_target(self) -> str | None:
        row = self.table.cursor_row_shown()
        return None if row is None else row.entry_id

    def show_stars(self) -> None:
        self.table.show_stars(frozenset(self.c4ml.favourites))

    @on(AgendaTable.EntrySelected)
    def _open(self, event: AgendaTable.EntrySelected) -> None:
        self.c4ml.open_entry(event.entry_id)
