"""Every command reads its program through the one loader, with its size cap: ``/dev/zero``
(endless bytes) is refused in one line, never read until memory runs out."""

from __future__ import annotations

import os

import pytest
from core_helpers import run

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")


@pytest.mark.parametrize("args", [
    ["validate", "/dev/zero"],
    ["now", "--program", "/dev/zero"],
    ["agenda", "--program", "/dev/zero"],
    ["import", "/dev/zero"],
    ["search", "x", "--program", "/dev/zero"],
    ["export", "ics", "--program", "/dev/zero"],
])
def test_endless_input_is_refused_in_one_line(args):
    result = run(*args, timeout=30)
    assert result.returncode == 2
    assert result.stderr == "/dev/zero: is larger than 64 MB: not a program file\n"
    assert result.stdout == ""
