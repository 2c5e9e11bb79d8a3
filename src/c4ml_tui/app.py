"""The Textual app: wiring only. Screens live in ``screens/``, widgets in ``widgets/``, styles in
``app.tcss``; the words come from ``board`` and ``agenda``; times from the timeline.

``make_app(program, clock)`` builds the app for the command line and the tests alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone, tzinfo
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from . import board, fmt
from .clock import Clock
from .model import Program
from .screens import PLACES
from .screens.base import LiveScreen
from .screens.now import NowScreen
from .timeline import Snapshot, Timeline

if TYPE_CHECKING:
    from textual.command import Provider

    from .widgets.links import Link

TICK_SECONDS = 1.0
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def entries_provider() -> type[Provider]:
    """The palette's items, talks and speakers, imported when the palette first opens."""
    from .palette import EntriesProvider

    return EntriesProvider


class C4mlApp(App[int]):
    """A live board of one program, in the event's time zone, on any clock.

    ``timeline`` is reactive: assign a new :class:`Timeline` (one with expected times, for a
    delay) and every screen redraws from it; ``self.watch(app, "timeline", ...)`` follows it.
    """

    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {entries_provider}
    HORIZONTAL_BREAKPOINTS = [(120, "-wide")]
    VERTICAL_BREAKPOINTS = [(40, "-tall")]
    SCREENS = {place.name: place.screen for place in PLACES}
    BINDINGS = [
        Binding("n", "now", "Now", id="now", tooltip="Back to the now board"),
        *(Binding(p.key, f"show('{p.name}')", p.title, id=f"show.{p.name}", tooltip=p.help) for p in PLACES),
        Binding("escape", "back", "Back", id="back", tooltip="Back to the previous screen"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key, the mouse and the palette"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit c4ml-tui (ctrl+q too)"),
    ]

    timeline: reactive[Timeline] = reactive(None, init=False, always_update=True)  # type: ignore[arg-type]

    def __init__(self, program: Program, clock: Clock, *, local_zone: tzinfo | None = None):
        """``local_zone`` is the user's own zone for the second clock (``None``: the machine's)."""
        super().__init__()
        self.program = program
        self.clock = clock
        self.local_zone = local_zone
        self.title = program.event.title
        self.place = fmt.place(program.event.location, program.event.timezone)
        """The clock's place name: ``Las Vegas``."""
        self.set_reactive(C4mlApp.timeline, Timeline(program))
        self._due: tuple[datetime, datetime, Screen | None] = (_EPOCH, _EPOCH, None)
        """When the words on screen may next change, the last tick's instant, and for which screen."""

    # -- time ----------------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """The timeline's answer now."""
        return self.timeline.at(self.clock.now())

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.tick)

    def tick(self, force: bool = False) -> None:
        """Once a second: move the clock of the screen in front (under the help box or the
        palette too); ask the timeline and redraw the rest only when a word can have changed
        (``board.next_change``), on a new screen, a new timeline, or when the clock went
        backwards. ``force`` redraws regardless."""
        screen = self.front
        if not isinstance(screen, LiveScreen) or not screen.is_mounted:
            return
        now = self.clock.now()
        due, last, seen = self._due
        if force or screen is not seen or not (last <= now < due):
            snap = self.timeline.at(now)
            screen.show_time(snap)
            due = board.next_change(now, board.targets(self.timeline, snap) + screen.targets())
        else:
            screen.show_clock(board.event_clock(self.place, now))
        self._due = (due, now, screen)

    def watch_timeline(self) -> None:
        self.tick(force=True)

    # -- screens -------------------------------------------------------------------------------
    @property
    def front(self) -> Screen:
        """The screen in front, not counting a modal box (help) over it."""
        return next(s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen))

    def get_default_screen(self) -> Screen:
        return NowScreen()

    def show(self, name: str) -> None:
        """Bring the installed screen ``name`` to the front: back to it when it is open already."""
        target = self.get_screen(name)
        if target in self.screen_stack:
            while self.screen is not target:
                self.pop_screen()
        else:
            self.push_screen(target)

    # Panes are imported on first use: the board paints sooner without Markdown and friends.
    def open_entry(self, entry_id: str) -> None:
        if entry_id in self.program.by_id:
            from .screens.detail import DetailScreen

            self.push_screen(DetailScreen(entry_id))

    def open_speaker(self, speaker_id: str) -> None:
        if speaker_id in self.program.speakers:
            from .screens.speaker import SpeakerScreen

            self.push_screen(SpeakerScreen(speaker_id))

    def open_link(self, link: Link) -> None:
        if link.target == "entry":
            self.open_entry(link.ref)
        elif link.target == "speaker":
            self.open_speaker(link.ref)
        else:
            self.open_url(link.ref)

    # -- actions -------------------------------------------------------------------------------
    def action_now(self) -> None:
        """Back to the now board, from anywhere."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_show(self, name: str) -> None:
        self.show(name)
        if name == "agenda":
            self.call_after_refresh(self.screen.action_jump_now)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.front is not self.screen_stack[0]
        if action == "show" and parameters:
            # No key for the screen already in front (its own keys say what to do there).
            return getattr(self.front, "PLACE", None) != parameters[0]
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        jump = getattr(screen, "action_jump_now", self.action_now)
        yield SystemCommand("Jump to now", "Show what is on now", jump)
        for place in PLACES:
            yield SystemCommand(f"Open {place.title.lower()}", place.help, lambda p=place.name: self.action_show(p))
        yield SystemCommand("Now board", "What runs now, what is next", self.action_now)
        yield SystemCommand("Help", "Every key, the mouse and the palette", self.action_help)
        yield from super().get_system_commands(screen)


def make_app(program: Program, clock: Clock, *, local_zone: tzinfo | None = None) -> C4mlApp:
    """The app a user gets; the command line and the tests both build it here."""
    return C4mlApp(program, clock, local_zone=local_zone)


def run_app(program: Program, clock: Clock) -> int:
    """Run the app in this terminal until the user quits; the exit status."""
    app = make_app(program, clock)
    app.run()
    return app.return_code or 0
