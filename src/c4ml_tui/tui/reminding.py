"""Reminders in the app: a notification (and, if asked, the terminal's bell and a desktop
notification) ``app.remind_minutes`` before each starred entry starts, by its expected start.

Cheap on every tick: ``reminders.due`` runs only once the event clock has passed the next reminder
instant (or at the first check). The reminders that fired are remembered per program
(``store/reminded.py``), so a restart or ``c4ml-tui watch`` in another window does not say them
again.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..core.instants import utc
from . import osc

if TYPE_CHECKING:
    from ..store.reminded import Reminded
    from .app import C4mlApp


class Reminding:
    """The app's reminders: when the next one is due, and which have fired."""

    def __init__(self, app: C4mlApp):
        self.app = app
        self._reminded: Reminded | None = None
        self._since: datetime | None = None
        self._next: datetime | None = None
        self._checked = False

    def check(self) -> None:
        """Notify the reminders that fell due since the last check."""
        app = self.app
        if app.remind_minutes <= 0 or not app._stars_read:
            return
        now = app.clock.now()
        if self._checked and (self._next is None or utc(now) < utc(self._next)):
            return
        from ..core import reminders

        favourites, tl = app.favourites, app.timeline
        due = reminders.due(app.program, favourites, self._since, now, app.remind_minutes, timeline=tl)
        fresh = self.reminded.fresh(r.id for r in due) if due else []
        for reminder in due:
            if reminder.id not in fresh:
                continue  # it fired before a restart, or in ``c4ml-tui watch``
            app.notify(reminder.text(now), title="Reminder", timeout=30, markup=False)
            osc.send(app, "Reminder", reminder.text(now))
            if app.remind_bell:
                app.bell()
        if fresh:
            self.reminded.record(fresh, now)
        self._checked = True
        self._since = now
        self._next = reminders.next_due(app.program, favourites, now, app.remind_minutes, timeline=tl)

    @property
    def reminded(self) -> Reminded:
        """The reminders that fired for this program, here or in ``watch`` (``store/reminded.py``)."""
        from ..core.identity import program_key
        from ..store.reminded import Reminded

        program = self.app.program
        if self._reminded is None or self._reminded.path.parent.name != program_key(program):
            self._reminded = Reminded.load(program)
        return self._reminded

    def changed(self) -> None:
        """Stars or times changed: reminders count from now, and the next one is looked up again."""
        app = self.app
        if not self._checked or app.remind_minutes <= 0:
            return
        from ..core import reminders

        now = app.clock.now()
        self._since = now
        self._next = reminders.next_due(app.program, app.favourites, now, app.remind_minutes,
                                        timeline=app.timeline)
