"""The footer of every screen: one widget that draws its line itself, as Textual's compact footer.

Textual's footer is a scrollable container with a widget per key and the palette key docked
right: each composed, styled, mounted, laid out and drawn, again whenever the screen's keys
change (a fifth of the rooms board's first frame on 38C3). Its keys also run off the right edge
(under the palette key, which leaves stray letters). :class:`KeyFooter` is one widget with no
children: it reads the screen's keys when they change (``refresh_bindings``, a focus moved),
keeps those that fit beside the palette key, least needed first to go (:func:`rank`: the keys
that open another screen from anywhere, then the screen's own from the right; Escape, ``?``
and ``q`` last), and draws them with the segments Textual's widgets give
(:func:`~.key_line.draw`). A key under the mouse is drawn in ``FooterKey:hover``'s colours and
shows its tooltip; a click presses it (a disabled key rings the bell); the palette key opens the
palette. Its CSS type names include ``Footer``: a rule for Textual's footer (the stage app's
``StageScreen Footer``, a maximized view's) finds it.
"""

from __future__ import annotations

from itertools import groupby

from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from .framed import Kept
from .key_line import Key, Look, Span, Unit, draw, keys_of, palette_width

ESSENTIAL = ("back", "help", "quit")
"""Actions that stay in the footer while anything else can go: how to get back, help, out."""
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


