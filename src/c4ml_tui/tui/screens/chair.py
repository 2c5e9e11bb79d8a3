"""The session chair's screen: a large countdown coloured by stage, the talk, what comes next,
and the keys that mark the day's delay (``s``/``e``/``+``/``-``/``u``; ``b`` for the bell), send
the speaker a message (``t``) and open the stage view (``v``).

The words come from ``words/chair.py``; the keys act through ``tui/desk.py`` on the app's state,
in the room the user is looking at; after each mark the app gets a new state, so every view
shows the expected times.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from ...core.stages import StageWatch
from ...core.timeline import Snapshot
from ...words import chair as chairview
from .. import desk
from ..desk import Outcome
from ..widgets.countdown import BigCountdown
from ..widgets.framed import Kept
from ..widgets.lines import Line, Lines
from .base import LiveScreen

NUDGE = Binding.Group("Nudge", compact=True)
"""``+`` and ``-`` share one footer entry (``+- Nudge``): the footer of an 80-column terminal is short."""
STAGE = Binding.Group("Stage", compact=True)
"""``t`` (a message to the speaker) and ``v`` (the stage view) share one too: ``tv Stage``."""

ABOVE = (Line("context", "lines--meta"), Line("title", "lines--accent", bold=True), Line("who", keep_empty=False))
"""Above the countdown: where the talk is (muted), its title, its speakers (when it has any)."""
BELOW = (Line("window", "lines--meta"), Line("next", keep_empty=False, gap=1),
         Line("then", "lines--meta", keep_empty=False), Line("status", "lines--note", gap=1))
"""Below it: the talk's time, what is next and then, the bell and the last mark."""


class ChairBody(Kept, Vertical):
    """What is under the clock bar: drawn again only when it changed (its children tick)."""


