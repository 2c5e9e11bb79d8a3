"""The app ``c4ml-tui stage`` runs: the stage view alone, read-only, for a screen facing the
speaker (a terminal at the lectern, a Raspberry Pi, a tablet through ``--web``).

It is the app with one screen and no keys but Ctrl+Q: a touch on a tablet or a key knocked on
the lectern's keyboard changes nothing. The chair's marks and messages reach it from this
machine (``feedfollow.LocalWatch``) or from a chair's feed (``--delays``).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from .app import C4mlApp
from .screens.stage import StageScreen


class StageApp(C4mlApp, inherit_bindings=False):
    """The stage view as an app of its own (see the module docstring)."""

    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, id="stage.quit", priority=True)]
    ENABLE_COMMAND_PALETTE = False
    CSS = "StageScreen Footer { display: none; }"

    def __init__(self, *args, calm: bool = False, **kwargs):
        kwargs.setdefault("remind_minutes", 0)  # no reminders on the speaker's screen
        super().__init__(*args, **kwargs)
        self.calm = calm

    def get_default_screen(self) -> Screen:
        return StageScreen(calm=self.calm)
