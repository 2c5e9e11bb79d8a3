"""Screens built ahead of their key: while the app is idle after its first frame, the agenda is
composed, filled with the day's rows and laid out off the screen stack, so ``a`` brings a
screen that is ready (issue 15: a fresh agenda of 10,000 talks cost 4.7x a bare screen push,
a built one 1.4x).

Textual builds a screen when it is first pushed. Building one off the stack takes two private
names of Textual 8: ``App._register`` (which starts a screen's messages: it composes and mounts
itself, as on a push) and ``Screen._refresh_layout`` (its first layout, at the terminal's size).
Without them (another Textual) nothing is built ahead and the screen is built on its first push,
as before. A screen already pushed, or on its way, is left alone; one the user asks for while it
is being built is shown as soon as it is (its messages come in order: built, then shown).

Only the command line's app builds ahead (``run_app``): the tests' apps build a screen when it is
pushed, except those that test this module.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import C4mlApp
    from .screens.base import LiveScreen

AHEAD = ("agenda",)
"""The places the command line's app builds ahead: the agenda, the costliest to build (a day of
a big program). Search opens an index that is ready already; the others cost little."""
AFTER_SECONDS = 1.0
"""After the first frame: the board is drawn and the user is reading it."""


class Prebuild:
    """Builds ``names`` one after another, once, while the app is idle."""

    def __init__(self, app: C4mlApp, names: tuple[str, ...]):
        self.app = app
        self.waiting = list(names)
        self.after = AFTER_SECONDS
        """Seconds after the first frame, and between two places."""
        self.built: list[str] = []
        """The places built ahead, in order."""
        self.finished = asyncio.Event()
        """Set once every place is built (or left alone: pushed first, or no private names); never
        when the whole program of a slice could not be read."""

    def start(self) -> None:
        """After the first frame: the first place, ``after`` seconds later."""
        if self.waiting:
            self.app.call_after_refresh(self._later)
        else:
            self.finished.set()

    def _later(self) -> None:
        if self.after > 0:
            self.app.set_timer(self.after, self._next, name="prebuild")
        else:
            self.app.call_later(self._next)  # (a timer of no time is not one Textual runs)

    def _next(self) -> None:
        app = self.app
        if app.rest is not None and not app.rest.done:
            app.rest.then.append(self._later)  # a slice of a big program: built from the whole one (``rest.py``)
            return
        name = self.waiting.pop(0)
        screen = build(app, name)
        if screen is not None:
            self.built.append(name)
            screen.call_later(self._prepared if not self.waiting else self._later)
        elif self.waiting:
            self._later()
        else:
            self.finished.set()

    def _prepared(self) -> None:
        self.finished.set()


def build(app: C4mlApp, name: str) -> LiveScreen | None:
    """Build the installed screen ``name`` off the stack, unless it is running already (pushed,
    or built before): the screen, or ``None``."""
    register = getattr(app, "_register", None)
    screen = app.get_screen(name)
    if register is None or screen.is_running or screen in app.screen_stack:
        return None
    register(app, screen)  # composes and mounts it, in its own messages
    screen.call_later(_prepare, screen)  # (after them: the screen's messages run in order)
    return screen  # type: ignore[return-value]


def _prepare(screen: LiveScreen) -> None:
    """The screen's words at this instant, then its first layout (unless it was pushed meanwhile:
    then its own first show does both)."""
    app = screen.app
    if screen in app.screen_stack or not screen.is_attached:
        return
    screen.prepare()
    layout = getattr(screen, "_refresh_layout", None)
    if layout is not None:
        layout(app.size)
