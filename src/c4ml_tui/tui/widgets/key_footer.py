"""The footer of every screen: Textual's, made to fit the terminal's width.

Textual's footer lays every key out in one row and lets the rest fall off the right edge (where
the palette key, docked over them, leaves stray letters of the keys under it). Here, after each
layout, keys are hidden until the row fits, least needed first: the keys that open another
screen from anywhere (help and the palette list them), then the screen's own keys from the
right; Escape, ``?`` and ``q`` stay to the last. A wide terminal shows them all.

Textual's footer composes its keys only after the screen's first frame, then lays the screen
out again for them (and again when some are hidden to fit): three layouts and frames where one
does. Here the keys are composed when the screen first says what its keys are, in the screen's
own queue after the screen is shown (its widgets built, the focus given), and fitted with the
widths the layout will give them: the first frame shows the footer as it stays.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise

from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Footer

from .framed import Kept
from .key_line import Key, KeyLine

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

    def __init__(self, *, one_line: bool = False) -> None:
        super().__init__(compact=True)
        self.one_line = one_line
        """Draw the keys as one widget (:class:`~.key_line.KeyLine`) when no group of keys
        needs a label; the palette key stays Textual's."""
        self._widths: dict[Widget, int] = {}
        self._guessed: dict[Widget, int] = {}
        """Widths worked out before a layout (:meth:`_predicted`): a key hidden by them is not
        laid out, so they stand for it until it is shown and measured."""
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
        on), each time building every key anew and styling it: an agenda shown cost 14 of them.

        The first notice (the screen mounting its widgets and giving the focus) composes the keys
        through the screen's queue: after what the screen does when it is shown (an agenda builds
        its table and puts the cursor on a row, which turns Open on), before its first frame
        (the screen draws only when its queue is empty)."""
        if not (self.is_attached and screen is self.screen and screen.app.app_focus):
            super().bindings_changed(screen)  # not for this footer: Textual's way
        elif not self._bindings_ready:
            self._bindings_ready = True
            self._queued = True
            screen.call_later(self._first_keys)
        elif not self._queued:
            self._queued = True
            self.call_after_refresh(self._relay)

    async def _first_keys(self) -> None:
        self._queued = False
        if self.is_attached and self.screen.is_active:
            await self.show_keys()
        elif self.is_attached:
            self.call_after_refresh(self._relay)  # (a screen pushed over it at once: when it is back)

    async def show_keys(self) -> None:
        """Compose the keys now, if they are not those laid out, and fit them with the widths
        the layout will give them. A screen that awaits this in its first ``ScreenResume``
        handler, its widgets ready, has them in its first frame (Textual's own handler, which
        runs after the screen's, lays the screen out and draws it at once)."""
        self._bindings_ready = True
        if not self.is_attached:
            return
        keys = self.keys()
        if keys != self._laid_out and not self._redraw_line(keys):
            with self._context():  # (maybe run by the screen: the keys are bound to this footer)
                await self.recompose()
        self.fit(predict=True)  # before the keys' first layout: with the widths it will give

    async def _relay(self) -> None:
        self._queued = False
        # (a screen behind another is told too when one is pushed: its keys are for when it is back)
        if self.is_attached and self.screen.is_active and self.keys() != self._laid_out:
            if self._redraw_line(self.keys()):
                self.fit()  # drawn anew in the same widget, then fitted
            else:
                await self.recompose()

    def _palette(self, keys: tuple | None) -> tuple:
        """What the palette key's entry among ``keys`` (see :meth:`keys`) says."""
        return tuple(k for k in keys or () if k[0] == self.app.COMMAND_PALETTE_BINDING)

    def on_resize(self) -> None:
        self._retries = 0
        self.call_after_refresh(self.fit)

    def on_show(self) -> None:
        self._retries = 0
        self.call_after_refresh(self.fit)

    def line(self) -> KeyLine | None:
        """The keys' one widget, when they are drawn as one."""
        return next((child for child in self.children if isinstance(child, KeyLine)), None)

    def line_keys(self, bindings=None) -> list[Key] | None:
        """The keys Textual's footer would show, as :class:`Key` (the first key of each action,
        in order); ``None`` when a group of keys would need its label (then Textual's widgets)."""
        keys: dict[str, Key] = {}
        groups: list[object] = []
        for _, binding, enabled, tooltip in (bindings or self.screen.active_bindings).values():
            if not binding.show or binding.action in keys:
                continue
            keys[binding.action] = Key(binding.key, self.app.get_key_display(binding), binding.description,
                                       binding.action, enabled, tooltip)
            groups.append(binding.group)
        if any(group is not None and group is after for group, after in pairwise(groups)):
            return None
        return list(keys.values())

    def compose(self):
        """Textual's keys, each made compact before it is mounted: Textual's footer makes each
        one compact once mounted, which styles it a second time (a fifth of a screen shown).

        With :attr:`one_line`, one :class:`~.key_line.KeyLine` stands for them all, beside
        Textual's palette key: both composed with the screen's widgets, the keys the screen
        has now (when it is shown, :meth:`show_keys` gives the line the keys it has then)."""
        from textual.widgets._footer import FooterKey

        bindings = self.screen.active_bindings if self.one_line else None
        keys = self.line_keys(bindings) if bindings is not None else None
        if keys is not None and bindings is not None:
            self._laid_out = self.keys()
            yield KeyLine(keys)
        # (a generator to the end: Textual's compose puts the keys of a group inside its widget)
        for widget in self._palette_key(bindings) if keys is not None else super().compose():
            if self.compact and isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)  # styled once, when mounted
            yield widget

    def _palette_key(self, bindings):
        """The palette key, as Textual's footer composes it."""
        from textual.widgets._footer import FooterKey

        app = self.app
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in bindings:
            _, binding, enabled, _tooltip = bindings[app.COMMAND_PALETTE_BINDING]
            yield FooterKey(binding.key, app.get_key_display(binding), binding.description, binding.action,
                            classes="-command-palette", disabled=not enabled,
                            tooltip=binding.tooltip or binding.description)

    def _redraw_line(self, keys: tuple) -> bool:
        """Give the line the screen's keys (``keys``, see :meth:`keys`), all shown until fitted;
        ``False`` when they need widgets built anew (no line, a labelled group, another palette key)."""
        line = self.line()
        new = self.line_keys() if line is not None else None
        if line is None or new is None or self._palette(keys) != self._palette(self._laid_out):
            return False
        self._laid_out = keys
        line.show_keys(new, frozenset(range(len(new))))
        return True

    async def recompose(self) -> None:
        """New keys (another screen, a key turned on or off): lay them out, then fit them."""
        self._laid_out = self.keys() if self._bindings_ready and self.is_attached else None
        self._widths, self._guessed = {}, {}
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

    def fit(self, predict: bool = False) -> None:
        """Show as many keys as fit beside the palette key, dropping the least needed first;
        ``predict``: before the keys' first layout, with the widths it will give them (they
        are measured again after it, and fitted again if a guess was wrong)."""
        predicted: dict[Widget, int] = {}
        if predict:
            predicted = self._guessed = self._predicted()
        if not self.is_mounted or not (self.size.width or predicted) or not self.screen.is_active:
            return  # a screen under another is not laid out: it fits again when it is back in front
        line = self.line()
        if line is not None:
            self._fit_line(line, predicted)
            return
        units = self.units()
        for unit in units:
            for widget in unit:
                if widget not in self._widths and widget not in predicted and widget.display:
                    if not widget.outer_size.width and self._retries < RETRIES:
                        # not laid out yet: measure after the next frame, a few times at most (a key
                        # with no width, or a footer on a screen behind another, would ask forever:
                        # every frame, on every screen installed, is what idle CPU and `a` cost)
                        self._retries += 1
                        self.call_after_refresh(self.fit)
                        return
                    self._widths[widget] = widget.outer_size.width + widget.styles.margin.width
        widths = {**self._guessed, **self._widths, **predicted}
        palette = sum(predicted.get(c, c.outer_size.width) for c in self.children if c.has_class("-command-palette"))
        room = (predicted.get(self) or self.size.width) - palette - 1
        width = {id(unit[0]): sum(widths.get(w, 0) for w in unit) for unit in units}
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

    def _fit_line(self, line: KeyLine, predicted: dict[Widget, int]) -> None:
        """:meth:`fit` for keys drawn as one line: the same choice, from the keys' own widths."""
        palettes = [c for c in self.children if c.has_class("-command-palette")]
        palette = sum(predicted.get(c) or c.outer_size.width for c in palettes)
        if palettes and not palette and self._retries < RETRIES:
            self._retries += 1  # (the palette key not laid out yet: after the next frame)
            self.call_after_refresh(self.fit)
            return
        room = (predicted.get(self) or self.size.width) - palette - 1
        keep, used = set(), 0
        for k in sorted(range(len(line.keys)), key=lambda k: (-rank(line.keys[k].action), k)):
            width = line.width_of(k)
            if used + width <= room:  # the most needed first, left to right within a rank
                keep.add(k)
                used += width
        line.show_keys(line.keys, frozenset(keep))

    def _predicted(self) -> dict[Widget, int]:
        """The widths the first layout will give the footer (its own, under the screen's width)
        and its keys (with their margins, as :meth:`fit` counts them); empty when the footer is
        not right under the screen or a width cannot be worked out (then it waits for a layout)."""
        width = self.app.size.width
        if self.parent is not self.screen or not width or self.styles.width is None:
            return {}
        size, viewport = self.app.size, self.app.viewport_size
        try:
            # Asked as Textual's layout will ask (a docked footer, then its keys in a row), so
            # that the layout finds the answers in the widgets' caches instead of working them out again.
            footer = int(self._get_box_model(size, viewport, Fraction(size.width), Fraction(size.height)).width)
            found: dict[Widget, int] = {self: footer}
            shown = [child for child in self.children if child.display]
            docked = [child for child in shown if child.styles.dock in ("left", "right")]  # the palette key
            for child in docked:
                found[child] = int(child._get_box_model(Size(footer, 1), viewport, Fraction(footer), Fraction(1)).width)
            inner = Size(footer - sum(found[child] + child.styles.margin.width for child in docked), 1)  # what's left
            for child in shown:
                if child not in found and not isinstance(child, KeyLine):  # (the line: its own widths)
                    margin_width, margin_height = child.styles.margin.totals
                    box = child._get_box_model(inner, viewport, Fraction(inner.width - margin_width),
                                               Fraction(1 - margin_height)).width
                    found[child] = int(box) + child.styles.margin.width
        except (AttributeError, TypeError):  # a Textual that measures widgets otherwise: measure after the layout
            return {}
        return found if all(found.values()) else {}

    @staticmethod
    def _rank(unit: list[Widget]) -> int:
        action = getattr(unit[0], "action", None)
        if action is None:  # a group of keys: its first key says
            action = next((getattr(key, "action", "") for key in unit[0].children), "")
        return rank(str(action))
