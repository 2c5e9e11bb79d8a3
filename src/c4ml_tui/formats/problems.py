"""A problem in an input file, printed as ``FILE:LINE: message``; and the error that carries them.

(A record, not a named tuple: ``c4ml-tui now`` imports this module on every start, and
``typing`` alone would cost it a few milliseconds.)
"""

from __future__ import annotations

from ..core.records import record


@record
class Problem:
    """One thing wrong with a file, at a line (1-based; 0 for the file as a whole)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # about the whole file (missing, unreadable)
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class ProgramError(Exception):
    """A program could not be loaded; ``problems`` says every reason, one per line."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems
