"""Where the app goes: the screen in front, the places (``show``), the panes an entry, a speaker
or a link opens, back, help and the now board, and which of those keys apply on the screen in
front. A part of :class:`~c4ml_tui.tui.app.C4mlApp` (a mixin, as ``stars.py``): the screens ask
the app ``show``, ``open_entry`` and ``front``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen, Screen

from .screens import PLACES
from .screens.base import LiveScreen

if TYPE_CHECKING:
    from .app import C4mlApp
    from .widgets.links import Link


def _app(navigation: Navigation) -> C4mlApp:
    return navigation  # type: ignore[return-value]  # Navigation is only ever a part of C4mlApp


class Navigation:
    """What ``C4mlApp`` does to move between screens."""

    # -- screens -------------------------------------------------------------------------------
    @property
    def front(self) -> Screen | None:
        """The screen in front, not counting a modal box (help) over it; ``None`` once the app
        has taken its screens down (a last tick can still come as it quits)."""
        app = _app(self)
        return next((s for s in reversed(app.screen_stack) if not isinstance(s, ModalScreen)), None)

    def get_default_screen(self) -> Screen:
        app = _app(self)
        if len(app.program.rooms) > 1:  # parallel rooms (issue 6): the board per room
            from .screens.rooms import RoomsScreen

            return RoomsScreen()
        from .screens.now import NowScreen  # (imported when it is the first screen: 38C3's is the rooms board)

        return NowScreen()

    def show(self, name: str) -> None:
        """Bring the installed screen ``name`` to the front: back to it when it is open already."""
        app = _app(self)
        if app.rest is not None and not app.rest.ready(name):
            return
        target = app.get_screen(name)
        if target in app.screen_stack:
            while app.screen is not target:
                app.pop_screen()
        else:
            app.push_screen(target)

    # Panes are imported on first use: the board paints sooner without Markdown and friends.
    def open_entry(self, entry_id: str | None) -> None:
        app = _app(self)
        if entry_id in app.program.by_id:
            from .screens.detail import DetailScreen

            app.push_screen(DetailScreen(entry_id))

    def open_speaker(self, speaker_id: str) -> None:
        app = _app(self)
        if speaker_id in app.program.speakers:
            from .screens.speaker import SpeakerScreen

            app.push_screen(SpeakerScreen(speaker_id))

    def open_link(self, link: Link) -> None:
        app = _app(self)
        if link.target == "entry":
            app.open_entry(link.ref)
        elif link.target == "speaker":
            app.open_speaker(link.ref)
        else:
            app.open_url(link.ref)

    # -- actions -------------------------------------------------------------------------------
    def action_now(self) -> None:
        """Back to the now board, from anywhere."""
        app = _app(self)
        while len(app.screen_stack) > 1:
            app.pop_screen()

    def action_show(self, name: str) -> None:
        """``a``, ``/``...: the place in front; the agenda on what is on now."""
        app = _app(self)
        before = app.screen
        app.show(name)
        screen = app.screen
        if name == "agenda" and getattr(screen, "PLACE", None) == "agenda":
            if screen is before:
                screen.action_jump_now()  # type: ignore[attr-defined]  # (in front already: no resume)
            else:
                screen.jump_when_shown()  # type: ignore[attr-defined]  # (before its first frame)

    async def action_back(self) -> None:  # async like App.action_back, which it replaces
        app = _app(self)
        if len(app.screen_stack) > 1:
            app.pop_screen()

    def action_help(self) -> None:
        app = _app(self)
        from .screens.help import HelpScreen

        if not isinstance(app.screen, HelpScreen):
            app.push_screen(HelpScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        app = _app(self)
        if action == "back":
            return bool(app.screen_stack) and app.front is not app.screen_stack[0]
        if action == "show" and parameters:
            place = next((p for p in PLACES if p.name == parameters[0]), None)
            if place is not None and place.priority:
                # A key that goes first must not be taken from a text box (the palette's too).
                focused = app.focused
                character = {"slash": "/"}.get(place.key, place.key if len(place.key) == 1 else None)
                if focused is not None and focused.check_consume_key(place.key, character):
                    return False
            # No key for the screen already in front (its own keys say what to do there).
            return getattr(app.front, "PLACE", None) != parameters[0]
        if action in ("star", "unstar"):
            # Shown where something can be starred; Star or Unstar after what is highlighted.
            # (Asked by the footer at any time, even before a new screen's widgets exist.)
            front = app.front
            if not (isinstance(front, LiveScreen) and front.is_mounted and front.stars_here()):
                return False
            target = front.star_target()
            if target is None:
                return None if action == "star" else False
            return app.is_starred(target) == (action == "unstar")
        return True
