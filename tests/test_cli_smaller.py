"""Issue 13, item 10, on the command line: a wrong option is answered with the command's own
usage (``validate --program x``, ``now --bogus``), ``--timezone`` on a YAML program says it is
ignored, and ``changes`` reports a changed title."""

from __future__ import annotations

import json

import pytest
from core_helpers import bundled_path

from c4ml_tui import cli


def error_of(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        cli.main(list(argv))
    assert stopped.value.code == 2
    return capsys.readouterr().err


def test_validate_with_a_common_option_shows_validates_usage(capsys):
    err = error_of(capsys, "validate", "--program", "x.yaml")
    assert err.startswith("usage: c4ml-tui validate ")
    assert err.rstrip().endswith("c4ml-tui validate: error: unrecognized arguments: --program "
                                 "(--program is not an option of validate: see c4ml-tui validate --help)")


def test_an_unknown_option_of_now_shows_nows_usage(capsys):
    err = error_of(capsys, "now", "--bogus")
    assert err.startswith("usage: c4ml-tui now ") and "[--json]" in err
    assert err.rstrip().endswith("c4ml-tui now: error: unrecognized arguments: --bogus")


def test_an_unknown_option_of_the_app_shows_the_top_usage(capsys):
    err = error_of(capsys, "--bogus")
    assert err.startswith("usage: c4ml-tui [-h]") and "c4ml-tui: error: unrecognized arguments: --bogus" in err


def test_timezone_on_a_yaml_program_says_it_is_ignored(capsys):
    assert cli.main(["now", "--at", "2025-03-02T09:15", "--timezone", "Europe/Paris"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("Las Vegas 09:15 PST")
    assert out.err == (f"c4ml-tui: --timezone Europe/Paris is ignored: {bundled_path()} says its times are "
                       "in America/Los_Angeles\n")


def test_the_same_zone_is_not_a_warning(capsys):
    assert cli.main(["now", "--at", "2025-03-02T09:15", "--timezone", "America/Los_Angeles"]) == 0
    assert capsys.readouterr().err == ""


def test_changes_reports_a_new_title(tmp_path, capsys):
    text = bundled_path().read_text(encoding="utf-8")
    assert "title: Session 2\n" in text
    (tmp_path / "old.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(text.replace("title: Session 2\n", "title: Session Two\n"),
                                       encoding="utf-8")
    old, new = str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")
    assert cli.main(["changes", old, new]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Changes from {old} to {new}: 1 retitled")
    assert "  retitled   Session Two: was Session 2 (Sun 02 Mar 10:30-11:50) [Willow]" in out
    assert cli.main(["changes", old, new, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["before"]["title"], r["after"]["title"]) for r in data["retitled"]] == [("Session 2", "Session Two")]
