"""SVG snapshots at a fixed size and instant. Update them with ``pytest --snapshot-update`` and
look at every changed SVG before committing it."""

from __future__ import annotations

from apptools import app_at, load_data


def test_board_at_915_80x24(snap_compare, c4ml):
    app, _ = app_at(c4ml, 9, 15)
    assert snap_compare(app, terminal_size=(80, 24))


def test_board_at_915_200x60(snap_compare, c4ml):
    app, _ = app_at(c4ml, 9, 15)
    assert snap_compare(app, terminal_size=(200, 60))


def test_agenda_in_the_gap_80x24(snap_compare, c4ml):
    app, _ = app_at(c4ml, 11, 55)
    assert snap_compare(app, terminal_size=(80, 24), press=["a"])


def test_talk_on_stage_80x24(snap_compare):
    app, _ = app_at(load_data("fictional.yaml"), 9, 20)
    assert snap_compare(app, terminal_size=(80, 24))


def test_talk_detail_80x24(snap_compare):
    app, _ = app_at(load_data("fictional.yaml"), 9, 20)
    assert snap_compare(app, terminal_size=(80, 24), press=["down", "enter"])


def test_markup_looking_program_80x24(snap_compare):
    app, _ = app_at(load_data("markup.yaml"), 9, 20)
    assert snap_compare(app, terminal_size=(80, 24))
