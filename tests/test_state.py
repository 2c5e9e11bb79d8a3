"""The app's one owner of the program (``tui/state.py``), without an app: a new copy of the
program, a chair's mark or a filter gives a new state in which every part agrees."""

from __future__ import annotations

from datetime import timedelta

from apptools import load_data
from chair_fixtures import at, fictional

from c4ml_tui.core.filters import Filter
from c4ml_tui.core.model import replace
from c4ml_tui.tui import desk
from c4ml_tui.tui.state import State


def renamed(program, entry_id: str, title: str):
    """``program`` with one item or talk retitled (an organiser's edit, seen after a refresh)."""
    def one(entry):
        return replace(entry, title=title) if entry.id == entry_id else entry

    items = tuple(replace(one(i), talks=tuple(one(t) for t in i.talks)) for i in program.items)
    return replace(program, items=items, digest="edited")


def test_every_part_of_a_new_state_sees_the_new_program():
    old = State(fictional())
    old.search_index()  # built for the old copy
    new = old.with_program(renamed(old.program, "keynote", "Keynote on Compilers That Finally Exist"))
    assert new.timeline.program is new.program
    assert new.search_index().program is new.program
    assert new.search_index().search("finally exist").total == 1
    assert old.search_index().search("finally exist").total == 0  # the old state is untouched


def test_a_new_copy_of_the_same_program_keeps_the_marks_and_stars():
    old = State(fictional())
    old.favourites.star("a2")
    assert desk.start(old, at("09:17")).done
    new = old.with_marks().with_program(renamed(old.program, "a1", "Lowering Dreams to Loops, Revised"))
    assert new.user is old.user and new.favourites.ids == ("a2",)
    assert new.timeline.delay(new.program.by_id["a2"]) == timedelta(minutes=7)


def test_another_program_reads_its_own_user_data():
    old = State(fictional())
    old.favourites.star("a2")
    other = replace(old.program, event=replace(old.program.event, title="Another Imaginary Workshop"))
    assert old.with_program(other).favourites.ids == ()


def test_a_mark_after_a_refresh_keeps_the_new_program():
    """The reproduced bug: the chair's first mark after a URL refresh put the old program back."""
    state = State(fictional()).with_program(renamed(fictional(), "a1", "Lowering Dreams, Retitled"))
    outcome = desk.start(state, at("09:12"))
    assert outcome.message == "Started Lowering Dreams, Retitled at 09:12."
    after = state.with_marks()
    assert after.program is state.program and after.timeline.program is state.program
    assert after.timeline.start(after.program.by_id["a1"]) == at("09:12")


def test_the_chairs_keys_act_in_the_room_on_screen():
    """The reproduced bug: with the board filtered to one room, the chair's desk used every room."""
    state = State(load_data("rooms.yaml"))
    studio = state.with_filter(Filter(room="Studio Zwei"))
    now = at("09:31", "2031-09-15")
    assert studio.chair_room == "Studio Zwei"
    assert desk.start(studio, now).message == "Started Café Öffentlich: Ärger mit Übersetzern at 09:31."
    # No room chosen in a program with parallel rooms: the chair is asked for one, nothing is marked.
    assert desk.start(state, now).message == "Pick the room you chair first: press r."
    assert [m.id for m in state.with_marks().marks] == ["s1"]  # only Studio Zwei's talk


def test_a_filter_for_a_room_that_is_gone_is_dropped():
    state = State(load_data("rooms.yaml")).with_filter(Filter(room="Studio Zwei", track="Society"))
    gone = replace(state.program, items=tuple(i for i in state.program.items if i.room != "Studio Zwei"))
    assert state.with_program(gone).flt == Filter(track="Society")


def test_a_filter_change_keeps_the_timeline_and_index():
    state = State(load_data("rooms.yaml"))
    index = state.search_index()
    narrowed = state.with_filter(Filter(room="Hall Ω"))
    assert narrowed.timeline is state.timeline and narrowed.search_index() is index
    assert {i.room for i in narrowed.narrowed().items} == {"Hall Ω", None}
