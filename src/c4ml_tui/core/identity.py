"""One identity per program, for everything the user keeps about it (stars, chair marks,
reminders fired) and for the UIDs of exported calendar entries.

The key is the event's title and first date, folded to a file-name-safe slug:
``compilers-for-machine-learning-2025-03-02``. It is not the file's digest (an organiser's edit
changes that) nor its path or URL (renaming, moving or re-downloading the file keeps your data),
so two conferences never mix while edits, moves and URL refreshes keep what you made. Renaming
the event or moving its date starts afresh (the old data stays where it was).

The *version* of a program is the digest of its source bytes: two copies with one key and two
versions are an edit of the same program.
"""

from __future__ import annotations

import re

from .model import Program
from .textfold import fold

_NOT_SLUG = r"[^a-z0-9]+"
_WORD = r"[\W_]+"
_ASCII_SLUG = str.maketrans({chr(c): " " for c in range(128) if not ("a" <= chr(c) <= "z" or "0" <= chr(c) <= "9")})
"""ASCII text to its slug's words (``now`` works out a key on every start: no pattern to compile)."""


def program_key(program: Program) -> str:
    """A stable, file-name-safe key for ``program``: ``<title slug>-<event date>``.

    A title cut at 60 characters, or with letters that are not Latin (they fold to nothing in
    the slug), gets a short hash of the folded title appended, so two such events on one day
    still differ."""
    folded = fold(program.event.title)
    if folded.isascii():  # what the patterns below give, for ASCII (every word is Latin)
        whole = "-".join(folded.translate(_ASCII_SLUG).split())
        latin = True
    else:
        whole = re.sub(_NOT_SLUG, "-", folded).strip("-")
        latin = re.sub(_WORD, "", folded) == re.sub(_NOT_SLUG, "", folded)
    slug = whole[:60].strip("-")
    key = f"{slug or 'event'}-{program.event.date.isoformat()}"
    if slug != whole or not latin:
        import hashlib

        key += "-" + hashlib.sha256(folded.encode()).hexdigest()[:8]
    return key


def program_version(program: Program) -> str:
    """The digest of the program's source bytes (empty for a program built in memory)."""
    return program.digest
