from datetime import datetime

from c4ml_tui.core.timeline import Timeline


def test_bundled_program_has_the_published_day(c4ml):
    titles = [i.title for i in c4ml.items]
    assert titles == ["Opening", "Session 1", "Break", "Session 2", "Lunch", "Session 3", "Break",
                      "Session 4 - Poster Lightning Talks"]
    assert c4ml.event.timezone == "America/Los_Angeles"


def test_session_1_is_on_at_915(c4ml):
    snap = Timeline(c4ml).at(datetime(2025, 3, 2, 9, 15, tzinfo=c4ml.tz))
    assert snap.status == "live"
    assert snap.current.title == "Session 1"
    assert snap.remaining.total_seconds() == 45 * 60
