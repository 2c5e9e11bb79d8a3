"""A problem in an input file, printed as ``FILE:LINE: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at a line (1-based; 0 for the file as a whole)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # about the whole file (missing, unreadable)
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"
