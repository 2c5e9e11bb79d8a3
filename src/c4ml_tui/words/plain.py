"""Abstracts and descriptions as one plain line, for a search hit's "what matched" line: the
Markdown marks taken out (``**bold**``, ``[a link](https://...)``, ``# headings``, backticks,
list bullets), runs of spaces and line breaks made one space, and the highlighted spans moved
with the letters they cover. Pure: no Textual.
"""

from __future__ import annotations

import re

from ..core.search_hits import Span
from ..core.textfold import excerpt

_MARKS = re.compile(
    r"!?\[(?=[^\]\n]*\]\([^)\s]*\))"  # the "[" (or "![") of a link or image...
    r"|\]\([^)\s]*\)"                  # ...and its "](url)"
    r"|\*+|`+|~~"                      # emphasis, code, strike-through
    r"|(?<![^\s(])__|__(?![^\s).,;:!?])"  # __bold__ (not snake_case's)
    r"|(?m:^[ \t]*(?:#{1,6}|>|[-+*]|\d+\.)[ \t]+)"  # headings, quotes, bullets at a line's start
)


def plain(text: str, spans: tuple[Span, ...] = ()) -> tuple[str, tuple[Span, ...]]:
    """``text`` without Markdown marks and with its white space collapsed, and ``spans``
    (``[start, end)`` offsets into ``text``) moved to the same letters in the result."""
    keep = [True] * len(text)
    for mark in _MARKS.finditer(text):
        for k in range(mark.start(), mark.end()):
            keep[k] = False
    out: list[str] = []
    where = [0] * (len(text) + 1)  # offset in the result of each offset of ``text``
    for k, char in enumerate(text):
        where[k] = len(out)
        if not keep[k]:
            continue
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
    where[len(text)] = len(out)
    while out and out[-1] == " ":
        out.pop()
    moved = []
    for start, end in spans:
        a, b = where[max(0, min(start, len(text)))], min(where[max(0, min(end, len(text)))], len(out))
        if a < b:
            moved.append((a, b))
    return "".join(out), tuple(moved)


def window(text: str, spans: tuple[Span, ...], width: int) -> tuple[str, tuple[Span, ...]]:
    """A one-line window of about ``width`` cells around the first span of the plain ``text``;
    a match near the end fills the window from the end back (``…Until It Finally Mentions
    Zebras``, not ``…Zebras``)."""
    flat, moved = plain(text, spans)
    cut, cut_spans = excerpt(flat, moved, width)
    if not (cut.startswith("…") and not cut.endswith("…") and len(cut) < width - 1):
        return cut, cut_spans
    lo = max(0, len(flat) - (width - 1))
    space = flat.find(" ", lo, lo + 15)
    lo = space + 1 if space >= 0 else lo
    shift = 1 - lo
    return "…" + flat[lo:], tuple((max(s, lo) + shift, e + shift) for s, e in moved if e > lo)
