"""``c4ml-tui search``: text and JSON, run as a user would (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FICTIONAL = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "c4ml_tui", *args], capture_output=True, text=True,
                          encoding="utf-8", env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=60)


def test_json_is_a_ranked_list():
    result = cli("search", "zoe", "--json", "--program", str(FICTIONAL))
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert isinstance(hits, list)
    assert [h["id"] for h in hits[:2]] == ["zoe", "t-zoe"]
    first = hits[0]
    assert first["kind"] == "speaker" and first["title"] == "Zoë Example" and first["start"] is None
    assert first["matched"] == ["name", "bio"]
    name = first["matches"][0]
    assert name["field"] == "name" and name["excerpt"][slice(*name["spans"][0])] == "Zoë"
    talk = hits[1]
    assert talk["start"] == "2031-03-29T09:15:00+01:00" and talk["parent"] == "session-a"
    assert talk["matches"][0] == {"field": "speaker", "ref": "zoe", "excerpt": "Zoë Example", "spans": [[0, 3]]}
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_several_words_and_limit():
    result = cli("search", "placeholder", "zoe", "--json", "--program", str(FICTIONAL))
    assert {h["id"] for h in json.loads(result.stdout)} == {"t-ada"}
    limited = json.loads(cli("search", "a", "--json", "--limit", "2", "--program", str(FICTIONAL)).stdout)
    assert len(limited) == 2


def test_text_output():
    result = cli("search", "strasse", "--program", str(FICTIONAL))
    assert result.returncode == 0
    assert "Sat 29 Mar 09:55-10:15" in result.stdout and "Compiling for the Straße  [t-strasse]" in result.stdout
    more = cli("search", "a", "--limit", "2", "--program", str(FICTIONAL))
    assert "more (--limit" in more.stdout.splitlines()[-1]
    none = cli("search", "qwxz", "--program", str(FICTIONAL))
    assert none.returncode == 0 and none.stdout.strip() == "no match for 'qwxz'"
    assert json.loads(cli("search", "qwxz", "--json", "--program", str(FICTIONAL)).stdout) == []


def test_bundled_program_by_default():
    result = cli("search", "lightning", "--json")
    assert [h["id"] for h in json.loads(result.stdout)] == ["session-4"]


def test_bad_arguments():
    assert cli("search", "x", "--limit", "-1", "--program", str(FICTIONAL)).returncode == 2
    assert cli("search", "x", "--program", "/nonexistent/program.yaml").returncode == 2
    assert cli("search").returncode == 2  # argparse: the text is required


def test_search_and_export_do_not_import_textual():
    code = ("import contextlib, io, sys\n"
            "from c4ml_tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['search', 'zoe', '--program', {str(FICTIONAL)!r}])\n"
            "    sys.stdout.buffer = io.BytesIO()\n"
            f"    main(['export', 'ics', '--program', {str(FICTIONAL)!r}])\n"
            "assert 'icalendar' in sys.modules\n"
            "assert 'textual' not in sys.modules, 'textual imported'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
