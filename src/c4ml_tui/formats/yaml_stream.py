"""The fast way to read a valid program: from the C parser's events, one schedule item at a time.

``yaml_nodes`` composes the whole document into nodes, walks them once for aliases and again to
build plain data, and only then are the rules applied: at 100,000 talks that held over a
gigabyte. Here the plain data (the same ``Map`` and ``Seq``, with the same lines and raw texts)
is built straight from the parser's events, and each entry of ``schedule:`` is handed to the
rules (``yaml_rules.Reader.items``) as soon as it is read, then dropped: only the model grows
with the file.

It reads only what needs no judgement. Anything else (an anchor or alias, a tag, a merge key, a
duplicate key, nesting past ``yaml_nodes.MAX_DEPTH``, a second document, a YAML error, a value
the constructor refuses, or any problem the rules find) stops it with ``None``, and the caller
reads the file again the thorough way (``yaml_nodes`` then ``yaml_rules``), which says every
problem with its line. So a valid program reads fast, and a broken one reads exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from ..core.model import Event, Item, Program, Speaker
from .yaml_nodes import _SCALAR_TAGS, MAX_DEPTH, MAX_NODES, Map, Seq, _Loader
from .yaml_rules import Reader

_Parser = getattr(yaml, "CParser", None) or getattr(getattr(yaml, "cyaml", None), "CParser", None)
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_PLAIN = (None, "!")
"""The tags of a value written without one (``!`` alone asks for no resolution either)."""
_RESOLVERS = getattr(_Loader, "yaml_implicit_resolvers", Resolver.yaml_implicit_resolvers)
_CONSTRUCTORS = yaml.constructor.SafeConstructor.yaml_constructors


class _Thorough(Exception):
    """Something the fast reader leaves to the thorough one (see the module's docstring)."""


def available() -> bool:
    """Whether PyYAML was built with libyaml (else only the thorough reader runs)."""
    return _Parser is not None


def read(content: bytes | str, source: str, digest: str) -> Program | None:
    """The program in ``content`` (UTF-8 without a byte-order mark, or text), or ``None`` when it
    must be read the thorough way (anything unusual, any problem)."""
    if _Parser is None:
        return None
    try:
        return _Stream(content, source).program(digest)
    except _Thorough:
        return None
    except Exception:  # noqa: BLE001 - a YAML error, a bad value...: the thorough reader says what
        return None


class _Stream:
    def __init__(self, content: bytes | str, source: str):
        self.source = source
        parser: Any = _Parser
        self.next: Callable[[], Any] = parser(content).get_event
        self.constructor = yaml.constructor.SafeConstructor()
        self.nodes = 1
        """Values and keys read (``yaml_nodes`` refuses a document of more than ``MAX_NODES``)."""

    # -- the document --------------------------------------------------------------------------
    def program(self, digest: str) -> Program:
        if type(self.next()) is not StreamStartEvent or type(self.next()) is not DocumentStartEvent:
            raise _Thorough
        root = self.next()
        if type(root) is not MappingStartEvent or root.anchor is not None or root.tag not in (*_PLAIN, _MAP):
            raise _Thorough
        top = self._map(root)
        reader = Reader(self.source)
        streamed: tuple[list[Item], Event, dict[str, Speaker]] | None = None
        while True:
            k = self.next()
            if type(k) is MappingEndEvent:
                break
            key = self._key(k, top)
            v = self.next()
            self._note(top, key, k, v)
            self.nodes += 2
            if (key == "schedule" and type(v) is SequenceStartEvent and v.anchor is None
                    and v.tag in (*_PLAIN, _SEQ) and "event" in top):
                # the event (its day and zone) and the speakers come first, as they usually do:
                # each item is read and checked as soon as the parser gets to it
                empty = top[key] = Seq()
                empty.line, empty.lines, empty.raw = top.value_lines[key], [], []
                streamed = self._items(reader, top)
            elif key == "speakers" and streamed is not None:
                raise _Thorough  # the items were checked without them
            else:
                top[key] = self._value(v, 1)
        if type(self.next()) is not DocumentEndEvent or type(self.next()) is not StreamEndEvent:
            raise _Thorough  # a second document: the thorough reader says so
        if self.nodes >= MAX_NODES:
            raise _Thorough
        if streamed is None:
            program = reader.program(top, self.source, digest)
        else:
            items, event, speakers = streamed
            reader.keys(top, "the program", ("event", "speakers", "schedule", "chair"), ("event", "schedule"))
            chair = reader.chair(top)
            program = None if reader.problems else reader.finish(event, items, speakers, chair, self.source, digest)
        if reader.problems or program is None:
            raise _Thorough
        return program

    def _items(self, reader: Reader, top: Map) -> tuple[list[Item], Event, dict[str, Speaker]]:
        event = reader.event(top)
        speakers = reader.speakers(top)
        if event is None or reader.problems:
            raise _Thorough
        items = reader.items(self._entries(reader), event.date, event.tz, event.room, speakers, event.day_change)
        return items, event, speakers

    def _entries(self, reader: Reader) -> Iterator[tuple[Map, int]]:
        """Each entry of ``schedule:`` as it is read; stops at the first problem."""
        while True:
            e = self.next()
            if type(e) is SequenceEndEvent:
                return
            if type(e) is not MappingStartEvent:
                raise _Thorough
            entry = self._value(e, 2)
            if reader.problems:
                raise _Thorough
            yield entry, entry.line

    # -- values --------------------------------------------------------------------------------
    def _value(self, e, depth: int):
        if depth > MAX_DEPTH or e.anchor is not None:
            raise _Thorough
        kind = type(e)
        if kind is ScalarEvent:
            return self._scalar(e)
        if kind is MappingStartEvent:
            if e.tag not in _PLAIN and e.tag != _MAP:
                raise _Thorough
            m = self._map(e)
            depth += 1
            while True:
                k = self.next()
                if type(k) is MappingEndEvent:
                    return m
                key = self._key(k, m)
                v = self.next()
                self._note(m, key, k, v)
                self.nodes += 2
                m[key] = self._value(v, depth)
        if kind is SequenceStartEvent:
            if e.tag not in _PLAIN and e.tag != _SEQ:
                raise _Thorough
            seq = Seq()
            lines: list[int] = []
            raw: list[str | None] = []
            seq.line = e.start_mark.line + 1
            seq.lines, seq.raw = lines, raw
            depth += 1
            while True:
                v = self.next()
                if type(v) is SequenceEndEvent:
                    return seq
                self.nodes += 1
                lines.append(v.start_mark.line + 1)
                raw.append(v.value if type(v) is ScalarEvent else None)
                seq.append(self._value(v, depth))
        raise _Thorough  # an alias

    @staticmethod
    def _map(e) -> Map:
        m = Map()
        m.line, m.key_lines, m.value_lines, m.raw = e.start_mark.line + 1, {}, {}, {}
        return m

    @staticmethod
    def _key(k, m: Map) -> str:
        """A key as ``yaml_nodes`` reads it: its text (whatever its tag), never a merge key, once."""
        if type(k) is not ScalarEvent or k.anchor is not None:
            raise _Thorough
        key = k.value
        if (key == "<<" and k.implicit[0]) or k.tag == "tag:yaml.org,2002:merge" or key in m.key_lines:
            raise _Thorough
        return key

    @staticmethod
    def _note(m: Map, key: str, k, v) -> None:
        if type(v) is AliasEvent:
            raise _Thorough
        m.key_lines[key] = k.start_mark.line + 1
        m.value_lines[key] = v.start_mark.line + 1
        m.raw[key] = v.value if type(v) is ScalarEvent else None

    def _scalar(self, e):
        """What ``SafeConstructor`` makes of the scalar, resolved as the composer resolves it."""
        tag, value = e.tag, e.value
        if tag in _PLAIN:
            if not e.implicit[0]:  # quoted, or a block scalar: text
                return value
            tag = _STR
            for candidate, pattern in _RESOLVERS.get(value[:1], ()):
                if pattern.match(value):
                    tag = candidate
                    break
        if tag == _STR:
            return value
        if tag not in _SCALAR_TAGS:
            raise _Thorough
        return _CONSTRUCTORS[tag](self.constructor, ScalarNode(tag, value, e.start_mark, e.end_mark))
