"""The footer of every screen: Textual's, made to fit the terminal's width.

Textual's footer lays every key out in one row and lets the rest fall off the right edge (where
the palette key, docked over them, leaves stray letters of the keys under it). Here, after each
layout, keys are hidden until the row fits, least needed first: the keys that open another
screen from anywhere (help and the palette list them), then the screen's own keys from the
right; Escape, ``?`` and ``q`` stay to the last. A wide terminal shows them all.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer

from .framed import Kept

ESSENTIAL = ("back", "help", "quit")
"""Actions that stay in the footer while anything else can go: how to get back, help, out."""
RETRIES = 5
"""Frames :meth:`KeyFooter.fit` waits for a key to get its width before measuring it as it is."""
PLACES = ("now", "show(")
"""Actions (or their beginnings) of keys that open a screen from anywhere: the first to go."""


def rank(action: str) -> int:
    """How much a key is needed in the footer: 0 (hidden first) to 2 (hidden last)."""
    action = action.removeprefix("app.")
    if action in ESSENTIAL:
        return 2
    if action.startswith(PLACES):
        return 0
    return 1


class KeyFooter(Kept, Footer):
    """A compact :class:`~textual.widgets.Footer` that never runs off the edge. Docked, it is
    drawn in every frame of its screen: its line is kept while unchanged (:class:`Kept`)."""

    DEFAULT_CSS = """
    KeyFooter.-compact FooterLabel { margin: 0 1 0 1; }
    KeyFooter.-compact KeyGroup.-compact { margin: 0 0 0 0; padding-left: 0; }
    """

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._widths: dict[Widget, int] = {}
        self._retries = 0
        self._laid_out: tuple | None = None
        """The keys as last laid out (see :meth:`bindings_changed`)."""
        self._queued = False

    def keys(self) -> tuple:
        """What the footer shows of the screen's keys: each key, its words, whether it is on."""
        return tuple((b.key, b.description, b.action, b.show, enabled, tooltip)
                     for _, b, enabled, tooltip in self.screen.active_bindings.values())

    def bindings_changed(self, screen) -> None:
        """Lay the keys out again only when they changed, once per frame at most. Textual's
        footer does it on every notice (a focus moved, a screen came, a key may have turned
        on), each time building every key anew and styling it: an agenda shown cost 14 of them."""
        if not self._bindings_ready or not (self.is_attached and screen is self.screen and screen.app.app_focus):
            super().bindings_changed(screen)  # the first time, or not for this footer
        elif not self._queued:
            self._queued = True
            self.call_after_refresh(self._relay)

    async def _relay(self) -> None:
        self._queued = False
        # (a screen behind another is told too when one is pushed: its keys are for when it is back)
        if self.is_attached and self.screen.is_active and self.keys() != self._laid_out:
            await self.recompose()

    def on_resize(self) -> None:
        self._retries = 0
        self.call_after_refresh(self.fit)

    def on_show(self) -> None:
        self._retries = 0
        self.call_after_refresh(self.fit)

    def compose(self):
        """Textual's keys, each made compact before it is mounted: Textual's footer makes each
        one compact once mounted, which styles it a second time (a fifth of a screen shown)."""
        from textual.widgets._footer import FooterKey

        for widget in super().compose():
            if self.compact and isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)  # styled once, when mounted
            yield widget

    async def recompose(self) -> None:
        """New keys (another screen, a key turned on or off): lay them out, then fit them."""
        self._laid_out = self.keys() if self._bindings_ready and self.is_attached else None
        self._widths = {}
        self._retries = 0
        await super().recompose()
        self.call_after_refresh(self.fit)

    def units(self) -> list[list[Widget]]:
        """The keys as they stand in the row, a group of keys with its label as one unit; the
        palette key (docked right) is not among them."""
        found: list[list[Widget]] = []
        for child in self.children:
            if child.has_class("-command-palette"):
                continue
            if type(child).__name__ == "FooterLabel" and found:
                found[-1].append(child)  # a group's label goes with its keys
            else:
                found.append([child])
        return found

    def fit(self) -> None:
        """Show as many keys as fit beside the palette key, dropping the least needed first."""
        if not self.is_mounted or not self.size.width or not self.screen.is_active:
            return  # a screen under another is not laid out: it fits again when it is back in front
        units = self.units()
        for unit in units:
            for widget in unit:
                if widget not in self._widths and widget.display:
                    if not widget.outer_size.width and self._retries < RETRIES:
                        # not laid out yet: measure after the next frame, a few times at most (a key
                        # with no width, or a footer on a screen behind another, would ask forever:
                        # every frame, on every screen installed, is what idle CPU and `a` cost)
                        self._retries += 1
                        self.call_after_refresh(self.fit)
                        return
                    self._widths[widget] = widget.outer_size.width + widget.styles.margin.width
        palette = sum(c.outer_size.width for c in self.children if c.has_class("-command-palette"))
        room = self.size.width - palette - 1
        width = {id(unit[0]): sum(self._widths.get(w, 0) for w in unit) for unit in units}
        order = sorted(range(len(units)), key=lambda k: (-self._rank(units[k]), k))
        keep, used = set(), 0
        for k in order:  # the most needed first, left to right within a rank
            if used + width[id(units[k][0])] <= room:
                keep.add(k)
                used += width[id(units[k][0])]
        for k, unit in enumerate(units):
            for widget in unit:
                if widget.display != (k in keep):  # setting it, even unchanged, lays out again: a loop
                    widget.display = k in keep

    @staticmethod
    def _rank(unit: list[Widget]) -> int:
        action = getattr(unit[0], "action", None)
        if action is None:  # a group of keys: its first key says
            action = next((getattr(key, "action", "") for key in unit[0].children), "")
        return rank(str(action))
