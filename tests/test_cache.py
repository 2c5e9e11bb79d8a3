"""The parse cache: keyed by the file's bytes, ignored when damaged, never stale after an edit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timezone
from pathlib import Path

import pytest
from core_helpers import FIXTURES, HEADER, bundled_path, write

from c4ml_tui.core.model import replace
from c4ml_tui.formats.model_json import program_from_dict, program_to_dict
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.sources import parse_cache as cache
from c4ml_tui.sources.loader import load
from c4ml_tui.store.paths import cache_dir, cache_folder

ONE = HEADER + "schedule:\n  - {id: a, title: First Title, start: \"09:00\", end: \"10:00\"}\n"


def entries() -> list[Path]:
    return sorted((cache_dir() / "programs").glob("*.json"))


def test_the_cache_folder_is_the_test_folder(tmp_path):
    assert cache_dir() == tmp_path / "cache" and cache_folder() == str(tmp_path / "cache")


def test_second_load_comes_from_the_cache(tmp_path):
    path = write(tmp_path, ONE)
    first = load(path)
    [entry] = entries()
    assert load(path) == first
    # prove the second load read the entry: doctor it (validly, checksum and all) and load again
    entry.write_bytes(cache.encode(replace(first, items=(replace(first.items[0], title="From The Cache"),))))
    assert load(path).items[0].title == "From The Cache"
    assert load(path, use_cache=False).items[0].title == "First Title"


@pytest.mark.parametrize("damage", ["", "{not json", "[]", '{"event": {}}', "\x00\x01", "null"])
def test_a_damaged_cache_entry_is_ignored_and_rewritten(tmp_path, damage):
    path = write(tmp_path, ONE)
    fresh = load(path)
    [entry] = entries()
    entry.write_text(damage, encoding="utf-8")
    assert load(path) == fresh
    assert body(entry)["items"][0]["title"] == "First Title"


def body(entry: Path) -> dict:
    """The JSON of a cache entry (after its header line)."""
    return json.loads(entry.read_bytes().partition(b"\n")[2])


def rewrite(entry: Path, data: dict, *, fix_checksum: bool) -> None:
    """Write ``data`` into ``entry``, with a checksum that matches it or the old one."""
    head, _, _ = entry.read_bytes().partition(b"\n")
    new = json.dumps(data).encode()
    if fix_checksum:
        head = cache.SCHEMA + b" " + cache.checksum(new)
    entry.write_bytes(head + b"\n" + new)


def end_before_start(data: dict) -> None:
    data["items"][0]["end"] = "2025-03-02T08:00:00-08:00"


DAMAGE = {
    "a title that became a number": lambda data: data["items"][0].update(title=5),
    "an end moved before its start": end_before_start,
    "an id that became empty": lambda data: data["items"][0].update(id=""),
    "an unknown kind": lambda data: data["items"][0].update(kind="party"),
    "a room that became a list": lambda data: data["items"][0].update(room=["Willow"]),
    "a time without its offset": lambda data: data["items"][0].update(start="2025-03-02T09:00:00"),
}


@pytest.mark.parametrize("fix_checksum", [False, True], ids=["bytes damaged", "checksum matches"])
@pytest.mark.parametrize("what", list(DAMAGE))
def test_a_damaged_entry_is_not_served_but_parsed_again(tmp_path, what, fix_checksum):
    """Issue 11, item 9: an entry whose title became 5 or whose end moved before its start was
    served as is. Whether or not its checksum was fixed up, the file is parsed again."""
    path = write(tmp_path, ONE)
    fresh = load(path)
    [entry] = entries()
    data = body(entry)
    DAMAGE[what](data)
    rewrite(entry, data, fix_checksum=fix_checksum)
    again = load(path)
    assert again == fresh and again.items[0].title == "First Title"
    assert again.items[0].end > again.items[0].start
    assert body(entry)["items"][0]["title"] == "First Title"  # and the entry is rewritten


def test_an_entry_of_an_older_layout_is_parsed_again(tmp_path):
    path = write(tmp_path, ONE)
    fresh = load(path)
    [entry] = entries()
    entry.write_text(json.dumps(body(entry)), encoding="utf-8")  # the JSON alone, as before the header
    assert load(path) == fresh
    assert entry.read_bytes().startswith(cache.SCHEMA + b" ")


def test_every_real_schedule_passes_the_checks_the_cache_applies():
    from c4ml_tui.formats.model_json import check

    for source in [bundled_path(), *sorted(FIXTURES.glob("*.yaml"))]:
        program = load(source, use_cache=False)
        assert check(program) is program


def test_an_edited_file_is_parsed_again(tmp_path):
    path = write(tmp_path, ONE)
    assert load(path).items[0].title == "First Title"
    write(tmp_path, ONE.replace("First Title", "Second Title"))
    assert load(path).items[0].title == "Second Title"
    assert len(entries()) == 2


def test_an_edit_that_breaks_the_file_is_reported_not_served_from_the_cache(tmp_path):
    path = write(tmp_path, ONE)
    load(path)
    write(tmp_path, ONE.replace('"10:00"', '"08:00"'))
    with pytest.raises(ProgramError):
        load(path)


def test_invalid_programs_are_not_cached(tmp_path):
    with pytest.raises(ProgramError):
        load(write(tmp_path, HEADER + "schedule: 7\n"))
    assert entries() == []


def test_use_cache_false_writes_nothing(tmp_path):
    load(write(tmp_path, ONE), use_cache=False)
    assert entries() == []


def test_the_same_bytes_elsewhere_keep_their_own_source(tmp_path):
    a = load(write(tmp_path, ONE, "a.yaml"))
    b = load(write(tmp_path, ONE, "b.yaml"))
    assert a.source.endswith("a.yaml") and b.source.endswith("b.yaml") and a.digest == b.digest
    assert len(entries()) == 1


def test_an_unusable_cache_folder_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("C4ML_TUI_CACHE_DIR", str(blocker))
    path = write(tmp_path, ONE)
    assert load(path).items[0].title == "First Title"
    assert load(path) == load(path, use_cache=False)


def test_the_key_depends_on_content_zone_and_reader_version(monkeypatch):
    from c4ml_tui import formats
    from c4ml_tui.sources.parsed import cache_key

    paths = {cache.path(cache_key(b"a", None)), cache.path(cache_key(b"b", None)),
             cache.path(cache_key(b"a", "Europe/Berlin"))}
    assert len(paths) == 3 and cache.path(cache_key(b"a", None)) == cache.path(cache_key(b"a", None))
    before = cache.path(cache_key(b"a", None))
    monkeypatch.setattr(formats, "VERSION", formats.VERSION + "-next")
    assert cache.path(cache_key(b"a", None)) != before


@pytest.mark.parametrize("source", [bundled_path(), *sorted(FIXTURES.glob("*.yaml"))], ids=lambda p: Path(p).name)
def test_serialize_round_trips_every_fixture(source):
    program = load(source, use_cache=False)
    again = program_from_dict(json.loads(json.dumps(program_to_dict(program))))
    assert again == program
    for a, b in zip(program.items, again.items, strict=True):  # the same instants, fold and all, in the event zone
        assert a.start.astimezone(timezone.utc) == b.start.astimezone(timezone.utc)
        assert b.start.tzinfo is program.tz and b.start.utcoffset() == a.start.utcoffset()


# -- the cache folder without the override matches platformdirs ---------------------------------

CHECK = ("import json, platformdirs\nfrom c4ml_tui.store.paths import cache_folder, cache_dir\n"
         "print(json.dumps([cache_folder(), str(cache_dir()),\n"
         "                  platformdirs.user_cache_dir('c4ml-tui', appauthor=False)]))")


@pytest.mark.parametrize("xdg", [None, "ABS", "relative/cache", ""])
@pytest.mark.parametrize("home", ["ABS", "ABS/"])
def test_cache_folder_matches_platformdirs(tmp_path, xdg, home):
    env = {k: v for k, v in os.environ.items() if k not in ("C4ML_TUI_CACHE_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = home.replace("ABS", str(tmp_path / "home"))
    if xdg is not None:
        env["XDG_CACHE_HOME"] = xdg.replace("ABS", str(tmp_path / "xdg"))
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=60)
    ours, as_path, theirs = json.loads(result.stdout)
    assert os.path.normpath(ours) == os.path.normpath(theirs) == os.path.normpath(as_path)


def test_validate_of_an_unchanged_file_uses_the_parse_cache(tmp_path):
    """Issue 15: `validate` takes the cached path when the file has not changed (only valid
    programs are cached), and an edit that breaks the file is still reported."""
    from core_helpers import run

    path = write(tmp_path, ONE)
    first = run("validate", str(path))
    assert first.returncode == 0 and ": ok (1 item" in first.stdout
    [entry] = entries()  # validate's parse is cached: the next command (or validate) reads it
    before = entry.stat().st_mtime_ns
    again = run("validate", str(path))
    assert again.stdout == first.stdout and entry.stat().st_mtime_ns == before  # read, not written again
    write(tmp_path, ONE.replace('"10:00"', '"08:00"'))
    broken = run("validate", str(path))
    assert broken.returncode == 2 and "not after its start" in broken.stderr


def test_validate_from_the_cache_still_says_the_warnings_with_the_files_own_name(tmp_path):
    """A parse with warnings (a wall time DST skips) is cached with them: `validate` of the same
    bytes, from the cache, says them again, with the name of the file it was given."""
    from core_helpers import run

    text = ("event: {title: Fictional Gap Night, date: 2025-03-29, timezone: Europe/Berlin}\n"
            "schedule:\n"
            "  - {id: gap, title: Fictional Vanishing Act, start: 2025-03-30 02:30, end: 2025-03-30 04:00}\n")
    a = write(tmp_path, text, "a.yaml")
    first = run("validate", str(a))
    assert first.returncode == 0 and first.stdout.endswith("; 1 warning)\n")
    assert first.stderr.startswith(f"{a}:3: warning: item 'gap' 'start': 02:30 does not exist")
    assert entries()  # cached
    again = run("validate", str(a))
    assert (again.stdout, again.stderr) == (first.stdout, first.stderr)
    b = write(tmp_path, text, "b.yaml")  # the same bytes elsewhere: the same entry, its own name
    other = run("validate", str(b))
    assert other.stderr == first.stderr.replace(str(a), str(b)) and len(entries()) == 1
