"""The rooms board: the first screen of a program with several rooms (38C3, FOSDEM, ...).

One row per room: what runs there with its time left, what starts there next and when. Beside
the table (wide) or under it (narrow), the day of the room under the cursor. ``r`` and ``t``
narrow it to a room or a track; Enter opens what runs in the room (or what is next there).
A single-room program keeps the now board (``screens/now.py``).
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical

from ...core.timeline import Snapshot
from ...words import rooms
from ..widgets.clock import ClockBar
from ..widgets.day_list import DayList
from ..widgets.key_footer import KeyFooter
from ..widgets.literal import STAR, LiveLabel
from ..widgets.room_table import RoomTable
from .filtered import FilteredScreen


def table_width(width: int, wide: bool) -> int:
    """The rooms table's width in a terminal ``width`` columns wide, as the styles below lay it
    out: the whole width but ``#rooms-main``'s padding (1 each side); wide, two thirds of it
    (``2fr`` beside the room's day, ``1fr``)."""
    return (width * 2 // 3 if wide else width) - 2


class RoomsScreen(FilteredScreen):
    """The board, per room. The answer is worked out when an item starts or ends; each tick
    only rewrites the countdowns that changed."""

    DEFAULT_CSS = """
    /* The table, and the day of the room under the cursor below it (narrow) or beside it (wide).
       Narrow, the screen makes the table as tall as its rows, up to 60% of the terminal
       (fit_table); wide, it fills its column. */
    #rooms-board { height: 1fr; layout: vertical; }
    #rooms-main { height: auto; padding: 0 1; }
    #rooms-status { padding: 1 1 0 1; color: $text-muted; height: auto; }
    #rooms-empty { padding: 1 1 0 1; }
    #rooms-filter { padding: 0 1; }
    #rooms-day { height: 1fr; padding: 1 2 0 2; }
    #rooms-day DayList { text-wrap: nowrap; text-overflow: ellipsis; }
    #rooms-later { color: $text-muted; }
    #rooms-today { display: none; }
    RoomsScreen.-wide #rooms-board { layout: horizontal; }
    RoomsScreen.-wide #rooms-main { width: 2fr; height: 1fr; }
    RoomsScreen.-wide #rooms-day { width: 1fr; margin-top: 1; padding: 1 2; border-left: vkey $foreground 20%; }
    RoomsScreen.-wide #rooms-later { display: none; }
    RoomsScreen.-wide #rooms-today { display: block; }
    """

    HEADING = "Rooms"
    STARS = True
    BINDINGS = [
        Binding("c", "chair_here", "Chair", id="rooms.chair",
                tooltip="The session chair's countdown and keys, in the highlighted room"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._answer: rooms.Answer | None = None
        self._day_for: tuple = ()
        """The timeline, room and answer the day under the table was worked out for: asked again
        with the same three (the cursor's first highlight, just after ``compose``), it is kept."""
        self._resumed = False
        self._keys_shown = False

    def compose(self) -> ComposeResult:
        # Built with what it says now, the table's rows included (at the width the layout will
        # give it), so that the first frame shows the board, and the first tick has nothing to
        # redo: this state's words (``FilteredScreen``) and this answer (``LiveScreen``) are shown.
        state, now = self.c4ml.state, self.c4ml.clock.now()
        self._seen, self._shown = state, (state.timeline, state.timeline.at(now).key())
        tl = self.narrowed()
        self._answer = shown = rooms.answer(tl, now, keep_quiet=self.flt.room is not None)
        width, height = self.app.size
        wide = any(width >= at and name == "-wide" for at, name in self.c4ml.HORIZONTAL_BREAKPOINTS)
        table = RoomTable(id="rooms-table", width=table_width(width, wide))
        table.show([self.starred(line, rooms.row(tl, line, now)) for line in shown.lines])
        table.display = bool(shown.lines)
        self._fit(table, wide, height)
        line = next((line for line in shown.lines if line.room == table.room), None)
        days = rooms.room_days(tl, line, now, shown.day) if line else (("", []), ("", []))
        self._day_for = (tl, table.room, shown)
        yield ClockBar(self.heading())
        with Container(id="rooms-board"):
            with Vertical(id="rooms-main"):
                yield LiveLabel(rooms.status(tl, tl.at(now), shown), id="rooms-status")
                yield LiveLabel(rooms.filter_note(self.flt), hide_empty=True, id="rooms-filter", classes="note")
                yield LiveLabel(rooms.empty(shown, self.flt), hide_empty=True, id="rooms-empty", classes="note")
                yield table
            with Vertical(id="rooms-day"):
                yield DayList(*days[0], id="rooms-later")
                yield DayList(*days[1], id="rooms-today")
        yield KeyFooter(one_line=True)  # the cell between two keys in the keys' colours, as it was

    @property
    def table(self) -> RoomTable:
        return self.query_one(RoomTable)

    def on_mount(self) -> None:
        self.table.focus()

    def on_screen_resume(self, event: events.ScreenResume | None = None) -> None:
        # (LiveScreen's and Screen's handlers run too, after this one: Textual calls each class's)
        if event is not None and not self._resumed:
            # Shown for the first time (the app's first screen): its widgets were styled as they
            # were mounted, just now; styling every one of them again (what Textual does when a
            # screen is pushed) is a tenth of the first frame.
            self._resumed = True
            event.refresh_styles = False

    @on(events.ScreenResume)
    async def _first_shown(self) -> None:
        """Shown for the first time (this handler runs before the others): the footer's keys,
        so that the first frame (Screen's handler, last, lays the screen out and draws it) holds
        them (keys composed after it cost two more layouts and frames)."""
        if self._keys_shown:
            return
        self._keys_shown = True
        await self.query_one(KeyFooter).show_keys()

    def filter_changed(self) -> None:
        super().filter_changed()
        self._answer = None
        self.query_one("#rooms-filter", LiveLabel).show(rooms.filter_note(self.flt))

    def targets(self):
        """Every room's countdowns: when what runs ends and what is next starts (the app's cheap
        tick redraws the board only when one of them reaches another minute)."""
        tl = self.narrowed()
        found = [tl.end(line.current) for line in (self._answer.lines if self._answer else ()) if line.current]
        found += [tl.start(line.next) for line in (self._answer.lines if self._answer else ()) if line.next]
        if self._answer is not None and self._answer.until is not None:
            found.append(self._answer.until)
        return found

    def show_answer(self, snap: Snapshot) -> None:
        self._answer = None  # something started or ended somewhere: ask again

    def show_countdown(self, snap: Snapshot) -> None:
        """Every tick: a new answer only when an item started or ended; words that changed."""
        tl, now = self.narrowed(), snap.at
        fresh = self._answer is None or self._answer.stale(now)
        if fresh:
            self._answer = rooms.answer(tl, now, keep_quiet=self.flt.room is not None)
        shown = self._answer
        assert shown is not None
        self.table.show([self.starred(line, rooms.row(tl, line, now)) for line in shown.lines])
        self.table.display = bool(shown.lines)
        if fresh:
            self.fit_table()
        self.query_one("#rooms-status", LiveLabel).show(rooms.status(tl, tl.at(now), shown))
        self.query_one("#rooms-empty", LiveLabel).show(rooms.empty(shown, self.flt))
        if fresh:
            self.show_room_day()

    def fit_table(self) -> None:
        """Narrow, the table is as tall as its rows (up to 60% of the screen), so the day of the
        room under the cursor sits right under it; wide, it fills its column. (Set here: a
        DataTable with ``height: auto`` keeps the height of its first layout.)"""
        self._fit(self.table, self.has_class("-wide"), self.size.height)

    @staticmethod
    def _fit(table: RoomTable, wide: bool, height: int) -> None:
        rows = len(table.rows_shown) + 1  # and the header
        wanted = "1fr" if wide else str(min(rows, max(4, height * 3 // 5)))
        if str(table.styles.height) != wanted:
            table.styles.height = wanted

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_table)  # after the breakpoint classes follow the size

    def show_room_day(self) -> None:
        """The day of the room under the cursor (nothing when the board has no rows)."""
        shown, room = self._answer, self.table.room
        line = next((line for line in shown.lines if line.room == room), None) if shown else None
        later = self.query_one("#rooms-later", DayList)
        today = self.query_one("#rooms-today", DayList)
        if shown is None or line is None:
            self._day_for = ()
            later.show("", [])
            today.show("", [])
            return
        tl, now = self.narrowed(), self.c4ml.clock.now()
        asked = (tl, room, shown)
        if len(self._day_for) == 3 and all(a is b for a, b in zip(asked, self._day_for, strict=True)):
            return  # (its rows change only when something starts or ends: a new answer)
        self._day_for = asked
        under, beside = rooms.room_days(tl, line, now, shown.day)
        later.show(*under)
        today.show(*beside)

    @on(RoomTable.RowHighlighted)
    def _moved(self) -> None:
        self.show_room_day()

    def highlighted(self):
        """What the row under the cursor stands for: what runs in that room, else what is next."""
        shown, room = self._answer, self.table.room
        line = next((line for line in shown.lines if line.room == room), None) if shown else None
        return line and (line.current or line.next)

    def starred(self, line: rooms.RoomLine, row: rooms.RoomRow) -> rooms.RoomRow:
        """``row`` with a star before what runs or comes next when the user starred it."""
        if line.current is not None and self.c4ml.is_starred(line.current.id):
            row = row._replace(now=f"{STAR} {row.now}")
        if line.next is not None and self.c4ml.is_starred(line.next.id):
            row = row._replace(next=f"{STAR} {row.next}")
        return row

    def show_stars(self) -> None:
        if not self.c4ml.state.user.favourites_loaded:
            return  # nothing is starred until they are read, after the first frame (and then this runs)
        if self._answer is not None:
            self.show_countdown(self.c4ml.snapshot())

    def star_target(self) -> str | None:
        target = self.highlighted()
        return target.id if target is not None else None

    def action_chair_here(self) -> None:
        """``c``: the chair screen, working in the highlighted room (its "next" is in that room,
        and ``s``/``e`` mark that room's talks)."""
        room = self.table.room or None  # the row of items with no room: the chair picks one
        self.c4ml.state = self.c4ml.state.with_chair_room(room)
        self.c4ml.show("chair")

    def action_pick_room(self) -> None:
        # The room and track pickers count each one's items: of the whole program, which a big
        # one is still reading just after its first frame (they open by themselves once it is).
        if self.c4ml.rest is None or self.c4ml.rest.ready(self.action_pick_room):
            super().action_pick_room()

    def action_pick_track(self) -> None:
        if self.c4ml.rest is None or self.c4ml.rest.ready(self.action_pick_track):
            super().action_pick_track()

    @on(RoomTable.RowSelected)
    def _open(self, event: RoomTable.RowSelected) -> None:
        event.stop()
        target = self.highlighted()
        if target is not None:
            self.c4ml.open_entry(target.id)
