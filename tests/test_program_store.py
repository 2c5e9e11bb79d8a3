"""``c4ml-tui now`` reads only the items around the instant from the program's store
(``sources/program_store.py``): its answer must be the one the whole program gives, at every
instant, with and without the chair's marks, in one room or all, on real schedules."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timedelta

import pytest
from conftest import BUNDLED, ROOT, SCHEDULES

from c4ml_tui import cli
from c4ml_tui.commands.now import as_json, as_line
from c4ml_tui.core.delays import at_instant
from c4ml_tui.core.filters import only_room
from c4ml_tui.core.marks import Mark
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.sources import loader, program_store
from c4ml_tui.sources.loader import load, open_view

FIXTURES = ROOT / "tests" / "fixtures"
REAL = [(SCHEDULES / "38c3.xml", None), (SCHEDULES / "fosdem-2021.xml", "Europe/Brussels")]


@pytest.fixture(autouse=True)
def every_file_takes_the_store(monkeypatch):
    """These tests are about the store: the small files they use take its path too (a file up
    to ``loader.SMALL_FILE`` is otherwise read whole: see the last tests here)."""
    monkeypatch.setattr(loader, "SMALL_FILE", -1)


def _answer(program, marks, now):
    expected = at_instant(program, marks, now).expected if marks else {}
    tl = Timeline(program, expected=expected)
    snap = tl.at(now)
    return as_json(tl, snap), as_line(tl, snap, program)


def _instants(program, step_minutes: int):
    first = min(i.start for i in program.items) - timedelta(hours=3)
    last = max(i.end for i in program.items) + timedelta(hours=3)
    moment = first
    while moment <= last:
        yield moment
        moment += timedelta(minutes=step_minutes)


def _marks(program):
    """A chair's marks on two days: one item started late and ended later, one talk started
    early, a nudge (what a busy day of chairing leaves)."""
    items = [i for i in program.items if i.kind not in ("break", "lunch")]
    days = sorted({i.day for i in items})
    chosen = [next(i for i in items if i.day == d) for d in days[:2]]
    marks = []
    for item in chosen:
        marks.append(Mark("start", item.id, item.start + timedelta(minutes=7)))
        marks.append(Mark("end", item.id, item.end + timedelta(minutes=12)))
    later = items[min(3, len(items) - 1)]
    marks.append(Mark("nudge", later.id, later.start - timedelta(minutes=5), 1))
    return tuple(marks)


def _same_everywhere(path, step_minutes: int, *, with_marks: bool, rooms: int = 2, zone=None):
    whole = load(path, zone)
    view = open_view(path, zone)
    assert isinstance(view, program_store.Stored)
    marks = _marks(whole) if with_marks else ()
    checked = 0
    for now in _instants(whole, step_minutes):
        part = view.around(now, [m.id for m in marks])
        assert len(part.items) <= len(whole.items)
        assert _answer(part, marks, now) == _answer(whole, marks, now), now
        for room in whole.rooms[:rooms]:
            narrowed = view.around(now, [m.id for m in marks], room)
            assert _answer(narrowed, marks, now) == _answer(only_room(whole, room), marks, now), (now, room)
        checked += 1
    return checked


@pytest.mark.parametrize("name", ["fictional.yaml", "multiday.yaml", "dst_fall.yaml", "dst_spring.yaml"])
def test_a_slice_answers_as_the_whole_program_on_fixtures(name):
    assert _same_everywhere(FIXTURES / name, 5, with_marks=False) > 10
    assert _same_everywhere(FIXTURES / name, 5, with_marks=True) > 10


def test_a_slice_answers_as_the_whole_bundled_program():
    assert _same_everywhere(BUNDLED, 1, with_marks=True) > 600  # every minute of the day and around it


@pytest.mark.parametrize(("path", "zone"), REAL, ids=lambda p: getattr(p, "name", ""))
def test_a_slice_answers_as_the_whole_of_a_real_schedule(path, zone):
    if not path.exists():
        pytest.skip("the real schedules are not here")
    assert _same_everywhere(path, 47, with_marks=True, rooms=3, zone=zone) > 50


def test_a_slice_reads_only_what_is_around_the_instant():
    path = SCHEDULES / "38c3.xml"
    if not path.exists():
        pytest.skip("the real schedules are not here")
    whole = load(path)
    view = open_view(path)
    part = view.around(datetime.fromisoformat("2024-12-28T14:20:00+01:00"))
    assert len(whole.items) > 900
    # what runs, and in each room what is next and its first and last item
    assert len(part.items) <= 4 * len(whole.rooms) < len(whole.items) / 3
    titles = {i.title for i in part.items}
    assert "Mittelhochdeutsche Literatur lesen" in titles  # on at 14:20 (the schedule says 14:20-14:50)
    assert part.rooms == whole.rooms and part.days == whole.days


def test_now_finds_an_id_and_a_talk_through_the_store(capsys):
    assert cli.main(["now", "--json", "--at", "session-1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["now"] == "2025-03-02T08:40:00-08:00" and out["current"]["id"] == "session-1"


def _file(tmp_path, text: str, name: str = "p.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))  # older than the "racy" window: its note is written
    return path


def test_an_unchanged_file_is_not_read_again_and_an_edited_one_is(tmp_path, capsys, monkeypatch):
    path = _file(tmp_path, BUNDLED.read_text(encoding="utf-8"))
    assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0
    assert "now: Opening (08:30-08:40" in capsys.readouterr().out
    notes = list((tmp_path / "cache" / "programs").glob("path-*.txt"))
    assert len(notes) == 1
    # the note matches: the file is not read at all
    from c4ml_tui.sources import loader

    def refuse(source):
        raise AssertionError(f"{source} was read")

    with monkeypatch.context() as patched:
        patched.setattr(loader, "read_file", refuse)
        assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0
    assert "now: Opening (08:30-08:40" in capsys.readouterr().out
    edited = BUNDLED.read_text(encoding="utf-8").replace("title: Opening", "title: Opening (a fictional edit)")
    path.write_text(edited, encoding="utf-8")  # same second, other size: the note no longer matches
    assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0
    assert "Opening (a fictional edit)" in capsys.readouterr().out


def test_a_file_changed_within_the_same_second_and_size_is_read_again(tmp_path, capsys):
    text = BUNDLED.read_text(encoding="utf-8")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")  # just written: too fresh to note
    assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0
    capsys.readouterr()
    assert not list((tmp_path / "cache" / "programs").glob("path-*.txt"))
    path.write_text(text.replace("title: Opening", "title: OPENING"), encoding="utf-8")  # same size
    assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0
    assert "now: OPENING" in capsys.readouterr().out


def test_a_broken_file_behind_an_old_note_gives_its_problems(tmp_path, capsys):
    path = _file(tmp_path, BUNDLED.read_text(encoding="utf-8"))
    assert cli.main(["now", "--program", str(path)]) == 0
    capsys.readouterr()
    path.write_text("event: [\n", encoding="utf-8")
    assert cli.main(["now", "--program", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:") and "Traceback" not in err


@pytest.mark.parametrize("damage", ["garbage", "foreign", "truncated"])
def test_a_damaged_store_is_built_again(tmp_path, capsys, damage):
    path = _file(tmp_path, BUNDLED.read_text(encoding="utf-8"))
    assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0
    first = capsys.readouterr().out
    [store] = (tmp_path / "cache" / "programs").glob("*.program.sqlite")
    if damage == "garbage":
        store.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        store.write_bytes(store.read_bytes()[:3000])
    else:
        import sqlite3  # a store built for another parse

        db = sqlite3.connect(store)
        db.execute("UPDATE meta SET value = 'another' WHERE name = 'name'")
        db.commit()
        db.close()
    assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0
    out = capsys.readouterr()
    assert out.out == first and "Traceback" not in out.err
    assert cli.main(["now", "--program", str(path), "--at", "2025-03-02T08:35"]) == 0  # and built again
    assert capsys.readouterr().out == first


def test_a_read_only_cache_still_answers(tmp_path, capsys, monkeypatch):
    cache = tmp_path / "ro-cache"
    cache.mkdir()
    os.chmod(cache, 0o500)
    monkeypatch.setenv("C4ML_TUI_CACHE_DIR", str(cache))
    try:
        assert cli.main(["now", "--at", "2025-03-02T08:35"]) == 0
        assert "now: Opening (08:30-08:40" in capsys.readouterr().out
    finally:
        os.chmod(cache, 0o700)


def test_marks_on_another_day_are_not_unknown_to_a_slice(tmp_path, capsys):
    """The chair log's check ("mark ids not in the program") asks the store, not the slice."""
    path = _file(tmp_path, (FIXTURES / "multiday.yaml").read_text(encoding="utf-8"), "multi.yaml")
    whole = load(path)
    from c4ml_tui.store.chairlog import ChairLog

    first, last = whole.items[0], whole.items[-1]
    log = ChairLog.load(whole)
    log.mark_start(first.id, first.start)
    assert first.day != last.day
    assert cli.main(["now", "--program", str(path), "--at", last.start.isoformat()]) == 0
    assert "not in the program" not in capsys.readouterr().err


