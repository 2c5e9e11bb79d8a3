"""Our YAML program format: bytes in, a :class:`Program` out, every problem as ``FILE:LINE``.

``yaml_nodes`` reads the YAML as plain data with the line of every key and value;
``yaml_rules`` checks that data against the format and builds the model. All problems are
collected, not just the first.
"""

from __future__ import annotations

from ..core.model import Program
from .problems import Problem, ProgramError


def read(content: bytes, source: str, digest: str) -> Program:
    """Parse a program file's bytes. Raises :class:`ProgramError` listing every problem."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise ProgramError([Problem(source, line, f"not UTF-8 text (byte 0x{content[error.start]:02x}); "
                                                  "save the file as UTF-8")]) from None
    if not text.strip():
        raise ProgramError([Problem(source, 1, "the file is empty")])
    from . import yaml_nodes
    from .yaml_rules import Reader

    data, problems = yaml_nodes.load(text, source)
    reader = Reader(source, {p.line for p in problems})
    program = None if data is None else reader.program(data, source, digest)
    problems = sorted(problems + reader.problems, key=lambda p: p.line)
    if problems or program is None:
        raise ProgramError(problems or [Problem(source, 1, "the program could not be read")])
    return program
