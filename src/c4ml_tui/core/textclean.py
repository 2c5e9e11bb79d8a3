"""One rule for every string that comes from outside (program files, imports, URLs, user files,
server replies): nothing in it may drive a terminal or break printing.

:func:`clean` removes C0 control characters (except tab and newline; a carriage return becomes
a newline), DEL and the C1 controls (U+0080-U+009F, which include the one-character CSI U+009B),
lone surrogates (``"\\ud800"`` from a JSON or YAML escape: they cannot be encoded, so printing
one would crash), the line and paragraph separators, and the bidi embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069), which would reorder what follows them on the screen.
The readers apply it before anything is stored; the commands apply it again to every line they
print, as a last guard.
"""

from __future__ import annotations

import re

_CONTROLS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""What :func:`clean` removes. Python counts every one of these characters as not printable, so
a printable string (most lines) is clean as it is: the pattern is compiled (~1 ms, a fair part
of a ``now``) only for the first string that is not."""
_control: re.Pattern[str] | None = None


def _pattern() -> re.Pattern[str]:
    global _control
    if _control is None:
        _control = re.compile(_CONTROLS)
    return _control


def clean(text: str) -> str:
    """``text`` without control characters, lone surrogates and bidi overrides; newlines and tabs
    kept."""
    if text.isprintable():
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _pattern().sub("", text)


def is_clean(text: str) -> bool:
    """Whether :func:`clean` would leave ``text`` as it is."""
    return text.isprintable() or ("\r" not in text and _pattern().search(text) is None)
