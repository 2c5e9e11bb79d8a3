"""The model's records behave like frozen, slotted dataclasses (see records.py for why they are not)."""

from __future__ import annotations

import copy
import pickle
from datetime import date, datetime, timezone

import pytest

from c4ml_tui.core import model
from c4ml_tui.core.model import ChairSettings, Event, FrozenInstanceError, Item, Program, Speaker, Talk
from c4ml_tui.core.records import Factory, record

T0 = datetime(2031, 6, 10, 9, 0, tzinfo=timezone.utc)
T1 = datetime(2031, 6, 10, 10, 0, tzinfo=timezone.utc)


def test_construction_defaults_and_signature():
    item = Item("a", "A", T0, T1)
    assert (item.kind, item.room, item.talks, item.fixed) == ("session", None, (), False)
    assert Item(id="a", title="A", start=T0, end=T1, kind="break").kind == "break"
    with pytest.raises(TypeError):
        Item("a", "A", T0)  # end is missing
    with pytest.raises(TypeError):
        Item("a", "A", T0, T1, colour="red")
    with pytest.raises(TypeError):
        Item("a", "A", T0, T1, id="b")


def test_frozen():
    speaker = Speaker("ada", "Ada Example")
    with pytest.raises(FrozenInstanceError):
        speaker.name = "Bo Placeholder"
    with pytest.raises(AttributeError):
        del speaker.name
    with pytest.raises(AttributeError):
        speaker.nickname = "A"  # slotted: no new attributes either


def test_equality_hash_repr():
    a, b = Talk("t", "T", T0, T1, ("ada",)), Talk("t", "T", T0, T1, ("ada",))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != model.replace(a, title="U") and a != ("t", "T", T0, T1, ("ada",), None, None)
    assert repr(Speaker("ada", "Ada Example")) == \
        "Speaker(id='ada', name='Ada Example', affiliation=None, bio=None, url=None, guid=None, source_id=None)"


def test_replace_fields_asdict():
    item = Item("a", "A", T0, T1, talks=(Talk("t", "T", T0, T1),))
    later = model.replace(item, title="B", room="Oak")
    assert (later.title, later.room, later.id, item.title) == ("B", "Oak", "a", "A")
    assert later.__replace__(title="C").title == "C"  # what copy.replace calls on Python 3.13+
    with pytest.raises(TypeError):
        model.replace(item, colour="red")
    assert model.fields(Item)[:4] == ("id", "title", "start", "end") == Item.__slots__[:4]
    plain = model.asdict(item)
    assert plain["talks"] == ({"id": "t", "title": "T", "start": T0, "end": T1, "speakers": (), "abstract": None,
                               "subtitle": None},)


def test_copy_pickle_and_match():
    event = Event("Fictional Workshop", date(2031, 6, 10), "Europe/Berlin")
    program = Program(event, (Item("a", "A", T0, T1),), {"ada": Speaker("ada", "Ada Example")})
    for clone in (copy.copy(program), copy.deepcopy(program), pickle.loads(pickle.dumps(program))):
        assert clone == program and clone.tz.key == "Europe/Berlin"
    match program.items[0]:
        case Item(ident, title):
            assert (ident, title) == ("a", "A")


def test_factory_defaults_are_fresh():
    event = Event("E", date(2031, 6, 10), "UTC")
    a, b = Program(event, ()), Program(event, ())
    assert a.speakers == {} and a.speakers is not b.speakers and a.chair == ChairSettings()


def test_cached_properties_work_on_records_with_a_dict():
    event = Event("E", date(2031, 6, 10), "Europe/Berlin")
    assert event.tz is event.tz and event == Event("E", date(2031, 6, 10), "Europe/Berlin")


def test_a_field_without_default_after_one_with_is_refused():
    with pytest.raises(TypeError):
        @record
        class Bad:
            a: int = 1
            b: int

    @record
    class Good:
        a: int
        b: list = Factory(list)

    assert Good(1) == Good(1, []) and Good(1).b is not Good(1).b


def test_a_records_first_use_is_checked_as_every_later_one():
    """A record compiles its ``__init__`` when the first one is made (``now`` imports records it
    never makes): that first call checks its arguments and fills defaults as every later one."""

    @record
    class Place:
        name: str
        rooms: list = Factory(default_factory=list)
        floor: int = 0

    with pytest.raises(TypeError, match="name"):
        Place()  # the very first call: nothing compiled yet
    first, second = Place("Willow"), Place("Willow")
    assert (first.name, first.rooms, first.floor) == ("Willow", [], 0)
    assert first == second and first.rooms is not second.rooms
    assert Place("Pine", floor=2).floor == 2 and Place.__init__.__qualname__.endswith("Place.__init__")
