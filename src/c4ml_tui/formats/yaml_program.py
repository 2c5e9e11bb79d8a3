"""Our YAML program format: bytes in, a :class:`Program` out, every problem as ``FILE:LINE``.

A valid program is read fast, an item at a time from the parser's events (``yaml_stream``);
when that reader meets anything unusual or any problem, the file is read the thorough way:
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
    from . import yaml_nodes, yaml_stream

    if _text_there(content) and not yaml_nodes.too_many_values(content):
        program = yaml_stream.read(content, source, digest)  # a valid program, read fast; else None
        if program is not None:
            return program
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise ProgramError([Problem(source, line, f"not UTF-8 text (byte 0x{content[error.start]:02x}); "
                                                  "save the file as UTF-8")]) from None
    if not text.strip():
        raise ProgramError([Problem(source, 1, "the file is empty")])
    return read_thoroughly(text, source, digest)


def _text_there(content: bytes, piece: int = 32_768) -> bool:
    """Whether ``content`` is UTF-8 text that is not only blank space, checked a piece at a time:
    the fast reader reads the bytes, so a big file is never held twice (as bytes and as text)."""
    import codecs

    decode = codecs.getincrementaldecoder("utf-8")().decode
    blank = True
    try:
        for at in range(0, len(content), piece):
            text = decode(content[at:at + piece])
            blank = blank and not text.strip()
        decode(b"", True)
    except UnicodeDecodeError:
        return False
    return not blank


def read_thoroughly(text: str, source: str, digest: str) -> Program:
    """The program in ``text`` read the thorough way (the whole document composed, then
    checked), which says every problem; raises :class:`ProgramError`."""
    from . import yaml_nodes
    from .yaml_rules import Reader

    data, problems = yaml_nodes.load(text, source)
    reader = Reader(source, {p.line for p in problems})
    program = None if data is None else reader.program(data, source, digest)
    problems = sorted(problems + reader.problems, key=lambda p: p.line)
    if problems or program is None:
        raise ProgramError(problems or [Problem(source, 1, "the program could not be read")])
    return program
