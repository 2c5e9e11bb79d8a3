"""The app's screens, one module each, and the registry of places a key opens from anywhere.

To add a top-level screen (chair mode, search, "My day", a room board): write
``screens/<name>.py`` with a :class:`~c4ml_tui.screens.base.LiveScreen` subclass whose
``PLACE`` is ``name``, and add a :class:`Place` to :data:`PLACES`. The app then installs it
under ``name`` and binds ``key`` to it (footer, help screen and palette included);
``app.show(name)`` opens it from code. Screens are imported when first shown, so a new screen
costs nothing at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import NamedTuple

from textual.screen import Screen


class Place(NamedTuple):
    """A screen reachable by one key from every screen."""

    name: str
    """Its name in ``App.SCREENS``, the ``show('name')`` action's argument and the screen's ``PLACE``."""
    target: str
    """``module:Class`` under ``c4ml_tui.screens``, imported on first use."""
    key: str
    title: str
    """Footer label and palette command."""
    help: str
    """Tooltip and palette help (no program text: the palette reads it as markup)."""
    priority: bool = False
    """Act on the key before the keys typed after it are delivered: for a place one types into
    next (``/zoe`` in one go must put ``zoe`` in the search box, not on the screen behind it).
    Never while a text box has the focus (``/`` is then typed there)."""
    command: str = ""
    """The palette's command (default ``Open <title>``)."""

    @property
    def palette(self) -> str:
        return self.command or f"Open {self.title.lower()}"

    def screen(self) -> Screen:
        module, cls = self.target.split(":")
        return getattr(import_module(f"{__name__}.{module}"), cls)()


PLACES: tuple[Place, ...] = (
    Place("agenda", "agenda:AgendaScreen", "a", "Agenda", "Open the agenda: the whole program, scrolled to now"),
    Place("search", "search:SearchScreen", "slash", "Search",
          "Search titles, abstracts and speakers as you type (case and accents ignored)", priority=True),
    Place("my_day", "my_day:MyDayScreen", "m", "My day", "Your starred items and talks in time order, clashes flagged"),
    Place("chair", "chair:ChairScreen", "c", "Chair",
          "Open the session chair's countdown; mark talks started and ended"),
    Place("about", "about:AboutScreen", "i", "Event",
          "About this event: what it is, when and where, its web page and description",
          command="About this event"),
)
