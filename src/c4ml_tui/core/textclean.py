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

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` without control characters, lone surrogates and bidi overrides; newlines and tabs
    kept."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def is_clean(text: str) -> bool:
    """Whether :func:`clean` would leave ``text`` as it is."""
    return "\r" not in text and _CONTROL.search(text) is None
