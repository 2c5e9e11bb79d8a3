"""The stars of the app: the favourites of the program in front, read just after the first frame,
starred and unstarred with ``f``, and the reminders and redraws a change brings. A part of
:class:`~c4ml_tui.tui.app.C4mlApp` (a mixin: the screens ask the app ``is_starred``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .screens.base import LiveScreen

if TYPE_CHECKING:
    from ..store.favourites import Favourites
    from .app import C4mlApp


def _app(stars: Stars) -> C4mlApp:
    return stars  # type: ignore[return-value]  # Stars is only ever a part of C4mlApp


class Stars:
    """What ``C4mlApp`` does with stars (its ``_stars_read`` says whether they were read)."""

    @property
    def favourites(self) -> Favourites:
        """The starred ids of this program, read from the user data folder on first use."""
        user = _app(self).state.user
        if not user.favourites_loaded:
            user.favourites  # noqa: B018 (reads the file)
            self._warn_favourites()
        return user.favourites

    def is_starred(self, entry_id: str | None) -> bool:
        """Whether ``entry_id`` is starred; ``False`` until the favourites are read (just after
        the first frame, so the board paints without reading them)."""
        user = _app(self).state.user
        return user.favourites_loaded and entry_id in user.favourites

    def _load_favourites(self) -> None:
        app = _app(self)
        if not app._stars_read:
            app._stars_read = True
            self.favourites  # noqa: B018 (reads the file, warns about a bad one)
            self._stars_changed()
        app.check_reminders()

    def _warn_favourites(self) -> None:
        app = _app(self)
        user = app.state.user
        favourites = user.favourites if user.favourites_loaded else None
        if favourites is not None and favourites.warning:
            app.notify(favourites.warning, title="Favourites", severity="warning", timeout=15, markup=False)
            favourites.warning = None

    def toggle_star(self, entry_id: str) -> None:
        """Star or unstar an item or talk, say so, and redraw the stars on the screen in front."""
        app = _app(self)
        entry = app.program.by_id.get(entry_id)
        if entry is None:
            return
        starred = self.favourites.toggle(entry_id)
        app.notify(f"{'Starred' if starred else 'Unstarred'}: {entry.title}", markup=False, timeout=3)
        self._warn_favourites()  # a save that failed
        app._reminders_changed()
        self._stars_changed()

    def _stars_changed(self) -> None:
        app = _app(self)
        front = app.front
        if isinstance(front, LiveScreen) and front.is_mounted:
            front.show_stars()
        app.screen.refresh_bindings()

    def action_star(self) -> None:
        front = _app(self).front
        target = front.star_target() if isinstance(front, LiveScreen) else None
        if target is not None:
            self.toggle_star(target)

    action_unstar = action_star
