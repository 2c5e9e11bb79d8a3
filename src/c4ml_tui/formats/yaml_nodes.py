"""Read YAML as plain data only, remembering the line of every key and value.

PyYAML's safe loader still keeps the last of two duplicate keys silently, expands aliases without
limit and builds sets and binary objects. Here the document is composed into nodes (the C
composer where present) and walked by hand: only mappings, lists and plain scalars are built,
every problem is collected with its line, and alias expansion is bounded.
"""

from __future__ import annotations

import yaml

from .problems import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SCALAR_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp")
}
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000
MAX_NODES = 5_000_000
MAX_MARKS = 2_500_000
"""Marks that may start a value (``:``, ``- ``, ``,``, ``[``, ``{``), counted on the text before it
is composed: every node costs about 340 bytes, so 50 MB of ``- a`` would pass a gigabyte. The
count is close to the number of nodes: 38C3 written as a program has 35,903 for 35,725 nodes;
a 40,000-event program about 1,400,000."""


class Map(dict):
    """A mapping that knows the line of itself, of each key and of each value."""

    line: int
    key_lines: dict
    value_lines: dict
    raw: dict
    """The source text of each scalar value, before YAML 1.1 resolved it (``8:30`` is 510)."""


class Seq(list):
    """A list that knows its line and the line (and raw text) of each element."""

    line: int
    lines: list
    raw: list


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.file, node.start_mark.line + 1, message))

    def build(self, node: yaml.Node, depth: int = 0):
        if depth > MAX_DEPTH:
            self.problem(node, f"nesting deeper than {MAX_DEPTH} levels")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.problem(node, f"the tag {_short(node.tag)} is not allowed: only plain data is read")
                return None
            seq = Seq()
            seq.line, seq.lines, seq.raw = node.start_mark.line + 1, [], []
            for child in node.value:
                seq.append(self.build(child, depth + 1))
                seq.lines.append(child.start_mark.line + 1)
                seq.raw.append(child.value if isinstance(child, yaml.ScalarNode) else None)
            return seq
        if node.tag != "tag:yaml.org,2002:map":
            self.problem(node, f"the tag {_short(node.tag)} is not allowed: only plain data is read")
            return None
        mapping = Map()
        mapping.line, mapping.key_lines, mapping.value_lines, mapping.raw = node.start_mark.line + 1, {}, {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, "merge keys (<<) are not supported: write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "a key must be plain text")
                continue
            key = key_node.value
            if key in mapping.key_lines:
                self.problem(
                    key_node, f"duplicate key {key!r} (first at line {mapping.key_lines[key]})"
                )
                continue
            mapping.key_lines[key] = key_node.start_mark.line + 1
            mapping.value_lines[key] = value_node.start_mark.line + 1
            mapping.raw[key] = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
            mapping[key] = self.build(value_node, depth + 1)
        return mapping

    def scalar(self, node: yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, f"the tag {_short(node.tag)} is not allowed: only plain data is read")
            return None
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as error:
            detail = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.problem(node, f"{node.value!r} cannot be read: {detail}")
            return None


def _short(tag: str) -> str:
    """``!!python/object`` rather than ``tag:yaml.org,2002:python/object``: as it was written."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def too_many_values(text: str | bytes) -> bool:
    """Whether ``text`` (or its UTF-8 bytes: the count is the same) has more marks that may
    start a value than :data:`MAX_MARKS`."""
    if isinstance(text, bytes):
        return sum(text.count(mark) for mark in (b":", b"- ", b"-\n", b",", b"[", b"{")) > MAX_MARKS
    return sum(text.count(mark) for mark in (":", "- ", "-\n", ",", "[", "{")) > MAX_MARKS


def load(text: str, file: str) -> tuple[object, list[Problem]]:
    """Parse ``text``; return the plain data and every problem found (data is None on failure)."""
    if too_many_values(text):
        return None, [Problem(file, 1, f"too large for a program: more than {MAX_MARKS:,} values (a program of "
                                       "40,000 events has about 1,400,000)")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or "invalid YAML"
        if error.context:
            start = error.context_mark.line + 1 if error.context_mark else line
            where = f" started at line {start}" if start != line else ""
            what = f"{what} ({error.context}{where})"
        return None, [Problem(file, line, f"YAML syntax error: {what}")]
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL, ...)
        char = error.character if isinstance(error.character, str) else chr(error.character)
        # the C reader counts bytes, the Python one characters: find the character instead
        first = text.find(char)
        line = text.count("\n", 0, first if first >= 0 else error.position) + 1
        return None, [Problem(file, line, f"the character U+{ord(char):04X} is not allowed in YAML text")]
    except yaml.YAMLError as error:
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        return None, [Problem(file, 1, f"YAML error: {detail}")]
    if node is None:
        return None, [Problem(file, 1, "the file is empty")]
    sizes, cycle = _expanded_sizes(node)
    if cycle is not None:
        return None, [Problem(file, cycle.start_mark.line + 1, "an alias refers to itself")]
    expanded = sizes[id(node)]
    if expanded > len(sizes) + MAX_ALIAS_NODES or expanded > MAX_NODES:
        line = _culprit(node, sizes).start_mark.line + 1
        return None, [Problem(file, line, f"aliases here expand to more than {MAX_ALIAS_NODES:,} "
                                          "values (an alias bomb?): write the data out")]
    builder = _Builder(file)
    data = builder.build(node)
    return data, builder.problems


def _culprit(node: yaml.Node, sizes: dict[int, int]) -> yaml.Node:
    """The smallest part of the document that still expands past the limit: where to look."""
    while not isinstance(node, yaml.ScalarNode):
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else node.value
        big = max(children, key=lambda c: sizes[id(c)], default=None)
        if big is None or sizes[id(big)] <= MAX_ALIAS_NODES:
            return node
        node = big
    return node


def _expanded_sizes(root: yaml.Node) -> tuple[dict[int, int], yaml.Node | None]:
    """Return (the size of each node once aliases are expanded, by id; a node that contains
    itself, or None).

    Iterative and memoised on node identity, so it is linear in the size of the file even for a
    document built to expand exponentially.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        if isinstance(node, yaml.MappingNode):
            children = [c for pair in node.value for c in pair]
        else:
            children = list(node.value)
        if done:
            on_path.discard(key)
            sizes[key] = min(1 + sum(sizes[id(c)] for c in children), 10 * MAX_NODES)
            continue
        if key in sizes:
            continue
        on_path.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in on_path:
                return sizes, child
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes, None