class ChairScreen(Kept, LiveScreen):
    """Counts down the talk on stage; marks use the event clock and are saved at once."""

    DEFAULT_CSS = """
    /* The talk, a large countdown coloured by stage (BigCountdown), what is next. */
    #chair { height: 1fr; padding: 1 2; overflow-y: auto; }
    #chair-countdown { margin: 1 0; }
    /* What a chair key did: one line right above the footer, one at a time (ChairScreen.done). */
    ChairScreen Toast { padding: 0 1; margin-top: 0; max-width: 90%; }
    ChairScreen.-wide #chair { padding: 1 4; }
    ChairScreen.-wide.-tall #chair { padding: 1 8; align-vertical: middle; }
    ChairScreen.-wide.-tall #chair-countdown { padding: 1 4; margin: 2 0; }
    """

    HEADING = "Chair"
    PLACE = "chair"
    # The view is worked out when a word can change (``targets``: the thresholds, each start
    # and end); the other ticks move the digits alone (``show_clock``).
    BINDINGS = [
        Binding("s", "mark_start", "Started", id="chair.start", tooltip="The next talk started now"),
        Binding("e", "mark_end", "Ended", id="chair.end", tooltip="The talk counted down ended now"),
        Binding("plus,equals_sign", "nudge(1)", "Nudge 1 min later", id="chair.later", group=NUDGE,
                tooltip="Nudge the delay one minute later"),
        Binding("minus", "nudge(-1)", "Nudge 1 min earlier", id="chair.earlier", group=NUDGE,
                tooltip="Nudge the delay one minute earlier"),
        Binding("u", "undo", "Undo", id="chair.undo", tooltip="Take back the last mark or nudge"),
        Binding("b", "bell", "Bell", id="chair.bell", tooltip="Ring the terminal bell at each change of stage"),
        Binding("t", "tell", "Tell the speaker", id="chair.tell", group=STAGE,
                tooltip="Send the speaker a message (the stage view shows it)"),
        Binding("v", "stage_view", "Stage view", id="chair.stage", group=STAGE,
                tooltip="Open the stage view: the speaker's countdown"),
        Binding("r", "pick_room", "Room", id="chair.room",
                tooltip="Pick the room you chair (programs with parallel rooms)"),
    ]

    bell_on = False
    """Whether the bell rings at a change of stage (``--bell``; ``b`` toggles it)."""

    def on_mount(self) -> None:
        options = self.c4ml.chair_options
        self.bell_on = options.bell
        self.stage_watch = StageWatch(options.thresholds)

    def compose(self) -> ComposeResult:
        yield from self.compose_clock()
        with ChairBody(id="chair"):
            yield Lines(*ABOVE, id="chair-talk")
            yield BigCountdown(id="chair-countdown")
            yield Lines(*BELOW, id="chair-after")
        yield from self.compose_footer()

    def view(self, snap: Snapshot) -> chairview.ChairView:
        state = self.c4ml.state
        if chairview.needs_room(state.program, state.chair_room):
            return chairview.no_room_view(state.program)
        return chairview.view(state.timeline, state.delays, snap.at, state.chair.thresholds, state.chair_room)

    def show_answer(self, snap: Snapshot) -> None:
        """The room the chair works in is in the heading (``Chair · Saal 1``)."""
        heading = chairview.heading(self.c4ml.state.chair_room if len(self.c4ml.program.rooms) > 1 else None)
        if (bar := self.clock_bar()) is not None:
            bar.set_heading(f"{heading} · {self.c4ml.program.event.title}")

    _parts: tuple[Lines, BigCountdown, Lines] | None = None

    def parts(self) -> tuple[Lines, BigCountdown, Lines]:
        """The widgets a tick updates, looked up once (a query per tick costs CPU all day)."""
        if self._parts is None:
            self._parts = (self.query_one("#chair-talk", Lines), self.query_one(BigCountdown),
                           self.query_one("#chair-after", Lines))
        return self._parts

    _view: chairview.ChairView | None = None
    """The view last worked out: its digits count on between the instants of ``targets``."""
    _targets: list[datetime] = []

    def show_countdown(self, snap: Snapshot) -> None:
        """When a word can change: the whole view, redrawn where it changed; the bell at a new stage."""
        view = self.view(snap)
        self._view = view
        state = self.c4ml.state
        self._targets = ([] if chairview.needs_room(state.program, state.chair_room) else
                         chairview.changes(state.timeline, state.delays, snap.at, state.chair.thresholds,
                                           state.chair_room, view))
        talk, countdown, after = self.parts()
        countdown.show(view.digits, view.stage, view.word)
        talk.show(context=view.context, title=view.title, who=view.who)
        after.show(window=view.window, next=view.next, then=view.then, status=self.status())
        if self.stage_watch.update(view.entry_id, view.left) and self.bell_on:
            self.app.bell()

    def targets(self) -> list[datetime]:
        return self._targets

    def show_clock(self, text: str) -> None:
        """Every other tick: the clock's seconds and the digits (``words.chair.count``); the whole
        view again when the stage changed (overtime starts just after the end)."""
        super().show_clock(text)
        view = self._view
        if view is None or not self.is_mounted:
            return
        counted = chairview.count(view, self.c4ml.clock.now(), self.c4ml.state.chair.thresholds)
        if counted is None:
            self.show_time(self.c4ml.snapshot())
            return
        _, countdown, after = self.parts()
        countdown.show(counted[0], counted[1], view.word)
        if self.c4ml.publishing is not None:  # the feed's last write may have failed since
            after.show(status=self.status())

    def status(self) -> str:
        """``bell off · last mark: started Lowering Dreams to Loops at 09:12``."""
        state = self.c4ml.state
        parts = [f"bell {'on' if self.bell_on else 'off'}", chairview.last_mark(state.program, state.marks)]
        if state.message and state.message.text:
            parts.append(f"message: {state.message.text}")
        if self.c4ml.publishing is not None:
            parts.append(self.c4ml.publishing.status())
        return " · ".join(parts)

    # -- the chair's keys -----------------------------------------------------------------------
    def action_mark_start(self) -> None:
        self.done(desk.start(self.c4ml.state, self.c4ml.clock.now()))

    def action_mark_end(self) -> None:
        self.done(desk.end(self.c4ml.state, self.c4ml.clock.now()))

    def action_nudge(self, minutes: int) -> None:
        self.done(desk.nudge(self.c4ml.state, minutes, self.c4ml.clock.now()))

    def action_undo(self) -> None:
        self.done(desk.undo(self.c4ml.state))

    def action_tell(self) -> None:
        from .tell import TellScreen

        if (refused := desk.following(self.c4ml.state)) is not None:
            self.done(refused)
            return

        def send(text: str | None) -> None:
            if text is not None:
                self.done(desk.tell(self.c4ml.state, text, self.c4ml.clock.now()), marks=False)
                self.c4ml.after_message()

        self.app.push_screen(TellScreen(), send)

    def action_stage_view(self) -> None:
        from .stage import StageScreen

        self.app.push_screen(StageScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick_room":
            return len(self.c4ml.program.rooms) > 1
        return True

    def action_pick_room(self) -> None:
        """``r``: the room the chair works in (the rooms board and agenda keep their filter)."""
        from ...core import filters
        from .pick import PickScreen

        state = self.c4ml.state
        names = filters.counts(state.program, "room")
        self.app.push_screen(PickScreen("Room you chair", None, names, state.chair_room), self._picked)

    def _picked(self, room: str | None) -> None:
        if room:
            self.c4ml.state = self.c4ml.state.with_chair_room(room)

    def action_bell(self) -> None:
        self.bell_on = not self.bell_on
        self.notify(f"Bell {'on: it rings at each change of stage' if self.bell_on else 'off'}.")
        self.show_time(self.c4ml.snapshot())

    def done(self, outcome: Outcome, marks: bool = True) -> None:
        """Say what a key did (one line at the bottom, replacing what the key before said: notes
        never pile up over the screen); when it changed the marks, every view gets the new times."""
        self.app.clear_notifications()
        self.notify(outcome.message, markup=False, severity="information" if outcome.done else "warning",
                    timeout=4)
        log = self.c4ml.state.log
        if outcome.done and marks:
            self.c4ml.state = self.c4ml.state.with_marks(self.c4ml.clock.now())  # every screen redraws
        if log.save_error:
            self.notify(log.save_error, title="Marks not saved", markup=False, severity="error", timeout=10)
