"""The README's program-format examples load, and its now --json example is what now prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

from core_helpers import run_json, write

from c4ml_tui.program import load

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end > 0 else None]


def test_the_format_examples_are_valid(tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", section("The program format"), re.S)
    assert len(blocks) >= 2
    for n, block in enumerate(blocks):
        load(write(tmp_path, block, f"example{n}.yaml"), use_cache=False)


def test_the_now_json_example_is_what_now_prints():
    [block] = re.findall(r"```json\n(.*?)```", section("now --json"), re.S)
    assert json.loads(block) == run_json("now", "--at", "2025-03-02T09:15", "--json")
