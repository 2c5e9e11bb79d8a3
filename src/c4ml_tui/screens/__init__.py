"""The app's screens, one module each, and the registry of places a key opens from anywhere.

To add a top-level screen (chair mode, search, "My day", a room board): write
``screens/<name>.py`` with a :class:`~c4ml_tui.screens.base.LiveScreen` subclass and add a
:class:`Place` to :data:`PLACES`. The app then installs it under ``name``, binds ``key`` to it
(footer, help screen and palette included); ``app.show(name)`` opens it from code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from .agenda import AgendaScreen


@dataclass(frozen=True, slots=True)
class Place:
    """A screen reachable by one key from every screen."""

    name: str
    """Its name in ``App.SCREENS``; also the ``show('name')`` action's argument."""
    screen: Callable[[], Screen]
    key: str
    title: str
    """Footer label and palette command."""
    help: str
    """Tooltip and palette help (no program text: the palette reads it as markup)."""


PLACES: tuple[Place, ...] = (
    Place("agenda", AgendaScreen, "a", "Agenda", "Open the agenda: the whole program, scrolled to now"),
)
