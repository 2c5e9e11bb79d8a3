"""How the app looks to this user: the settings file's theme (remembered when chosen in the
palette) and the zone times are shown in (``z`` steps through the event's zone, the viewer's own,
and a ``--show-zone`` ZONE; ``core/fmt.py`` labels every time shown outside the event's zone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core import fmt

if TYPE_CHECKING:
    from datetime import tzinfo

    from .app import C4mlApp


def use_config(app: C4mlApp) -> None:
    """The settings file's theme, and its warnings; from now on a theme chosen in the palette is
    written back to it."""
    config = app.config
    if config is None:
        return
    for warning in config.warnings:
        app.notify(warning, title="Settings", severity="warning", timeout=15, markup=False)
    if config.theme:
        if config.theme in app.available_themes:
            app.theme = config.theme
        else:
            app.notify(f"{config.path}: no theme {config.theme!r}; themes: {', '.join(app.available_themes)}",
                       title="Settings", severity="warning", timeout=15, markup=False)
    app.theme_changed_signal.subscribe(app, lambda theme: remember_theme(app, theme))


def remember_theme(app: C4mlApp, theme) -> None:
    """Write a theme chosen in the palette to the settings file (a problem is said, not raised)."""
    config = app.config
    if config is None or theme.name == config.theme:
        return
    from ..store.config import remember

    problem = remember("theme", theme.name, config)
    if problem:
        app.notify(problem, title="Settings", severity="warning", timeout=10, markup=False)


def zones(local_zone: tzinfo | None, asked: fmt.Shown) -> list[tuple[object, bool]]:
    """What ``z`` steps through, as ``(zone, yours)``: the event's (``None``), the viewer's, and the
    zone ``--show-zone`` named when it is another."""
    yours: object = local_zone if local_zone is not None else fmt.LOCAL
    found: list[tuple[object, bool]] = [(None, False), (yours, True)]
    if asked.zone is not None and not asked.yours:
        found.append((asked.zone, False))
    return found


def next_zone(app: C4mlApp) -> None:
    """Show every time in the next of ``app.zones``: every screen's words again, and a note."""
    from .screens.base import LiveScreen

    now = fmt.shown()
    at = next((k for k, (zone, yours) in enumerate(app.zones) if zone == now.zone and yours == now.yours), 0)
    zone, yours = app.zones[(at + 1) % len(app.zones)]
    fmt.show(app.clock_hours, zone, yours)  # type: ignore[arg-type]
    for screen in app.screen_stack:
        if isinstance(screen, LiveScreen):
            screen._shown = None  # every screen's words again, in the new zone
    where = fmt.zone_label()
    sample = fmt.hm(app.clock.now())
    app.notify(f"Times now shown in {where} ({sample})" if where
               else f"Times now shown in the event's zone, {app.program.event.timezone}",
               title="Zone", timeout=4, markup=False)
