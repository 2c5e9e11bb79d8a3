"""The Textual app: wiring only. The program and all derived from it are the app's
:class:`~c4ml_tui.tui.state.State` (``app.state``, swapped whole); screens live in ``screens/``,
widgets in ``widgets/``, styles in ``app.tcss``; the words come from ``words/``. Moving between
screens is ``navigation.py``, starring ``stars.py`` (parts of the app class).

``make_app(program, clock)`` builds the app for the command line and the tests alike.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import datetime, timezone, tzinfo
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from ..core import fmt
from ..core.clock import Clock
from ..core.filters import Filter
from ..core.instants import utc
from ..core.model import Program
from ..core.stages import ChairOptions
from ..core.timeline import Snapshot, Timeline
from ..words import board
from . import appearance
from .navigation import Navigation
from .screens import PLACES
from .screens.base import LiveScreen
from .stars import Stars
from .state import State

if TYPE_CHECKING:
    from textual.command import Provider

    from ..sources.delayfeed import FeedSource
    from ..sources.refresh import Source
    from ..store.config import Config
    from ..store.publish import Publisher

TICK_SECONDS = 1.0
DEFAULT_REMIND_MINUTES = 5
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def entries_provider() -> type[Provider]:
    """The palette's items, talks and speakers, imported when the palette first opens."""
    from .palette import EntriesProvider

    return EntriesProvider


