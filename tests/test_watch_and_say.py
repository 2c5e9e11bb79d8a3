"""``c4ml-tui watch`` (its events, ``--exec``), ``c4ml-tui say`` (the local message and the
feed), the options of ``chair --publish`` and ``stage --web``, and terminal notifications.
Against the bundled C4ML 2025 program on manual clocks; the ``--exec`` command is a shell."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

import pytest
from conftest import BUNDLED

from c4ml_tui import cli
from c4ml_tui.commands import stage as stage_command
from c4ml_tui.commands.watch import Outlet, Watcher
from c4ml_tui.core.clock import ManualClock
from c4ml_tui.core.delays import compute
from c4ml_tui.core.feed import Message
from c4ml_tui.core.marks import Mark
from c4ml_tui.core.timeline import Timeline
from c4ml_tui.sources.loader import load
from c4ml_tui.store import stagenote
from c4ml_tui.store.chairlog import ChairLog
from c4ml_tui.store.favourites import Favourites
from c4ml_tui.tui import osc
from c4ml_tui.words.events import Tracker

PROGRAM = load(BUNDLED, use_cache=False)
KEY = "compilers-for-machine-learning-2025-03-02"


def at(hhmm: str) -> datetime:
    return datetime.fromisoformat(f"2025-03-02T{hhmm}").replace(tzinfo=PROGRAM.tz)


def times(marks):
    delays = compute(PROGRAM, marks)
    return Timeline(PROGRAM, expected=delays.expected), delays


# -- the events --------------------------------------------------------------------------------------
def test_the_first_look_says_the_state_and_later_looks_only_changes():
    tracker = Tracker(PROGRAM, KEY, PROGRAM.chair, ("Willow",))
    tl, delays = times([])
    first = tracker.step(tl, delays, at("08:45"), None)
    assert [(e["event"], e["stage"]) for e in first] == [("stage", "normal")]
    assert first[0]["text"] == "Session 1 in Willow: TIME LEFT 1:15:00" and first[0]["left_seconds"] == 4500
    assert tracker.step(tl, delays, at("08:46"), None) == []
    tl, delays = times([Mark("start", "session-1", at("08:47"))])
    [delay] = tracker.step(tl, delays, at("08:47:30"), None)
    assert delay == {"event": "delay", "at": "2025-03-02T08:47:30-08:00", "program": KEY,
                     "text": "running 7 min late", "delay_seconds": 420, "delay_minutes": 7}
    [wrap] = tracker.step(tl, delays, at("10:02"), None)
    assert (wrap["stage"], wrap["id"], wrap["text"]) == ("wrap_up", "session-1", "Session 1 in Willow: WRAP UP 05:00")
    [said] = tracker.step(tl, delays, at("10:03"), Message("2 min", at("10:03"), "session-1"))
    assert said["event"] == "message" and said["message"] == "2 min" and said["text"] == "Message to stage: 2 min"
    [over] = tracker.step(tl, delays, at("10:07:05"), Message("2 min", at("10:03"), "session-1"))
    assert over["stage"] == "overtime" and over["left_seconds"] == -5


def test_watch_reminds_by_the_expected_start_once_and_runs_exec(tmp_path, capsys):
    ChairLog.load(PROGRAM).mark_start("session-1", at("08:47"))
    Favourites.load(PROGRAM).star("break-1")
    log = tmp_path / "events.log"
    args = argparse.Namespace(program=None, timezone=None, room=None, remind=5, notify=False, speed=None,
                              exec_cmd=f'printf "%s|%s|" "$C4ML_EVENT" "$C4ML_TEXT" >> {log}; cat >> {log}')
    clock = ManualClock(PROGRAM.tz, at("09:54"))
    watcher = Watcher(PROGRAM, clock, args, None)
    watcher.step()
    for _ in range(10):
        clock.advance(minutes=1)
        watcher.step()
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    kinds = [e["event"] for e in events]
    assert kinds[:2] == ["delay", "stage"]
    reminders = [e for e in events if e["event"] == "reminder"]
    assert [(r["at"], r["text"]) for r in reminders] == [
        ("2025-03-02T10:02:00-08:00", "Break starts in 5 min (10:07, Willow), 7 min late")]
    again = Watcher(PROGRAM, ManualClock(PROGRAM.tz, at("10:03")), args, None)  # a restart
    again.step()
    assert "reminder" not in capsys.readouterr().out
    lines = log.read_text().splitlines()
    assert lines[0].startswith("delay|running 7 min late|{")
    assert json.loads(lines[0].split("|", 2)[2])["delay_seconds"] == 420
    assert any(line.startswith("reminder|Break starts in 5 min") for line in lines)


def test_exec_failures_are_said_and_the_watch_goes_on(capsys):
    Outlet("exit 4", False).emit({"event": "delay", "text": "running 7 min late"})
    out, err = capsys.readouterr()
    assert json.loads(out) == {"event": "delay", "text": "running 7 min late"}
    assert err == "c4ml-tui: --exec failed for a delay event (exit 4)\n"


# -- say -----------------------------------------------------------------------------------------------
def test_say_keeps_the_message_here_and_writes_it_into_the_feed(tmp_path, capsys):
    ChairLog.load(PROGRAM).mark_start("session-1", at("08:47"))
    pub = tmp_path / "pub"
    assert cli.main(["say", "--at", "2025-03-02T08:50", "--publish", str(pub), "questions", "now"]) == 0
    assert capsys.readouterr().out == "Message to stage: questions now (shown while Session 1 is on stage)\n"
    assert stagenote.read(PROGRAM) == Message("questions now", at("08:50"), "session-1")
    feed = json.loads((pub / "willow.json").read_text())
    assert feed["delay_seconds"] == 420 and feed["message"]["text"] == "questions now"
    feed["marks"] = []  # the chair's feed is the one to keep: say changes only the message
    (pub / "willow.json").write_text(json.dumps(feed))
    assert cli.main(["say", "--at", "2025-03-02T08:51", "--publish", str(pub), "--clear"]) == 0
    assert capsys.readouterr().out == "Message to stage cleared.\n"
    feed = json.loads((pub / "willow.json").read_text())
    assert feed["message"] is None and feed["marks"] == [] and feed["written_at"] == "2025-03-02T08:51:00-08:00"


def test_say_refuses_nonsense(tmp_path, capsys):
    assert cli.main(["say"]) == 2
    assert capsys.readouterr().err == "c4ml-tui: say: give a message, or --clear (not both)\n"
    (tmp_path / "willow.json").write_text("[]")
    assert cli.main(["say", "--publish", str(tmp_path), "hi"]) == 2
    assert capsys.readouterr().err == (f"c4ml-tui: {tmp_path / 'willow.json'}: not a delay feed "
                                       "(not a c4ml-tui delay feed); not changed\n")


# -- options -------------------------------------------------------------------------------------------
def test_publish_options_are_checked_before_the_app_starts(tmp_path, capsys):
    assert cli.main(["chair", "--publish-cmd", "true"]) == 2
    assert "--publish-cmd needs --publish DIR" in capsys.readouterr().err
    assert cli.main(["chair", "--publish", str(tmp_path), "--delays", "x.json"]) == 2
    assert "a chair publishes its own marks" in capsys.readouterr().err
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert cli.main(["chair", "--publish", str(blocked / "sub")]) == 2
    assert "cannot make the folder" in capsys.readouterr().err


def test_stage_web_is_localhost_unless_a_host_is_given():
    assert stage_command.address("8000") == ("localhost", 8000)
    assert stage_command.address("0.0.0.0:8080") == ("0.0.0.0", 8080)
    assert stage_command.address("[::1]:8080") == ("::1", 8080)
    with pytest.raises(argparse.ArgumentTypeError):
        stage_command.address("host:http")
    args = cli.build_parser().parse_args(["stage", "--web", "9000", "--at", "2025-03-02T09:15", "--calm",
                                          "--delays", "http://room.lan/willow.json"])
    assert args.web == ("localhost", 9000)
    command = stage_command.child_command(args)
    assert command.endswith("-m c4ml_tui stage --at 2025-03-02T09:15 --delays http://room.lan/willow.json --calm")


def test_delays_is_an_option_of_the_app_and_every_command():
    parser = cli.build_parser()
    assert parser.parse_args(["--delays", "f.json"]).delays == "f.json"
    for command in ("now", "agenda", "chair", "stage", "watch", "timings", "export ics", "search x", "changes"):
        args = parser.parse_args([*command.split(), "--delays", "http://x/y.json", "--delays-every", "5"])
        assert (args.delays, args.delays_every) == ("http://x/y.json", 5.0)


@pytest.mark.parametrize(("env", "expected"), [
    ({"TERM_PROGRAM": "iTerm.app"}, "\x1b]9;Reminder: Break starts in 5 min\x07"),
    ({"TERM": "foot"}, "\x1b]777;notify;Reminder;Break starts in 5 min\x07"),
    ({"TERM": "xterm-256color"}, ""),
    ({"TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-0/default"}, ""),
    ({"TERM": "xterm", "C4ML_TUI_OSC_NOTIFY": "777"}, "\x1b]777;notify;Reminder;Break starts in 5 min\x07"),
    ({"TERM_PROGRAM": "ghostty", "C4ML_TUI_OSC_NOTIFY": "off"}, ""),
])
def test_terminal_notifications_only_where_the_terminal_shows_them(env, expected):
    assert osc.notification("Reminder", "Break starts\x1b]0;x\x07 in 5 min", env).replace("]0;x", "") == expected
