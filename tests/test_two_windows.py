"""Two windows on one program (issue 11, cases 8 and 10): two real processes starring entries or
marking the chair's log at the same moment both keep everything they saved; orphan temporary
files of interrupted writes are cleaned up, a write in progress is not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from conftest import BUNDLED

from c4ml_tui.sources.loader import load
from c4ml_tui.store import atomic
from c4ml_tui.store.chairlog import ChairLog, log_path
from c4ml_tui.store.favourites import Favourites

STAR = """
import sys, time
from pathlib import Path
from c4ml_tui.sources.loader import load
from c4ml_tui.store.favourites import Favourites
program = load(sys.argv[1])
favs = Favourites.load(program)
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
for n in range(40):
    favs.star(f"{sys.argv[3]}-{n}")
assert favs.warning is None, favs.warning
"""

MARK = """
import sys, time
from datetime import datetime, timedelta
from pathlib import Path
from c4ml_tui.sources.loader import load
from c4ml_tui.store.chairlog import ChairLog
program = load(sys.argv[1])
log = ChairLog.load(program)
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
at = datetime(2025, 3, 2, 9, 0, tzinfo=program.tz)
for n in range(20):
    log.nudge(f"{sys.argv[3]}-{n}", 1, at + timedelta(minutes=n))
assert log.save_error is None, log.save_error
"""


def _at_once(tmp_path, script: str) -> None:
    """Run ``script`` in two processes (``left`` and ``right``) that start writing together."""
    go = tmp_path / "go"
    load(BUNDLED)  # the parse cache, warm: both start as fast
    procs = [subprocess.Popen([sys.executable, "-c", script, str(BUNDLED), str(go), side],
                              stderr=subprocess.PIPE, text=True) for side in ("left", "right")]
    time.sleep(0.5)  # both loaded and waiting (they wait for as long as it takes)
    go.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err


def test_two_processes_starring_at_once_keep_all_eighty_stars(tmp_path):
    _at_once(tmp_path, STAR)
    program = load(BUNDLED)
    ids = Favourites.load(program).ids
    assert sorted(ids) == sorted(f"{side}-{n}" for side in ("left", "right") for n in range(40))
    assert [f"left-{n}" for n in range(40)] == [i for i in ids if i.startswith("left")]  # each in its order


def test_two_processes_marking_at_once_keep_all_forty_marks(tmp_path):
    _at_once(tmp_path, MARK)
    program = load(BUNDLED)
    marks = ChairLog.load(program).marks
    assert sorted(m.id for m in marks) == sorted(f"{side}-{n}" for side in ("left", "right") for n in range(20))
    assert all(m.kind == "nudge" and m.minutes == 1 for m in marks)


def test_a_window_sees_the_other_windows_stars_when_it_saves(c4ml):
    mine, theirs = Favourites.load(c4ml), Favourites.load(c4ml)
    mine.star("t-zoe")
    theirs.star("t-ada")  # read the file again under the lock: t-zoe kept
    mine.unstar("t-zoe")  # ... and t-ada kept here
    assert Favourites.load(c4ml).ids == ("t-ada",) == mine.ids


def test_undo_takes_back_this_windows_last_mark_not_the_other_windows(c4ml):
    from datetime import datetime

    at = datetime(2025, 3, 2, 9, 0, tzinfo=c4ml.tz)
    mine, theirs = ChairLog.load(c4ml), ChairLog.load(c4ml)
    mine.mark_start("opening", at)
    theirs.mark_start("session-1", at)  # the last mark in the file
    taken = mine.undo()
    assert taken is not None and taken.id == "opening"
    assert [m["id"] for m in json.loads(log_path(c4ml).read_text())["marks"]] == ["session-1"]
    assert [m.id for m in mine.marks] == ["session-1"]


def test_orphan_temp_files_are_removed_by_the_next_write_and_a_fresh_one_is_not(c4ml):
    favs = Favourites.load(c4ml)
    favs.star("t-zoe")
    folder = favs.path.parent
    orphan = folder / ".favourites.json.k2j4h1.tmp"  # a kill -9 an hour ago
    orphan.write_text('{"starred": [')
    hour_ago = time.time() - 3600
    os.utime(orphan, (hour_ago, hour_ago))
    in_flight = folder / ".favourites.json.p9q8r7.tmp"  # another process writing right now
    in_flight.write_text("{")
    other = folder / ".chair.json.z1.tmp"  # another file's: its own write cleans it
    other.write_text("{")
    os.utime(other, (hour_ago, hour_ago))
    favs.star("t-ada")
    assert not orphan.exists()
    assert in_flight.exists() and other.exists()
    assert atomic.remove_orphans(log_path(c4ml)) == 1 and not other.exists()