class C4mlApp(Stars, Navigation, App[int]):
    """A live board of one program, in the event's time zone, on any clock.

    ``state`` is reactive: assign a new :class:`State` (a new copy of the program, a mark, a
    filter) and every screen redraws from it; ``self.watch(app, "state", ...)`` follows it.
    """

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {entries_provider}
    HORIZONTAL_BREAKPOINTS = [(120, "-wide")]
    VERTICAL_BREAKPOINTS = [(40, "-tall")]
    SCREENS = {place.name: place.screen for place in PLACES}
    BINDINGS = [
        Binding("n", "now", "Now", id="now", tooltip="Back to the now board"),
        *(Binding(p.key, f"show('{p.name}')", p.title, id=f"show.{p.name}", tooltip=p.help, priority=p.priority)
          for p in PLACES),
        Binding("f", "star", "Star", id="star",
                tooltip="Star the highlighted item or talk: it shows ★ and joins My day"),
        Binding("f", "unstar", "Unstar", id="unstar", tooltip="Unstar the highlighted item or talk"),
        Binding("z", "zone", "Zone", id="zone", show=False,
                tooltip="Show times in the event's zone, in your own zone (labelled), or in --show-zone's"),
        Binding("escape", "back", "Back", id="back", tooltip="Back to the previous screen"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key, the mouse and the palette"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit c4ml-tui (ctrl+q too)"),
    ]

    state: reactive[State] = reactive(None, init=False, always_update=True)  # type: ignore[arg-type]

    def __init__(self, program: Program, clock: Clock, *, local_zone: tzinfo | None = None,
                 source: Source | None = None,
                 remind_minutes: float = DEFAULT_REMIND_MINUTES, remind_bell: bool = False,
                 start_screen: str | None = None, chair: ChairOptions | None = None,
                 delays: FeedSource | None = None, publisher: Publisher | None = None,
                 config: Config | None = None, clock_hours: int | None = None,
                 rest: Callable[[], Program | None] | None = None, prebuild: tuple[str, ...] = ()):
        """``local_zone`` is the user's own zone for the second clock (``None``: the machine's);
        ``source``, for a program from a URL, is followed while the app runs (``follow.py``).
        ``remind_minutes`` before a starred entry starts a notification comes (0: never), with a
        terminal bell when ``remind_bell``. ``start_screen`` is a place to open over the board at
        start (``"chair"``); ``chair`` the chair screen's thresholds, bell and room. ``delays`` is
        a chair's delay feed to follow (``--delays``); ``publisher`` writes this app's marks as
        one (``chair --publish``). See ``feedfollow.py``.
        ``config``, the user's settings file (``store/config.py``), gives the theme, and remembers
        the one chosen in the palette; ``clock_hours`` (12 or 24) the clock format. ``rest``
        reads the whole program when ``program`` is a slice of a big one (``rest.py``). ``prebuild``
        names places built ahead, off the stack, while the app is idle (``prebuild.py``)."""
        super().__init__()
        self.config = config
        self.clock_hours = clock_hours or (config.clock if config is not None else 24)
        """12 or 24: the clock format asked for (``--clock``, the config file's ``clock``)."""
        self.clock = clock
        self.local_zone = local_zone
        asked = fmt.shown()  # --show-zone (commands/common.py set it), in this app's clock format
        fmt.show(self.clock_hours, asked.zone, asked.yours)
        self.zones = appearance.zones(self.local_zone, asked)
        """What ``z`` steps through: the event's zone, the viewer's, and a ``--show-zone`` ZONE."""
        self.title = program.event.title
        self.place = fmt.place(program.event.location, program.event.timezone)
        """The clock's place name: ``Las Vegas``."""
        self.follower = None
        """Refreshes a program from a URL in a worker thread (``follower.py``)."""
        if source is not None:
            from .follower import Follower

            self.follower = Follower(self, source)
        self.schedule_note = ""
        """Shown after the clock while the schedule's server cannot be reached (``offline · ...``)."""
        from .feedfollow import FeedFollower, LocalWatch, Publishing

        self.feed_follower = FeedFollower(self, delays) if delays is not None else None
        """Follows a chair's delay feed (``--delays``) in a worker thread."""
        self.local_watch = LocalWatch(self) if delays is None else None
        """Notices marks and messages another process made on this machine."""
        self.publishing = Publishing(self, publisher) if publisher is not None else None
        """Writes the chair's delay feed (``chair --publish``)."""
        from .reminding import Reminding

        self.remind_minutes = remind_minutes
        self.remind_bell = remind_bell
        self.reminding = Reminding(self)
        """Reminders of starred entries: when they are due, and which fired (``reminding.py``)."""
        self._stars_read = False
        self._due: tuple[datetime, datetime, Screen | None] = (_EPOCH, _EPOCH, None)
        """When the words on screen may next change, the last tick's instant, and for which screen."""
        self.start_screen = start_screen
        from .rest import Rest

        self.rest = Rest(self, rest) if rest is not None else None
        """Reads the whole program in a worker thread when the app opened on a slice of it."""
        from .prebuild import Prebuild

        self.prebuild = Prebuild(self, prebuild)
        """Builds the agenda ahead, after the first frame (the command line's app: ``run_app``)."""
        # The chair's marks are read at start, so every view shows the delay.
        self.set_reactive(C4mlApp.state, State(program, chair=chair, now=clock.now()))

    @property
    def source_note(self) -> str:
        """After the delay on every screen's bar: the chair's feed (``chair, 20 s ago``) and the
        schedule's server (``offline · copy 2 h old``), when they have something to say."""
        feed = self.feed_follower.note(self.clock.now()) if self.feed_follower is not None else ""
        return " · ".join(part for part in (feed, self.schedule_note) if part)

    @source_note.setter
    def source_note(self, text: str) -> None:  # the schedule's follower sets its note here
        self.schedule_note = text

    # -- the state, and the parts every screen asks for -----------------------------------------
    @property
    def program(self) -> Program:
        return self.state.program

    @property
    def timeline(self) -> Timeline:
        """The program's timeline with the expected times the chair's marks give."""
        return self.state.timeline

    @property
    def room_filter(self) -> Filter:
        """What the rooms board and the agenda show (``r`` and ``t``); every room at first."""
        return self.state.flt

    @room_filter.setter
    def room_filter(self, flt: Filter) -> None:
        if flt != self.state.flt:
            self.state = self.state.with_filter(flt)

    @property
    def chair_options(self) -> ChairOptions:
        return self.state.chair

    # -- time ----------------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """The timeline's answer now."""
        return self.timeline.at(self.clock.now())

    def on_mount(self) -> None:
        appearance.use_config(self)
        self.set_interval(TICK_SECONDS, self.tick)
        if self.follower is not None:
            self.follower.start()
        if self.feed_follower is not None:
            self.feed_follower.start()
        if self.local_watch is not None:
            self.local_watch.start()
        if self.publishing is not None:
            self.publishing.start()
        self.call_after_refresh(self._load_favourites)  # after the first frame: it costs imports
        if not gc.isenabled():  # the command line's start-up (commands/app.py)
            self.call_after_refresh(self.start_collector)
        if self.rest is not None:
            self.rest.start()
        self.prebuild.start()
        for warning in self.state.log.warnings:  # a corrupt marks file: set aside, said here
            self.notify(warning, title="Chair marks", severity="warning", timeout=15, markup=False)
        if self.start_screen:
            self.show(self.start_screen)

    def start_collector(self) -> None:
        """After the first frame, when the command line started the app without the garbage
        collector: collect the start-up's garbage once, freeze what survives (it lives as long as
        the app, and later passes need not walk it: less CPU while idle), and collect again."""
        gc.collect()
        gc.freeze()
        gc.enable()

    def action_zone(self) -> None:
        """``z``: show every time in the next zone (event, yours, ``--show-zone``'s), labelled."""
        appearance.next_zone(self)
        self.tick(force=True)

    def tick(self, force: bool = False) -> None:
        """Once a second: move the clock of the screen in front (under the help box or the
        palette too); ask the timeline and redraw the rest only when a word can have changed
        (``board.next_change``), on a new screen, a new timeline, or when the clock went
        backwards. ``force`` redraws regardless.

        First the state at this instant: when a talk running over reaches another minute, the
        expected times move (``State.at``), and the new state redraws every screen."""
        now = self.clock.now()
        moved = self.state.at(now)
        if moved is not self.state:
            self.state = moved  # watch_state ticks again, with this state
            return
        self.check_reminders()
        screen = self.front
        if not isinstance(screen, LiveScreen) or not screen.is_mounted:
            return
        due, last, seen = self._due
        if force or screen is not seen or not (utc(last) <= utc(now) < utc(due)):
            snap = self.timeline.at(now)
            screen.show_time(snap)
            due = board.next_change(now, board.targets(self.timeline, snap) + screen.targets())
        else:
            screen.show_clock(board.event_clock(self.place, now))
        self._due = (due, now, screen)

    def watch_state(self) -> None:
        self._reminders_changed()
        if self.publishing is not None:
            self.publishing.publish()
        self.tick(force=True)

    def after_message(self) -> None:
        """The message to stage changed (the chair's key, ``say``): publish it, show it."""
        if self.publishing is not None:
            self.publishing.publish()
        self.tick(force=True)

    # -- live updates ------------------------------------------------------------------------------
    def swap_program(self, program: Program) -> None:
        """Show a new version of the program: the whole state is replaced (same stars and marks
        when it is the same program), every screen redraws from it, and a pane of an entry or
        speaker that is gone closes."""
        for index, screen in enumerate(self.screen_stack):
            entry, speaker = getattr(screen, "entry_id", None), getattr(screen, "speaker_id", None)
            if (entry and entry not in program.by_id) or (speaker and speaker not in program.speakers):
                while len(self.screen_stack) > max(index, 1):
                    self.pop_screen()
                break
        self.state = self.state.with_program(program)

    def check_reminders(self) -> None:
        """Notify the reminders that fell due since the last check (``reminding.py``)."""
        self.reminding.check()

    def _reminders_changed(self) -> None:
        self.reminding.changed()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        jump = getattr(screen, "action_jump_now", self.action_now)
        yield SystemCommand("Jump to now", "Show what is on now", jump)
        for place in PLACES:
            yield SystemCommand(place.palette, place.help, lambda p=place.name: self.action_show(p))
        yield SystemCommand("Now board", "What runs now, what is next", self.action_now)
        yield SystemCommand("Help", "Every key, the mouse and the palette", self.action_help)
        if self.state.flt.active:
            yield SystemCommand("Clear filters", "Show every room and every track again", self.action_clear_filters)
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # Textual's key panel: our Help says the same, better
                yield command

    def action_clear_filters(self) -> None:
        """Every room and every track again, on the rooms board and the agenda."""
        self.room_filter = Filter()


