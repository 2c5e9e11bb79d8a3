"""The footer's line, drawn as Textual's compact footer draws it: the same cells and segments.

Textual's footer is a scrollable container with a widget per key (fourteen on the agenda), a
widget per group of keys and its label, and the palette key docked right: each composed,
styled, mounted, laid out and drawn. :func:`draw` gives the segments those widgets give the
screen, for :class:`~.key_footer.KeyFooter`, which is one widget:

- a key: its key in the key's style, then a space and its description (``⏎ Open``); disabled,
  dim; under the mouse, in ``FooterKey:hover``'s colours;
- a group of keys (the chair's ``+-``): the keys side by side, then their label one cell apart;
- one cell of the footer's background after each key (its margin), and after the last, up to
  the palette key: the border of the palette key (``▏``), its key and description, one cell.

A line whose keys were one ``KeyLine`` widget (``one_line``: the agenda's, the rooms board's)
drew the cell between two keys in the keys' colours, where Textual's keys leave the footer's
background: :class:`Look` keeps both.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style


class Key(NamedTuple):
    """One key of the footer, as Textual's footer shows it (a key of a group: no description)."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class Unit(NamedTuple):
    """What the footer shows or hides as one: a key, or a group of keys with its label."""

    keys: tuple[Key, ...]
    label: str | None = None
    """A group's label (``Nudge``): the keys then draw without their descriptions."""

    def width(self) -> int:
        """Its cells, with the cell after it (the margin of Textual's key or the group's label)."""
        if self.label is None:
            key = self.keys[0]
            return cell_len(key.display) + (1 + cell_len(key.description) if key.description else 0) + 1
        return sum(cell_len(key.display) for key in self.keys) + cell_len(self.label) + 2


class Look(NamedTuple):
    """The styles of the line's parts, from the footer's component classes (see KeyFooter)."""

    base: Style
    """The footer's colours: a key's, under its parts."""
    blank: Style
    """The footer's background alone: the cells between and after the keys."""
    gap: Style
    """The cell after a key: ``blank``, or ``base`` on a line drawn as one ``KeyLine`` was."""
    key: Style
    description: Style
    label: Style
    border: Style
    """The palette key's border (``▏``)."""
    hover: Style
    """A key under the mouse: ``FooterKey:hover``'s colours over the footer."""


Span = tuple[int, int, int]
"""Where a key is drawn: its first cell, the cell after it, its index among :func:`keys_of`."""


def keys_of(units: list[Unit], palette: Key | None) -> list[Key]:
    """Every key of ``units`` in order, then the palette key: the indexes of :data:`Span`."""
    found = [key for unit in units for key in unit.keys]
    return [*found, palette] if palette is not None else found


def palette_width(palette: Key | None) -> int:
    """The palette key's cells (its border, key and description), without the cell after it."""
    if palette is None:
        return 0
    return 1 + cell_len(palette.display) + (1 + cell_len(palette.description) if palette.description else 0)


def _key(key: Key, look: Look, pointed: bool, description: bool = True) -> list[Segment]:
    """One key as ``FooterKey.render`` draws it (its style under the parts' own)."""
    style = look.base + Style(dim=True) if not key.enabled else look.base
    key_style, description_style = look.key, look.description
    if pointed:  # FooterKey:hover: the key's colours, the hover background under the parts
        over = Style(bgcolor=look.hover.bgcolor)
        style = style + Style(bgcolor=look.hover.bgcolor, color=look.hover.color)
        key_style, description_style = key_style + over, description_style + over
    found = [Segment(key.display, style + key_style)]
    if description and key.description:
        found.append(Segment(" " + key.description, style + description_style))
    return found


def _placed(segments: list[Segment], start: int) -> list[Segment]:
    """``segments`` with the offset of each in the widget Textual drew it in (``start`` is the
    offset of the first) in their styles' meta, as Textual's content has it: a screenshot taken
    with ``simplify`` joins only what Textual's widgets would have joined."""
    found = []
    for text, style, _ in segments:
        found.append(Segment(text, (style or Style()) + Style.from_meta({"offset": (start, 0)})))
        start += cell_len(text)
    return found


def draw(units: list[Unit], shown: frozenset[int], palette: Key | None, width: int, look: Look,
         pointed: int | None) -> tuple[list[Segment], list[Span]]:
    """The line ``width`` cells wide: the units whose index is in ``shown``, the palette key at
    the right edge; ``pointed``, the index of the key under the mouse (see :data:`Span`)."""
    segments: list[Segment] = []
    spans: list[Span] = []
    one_line = look.gap is not look.blank
    x = index = 0
    first = True
    for number, unit in enumerate(units):
        if number not in shown:
            index += len(unit.keys)
            continue
        if not first:
            segments += _placed([Segment(" ", look.gap)], x) if one_line else [Segment(" ", look.gap)]
            x += 1
        first = False
        for key in unit.keys:
            pieces = _key(key, look, index == pointed, description=unit.label is None)
            end = x + sum(cell_len(piece.text) for piece in pieces)
            spans.append((x, end, index))
            segments.extend(_placed(pieces, x if one_line else 0))  # (one KeyLine, or a widget per key)
            x, index = end, index + 1
        if unit.label is not None:  # the label, a cell of background either side (its margins)
            segments += [Segment(" ", look.blank), *_placed([Segment(unit.label, look.label)], 0)]
            x += 1 + cell_len(unit.label)
            if number == max(shown):
                continue
            segments.append(Segment(" ", look.blank))
            x += 1
            first = True  # (the label's margin is the cell after it)
    right = width - (palette_width(palette) + 1 if palette is not None else 0)
    if right > x:
        segments.append(Segment(" " * (right - x), look.blank))
        x = right
    if palette is not None:
        pointed_here = pointed == index
        border = look.border + Style(bgcolor=look.hover.bgcolor) if pointed_here else look.border
        pieces = _key(palette, look, pointed_here)
        spans.append((x, x + palette_width(palette), index))
        segments += [Segment("▏", border), *_placed(pieces, 0), Segment(" ", look.blank)]
    return segments, spans
