"""bench/gen_program.py makes valid, deterministic, fictional programs of any size."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from core_helpers import parse  # noqa: E402
from gen_program import generate  # noqa: E402


@pytest.mark.parametrize("talks, days, rooms", [(0, 1, 1), (1, 1, 1), (17, 1, 1), (250, 2, 3), (590, 1, 1)])
def test_generated_programs_are_valid(talks, days, rooms):
    program = parse(generate(talks, days, rooms).encode(), "generated.yaml")
    assert program.talk_count == talks
    if talks >= days * rooms:  # every day and room gets talks
        assert len(program.days) == days and len(program.rooms) == rooms
    assert "Fictional" in program.event.title


def test_generation_is_deterministic_and_uses_every_time_form():
    text = generate(300, 2, 2)
    assert text == generate(300, 2, 2) and text != generate(300, 2, 2, seed=1)
    assert re.search(r"^    start: \d{1,2}:\d\d$", text, re.M)  # unquoted: a number to YAML 1.1
    assert 'start: "07:00"' in text and 'start: "2031-06-11 07:00"' in text


def test_too_many_talks_for_the_days_and_rooms():
    with pytest.raises(ValueError, match="add days or rooms"):
        generate(100_000, 1, 1)


def test_runnable_as_a_script():
    result = subprocess.run([sys.executable, str(BENCH / "gen_program.py"), "--talks", "20", "--days", "1",
                             "--rooms", "2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and parse(result.stdout.encode(), "x.yaml").talk_count == 20
