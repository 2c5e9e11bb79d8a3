"""Shared fixtures. Every test runs with its own data, cache and config folders: no test ever
touches a real user's favourites, chair marks, cache or settings; so tests run in parallel
(pytest-xdist, ``-n`` in pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check answers, not speed: no per-example deadline, which a busy machine (or a
# parallel run) would miss for reasons that have nothing to do with the code under test.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")
# The fuzz tests of the readers (tests/test_fuzz_readers.py): a bounded run in the suite, a longer
# one by hand (C4ML_FUZZ=fuzz-long; see docs/reliability.md). No deadline: a loaded 2-core machine.
settings.register_profile("fuzz", deadline=None, max_examples=25, derandomize=False, database=None)
settings.register_profile("fuzz-long", deadline=None, max_examples=2000)

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "program.yaml"
SCHEDULES = ROOT.parent / "shared" / "data" / "schedules"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("C4ML_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("C4ML_TUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("C4ML_TUI_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def _times_shown_the_default_way():
    """``core.fmt.show`` is process-wide (a command or the app sets it once): each test starts
    with the event's zone and a 24-hour clock, and leaves it so."""
    from c4ml_tui.core import fmt

    before = fmt.show()
    yield
    fmt.restore(before)
    fmt.show()


@pytest.fixture
def server():
    """A fictional schedule (``httpserver.V1``) served on 127.0.0.1 for this test, stopped after."""
    from httpserver import ScheduleServer

    running = ScheduleServer()
    yield running
    running.stop()


@pytest.fixture
def c4ml():
    """The bundled C4ML 2025 program."""
    from c4ml_tui.sources.loader import load

    return load(BUNDLED, use_cache=False)
