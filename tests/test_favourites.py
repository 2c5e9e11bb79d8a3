"""Favourites: per-program storage, atomic and forgiving; "My day" with clashes."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from c4ml_tui.core.identity import program_key
from c4ml_tui.core.model import Event, Item, Program, Talk, replace
from c4ml_tui.core.myday import missing, my_day
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.sources.loader import load
from c4ml_tui.store.favourites import Favourites

FICTIONAL = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


@pytest.fixture(scope="module")
def program():
    return load(FICTIONAL, use_cache=False)


def data_dir() -> Path:
    return Path(os.environ["C4ML_TUI_DATA_DIR"])


# -- the key ---------------------------------------------------------------------------------------
def test_key_is_title_and_date(program):
    assert program_key(program) == "fictional-workshop-on-imaginary-compilers-2031-03-29"


def test_key_ignores_source_and_digest_but_not_title_or_date(program):
    moved = replace(program, source="/elsewhere/renamed.yaml", digest="edited")
    assert program_key(moved) == program_key(program)
    other_year = replace(program, event=replace(program.event, date=date(2032, 3, 29)))
    retitled = replace(program, event=replace(program.event, title="Another Imaginary Workshop"))
    assert len({program_key(program), program_key(other_year), program_key(retitled)}) == 3


def test_key_for_non_latin_titles_is_safe_and_distinct(program):
    a = replace(program, event=replace(program.event, title="虚构编译器研讨会"))
    b = replace(program, event=replace(program.event, title="虚构会议"))
    assert program_key(a) != program_key(b)
    for key in (program_key(a), program_key(b)):
        assert key.isascii() and "/" not in key and key.startswith("event-2031-03-29-")
    long = replace(program, event=replace(program.event, title="Imaginary " * 20))
    assert len(program_key(long)) < 90


# -- storage ---------------------------------------------------------------------------------------
def test_stars_persist_in_the_data_folder(program):
    favs = Favourites.load(program)
    assert len(favs) == 0 and favs.warning is None
    favs.star("t-zoe")
    favs.star("keynote")
    favs.star("t-zoe")  # twice is once
    assert favs.toggle("t-gc") is True
    assert favs.toggle("keynote") is False
    path = data_dir() / "programs" / program_key(program) / "favourites.json"
    assert favs.path == path and path.exists()
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["starred"] == ["t-zoe", "t-gc"] and stored["format"] == 1
    again = Favourites.load(program)
    assert again.ids == ("t-zoe", "t-gc") and "t-gc" in again and "keynote" not in again
    again.unstar("t-zoe")
    assert Favourites.load(program).ids == ("t-gc",)
    assert not list(path.parent.glob("*.tmp"))  # atomic writes leave no temporary files


def test_two_conferences_never_mix(program):
    other = replace(program, event=replace(program.event, title="Another Imaginary Workshop"))
    Favourites.load(program).star("t-zoe")
    Favourites.load(other).star("t-ada")
    assert Favourites.load(program).ids == ("t-zoe",)
    assert Favourites.load(other).ids == ("t-ada",)


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b'["a list"]',
                                     b'{"starred": "t-zoe"}', b"null"])
def test_a_corrupt_file_is_set_aside_with_a_warning(program, content):
    path = data_dir() / "programs" / program_key(program) / "favourites.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    favs = Favourites.load(program)
    assert favs.ids == ()
    if content == b"null":  # valid JSON, but no stars: still set aside, never trusted
        assert favs.warning
    assert favs.warning and "fresh" in favs.warning
    kept = list(path.parent.glob(f"{path.name}.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    favs.star("t-zoe")
    assert Favourites.load(program).ids == ("t-zoe",)


def test_a_failed_save_warns_and_keeps_the_stars(program, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    favs = Favourites.load(program, folder=blocker / "favourites")
    favs.star("t-zoe")
    assert "t-zoe" in favs
    assert favs.warning and "could not save" in favs.warning


# -- My day ----------------------------------------------------------------------------------------
def test_my_day_in_time_order_with_clashes(program):
    day = my_day(program, ["keynote", "t-zoology", "t-ada", "session-a", "t-zoe", "gone"])
    assert [e.id for e in day] == ["session-a", "t-zoe", "t-zoology", "t-ada", "keynote"]
    by_id = {e.id: e for e in day}
    # t-zoology (09:30-10:00, room Ω) overlaps session A and both its starred talks
    assert set(by_id["t-zoology"].clashes) == {"session-a", "t-zoe", "t-ada"}
    assert by_id["t-zoe"].clashes == ("t-zoology",)  # not its own session
    assert by_id["session-a"].clashes == ("t-zoology",)
    assert not by_id["keynote"].clash
    assert by_id["t-zoe"].parent.id == "session-a" and by_id["keynote"].parent is None
    assert missing(program, ["keynote", "gone"]) == ["gone"]


def test_touching_entries_do_not_clash(program):
    day = my_day(program, ["t-zoe", "t-ada", "break-1", "session-a"])
    assert all(not e.clash for e in day)


def test_my_day_for_one_day_and_with_expected_times(program):
    starred = ["keynote", "t-dst", "night-owls"]
    # Night Owls Hacking starts at 01:00 on the 30th: before the 04:00 change-over, so it is
    # part of the 29th, the conference day it rounds off.
    assert [e.id for e in my_day(program, starred, day=date(2031, 3, 30))] == ["t-dst"]
    assert [e.id for e in my_day(program, starred, day=date(2031, 3, 29))][-1] == "night-owls"
    assert my_day(program, ["night-owls"])[0].day == date(2031, 3, 29)
    tz = program.tz
    late = {"keynote": (datetime(2031, 3, 29, 11, 30, tzinfo=tz), datetime(2031, 3, 29, 12, 30, tzinfo=tz))}
    entry = my_day(program, ["keynote", "lunch"], timeline=Timeline(program, expected=late))
    assert entry[0].start.hour == 11 and entry[0].start.minute == 30
    assert entry[0].clashes == ("lunch",)  # the delay pushes the keynote into lunch


_TZ = ZoneInfo("Europe/Berlin")
_T0 = datetime(2031, 3, 29, 8, 0, tzinfo=_TZ)


@given(st.lists(st.tuples(st.integers(0, 600), st.integers(1, 180)), min_size=1, max_size=12))
def test_clashes_are_exactly_the_overlapping_pairs(windows):
    items = tuple(Item(f"i{k}", f"Item {k}", _T0 + timedelta(minutes=s), _T0 + timedelta(minutes=s + d), room=f"r{k}")
                  for k, (s, d) in enumerate(windows))
    program = Program(Event("Hypothetical", _T0.date(), "Europe/Berlin"), items)
    day = my_day(program, [i.id for i in items])
    assert [e.start for e in day] == sorted(e.start for e in day)
    by_id = {e.id: e for e in day}
    for a in items:
        for b in items:
            overlap = a is not b and a.start < b.end and b.start < a.end
            assert (b.id in by_id[a.id].clashes) == overlap


def test_a_talk_inside_its_starred_session_is_no_clash():
    talk = Talk("t", "Talk", _T0, _T0 + timedelta(minutes=20))
    session = Item("s", "Session", _T0, _T0 + timedelta(hours=1), talks=(talk,))
    program = Program(Event("Hypothetical", _T0.date(), "Europe/Berlin"), (session,))
    assert [e.clashes for e in my_day(program, ["t", "s"])] == [(), ()]
