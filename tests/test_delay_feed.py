"""The delay feed's parts without the app: the document (core/feed.py, words/feed.py), reading it
from a URL with revalidation and from a file (sources/delayfeed.py), writing it and the upload
command (store/publish.py), the reminders remembered (store/reminded.py), the words."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from conftest import BUNDLED, ROOT
from httpserver import ScheduleServer

from c4ml_tui.core.delays import compute
from c4ml_tui.core.feed import Message, file_name, other_version, parse, refusal, showing, tidy
from c4ml_tui.core.identity import program_key
from c4ml_tui.core.marks import Mark
from c4ml_tui.sources.delayfeed import FeedSource
from c4ml_tui.sources.loader import load
from c4ml_tui.store.publish import Publisher, feed_path, message_on_disk, run_command
from c4ml_tui.store.reminded import Reminded
from c4ml_tui.words import feed as words

PROGRAM = load(BUNDLED, use_cache=False)
OTHER = load(ROOT / "tests" / "fixtures" / "fictional.yaml", use_cache=False)


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-03-02T{hhmm}").replace(tzinfo=PROGRAM.tz)


LATE = [Mark("start", "session-1", at("08:47"))]


def document(marks=LATE, when="08:47", **kw) -> dict:
    return words.build(PROGRAM, marks, at(when), **kw)


# -- the document --------------------------------------------------------------------------------
def test_the_document_names_the_program_and_carries_marks_times_delay_and_message():
    message = Message("2 min", at("08:50"), "session-1")
    doc = document(message=message)
    assert doc["format"] == "c4ml-tui delay feed" and doc["version"] == 1
    assert doc["program"] == {"key": "compilers-for-machine-learning-2025-03-02", "version": PROGRAM.digest,
                              "title": "Compilers for Machine Learning", "date": "2025-03-02"}
    assert doc["written_at"] == "2025-03-02T08:47:00-08:00" and doc["delay_seconds"] == 420
    assert doc["marks"] == [{"kind": "start", "id": "session-1", "at": "2025-03-02T08:47:00-08:00"}]
    assert set(doc["expected"]) == {i.id for i in PROGRAM.items}  # every item (the bundled one has no talks)
    assert doc["expected"]["lunch"] == {"start": "2025-03-02T12:00:00-08:00", "end": "2025-03-02T13:00:00-08:00"}
    assert doc["message"] == {"text": "2 min", "at": "2025-03-02T08:50:00-08:00", "entry": "session-1"}
    feed = parse(json.loads(json.dumps(doc)))
    assert feed.marks == tuple(LATE) and feed.message == message and feed.delay_seconds == 420
    for ident, times in compute(PROGRAM, feed.marks).expected.items():  # what the app works out itself
        assert feed.expected[ident] == times


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: d.update(format="something else"), "not a c4ml-tui delay feed"),
    (lambda d: d.update(version=2), "a version 2 feed, written by a newer c4ml-tui; this one reads version 1"),
    (lambda d: d.pop("program"), "the feed does not say which program it is for"),
    (lambda d: d.update(marks="none"), "the feed has no list of marks"),
    (lambda d: d["marks"].append({"kind": "start", "id": "x", "at": "2025-03-02T09:00"}),
     "a mark's instant needs an offset"),
    (lambda d: d.update(written_at="yesterday"), "Invalid isoformat string: 'yesterday'"),
])
def test_a_document_that_is_not_a_feed_says_why(change, reason):
    doc = document()
    change(doc)
    with pytest.raises(ValueError, match="^" + reason.replace("(", r"\(").replace(")", r"\)")):
        parse(doc)


def test_another_program_is_refused_and_another_version_noted():
    feed = parse(words.build(OTHER, [], datetime(2031, 6, 10, 9, tzinfo=OTHER.tz)))
    assert refusal(feed, PROGRAM) == ("is the delay feed of Fictional Workshop on Imaginary Compilers (2031-06-10), "
                                      "not of Compilers for Machine Learning (2025-03-02): ignored")
    mine = parse(document())
    assert refusal(mine, PROGRAM) is None and not other_version(mine, PROGRAM)
    doc = document()
    doc["program"]["version"] = "0" * 64
    assert other_version(parse(doc), PROGRAM)


def test_a_message_shows_while_the_talk_it_was_sent_during_is_on_stage():
    message = words.message_for(PROGRAM, LATE, "  questions\x1b[31m  now ", at("09:58"))
    assert message == Message("questions[31m now", at("09:58"), "session-1")
    assert showing(message, "session-1") == "questions[31m now"
    assert showing(message, "break-1") == "" and showing(None, None) == ""
    assert showing(Message("", at("09:59"), "session-1"), "session-1") == ""  # cleared
    assert words.message_for(PROGRAM, LATE, "mic!", at("10:40")).entry == "session-2"
    assert len(tidy("x" * 500)) == 120


def test_the_feed_file_is_named_for_the_room():
    assert file_name(PROGRAM, None) == "willow.json"  # the program's only room
    assert file_name(OTHER, None) == "room-a.json"
    rooms = load(ROOT / "tests" / "data" / "rooms.yaml", use_cache=False)
    assert len(rooms.rooms) > 1 and file_name(rooms, None) == f"{program_key(rooms)}.json"
    assert file_name(OTHER, "Saal Grün 1") == "saal-grun-1.json"
    assert feed_path("/srv/room", "willow.json").as_posix() == "/srv/room/willow.json"
    assert feed_path("/srv/room/c4ml.JSON", "willow.json").as_posix() == "/srv/room/c4ml.JSON"


# -- the words ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("seconds", "said"), [(4, "just now"), (25, "20 s ago"), (59, "50 s ago"),
                                               (60, "1 min ago"), (3 * 3600 + 300, "3 h 5 min ago"),
                                               (-30, "just now")])
def test_how_old_the_feed_is(seconds, said):
    assert words.ago(at("09:00"), at("09:00") + timedelta(seconds=seconds)) == said


def test_the_note_on_the_bar():
    feed = parse(document())
    seven = timedelta(minutes=7)
    assert words.note(feed, "ok", at("08:47:20"), seven) == "chair, 20 s ago"
    assert words.note(feed, "offline", at("08:52"), seven) == "last known: chair, 5 min ago"
    assert words.note(feed, "ok", at("08:47:20")) == "on time · chair, 20 s ago"
    assert words.note(None, "refused", at("08:47")) == "delay feed refused"
    assert words.note(None, "offline", at("08:47")) == "no delay feed yet"
    assert words.line(feed, "ok", at("08:47:20"), seven) == "running 7 min late · chair, 20 s ago"


# -- reading it ----------------------------------------------------------------------------------
def test_a_url_is_revalidated_and_the_last_good_feed_kept():
    server = ScheduleServer(json.dumps(document()).encode(), '"f1"')
    try:
        url = server.url
        source = FeedSource(url)
        assert source.every == 15.0
        first = source.read(PROGRAM)
        assert first.status == "ok" and first.feed.delay_seconds == 420 and first.problem is None
        again = source.read(PROGRAM)
        assert again.status == "ok" and server.requests[-1].get("If-None-Match") == '"f1"'
        assert FeedSource(url).read(PROGRAM, fresh_for=60).feed == first.feed  # cached: the server not asked
        assert server.hits == 2
        server.body, server.etag = b"<html>oops</html>", '"f2"'
        broken = source.read(PROGRAM)
        assert broken.status == "broken" and broken.feed == first.feed
        assert broken.problem.startswith(f"{url}: is not a delay feed (")
        theirs = words.build(OTHER, [], datetime(2031, 6, 10, tzinfo=OTHER.tz))
        server.body, server.etag = json.dumps(theirs).encode(), '"f3"'
        refused = source.read(PROGRAM)
        assert refused.status == "refused" and refused.feed == first.feed
        server.stop()
        offline = FeedSource(url).read(PROGRAM)  # a new run: the last good copy from the cache
        assert offline.status == "offline" and offline.feed == first.feed
        assert offline.problem.startswith(f"{url}: cannot be read (")
    finally:
        server.stop()


def test_a_file_is_read_again_only_when_it_changed(tmp_path):
    path = tmp_path / "willow.json"
    path.write_text(json.dumps(document()))
    source = FeedSource(str(path))
    assert source.every == 1.0
    first = source.read(PROGRAM)
    assert first.status == "ok" and first.feed.marks == tuple(LATE)
    assert source.read(PROGRAM).feed is first.feed  # unchanged: not parsed again
    path.write_text(json.dumps(document([*LATE, Mark("end", "session-1", at("10:10"))], "10:10")))
    assert source.read(PROGRAM).feed.marks[-1].kind == "end"
    path.unlink()
    gone = source.read(PROGRAM)
    assert gone.status == "offline" and gone.feed.marks[-1].kind == "end"
    assert gone.problem == f"{path}: cannot be read (no such file)"


# -- writing it ----------------------------------------------------------------------------------
def test_the_publisher_writes_atomically_and_runs_the_upload_command(tmp_path):
    target = tmp_path / "web" / "copy.json"
    target.parent.mkdir()
    publisher = Publisher(tmp_path / "pub" / "willow.json", f"cp {{file}} {target}")
    assert publisher.write(document(message=Message("mic!", at("08:50"))))
    publisher.wait()
    assert publisher.error is None and publisher.uploads == 1
    assert json.loads(target.read_text())["delay_seconds"] == 420
    assert message_on_disk(publisher.path) == Message("mic!", at("08:50"))
    assert [p.name for p in publisher.path.parent.iterdir()] == ["willow.json"]  # no temporary file left


def test_a_failing_upload_command_says_why(tmp_path):
    path = tmp_path / "willow.json"
    path.write_text("{}")
    assert run_command("echo to stdout; echo 'no route to host' >&2; exit 3", path) == \
        "--publish-cmd failed (exit 3): no route to host"
    assert run_command("true", path) is None
    assert run_command("test -f", path) is None  # without {file}, the path comes last


def test_a_folder_that_cannot_be_written_says_so(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    publisher = Publisher(blocked / "willow.json")
    assert not publisher.write(document())
    assert publisher.error.startswith(f"could not write the delay feed {blocked / 'willow.json'}: ")


# -- reminders remembered --------------------------------------------------------------------------
def test_reminders_fired_are_remembered_across_processes(tmp_path):
    first = Reminded.load(PROGRAM)
    assert first.fresh(["break-1", "lunch"]) == ["break-1", "lunch"]
    first.record(["break-1"], at("10:02"))
    other = Reminded.load(PROGRAM)  # a restart, or watch beside the app
    assert "break-1" in other and other.fresh(["break-1", "lunch"]) == ["lunch"]
    other.record(["lunch"], at("11:55"))
    assert first.fresh(["lunch"]) == []  # read again before deciding
    assert json.loads(first.path.read_text())["fired"] == {"break-1": "2025-03-02T10:02:00-08:00",
                                                           "lunch": "2025-03-02T11:55:00-08:00"}
    assert first.path.parent.name == "compilers-for-machine-learning-2025-03-02"


def test_a_corrupt_reminders_file_is_set_aside(tmp_path):
    path = Reminded.load(PROGRAM).path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"fired": ["break-1"]}')
    found = Reminded.load(PROGRAM)
    assert found.fresh(["break-1"]) == ["break-1"]
    assert found.warning.startswith(f"{path} did not hold the reminders fired; it was kept as reminders.json.corrupt-")


def test_timings_after_the_day_from_the_feeds_marks(tmp_path, capsys):
    from c4ml_tui import cli

    path = tmp_path / "willow.json"
    path.write_text(json.dumps(document([*LATE, Mark("end", "session-1", at("10:09"))], "10:09")))
    assert cli.main(["timings", "--delays", str(path), "--json"]) == 0
    [row] = [r for r in json.loads(capsys.readouterr().out) if r["id"] == "session-1"]
    assert (row["actual_start"], row["actual_end"]) == ("2025-03-02T08:47:00-08:00", "2025-03-02T10:09:00-08:00")


def test_a_newer_copy_another_process_downloaded_is_taken_not_hidden_by_a_304():
    """The app and ``stage`` on one machine share the URL's cached copy and its ETag: when one of
    them downloads a new feed, the other must not ask "modified since?" with that ETag for the
    feed it still holds (the answer, 304, would hide the new one from it for good)."""
    server = ScheduleServer(json.dumps(document()).encode(), '"f1"')
    try:
        stage, app = FeedSource(server.url), FeedSource(server.url)
        assert stage.read(PROGRAM).feed.message is None and app.read(PROGRAM).feed.message is None
        server.body, server.etag = json.dumps(document(message=Message("2 min", at("08:50")))).encode(), '"f2"'
        assert app.read(PROGRAM).feed.message.text == "2 min"  # the cache now holds f2 and its ETag
        assert stage.read(PROGRAM).feed.message.text == "2 min"
    finally:
        server.stop()
