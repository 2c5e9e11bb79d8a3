"""SVG snapshots of the rooms board and of the agenda of a multi-day, multi-room program
(fictional), at a fixed size and instant. Update with ``pytest --snapshot-update`` and look at
every changed SVG before committing it."""

from __future__ import annotations

from apptools import app_at, load_data


def test_rooms_board_80x24(snap_compare):
    app, _ = app_at(load_data("rooms.yaml"), 10, 5)
    assert snap_compare(app, terminal_size=(80, 24))


def test_rooms_board_200x60(snap_compare):
    app, _ = app_at(load_data("rooms.yaml"), 10, 5)
    assert snap_compare(app, terminal_size=(200, 60), press=["down"])


def test_agenda_second_day_filtered_80x24(snap_compare):
    app, _ = app_at(load_data("rooms.yaml"), 10, 5)
    assert snap_compare(app, terminal_size=(80, 24), press=["a", "t", *"comp", "enter", "right_square_bracket"])
