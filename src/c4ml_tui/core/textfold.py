"""Case- and accent-insensitive folding, with a way back to the original text.

Search compares folded text: NFKD, combining marks stripped, casefolded (so "Zoë" and "ZOE"
both fold to "zoe", "Straße" to "strasse", "ﬁ" to "fi"), plus a few letters that Unicode does not
decompose but readers treat as accented (ø, ł, đ, ı, æ, œ, þ). Folding works character by
character, so every folded character comes from exactly one original character: a match in
folded text maps back to a span of the original text (:func:`to_original`), which is what a UI
highlights.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_EXTRA = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
          "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k"}

_TABLE: dict[str, str] = {}
"""Character -> folded text for the non-ASCII characters seen so far: a memo of
:func:`fold_char` (folding is a pure function, so the memo changes no answer)."""
_UNALIGNED: set[str] = set()
"""Characters seen so far whose folded form is not exactly one character (ß, ﬁ, marks)."""

_NON_ASCII = r"[^\x00-\x7f]"
_NONWORD = r"\W"
"""Patterns for text that is not ASCII only (``re`` compiles them once, on first use: ``now``
folds an ASCII title and never needs them)."""
_ASCII_NONWORD = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or c == ord("_"))})


def fold_char(char: str) -> str:
    """The folded form of one character (possibly empty, possibly several characters)."""
    if char.isascii():
        return char.lower()
    import unicodedata  # here: its 1 MB library costs `now` ~1 ms to load, and ASCII never needs it

    text = char
    for _ in range(4):  # until stable: a casefold can expose a mark ("İ" -> "i" + dot)
        out = []
        for piece in unicodedata.normalize("NFKD", text).casefold().lower():
            for part in unicodedata.normalize("NFKD", piece):
                if not unicodedata.combining(part):
                    out.append(_EXTRA.get(part, part))
        folded = "".join(out)
        if folded == text:
            break
        text = folded
    return text


def _known(char: str) -> str:
    folded = _TABLE.get(char)
    if folded is None:
        folded = _TABLE[char] = fold_char(char)
        if len(folded) != 1:
            _UNALIGNED.add(char)
    return folded


def _replace(match: re.Match[str]) -> str:
    return _known(match.group())


def fold(text: str) -> str:
    """Fold ``text`` for comparison: ``fold("Zoë MÜLLER") == "zoe muller"``. Always the same
    as folding each character on its own and joining the results."""
    if text.isascii():
        return text.lower()
    return re.sub(_NON_ASCII, _replace, text).lower()


def is_aligned(text: str) -> bool:
    """Whether every character of ``text`` folds to exactly one character, so offsets in
    ``fold(text)`` are offsets in ``text`` (true for ASCII and for precomposed accents)."""
    return fold_aligned(text)[1]


def fold_aligned(text: str) -> tuple[str, bool]:
    """``(fold(text), is_aligned(text))`` in one pass."""
    if text.isascii():
        return text.lower(), True
    folded = re.sub(_NON_ASCII, _replace, text).lower()  # learns every character of text
    return folded, _UNALIGNED.isdisjoint(text)


def fold_map(text: str) -> tuple[str, list[int] | None]:
    """``(folded, starts)``: ``starts[k]`` is the index in ``text`` of the character that gave
    folded character ``k``, plus a last entry ``len(text)``. ``starts`` is ``None`` when the
    offsets are the same in both (see :func:`is_aligned`)."""
    if is_aligned(text):
        return fold(text), None
    parts: list[str] = []
    starts: list[int] = []
    for index, char in enumerate(text):
        folded = char.lower() if char.isascii() else _known(char)
        parts.append(folded)
        starts.extend([index] * len(folded))
    starts.append(len(text))
    return "".join(parts), starts


def to_original(starts: list[int] | None, a: int, b: int) -> tuple[int, int]:
    """Map the folded span ``[a, b)`` back to a span of the original text.

    The span grows to whole original characters: a match on the first "s" of "ß" covers "ß",
    and a match ending on "e" of a decomposed "e" + combining diaeresis covers the mark too, so
    a highlight never splits a character.
    """
    if starts is None:
        return a, b
    start = starts[a]
    end = starts[b]
    if b > a and end <= starts[b - 1]:  # the span ends inside one character's expansion
        k = bisect_right(starts, starts[b - 1], b)
        end = starts[k] if k < len(starts) else starts[-1]
    return start, end


def words_form(folded: str) -> str:
    """``folded`` with every non-word character replaced by a space, same length: used to
    test whether a match starts a word ("tuning" in "auto-tuning")."""
    if folded.isascii():
        return folded.translate(_ASCII_NONWORD)  # several times faster than the regex
    return re.sub(_NONWORD, " ", folded)


def merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sort spans and merge those that overlap or touch."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)


def excerpt(text: str, spans: tuple[tuple[int, int], ...], width: int = 100) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line window of ``text`` of about ``width`` characters around the first span, with
    the spans moved into it (``…`` marks a cut). Short texts come back whole, newlines as spaces."""
    flat = text.replace("\n", " ").replace("\t", " ")
    if len(flat) <= width:
        return flat, spans
    first = spans[0][0] if spans else 0
    lo = max(0, first - width // 4)
    if lo > 0:
        space = flat.rfind(" ", max(0, lo - 15), first)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(flat), lo + width)
    if hi < len(flat):
        space = flat.rfind(" ", lo + width // 2, hi)
        hi = space if space > 0 else hi
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(flat) else ""
    shift = len(head) - lo
    moved = tuple((max(s, lo) + shift, min(e, hi) + shift) for s, e in spans if s < hi and e > lo)
    return head + flat[lo:hi] + tail, moved
