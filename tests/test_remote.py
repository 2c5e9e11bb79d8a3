"""Live updates against a real HTTP server on 127.0.0.1 started by the test (the ``server``
fixture, ``httpserver.py``): first download, 304 revalidation, offline fallback, a broken
download, and what changed. Fixtures are fictional."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from httpserver import LAST_MODIFIED, V1, V2

from c4ml_tui.cli import main
from c4ml_tui.core.changes import diff
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.sources import remote
from c4ml_tui.sources.fetch import fetch, previous

T0 = datetime(2031, 1, 1, 8, 0, tzinfo=timezone.utc)


def test_first_fetch_downloads_and_caches(server):
    got = fetch(server.url, timeout=2, now=T0)
    assert got.status == "downloaded" and got.notice is None and got.changes is None
    assert [i.id for i in got.program.items] == ["1", "2", "3"]
    assert got.program.source == server.url
    assert (remote.folder(server.url) / "current").read_bytes() == V1
    assert "If-None-Match" not in server.requests[0]


def test_revalidation_gets_304_and_uses_the_cache(server):
    fetch(server.url, timeout=2, now=T0)
    got = fetch(server.url, timeout=2, now=T0 + timedelta(minutes=5))
    assert got.status == "not-modified" and got.notice is None
    assert server.requests[1]["If-None-Match"] == '"v1"'
    assert server.requests[1]["If-Modified-Since"] == LAST_MODIFIED
    assert got.confirmed_at == T0 + timedelta(minutes=5)
    assert [i.id for i in got.program.items] == ["1", "2", "3"]


def test_a_recently_confirmed_copy_is_used_without_asking(server):
    fetch(server.url, timeout=2, now=T0)
    got = fetch(server.url, timeout=2, now=T0 + timedelta(seconds=30), fresh_for=60)
    assert got.status == "cached" and len(server.requests) == 1


def test_offline_falls_back_to_the_cache_and_says_how_old_it_is(server):
    fetch(server.url, timeout=2, now=T0)
    server.stop()
    got = fetch(server.url, timeout=2, now=T0 + timedelta(hours=2, minutes=5))
    assert got.status == "offline"
    assert got.notice.startswith("offline (")
    assert got.notice.endswith(f"using the copy of {server.url} confirmed 2 h 5 min ago")
    assert [i.id for i in got.program.items] == ["1", "2", "3"]


def test_offline_without_a_cache_is_a_one_line_problem(server):
    server.stop()
    with pytest.raises(ProgramError) as caught:
        fetch(server.url, timeout=2, now=T0)
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{server.url}: cannot download: ")


def test_a_broken_download_keeps_the_last_good_copy(server):
    fetch(server.url, timeout=2, now=T0)
    server.body, server.etag = b'{"schedule": {"conference": {"days": [', '"broken"'
    got = fetch(server.url, timeout=2, now=T0 + timedelta(minutes=10))
    assert got.status == "broken" and "is broken" in got.notice and "last good copy, confirmed 10 min ago" in got.notice
    assert [i.id for i in got.program.items] == ["1", "2", "3"]
    assert (remote.folder(server.url) / "current").read_bytes() == V1


def test_an_http_error_is_treated_like_offline(server, monkeypatch):
    fetch(server.url, timeout=2, now=T0)
    got = fetch(server.url.replace("schedule.json", "gone"), timeout=2, now=T0)  # a new URL: fresh
    assert got.status == "downloaded"  # the test server answers every path
    monkeypatch.setattr(remote, "get", lambda *a: (_ for _ in ()).throw(remote.Failure("HTTP 503 Busy")))
    got = fetch(server.url, timeout=2, now=T0 + timedelta(minutes=1))
    assert got.status == "offline" and "HTTP 503 Busy" in got.notice


def test_an_update_reports_what_changed(server):
    fetch(server.url, timeout=2, now=T0)
    server.body, server.etag, server.gzip = V2, '"v2"', True
    got = fetch(server.url, timeout=2, now=T0 + timedelta(minutes=5))
    assert got.status == "downloaded"
    assert got.changes.summary() == "1 moved, 1 new, 1 cancelled"
    assert got.notice == f"{server.url} changed since the last copy: 1 moved, 1 new, 1 cancelled (see c4ml-tui changes)"
    old, new = previous(server.url)
    assert [i.id for i in old.items] == ["1", "2", "3"] and [i.id for i in new.items] == ["1", "2", "4"]


def test_the_cli_reads_a_url_and_the_changes_command(server, capsys):
    assert main(["now", "--program", server.url, "--at", "2031-01-02T10:10Z"]) == 0
    assert "now: Talk One" in capsys.readouterr().out
    server.body, server.etag = V2, '"v2"'
    assert main(["changes", "--program", server.url]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"Changes in {server.url} since the copy before the last download: 1 moved, 1 new, 1 cancelled",
        "  moved      Talk Two: Thu 02 Jan 11:00-11:30 -> Thu 02 Jan 13:00-13:30 [Hall A -> Hall B]",
        "  new        Talk Four: Thu 02 Jan 14:00-14:30 [Hall A]",
        "  cancelled  Talk Three: was Thu 02 Jan 12:00-12:30 [Hall B]",
    ]
    assert "changed since the last copy" in out.err
    server.stop()
    assert main(["now", "--program", server.url, "--at", "2031-01-02T13:10Z"]) == 0
    out = capsys.readouterr()  # confirmed less than a minute ago: not asked again, nothing to say
    assert "now: Talk Two" in out.out and out.err == ""
    meta = remote.folder(server.url) / "meta.json"
    data = json.loads(meta.read_text())
    data["confirmed_at"] = (datetime.now(timezone.utc) - timedelta(hours=3)).isoformat()
    meta.write_text(json.dumps(data))
    assert main(["now", "--program", server.url, "--at", "2031-01-02T13:10Z"]) == 0
    out = capsys.readouterr()
    assert "now: Talk Two" in out.out
    assert out.err.startswith("c4ml-tui: offline (") and out.err.endswith("confirmed 3 h ago\n")
    assert out.err.count("\n") == 1


def test_changes_between_two_files(tmp_path, capsys):
    (tmp_path / "a.json").write_bytes(V1)
    (tmp_path / "b.json").write_bytes(V2)
    assert main(["changes", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["after"]["id"] for m in data["moved"]] == ["2"]
    assert [e["id"] for e in data["new"]] == ["4"] and [e["id"] for e in data["cancelled"]] == ["3"]
    assert main(["changes"]) == 2


def test_diff_is_by_id_and_sees_talks_and_rooms(c4ml):
    from c4ml_tui.core.model import replace

    assert not diff(c4ml, c4ml)
    items = list(c4ml.items)
    items[1] = replace(items[1], room="Elsewhere")
    items[2] = replace(items[2], start=items[2].start + timedelta(minutes=5))
    changed = diff(c4ml, replace(c4ml, items=tuple(items[1:])))
    assert [a.id for a, _ in changed.moved] == ["session-1", "break-1"]
    assert [e.id for e in changed.cancelled] == ["opening"] and not changed.new
