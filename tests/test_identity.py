"""One identity per program for everything the user keeps: stars and chair marks live in one
folder per program, keyed by the event's title and first date, so renaming, moving or
re-downloading the file keeps them; data written by the older layout is carried over, never lost."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import timedelta
from pathlib import Path

from chair_fixtures import YAML, at, fictional
from core_helpers import run
from hypothesis import given
from hypothesis import strategies as st

from c4ml_tui.core.identity import program_key
from c4ml_tui.core.model import replace
from c4ml_tui.core.textfold import fold
from c4ml_tui.sources.loader import load
from c4ml_tui.store.chairlog import ChairLog, log_path
from c4ml_tui.store.favourites import Favourites
from c4ml_tui.store.paths import data_dir

PROGRAM = fictional()


def test_the_key_is_the_events_title_and_date():
    assert program_key(PROGRAM) == "fictional-workshop-on-imaginary-compilers-2031-05-14"


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
       | st.text(alphabet="Zoë Straße Ω東京 -_.:/ab12", max_size=80))
def test_a_keys_slug_is_the_titles_latin_words_joined_by_dashes(title):
    """An ASCII title's key is worked out without patterns (``now`` makes one on every start):
    it is the key the patterns give, which every other title still gets."""
    folded = fold(title)
    whole = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    slug = whole[:60].strip("-")
    expected = f"{slug or 'event'}-2031-05-14"
    if slug != whole or re.sub(r"[\W_]+", "", folded) != re.sub(r"[^a-z0-9]+", "", folded):
        expected += "-" + hashlib.sha256(folded.encode()).hexdigest()[:8]
    assert program_key(replace(PROGRAM, event=replace(PROGRAM.event, title=title))) == expected


def test_the_bundled_program_has_a_stable_key(c4ml):
    assert program_key(c4ml) == "compilers-for-machine-learning-2025-03-02"


def test_the_key_ignores_the_file_its_folder_its_content_and_a_url():
    for source in ("/somewhere/else/fictional.yaml", "C:\\talks\\renamed.yaml",
                   "https://example.invalid/schedule.json?x=1"):
        assert program_key(replace(PROGRAM, source=source, digest="changed")) == program_key(PROGRAM)


def test_another_event_or_date_is_another_key():
    renamed = replace(PROGRAM, event=replace(PROGRAM.event, title="Imaginary Symposium"))
    assert program_key(renamed) != program_key(PROGRAM)
    later = replace(PROGRAM.event, date=PROGRAM.event.date + timedelta(days=1))
    assert program_key(replace(PROGRAM, event=later)) != program_key(PROGRAM)


def test_a_title_without_latin_letters_gets_a_hashed_key():
    one = program_key(replace(PROGRAM, event=replace(PROGRAM.event, title="想像のコンパイラ")))
    two = program_key(replace(PROGRAM, event=replace(PROGRAM.event, title="架空のコンパイラ")))
    assert one != two and "2031-05-14" in one


def test_stars_and_marks_share_one_folder_per_program(tmp_path):
    favs = Favourites.load(PROGRAM)
    favs.star("a1")
    ChairLog.load(PROGRAM).mark_start("a1", at("09:17"))
    folder = tmp_path / "data" / "programs" / program_key(PROGRAM)
    assert sorted(p.name for p in folder.iterdir()) == ["chair.json", "favourites.json"]
    assert log_path(PROGRAM) == folder / "chair.json"


def test_renaming_the_file_keeps_the_chairs_marks_and_the_stars(tmp_path):
    first = tmp_path / "fictional.yaml"
    first.write_text(YAML, encoding="utf-8")
    program = load(first, use_cache=False)
    ChairLog.load(program).mark_start("a1", at("09:17"))
    Favourites.load(program).star("a2")
    renamed = tmp_path / "elsewhere" / "day-two-final.yaml"
    renamed.parent.mkdir()
    first.rename(renamed)
    again = load(renamed, use_cache=False)
    assert [m.id for m in ChairLog.load(again).marks] == ["a1"]
    assert Favourites.load(again).ids == ("a2",)


def test_the_now_command_sees_marks_after_a_rename(tmp_path):
    first = tmp_path / "fictional.yaml"
    first.write_text(YAML, encoding="utf-8")
    ChairLog.load(load(first, use_cache=False)).mark_start("a1", at("09:17"))
    renamed = tmp_path / "renamed.yaml"
    first.rename(renamed)
    result = run("now", "--program", str(renamed), "--at", "2031-05-14T09:20", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["delay_seconds"] == 7 * 60


def test_an_old_chair_log_is_carried_over_and_kept(tmp_path):
    """Until 0.1 the log was <data>/chair/<title>-<date>-<file name>.json."""
    old = data_dir() / "chair" / "fictional-workshop-on-imaginary-compilers-2031-05-14-fictional-yaml.json"
    old.parent.mkdir(parents=True)
    mark = {"kind": "start", "id": "a1", "at": "2031-05-14T09:17:00+02:00"}
    old.write_text(json.dumps({"version": 1, "program": {}, "marks": [mark]}), encoding="utf-8")
    log = ChairLog.load(PROGRAM)
    assert [m.id for m in log.marks] == ["a1"] and log.warnings == []
    assert old.exists(), "the old file stays where it was"
    assert json.loads(log_path(PROGRAM).read_text())["marks"] == [mark]


def test_an_old_log_under_another_file_name_is_found_too():
    old = data_dir() / "chair" / "fictional-workshop-on-imaginary-compilers-2031-05-14-renamed-yaml.json"
    old.parent.mkdir(parents=True)
    old.write_text(json.dumps({"version": 1, "marks": [
        {"kind": "start", "id": "a2", "at": "2031-05-14T09:45:00+02:00"}]}), encoding="utf-8")
    assert [m.id for m in ChairLog.load(PROGRAM).marks] == ["a2"]


def test_old_favourites_are_carried_over_and_kept():
    old = data_dir() / "favourites" / f"{program_key(PROGRAM)}.json"
    old.parent.mkdir(parents=True)
    old.write_text(json.dumps({"format": 1, "starred": ["a2", "a1"]}), encoding="utf-8")
    assert Favourites.load(PROGRAM).ids == ("a2", "a1")
    assert old.exists()
    assert Path(data_dir() / "programs" / program_key(PROGRAM) / "favourites.json").exists()
