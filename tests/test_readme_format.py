"""The documented program-format examples validate, and the documented now --json example is
what now prints (docs/program-format.md and docs/now-json.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from core_helpers import run, run_json, write

DOCS = Path(__file__).resolve().parents[1] / "docs"


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_the_format_examples_are_valid(tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", page("program-format.md"), re.S)
    assert len(blocks) >= 2
    for n, block in enumerate(blocks):
        result = run("validate", str(write(tmp_path, block, f"example{n}.yaml")))
        assert result.returncode == 0, result.stderr
        assert "ok" in result.stdout


def test_the_now_json_example_is_what_now_prints():
    [block] = re.findall(r"```json\n(.*?)```", page("now-json.md"), re.S)
    assert json.loads(block) == run_json("now", "--at", "2025-03-02T09:15", "--json")
