"""What the rooms board and the agenda share: the app's room and track filter (``r``, ``t``).

The filter belongs to the app's state (``app.state.flt``), so "only Saal 1" set on the board
holds in the agenda (and the chair's keys act in that room); each screen shows it in its heading
and redraws when the state changes. Not a screen of its own: a base for screens.
"""

from __future__ import annotations

from datetime import date

from textual.binding import Binding

from ...core import filters
from ...core.filters import Filter
from ...core.timeline import Snapshot, Timeline
from ..state import State
from ..widgets.clock import ClockBar
from .base import LiveScreen


class FilteredScreen(LiveScreen):
    """A :class:`LiveScreen` that shows the program through the app's :class:`Filter`."""

    BINDINGS = [
        Binding("r", "pick_room", "Room", id="filter.room", tooltip="Show one room, or all rooms again"),
        Binding("t", "pick_track", "Track", id="filter.track", tooltip="Show one track, or all tracks again"),
    ]

    def __init__(self, *, name: str | None = None, id: str | None = None):
        super().__init__(name=name, id=id)
        self._seen: State | None = None

    @property
    def flt(self) -> Filter:
        return self.c4ml.state.flt

    def narrowed(self, day: date | None = None) -> Timeline:
        """The app's timeline through the filter (and on ``day``); built once per state."""
        return self.c4ml.state.narrowed(day)

    @property
    def filterable(self) -> bool:
        """Whether the program has anything to filter (a room filter needs two rooms)."""
        program = self.c4ml.program
        return len(program.rooms) > 1 or bool(program.tracks) or self.flt.active

    def heading(self) -> str:
        """The words left of the clock; with the filter when there is something to filter."""
        base = self.HEADING
        if self.filterable:
            base = f"{base} · {self.flt.label()}" if base else self.flt.label()
        title = self.c4ml.program.event.title
        return f"{base} · {title}" if base else title

    def show_time(self, snap: Snapshot) -> None:
        seen = self.c4ml.state
        if seen is not self._seen and self.query(ClockBar):  # (not while its widgets mount)
            self._seen = seen
            self._shown = None  # redraw everything: the answer is not the one shown
            self.filter_changed()
        super().show_time(snap)

    def filter_changed(self) -> None:
        """The filter, the program or the timeline changed: show the new heading. Extend."""
        self.query_one(ClockBar).set_heading(self.heading())

    # -- r and t ---------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        program = self.c4ml.program
        if action == "pick_room":
            return len(program.rooms) > 1 or self.flt.room is not None
        if action == "pick_track":
            return bool(program.tracks) or self.flt.track is not None
        return True

    def action_pick_room(self) -> None:
        from .pick import PickScreen

        names = filters.counts(filters.narrow(self.c4ml.program, self.flt.with_room(None)), "room")
        for room in self.c4ml.program.rooms:
            names.setdefault(room, 0)
        self.app.push_screen(PickScreen("Room", "All rooms", names, self.flt.room),
                             lambda name: self._picked(None if name is None else self.flt.with_room(name or None)))

    def action_pick_track(self) -> None:
        from .pick import PickScreen

        names = filters.counts(filters.narrow(self.c4ml.program, self.flt.with_track(None)), "track")
        for track in self.c4ml.program.tracks:
            names.setdefault(track, 0)
        self.app.push_screen(PickScreen("Track", "All tracks", names, self.flt.track),
                             lambda name: self._picked(None if name is None else self.flt.with_track(name or None)))

    def _picked(self, flt: Filter | None) -> None:
        if flt is not None and flt != self.flt:
            self.c4ml.room_filter = flt  # a new state: the app redraws the screen
