"""Issue 15: `c4ml-tui search` asks a stored index (SQLite, FTS5 trigram over folded text) instead
of loading the program and indexing it on every call. The store finds the same hits, in the same
order, with the same scores and highlights, as the index built from the program; a damaged
store is built again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SCHEDULES

from c4ml_tui.commands.search import hit_json
from c4ml_tui.core.search import SearchIndex
from c4ml_tui.sources import search_store
from c4ml_tui.sources.loader import load, read_file
from c4ml_tui.sources.parsed import cache_key

FICTIONAL = Path(__file__).parent / "fixtures" / "search_fictional.yaml"
QUERIES = ["zoe", "Zoë", "ZOE example", "tensor", "te", "e", "fusion tensor", "imaginary compilers", "x",
           "nothing-like-this", "ex am", "\"quoted\"", "o'brien", "kernel", "phantom", "ada", "  ", "ée"]
REAL = [("38c3.xml", ["security", "se", "hacking the planet", "chaos", "über", "ccc 38c3", "a", "saal 1",
                      "privacy", "wahl", "müller"]),
        ("fosdem-2021.xml", ["rust", "go", "linux kernel", "python", "db"])]


def stored(path: Path, timezone: str | None = None):
    content = read_file(str(path))
    program = load(path, timezone)
    key = cache_key(content, timezone)
    search_store.build(key, SearchIndex(program), len(program.days))
    store = search_store.open_store(key)
    assert store is not None
    return program, store


def same_answers(program, store, queries, limit=50) -> None:
    index = SearchIndex(program)
    for query in queries:
        for lim in (1, 7, limit, None):  # the store ranks in SQL and reads back only the best
            expected, got = index.search(query, limit=lim), store.search(query, lim)
            assert got.total == expected.total, query
            assert [hit_json(h) for h in got.hits] == [hit_json(h) for h in expected.hits], query


def test_the_store_finds_what_the_index_finds():
    program, store = stored(FICTIONAL)
    try:
        assert store.search("zoe").hits[0].title == "Zoë Example"
        same_answers(program, store, QUERIES)
    finally:
        store.close()


@pytest.mark.parametrize("name, queries", REAL, ids=[n for n, _ in REAL])
def test_the_store_finds_what_the_index_finds_on_real_schedules(name, queries):
    if not (SCHEDULES / name).exists():
        pytest.skip("the shared schedules are not here")
    program, store = stored(SCHEDULES / name, "Europe/Brussels" if name.startswith("fosdem") else None)
    try:
        same_answers(program, store, queries, limit=30)
    finally:
        store.close()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "c4ml_tui", *args], capture_output=True, text=True,
                          encoding="utf-8", env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=60)


def test_the_command_line_answers_from_the_store_without_the_program(tmp_path):
    program = tmp_path / "program.yaml"
    program.write_bytes(FICTIONAL.read_bytes())
    first = cli("search", "zoe", "--json", "--program", str(program))
    assert first.returncode == 0, first.stderr
    [db] = list((tmp_path / "cache" / "programs").glob("*.search.sqlite"))
    for parsed in (tmp_path / "cache" / "programs").glob("*.json"):
        parsed.unlink()  # the parse cache is gone: a search that loaded the program would rewrite it
    again = cli("search", "zoe", "--json", "--program", str(program))
    assert again.stdout == first.stdout and json.loads(again.stdout)[0]["title"] == "Zoë Example"
    assert not list((tmp_path / "cache" / "programs").glob("*.json"))
    text = cli("search", "zoe", "--program", str(program))
    assert "Zoë Example" in text.stdout
    # an edited file is another key: searched afresh, not from the old store
    program.write_text(FICTIONAL.read_text(encoding="utf-8").replace("Zoë Example", "Zoë Edited"), encoding="utf-8")
    edited = cli("search", "zoe", "--json", "--program", str(program))
    assert json.loads(edited.stdout)[0]["title"] == "Zoë Edited"
    assert db.exists()


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100, "sqlite-header-only"])
def test_a_damaged_store_is_built_again(tmp_path, damage):
    program = tmp_path / "program.yaml"
    program.write_bytes(FICTIONAL.read_bytes())
    first = cli("search", "zoe", "--json", "--program", str(program))
    [db] = list((tmp_path / "cache" / "programs").glob("*.search.sqlite"))
    if damage == "sqlite-header-only":
        damage = db.read_bytes()[:4096]
    db.write_bytes(damage)
    again = cli("search", "zoe", "--json", "--program", str(program))
    assert again.returncode == 0 and "Traceback" not in again.stderr
    assert again.stdout == first.stdout
    key = search_store.key_for(search_store.digest_of(program.read_bytes()))
    assert search_store.open_store(key) is not None  # built again


def test_a_store_built_for_other_bytes_is_not_used(tmp_path):
    _, store = stored(FICTIONAL)
    store.close()
    key = cache_key(FICTIONAL.read_bytes(), None)
    other = cache_key(b"other bytes", None)
    os.replace(search_store.path(key), search_store.path(other))  # a file under the wrong name
    assert search_store.open_store(other) is None
    assert not os.path.exists(search_store.path(other))


def test_a_build_killed_half_way_leaves_no_copy_behind_for_long(tmp_path):
    """A search store's half-built copy (its process killed) is removed by a later build once it is
    older than a write can take, as the atomic writes' orphans are; a fresh one is left alone."""
    import os
    import time

    program = tmp_path / "program.yaml"
    program.write_bytes(FICTIONAL.read_bytes())
    cli("search", "zoe", "--json", "--program", str(program))
    [db] = list((tmp_path / "cache" / "programs").glob("*.search.sqlite"))
    old = db.parent / f".{db.name}.999999.tmp"
    fresh = db.parent / f".{db.name}.999998.tmp"
    old.write_bytes(b"half a database")
    fresh.write_bytes(b"a build in progress")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    db.unlink()  # the next search builds the store again
    assert cli("search", "zoe", "--json", "--program", str(program)).returncode == 0
    assert db.exists() and not old.exists() and fresh.exists()
