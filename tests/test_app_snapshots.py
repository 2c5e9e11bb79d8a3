"""SVG snapshots at a fixed size and instant. Update them with ``pytest --snapshot-update`` and
look at every changed SVG before committing it."""

from __future__ import annotations

from pathlib import Path

from apptools import app_at, load_data

from c4ml_tui.sources.loader import load

SEARCH_FIXTURE = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


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


def test_search_zoe_80x24(snap_compare):
    app, _ = app_at(load(SEARCH_FIXTURE, use_cache=False), 9, 20)
    assert snap_compare(app, terminal_size=(80, 24), press=["slash", "z", "o", "e", "down", "down"])


def test_my_day_with_a_clash_80x24(snap_compare):
    app, _ = app_at(load(SEARCH_FIXTURE, use_cache=False), 9, 20)

    async def star(pilot):
        for entry_id in ("t-zoe", "t-zoology", "keynote"):
            app.favourites.star(entry_id)  # no notification over the picture

    assert snap_compare(app, terminal_size=(80, 24), run_before=star, press=["m"])