def _agenda(capsys, *argv) -> dict:
    assert cli.main(["agenda", "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("room", [None, "Saal 1"])
def test_agenda_of_one_day_is_that_day_of_the_whole_agenda(capsys, room):
    path = SCHEDULES / "38c3.xml"
    if not path.exists():
        pytest.skip("the real schedules are not here")
    narrow = ["--room", room] if room else []
    whole = _agenda(capsys, "--program", str(path), *narrow)
    assert [d["date"] for d in whole["days"]] == ["2024-12-27", "2024-12-28", "2024-12-29", "2024-12-30"]
    for number, day in enumerate(whole["days"], 1):
        by_number = _agenda(capsys, "--program", str(path), "--day", str(number), *narrow)
        assert by_number == dict(whole, days=[day])
        assert _agenda(capsys, "--program", str(path), "--day", day["date"], *narrow) == by_number
    assert cli.main(["agenda", "--program", str(path), "--day", "2", *narrow]) == 0
    text = capsys.readouterr().out
    assert "Saturday 28 December 2024" in text and "Friday 27 December" not in text
    assert "Illegal instructions by legals" in text  # 11:00 in Saal 1, on day 2


def test_agenda_today_follows_the_conference_day(capsys):
    """At 02:00 on Sunday the 29th, 38C3's conference day is still Saturday the 28th."""
    path = SCHEDULES / "38c3.xml"
    if not path.exists():
        pytest.skip("the real schedules are not here")
    out = _agenda(capsys, "--program", str(path), "--day", "today", "--at", "2024-12-29T02:00")
    assert [d["date"] for d in out["days"]] == ["2024-12-28"]
    out = _agenda(capsys, "--program", str(path), "--day", "tomorrow", "--at", "2024-12-29T02:00")
    assert [d["date"] for d in out["days"]] == ["2024-12-29"]


@pytest.mark.parametrize(("day", "says"), [
    ("2", "--day 2: the program has 1 day(s), numbered 1 to 1"),
    ("2025-03-03", "--day 2025-03-03: the program has nothing on 2025-03-03; its days: 2025-03-02"),
    ("someday", "--day 'someday': not a day; write today, tomorrow, a day's number (1 to 1) "
                "or a date such as 2025-03-02"),
])
def test_a_day_the_program_does_not_have_is_one_line_and_exit_2(capsys, day, says):
    assert cli.main(["agenda", "--day", day]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err == f"c4ml-tui: {says}\n"


def test_agenda_today_on_the_bundled_day(capsys):
    assert cli.main(["agenda", "--day", "today", "--at", "2025-03-02T11:00"]) == 0
    text = capsys.readouterr().out
    assert "Sunday 2 March 2025" in text and "08:30-08:40  Opening" in text


def test_a_small_file_is_read_whole_and_answers_as_its_store_does(tmp_path, monkeypatch):
    """The bundled program (3.5 KB) is read whole from the parse cache: no store is opened or
    built for it, and every answer is the store's, at every minute of the day."""
    monkeypatch.setattr(loader, "SMALL_FILE", 32 * 2**10)
    path = _file(tmp_path, BUNDLED.read_text(encoding="utf-8"))
    view = open_view(path)
    assert isinstance(view, program_store.Whole)
    assert not list(tmp_path.rglob("*.program.sqlite"))
    monkeypatch.setattr(loader, "SMALL_FILE", -1)
    stored = open_view(path)
    assert isinstance(stored, program_store.Stored)
    program = load(path)
    for now in _instants(program, 1):
        assert _answer(view.around(now), (), now) == _answer(stored.around(now), (), now)
    stored.close()


def test_a_small_files_now_does_not_import_sqlite(tmp_path):
    """What ``now`` on a small file skips is the point of reading it whole (docs/performance.md)."""
    import subprocess
    import sys

    code = ("import sys; from c4ml_tui import cli; cli.main(['now', '--json', '--at', '2025-03-02T10:40']); "
            "print(*(m in sys.modules for m in ('sqlite3', 'c4ml_tui.sources.program_store', 'c4ml_tui.store.chairlog',"
            " 'c4ml_tui.store.legacy')), file=sys.stderr)")
    env = {**os.environ, "C4ML_TUI_CACHE_DIR": str(tmp_path / "cache"), "C4ML_TUI_DATA_DIR": str(tmp_path / "data")}
    for _ in range(2):  # a cold parse, then the warm path every later start takes
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(done.stdout)["current"]["id"] == "session-2"
    assert done.stderr.split() == ["False"] * 4
