"""A YAML program read fast (item by item from the parser's events, ``formats/yaml_stream``) is
the program the thorough reader gives, and a broken file says the same problems, line for line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from c4ml_tui.formats import read, yaml_stream
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.formats.yaml_program import read_thoroughly

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from gen_program import generate  # noqa: E402

pytestmark = pytest.mark.skipif(not yaml_stream.available(), reason="PyYAML without libyaml")

HEAD = """event:
  title: Fictional Workshop on Pretend Compilers
  date: 2031-06-10
  timezone: Europe/Berlin
speakers:
  - {id: ada, name: Ada Example}
  - {id: bo, name: Bo Placeholder}
"""

ITEMS = """schedule:
  - id: s1
    title: Opening
    start: 9:00
    end: "09:30"
    room: Hall
    speakers: [ada]
  - id: s2
    title: Session
    start: "09:30"
    end: "2031-06-10 11:00"
    room: Hall
    talks:
      - {id: t1, title: "Loops", start: "09:30", end: "10:00", speakers: [ada, bo]}
      - {id: t2, title: 'Tiles', start: "10:00", end: "11:00", abstract: "About tiles."}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ProgramError) as caught:
        read(text.encode(), "broken.yaml")
    return [str(p) for p in caught.value.problems]


def thorough_problems(text: str) -> list[str]:
    with pytest.raises(ProgramError) as caught:
        read_thoroughly(text, "broken.yaml", "")
    return [str(p) for p in caught.value.problems]


VALID = {
    "bundled": (ROOT / "src/c4ml_tui/program.yaml").read_text(encoding="utf-8"),
    "fixture": (ROOT / "tests/fixtures/fictional.yaml").read_text(encoding="utf-8"),
    "multiday": (ROOT / "tests/fixtures/multiday.yaml").read_text(encoding="utf-8"),
    "dst": (ROOT / "tests/fixtures/dst_fall.yaml").read_text(encoding="utf-8"),
    "generated": generate(600, days=2, rooms=3),
    "small": HEAD + ITEMS,
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_a_valid_program_reads_fast_and_the_same(name):
    text = VALID[name]
    fast = yaml_stream.read(text.encode(), f"{name}.yaml", "d")
    assert fast is not None, "the fast reader gave up on a plain valid program"
    assert fast == read_thoroughly(text, f"{name}.yaml", "d")
    assert fast.warnings == read_thoroughly(text, f"{name}.yaml", "d").warnings


@pytest.mark.parametrize("text", [
    ITEMS + HEAD,  # the schedule before the event: no item can be checked as it is read
    HEAD.replace("speakers:\n  - {id: ada, name: Ada Example}\n  - {id: bo, name: Bo Placeholder}\n", "")
    + ITEMS.replace(", speakers: [ada, bo]", "").replace("    speakers: [ada]\n", "")
    + "speakers:\n  - {id: ada, name: Ada Example}\n",  # speakers after the schedule
    HEAD + ITEMS.replace("    room: Hall\n    speakers", "    room: &hall Hall\n    speakers")
    .replace("room: Hall\n    talks", "room: *hall\n    talks"),  # an anchor and an alias
    "---\n" + HEAD + ITEMS + "...\n",
    HEAD + "chair: {wrap_up_minutes: 5}\n" + ITEMS + "x-note: ! plain text\n",
], ids=["schedule-first", "speakers-last", "alias", "document-marks", "chair-and-x-key"])
def test_unusual_but_valid_programs_read_as_before(text):
    program = read(text.encode(), "odd.yaml")
    assert program == read_thoroughly(text, "odd.yaml", program.digest)
    assert [i.title for i in program.items] == ["Opening", "Session"]
    assert program.items[1].talks[0].title == "Loops" and program.items[0].room == "Hall"


BROKEN = {
    "unknown key": (HEAD + ITEMS.replace("    room: Hall\n    talks", "    rom: Hall\n    talks"),
                    ["broken.yaml:19: unknown key 'rom' in a schedule item (did you mean 'room'?)"]),
    "bad time": (HEAD + ITEMS.replace('start: "10:00"', 'start: "10:70"'),
                 ["broken.yaml:22: talk 't2' 'start': '10:70' is not a time; write HH:MM (\"08:40\") or a local "
                  "date-time (\"2025-03-03 09:00\")"]),
    "syntax": (HEAD + ITEMS.replace('title: "Loops"', 'title: "Loops'), None),
    "duplicate key": (HEAD + ITEMS.replace("    title: Opening\n", "    title: Opening\n    title: Again\n"),
                      ["broken.yaml:11: duplicate key 'title' (first at line 10)"]),
    "unknown speaker": (HEAD + ITEMS.replace("speakers: [ada, bo]", "speakers: [ada, cy]"),
                        ["broken.yaml:21: unknown speaker id 'cy' (add it under speakers:)"]),
    "tag": (HEAD + ITEMS.replace("title: Opening", "title: !!python/object:os.system Opening"),
            ["broken.yaml:10: the tag !!python/object:os.system is not allowed: only plain data is read"]),
    "merge key": (HEAD + "base: &b {room: Hall}\n" + ITEMS.replace("    room: Hall\n    speakers", "    <<: *b\n"
                                                                  "    speakers"), None),
    "second document": (HEAD + ITEMS + "---\nevent: {}\n", None),
    "not a mapping": ("- just\n- a list\n", None),
    "schedule not a list": (HEAD + "schedule: tomorrow\n", None),
    "overlap": (HEAD + ITEMS.replace('end: "09:30"', 'end: "09:45"'), None),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_program_says_the_same_problems(name):
    text, expected = BROKEN[name]
    said = problems(text)
    assert said == thorough_problems(text) and said
    if expected is not None:
        assert said == expected


def test_a_problem_deep_in_a_big_program_is_said_at_its_line():
    text = generate(2000, days=1, rooms=10)
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if "id: t001500," in line)
    lines[at] = lines[at].replace('start: "', 'start: "x')
    said = problems("\n".join(lines) + "\n")
    assert len(said) == 1 and said[0].startswith(f"broken.yaml:{at + 1}: talk 't001500' 'start': 'x")
    assert said == thorough_problems("\n".join(lines) + "\n")


def test_too_deep_and_too_many_values_are_refused_as_before():
    deep = HEAD + ITEMS + "x-deep: " + "[" * 70 + "]" * 70 + "\n"
    assert problems(deep) == thorough_problems(deep)
    assert "nesting deeper than 64 levels" in problems(deep)[0]
    bomb = HEAD + ITEMS + "x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"x-{n}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(6))
    assert problems(bomb) == thorough_problems(bomb)
    assert "(an alias bomb?)" in problems(bomb)[0]
