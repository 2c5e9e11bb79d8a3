"""Speakers by identity, not by id alone, on a fictional merged schedule that reuses person ids
the way 36C3's merged schedule does (``tests/fixtures/merged_fictional.xml``); and the
conference day, kinds from titles, and where the rule lives (``formats/people.py``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from c4ml_tui.core.model import replace
from c4ml_tui.formats.kinds import kind_for
from c4ml_tui.formats.people import People, RawPerson
from c4ml_tui.sources.loader import load

MERGED = Path(__file__).parent / "fixtures" / "merged_fictional.xml"


def names(program, item_id: str) -> list[str]:
    return [program.speakers[s].name for s in program.by_id[item_id].speakers]


def test_one_id_for_two_people_is_two_speakers_and_id_0_is_no_id():
    program = load(MERGED, use_cache=False)
    assert names(program, "101") == ["Ada Example"]
    assert names(program, "102") == ["Bo Sample", "Cy Dummy"]
    assert names(program, "103") == ["Dee Nobody", "Cy Dummy"]
    assert names(program, "104") == ["Ada Example", "Eve Invented"]
    assert sorted(s.name for s in program.speakers.values()) == [
        "Ada Example", "Bo Sample", "Cy Dummy", "Dee Nobody", "Eve Invented"]


def test_the_same_person_on_several_items_is_one_speaker_with_all_their_talks():
    program = load(MERGED, use_cache=False)
    ada = next(s for s in program.speakers.values() if s.name == "Ada Example")
    assert [i.title for i in program.talks_of(ada.id)] == ["Querying Imaginary Graphs", "More Imaginary Graphs"]
    cy = next(s for s in program.speakers.values() if s.name == "Cy Dummy")
    assert [i.title for i in program.talks_of(cy.id)] == ["Fictional Soldering", "Made-up Music"]
    eve = program.speakers["7"]  # an id that names one person keeps it as the speaker's id
    assert eve.name == "Eve Invented" and eve.source_id == "7"
    assert ada.id == "5~Ada Example" and ada.source_id == "5"


def test_a_guid_is_an_identity_and_a_name_alone_joins_the_one_keyed_speaker_of_that_name():
    people = People()
    persons = [RawPerson("g-1", "3", "Ada Example"), RawPerson(None, "0", "Ada Example"),
               RawPerson(None, "3", "Bo Sample"), RawPerson("g-1", None, "Ada  Example")]
    people.learn(persons)
    refs = [people.ref(p) for p in persons]
    assert refs == ["g-1", "g-1", "3", "g-1"]
    assert people.speakers["g-1"].guid == "g-1"


def test_days_kinds_and_lookup_by_guid():
    program = load(MERGED, use_cache=False)
    late = program.by_id["105"]
    assert late.start.date() == date(2031, 12, 28) and late.day == date(2031, 12, 27)
    assert program.days == (date(2031, 12, 27), date(2031, 12, 28))
    assert program.by_id["106"].kind == "lunch" and program.by_id["106"].fixed
    assert program.by_id["201"].kind == "break"
    assert program.find("5b7c9c0e-0000-4000-8000-000000000104") is program.by_id["104"]
    assert program.find("104") is program.by_id["104"] and program.find("nope") is None
    assert replace(late, conference_day=None).day == date(2031, 12, 28)


def test_kinds_from_well_known_titles_in_several_languages():
    assert [kind_for(None, t) for t in ("Lunch", "Afternoon break", "Registration / Breakfast", "Pranzo",
                                        "Kaffeepause", "Opening", "Closing ceremony", "DjangoGirls Lunch")] == [
        "lunch", "break", "lunch", "lunch", "break", "opening", "other", "lunch"]
    assert [kind_for(None, t) for t in ("Breaking NATO Radio Encryption", "Give open source a (tax) break",
                                        "Lunchtime Event", "The Diner Podcast - live", "Keynote: A Long Title")] == [
        "talk"] * 5
    assert kind_for("Coffee break", "Anything") == "break" and kind_for("Talk", "Lunch") == "lunch"