class KeyFooter(Kept, Widget, can_focus=False):
    """The screen's keys in one line that never runs off the edge (see the module's docstring).
    Docked, it is drawn in every frame of its screen: its line is kept while unchanged (:class:`Kept`)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer-key--label", "footer-key--border",
                         "footer-key--hover", "footer-key--item"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        & > .footer-key--item { background: $footer-item-background; }
        & > .footer-key--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        & > .footer-key--description {
            color: $footer-description-foreground; background: $footer-description-background;
        }
        & > .footer-key--label { color: $footer-description-foreground; background: $footer-description-background; }
        & > .footer-key--border { color: $foreground 20%; }
        & > .footer-key--hover { color: $footer-key-foreground; background: $block-hover-background; }
    }
    """

    def __init__(self, *, one_line: bool = False) -> None:
        super().__init__()
        self._css_types.add("Footer")  # (see the end of the module)
        self.one_line = one_line
        """Draw the cell between two keys in the keys' colours, as the line of keys that stood
        for Textual's keys on the agenda and the rooms board did (the same look as before)."""
        self.units: list[Unit] = []
        """The screen's keys, in the screen's order (see :meth:`read_keys`)."""
        self.palette: Key | None = None
        self.shown: frozenset[int] = frozenset()
        """The indexes of the units shown (see :meth:`fit`)."""
        self.pointed: int | None = None
        """The key under the mouse (an index of :func:`~.key_line.keys_of`)."""
        self._over_line = False
        """The mouse over the keys' part of a ``one_line`` footer (where the ``KeyLine`` widget
        stood: Textual's ``FooterKey:hover`` gave the cells between its keys the key's colour)."""
        self.spans: list[Span] = []
        """Where each key shown is drawn (see :data:`~.key_line.Span`)."""
        self._read: tuple | None = None
        """What the screen's keys were when last read (unchanged: nothing to fit or draw)."""
        self._stale = True
        self._fitted_to = -1
        self._look: tuple[bool, Look] | None = None
        self._line: tuple[tuple, Strip] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        """The screen's keys may have changed (a focus moved, a key turned on or off): read
        them when the line is next drawn (Textual sends many of these: 14 as an agenda is shown)."""
        if not screen.app.app_focus or screen is not self.screen:
            return  # (Textual's footer too: no keys of an app without focus)
        if not self._stale:
            self._stale = True
            self.refresh()

    async def show_keys(self) -> None:
        """Read the screen's keys now (a screen in its first ``ScreenResume``, its widgets ready:
        its first frame holds them)."""
        if self.is_attached:
            self.read_keys()

    def read_keys(self, drawing: bool = False) -> None:
        """The screen's keys as Textual's footer would show them: the first key of each action
        with ``show``; actions of one group side by side as a group with its label (``drawing``:
        asked by :meth:`render_line`, which draws them now)."""
        self._stale = False
        bindings = self.screen.active_bindings
        keys = tuple((b.key, b.description, b.action, b.show, enabled, tooltip, b.group)
                     for _, b, enabled, tooltip in bindings.values())
        if keys == self._read:
            return
        self._read = keys
        app = self.app
        firsts: dict[str, tuple] = {}
        for _, binding, enabled, tooltip in bindings.values():
            if binding.show and binding.action not in firsts:
                firsts[binding.action] = (binding, enabled, tooltip)
        units: list[Unit] = []
        for group, members in groupby(firsts.values(), lambda member: member[0].group):
            found = list(members)
            if group is not None and len(found) > 1:
                units.append(Unit(tuple(Key(b.key, app.get_key_display(b), "", b.action, enabled,
                                            tooltip or b.description) for b, enabled, tooltip in found),
                                  group.description))
            else:
                units += [Unit((Key(b.key, app.get_key_display(b), b.description, b.action, enabled, tooltip),))
                          for b, enabled, tooltip in found]
        self.units = units
        self.palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in bindings:
            _, binding, enabled, _tooltip = bindings[app.COMMAND_PALETTE_BINDING]
            self.palette = Key(binding.key, app.get_key_display(binding), binding.description, binding.action,
                               enabled, binding.tooltip or binding.description)
        self._fitted_to = -1
        if self.pointed is not None:
            self.pointed, self.tooltip = None, None
        if not drawing:
            self.refresh()

    def fit(self) -> None:
        """Show as many keys as fit beside the palette key, dropping the least needed first
        (left to right within a rank): the same choice as Textual's widgets measured would give."""
        width = self.size.width
        self._fitted_to = width
        room = width - palette_width(self.palette) - 1
        keep, used = set(), 0
        for k in sorted(range(len(self.units)), key=lambda k: (-rank(self.units[k].keys[0].action), k)):
            needs = self.units[k].width()
            if used + needs <= room:
                keep.add(k)
                used += needs
        self.shown = frozenset(keep)

    def look(self) -> Look:
        """The styles of the line's parts (worked out again when the styles change)."""
        one_line = self.one_line and all(unit.label is None for unit in self.units)
        if self._look is None or self._look[0] != one_line:
            style = self.get_component_rich_style
            base = self.rich_style
            blank = Style(bgcolor=base.bgcolor)
            item = base + Style(bgcolor=style("footer-key--item").bgcolor)
            self._look = (one_line, Look(item, blank, item if one_line else blank, style("footer-key--key"),
                                         style("footer-key--description"), style("footer-key--label"),
                                         Style(color=style("footer-key--border").color, bgcolor=base.bgcolor),
                                         style("footer-key--hover")))
        return self._look[1]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None
        self._line = None

    def render_line(self, y: int) -> Strip:
        if self._stale and self.is_attached:
            self.read_keys(drawing=True)
        width = self.size.width
        if width != self._fitted_to:
            self.fit()
        look = self.look()
        if self._over_line and look.gap is look.base:
            look = look._replace(gap=look.base + Style(color=look.hover.color))
        key = (self.units, self.palette, self.shown, self.pointed, width, look)
        if self._line is None or self._line[0] != key:
            segments, self.spans = draw(self.units, self.shown, self.palette, width, look, self.pointed)
            strip = Strip(segments)
            self._line = (key, strip if strip.cell_length <= width else strip.crop(0, width))
        return self._line[1]

    def every_key(self) -> list[Key]:
        """Every key of the line, shown or not, then the palette key (the indexes of :attr:`spans`)."""
        return keys_of(self.units, self.palette)

    def text(self) -> str:
        """The line as it reads, left of the palette key (``⏎ Open n Now … q Quit``)."""
        text = "".join(segment.text for segment in self.render_line(0))
        return text.split("▏")[0].strip() if self.palette is not None else text.strip()

    def key_at(self, x: int) -> int | None:
        """The index of the key drawn at cell ``x`` (see :meth:`every_key`)."""
        return next((index for start, end, index in self.spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_pointed(self.key_at(event.x))
        keys = [end for _, end, index in self.spans if self.every_key()[index] is not self.palette]
        over_line = self.one_line and bool(keys) and event.x < max(keys)
        if over_line != self._over_line:
            self._over_line = over_line
            self.refresh()

    def on_leave(self) -> None:
        self._set_pointed(None)
        if self._over_line:
            self._over_line = False
            self.refresh()

    def _set_pointed(self, pointed: int | None) -> None:
        if pointed == self.pointed:
            return
        self.pointed = pointed
        key = self.every_key()[pointed] if pointed is not None else None
        self.tooltip = (key.tooltip or None) if key is not None else None  # (as FooterKey: a tooltip if any)
        self.styles.pointer = "pointer" if key is not None else "default"  # (FooterKey:hover's)
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        index = self.key_at(event.x)
        if index is None:
            return
        key = self.every_key()[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


# A rule for Textual's footer finds this one too (``StageScreen Footer { display: none; }``, a
# maximized view's ``ALLOW_IN_MAXIMIZED_VIEW``): Textual names a widget's CSS types by its classes
# (the names a selector matches, and each widget's names its rules are looked up by).
KeyFooter._css_type_names = KeyFooter._css_type_names | {"Footer"}