def make_app(program: Program, clock: Clock, *, local_zone: tzinfo | None = None,
             source: Source | None = None,
             remind_minutes: float = DEFAULT_REMIND_MINUTES, remind_bell: bool = False,
             start_screen: str | None = None, chair: ChairOptions | None = None,
             delays: FeedSource | None = None, publisher: Publisher | None = None,
             config: Config | None = None, clock_hours: int | None = None,
             rest: Callable[[], Program | None] | None = None, prebuild: tuple[str, ...] = ()) -> C4mlApp:
    """The app a user gets; the command line and the tests both build it here.

    ``start_screen`` names a place (``"chair"``) opened over the board at start; ``chair`` the
    chair screen's thresholds, bell and room (default: the program's ``chair:`` block);
    ``prebuild`` places to build ahead while the app is idle (the command line's: ``prebuild.AHEAD``).
    """
    if start_screen is not None and start_screen not in C4mlApp.SCREENS:
        raise ValueError(f"no screen {start_screen!r} to start on")
    return C4mlApp(program, clock, local_zone=local_zone, source=source,
                   remind_minutes=remind_minutes, remind_bell=remind_bell,
                   start_screen=start_screen, chair=chair, delays=delays, publisher=publisher,
                   config=config, clock_hours=clock_hours, rest=rest, prebuild=prebuild)


def run_app(program: Program, clock: Clock, *, source: Source | None = None,
            remind_minutes: float = DEFAULT_REMIND_MINUTES, remind_bell: bool = False,
            start_screen: str | None = None, chair: ChairOptions | None = None,
            delays: FeedSource | None = None, publisher: Publisher | None = None,
            config: Config | None = None, clock_hours: int | None = None,
            rest: Callable[[], Program | None] | None = None) -> int:
    """Run the app in this terminal until the user quits; the exit status. The user's settings
    file is read when ``config`` is not given (the tests' apps, from ``make_app``, read none)."""
    if config is None:
        import os

        from ..store.config import Config, load
        from ..store.paths import config_file

        # (no file, no TOML reader to import: the defaults)
        config = load() if os.path.exists(config_file()) else Config()
    from .prebuild import AHEAD

    app = make_app(program, clock, source=source, remind_minutes=remind_minutes, remind_bell=remind_bell,
                   start_screen=start_screen, chair=chair, delays=delays, publisher=publisher,
                   config=config, clock_hours=clock_hours, rest=rest, prebuild=AHEAD)
    from .css_cache import prime

    prime(app)  # the styles parsed by an earlier run (the first screen keeps them: LiveScreen)
    app.run()
    return app.return_code or 0
