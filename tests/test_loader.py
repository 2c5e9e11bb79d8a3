"""The loader: the happy path into the model, and every rejection with its FILE:LINE."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from core_helpers import FIXTURES, HEADER, parse, write

from c4ml_tui.core.model import Item, Poster, Program, Speaker, Talk
from c4ml_tui.core.zones import check_zone
from c4ml_tui.formats.problems import ProgramError
from c4ml_tui.sources.loader import load


def problems(tmp_path, text: str | bytes) -> tuple[str, list[str]]:
    """Load ``text`` from a file; return its path and the problem lines (it must fail)."""
    path = write(tmp_path, text)
    with pytest.raises(ProgramError) as caught:
        load(path, use_cache=False)
    lines = [str(p) for p in caught.value.problems]
    assert str(caught.value) == "\n".join(lines)
    return str(path), lines


def only(tmp_path, text, line: int, *phrases: str) -> str:
    """Assert ``text`` has exactly one problem, at ``line``, whose message says every phrase."""
    path, found = problems(tmp_path, text)
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:{line}: "), found
    for phrase in phrases:
        assert phrase in found[0], (phrase, found[0])
    return found[0]


def at(path: str, found: list[str], line: int, phrase: str) -> None:
    """Assert one of ``found`` is at ``line`` and says ``phrase``."""
    assert any(f.startswith(f"{path}:{line}: ") and phrase in f for f in found), (line, phrase, found)


# -- the happy path ---------------------------------------------------------------------------------

@pytest.fixture
def fictional() -> Program:
    return load(FIXTURES / "fictional.yaml", use_cache=False)


def test_event_fields_load(fictional):
    ev = fictional.event
    assert (ev.title, ev.edition, ev.date, ev.timezone) == (
        "Fictional Workshop on Imaginary Compilers", "1st FWIC", date(2031, 6, 10), "Europe/Berlin")
    assert (ev.location, ev.venue, ev.room) == ("Nowhere, Atlantis", "The Placeholder Hall", "Room A")
    assert ev.description == "A workshop that never happened."
    assert fictional.source == str(FIXTURES / "fictional.yaml")
    assert len(fictional.digest) == 64


def test_items_are_sorted_aware_and_in_the_event_zone(fictional):
    assert [i.id for i in fictional.items] == ["opening", "s1", "coffee", "lunch", "posters"]
    for item in fictional.items:
        assert item.start.tzinfo is fictional.tz and item.end.tzinfo is fictional.tz
        assert item.room == "Room A"  # the event's room is the default
    opening = fictional.items[0]
    assert opening == Item("opening", "Welcome", datetime(2031, 6, 10, 9, 0, tzinfo=fictional.tz),
                           datetime(2031, 6, 10, 9, 10, tzinfo=fictional.tz), kind="opening", room="Room A")


def test_talks_speakers_and_posters_load(fictional):
    assert fictional.speakers["ada"] == Speaker("ada", "Ada Example", affiliation="Example University")
    assert fictional.speakers["bo"].url == "https://example.org/bo"
    assert fictional.speakers["cy"].bio == "Writes compilers for machines that do not exist."
    s1 = fictional.by_id["s1"]
    assert s1.chair == "bo" and s1.description == "Three talks, with a gap for questions."
    assert [t.id for t in s1.talks] == ["t1", "t2", "t3"]
    t2 = s1.talks[1]
    assert isinstance(t2, Talk) and t2.speakers == ("bo", "cy") and t2.title == "Phantom Tensors"
    assert s1.talks[0].abstract == "Loops that are not there."
    assert fictional.parent["t2"] is s1
    posters = fictional.by_id["posters"].posters
    assert posters == (Poster("p1", "A Poster About Nothing", ("ada", "Someone Else")),
                       Poster("p2", "Another Poster", ("cy",), "Still nothing."))
    assert fictional.talk_count == 3
    assert [x.id for x in fictional.talks_of("bo")] == ["s1", "t2"]  # chairs s1, speaks in t2
    assert fictional.speaker_name("Someone Else") == "Someone Else"


def test_kinds_and_fixed(fictional):
    kinds = {i.id: (i.kind, i.fixed) for i in fictional.items}
    assert kinds == {"opening": ("opening", False), "s1": ("session", False), "coffee": ("break", False),
                     "lunch": ("lunch", True), "posters": ("posters", False)}


def test_unquoted_830_and_quoted_0840_are_the_same_clock_time(tmp_path):
    path = write(tmp_path, HEADER + "schedule:\n"
                 "  - {id: a, title: A, start: 8:30, end: 8:40}\n"
                 "  - {id: b, title: B, start: \"08:40\", end: \"8:50\"}\n"
                 "  - {id: c, title: C, start: 08:50, end: 10:00:30}\n")
    program = load(path, use_cache=False)
    a, b, c = program.items
    assert (a.start.hour, a.start.minute) == (8, 30)
    assert a.end == b.start  # 8:40 (the integer 520 to YAML 1.1) == "08:40"
    assert b.end == c.start and c.end.second == 30


def test_several_days_and_rooms_load():
    program = load(FIXTURES / "multiday.yaml", use_cache=False)
    assert program.days == (date(2031, 6, 10), date(2031, 6, 11))
    assert program.rooms == ("Oak", "Elm")
    day2 = program.by_id["d2-oak"]
    # "10:00" after a start of "2031-06-11 09:00" is on the 11th, and so is the talk's "09:00"
    assert day2.end == datetime(2031, 6, 11, 10, 0, tzinfo=program.tz)
    assert day2.talks[0].start == datetime(2031, 6, 11, 9, 0, tzinfo=program.tz)


def test_full_date_times_with_offsets_and_yaml_timestamps(tmp_path):
    program = load(write(tmp_path, HEADER + "schedule:\n"
                         "  - {id: a, title: A, start: 2031-06-10 09:00:00, end: \"2031-06-10T10:00+02:00\"}\n"
                         "  - {id: b, title: B, start: 2031-06-10T08:00:00Z, end: \"2031-06-10 11:00\"}\n"),
                   use_cache=False)
    a, b = program.items
    assert a.start.hour == 9 and a.end.hour == 10 and b.start.hour == 10  # 08:00Z is 10:00 in Berlin
    assert all(x.tzinfo is program.tz for x in (a.start, a.end, b.start, b.end))


def test_x_prefixed_keys_are_allowed_everywhere(tmp_path):
    load(write(tmp_path, "x-generator: a script\n"
               "event: {title: T, date: 2031-06-10, timezone: UTC, x-id: 7}\n"
               "schedule:\n  - {id: a, title: A, start: \"09:00\", end: \"10:00\", x-colour: red}\n"),
         use_cache=False)


def test_an_empty_schedule_loads(tmp_path):
    program = load(write(tmp_path, HEADER + "schedule: []\n"), use_cache=False)
    assert program.items == () and program.days == (date(2031, 6, 10),)


def test_a_utf8_bom_and_crlf_line_ends_are_fine(tmp_path):
    text = (HEADER + "schedule:\n  - {id: a, title: A, start: \"09:00\", end: \"10:00\"}\n").replace("\n", "\r\n")
    program = load(write(tmp_path, b"\xef\xbb\xbf" + text.encode()), use_cache=False)
    assert program.items[0].title == "A"


def test_control_characters_in_text_are_removed(tmp_path):
    program = load(write(tmp_path, HEADER + 'schedule:\n  - {id: a, title: "Bad \\e[31mred\\e[0m \\u202eflip", '
                                            'start: "09:00", end: "10:00"}\n'), use_cache=False)
    assert program.items[0].title == "Bad [31mred[0m flip"


def test_the_bundled_program_is_valid_and_as_published(c4ml):
    assert c4ml.event.date == date(2025, 3, 2)
    spans = [(i.start.strftime("%H:%M"), i.end.strftime("%H:%M"), i.kind) for i in c4ml.items]
    assert spans == [("08:30", "08:40", "opening"), ("08:40", "10:00", "session"), ("10:00", "10:30", "break"),
                     ("10:30", "11:50", "session"), ("12:00", "13:00", "lunch"), ("13:00", "15:00", "session"),
                     ("15:00", "15:30", "break"), ("15:30", "16:20", "session")]
    assert c4ml.items[0].start.utcoffset() == timedelta(hours=-8)  # PST on March 2
    assert c4ml.talk_count == 0 and c4ml.speakers == {}  # the published page names none


def test_parse_works_on_bytes_and_names_the_source():
    content = (FIXTURES / "fictional.yaml").read_bytes()
    assert parse(content, "somewhere.yaml").source == "somewhere.yaml"


# -- rejections, each at its line -------------------------------------------------------------------

def test_yaml_syntax_error(tmp_path):
    only(tmp_path, HEADER + "schedule:\n  - id: a\n    title: [unclosed\n", 5,
         "YAML syntax error", "started at line 4")


def test_yaml_syntax_error_bad_indentation(tmp_path):
    only(tmp_path, HEADER + "schedule:\n  - id: a\n   title: A\n", 4, "YAML syntax error")


def test_top_level_not_a_mapping(tmp_path):
    only(tmp_path, "- a\n- b\n", 1, "the top level must be a mapping", "not a list")


@pytest.mark.parametrize("text, seen", [("just text\n", "'just text'"), ("42\n", "'42'"),
                                        ("%PDF-1.4\n\0\0", "binary data (a PDF)")])
def test_a_file_in_no_known_format_says_which_formats_are(tmp_path, text, seen):
    only(tmp_path, text, 1, "not a program or schedule c4ml-tui can read", "iCalendar (BEGIN:VCALENDAR)",
         "frab/pentabarf XML", "schedule JSON", "c4ml-tui YAML", seen)


def test_missing_zone(tmp_path):
    only(tmp_path, "event:\n  title: T\n  date: 2031-06-10\nschedule: []\n", 2, "event needs 'timezone'")


def test_unknown_zone_suggests_the_right_one(tmp_path):
    message = only(tmp_path, "event: {title: T, date: 2025-03-02, timezone: America/Las_Vegas}\nschedule: []\n",
                   1, "'America/Las_Vegas' is not a known time zone")
    assert message.endswith("did you mean America/Los_Angeles?")


@pytest.mark.parametrize("zone, hint", [("Europe/Berln", "Europe/Berlin"), ("europe/berlin", "Europe/Berlin"),
                                        ("Europe/Munich", "Europe/Berlin"), ("PST", None), ("", None)])
def test_zone_suggestions(zone, hint):
    message = check_zone(zone)
    assert message is not None
    assert (f"did you mean {hint}?" in message) if hint else ("IANA zone" in message)


def test_impossible_date(tmp_path):
    path, found = problems(tmp_path, "event:\n  title: T\n  date: 2025-02-30\n  timezone: UTC\n"
                                     "schedule:\n  - {id: a, title: A, start: \"09:00\", end: \"10:00\"}\n")
    assert found == [f"{path}:3: '2025-02-30' cannot be read: day is out of range for month"]


def test_a_date_that_is_not_a_date(tmp_path):
    only(tmp_path, "event: {title: T, date: next sunday, timezone: UTC}\nschedule: []\n", 1,
         "event 'date' must be a date such as 2025-03-02")


@pytest.mark.parametrize("value", ['"8h30"', '"25:00"', '"09:60"', "nine", "8.30", "2031-06-11", '"2031-06-11"',
                                   "[9, 0]", "true"])
def test_malformed_time(tmp_path, value):
    text = HEADER + f"schedule:\n  - id: a\n    title: A\n    start: {value}\n    end: \"10:00\"\n"
    only(tmp_path, text, 5, "item 'a' 'start'", "time")


def test_end_not_after_start(tmp_path):
    only(tmp_path, HEADER + "schedule:\n  - {id: a, title: A, start: \"10:00\", end: \"10:00\"}\n", 3,
         "item 'a' ends at 10:00, not after its start 10:00")
    message = only(tmp_path, HEADER + "schedule:\n  - id: a\n    title: A\n    start: \"23:00\"\n    end: \"01:00\"\n",
                   6, "ends at 01:00, not after its start 23:00")
    assert "next day needs a full date-time" in message


def test_overlapping_items_in_one_room(tmp_path):
    text = HEADER + ("schedule:\n"
                     "  - {id: a, title: A, start: \"09:00\", end: \"10:00\"}\n"
                     "  - {id: b, title: B, start: \"09:30\", end: \"10:30\"}\n")
    only(tmp_path, text, 4, "item 'b' (09:30-10:30) overlaps 'a' (09:00-10:00, line 3)")


def test_parallel_rooms_may_overlap_but_not_within_a_room(tmp_path):
    text = HEADER + ("schedule:\n"
                     "  - {id: a, title: A, start: \"09:00\", end: \"10:00\", room: Oak}\n"
                     "  - {id: b, title: B, start: \"09:00\", end: \"10:00\", room: Elm}\n"
                     "  - {id: c, title: C, start: \"09:59\", end: \"10:30\", room: Oak}\n"
                     "  - {id: d, title: D, start: \"10:00\", end: \"10:30\", room: Elm}\n")
    only(tmp_path, text, 5, "item 'c'", "overlaps 'a'", "in room Oak")


def test_touching_items_do_not_overlap(tmp_path):
    load(write(tmp_path, HEADER + "schedule:\n  - {id: a, title: A, start: \"09:00\", end: \"10:00\"}\n"
                                  "  - {id: b, title: B, start: \"10:00\", end: \"11:00\"}\n"), use_cache=False)


def test_talk_outside_its_item(tmp_path):
    text = HEADER + ("schedule:\n  - id: s\n    title: S\n    start: \"09:00\"\n    end: \"10:00\"\n    talks:\n"
                     "      - {id: t1, title: T1, start: \"09:00\", end: \"09:30\"}\n"
                     "      - {id: t2, title: T2, start: \"09:30\", end: \"10:05\"}\n")
    only(tmp_path, text, 9, "talk 't2' (09:30-10:05) is outside item 's' (09:00-10:00)")


def test_overlapping_talks(tmp_path):
    text = HEADER + ("schedule:\n  - id: s\n    title: S\n    start: \"09:00\"\n    end: \"10:00\"\n    talks:\n"
                     "      - {id: t1, title: T1, start: \"09:00\", end: \"09:30\"}\n"
                     "      - {id: t2, title: T2, start: \"09:20\", end: \"09:40\"}\n")
    only(tmp_path, text, 9, "talk 't2' starts at 09:20, before talk 't1' ends at 09:30")


def test_unknown_speaker_id(tmp_path):
    text = HEADER + ("speakers:\n  - {id: ada, name: Ada Example}\n  - {id: bo, name: Bo Placeholder}\n"
                     "schedule:\n  - id: s\n    title: S\n    start: \"09:00\"\n    end: \"10:00\"\n    talks:\n"
                     "      - id: t1\n        title: T1\n        start: \"09:00\"\n        end: \"09:30\"\n"
                     "        speakers:\n          - ada\n          - adda\n          - zed\n")
    path, found = problems(tmp_path, text)
    assert found == [f"{path}:17: unknown speaker id 'adda' (did you mean 'ada'?)",
                     f"{path}:18: unknown speaker id 'zed' (add it under speakers:)"]


def test_duplicate_ids(tmp_path):
    text = HEADER + ("speakers:\n  - {id: ada, name: Ada Example}\n  - {id: ada, name: Ada Again}\n"
                     "schedule:\n  - {id: a, title: A, start: \"09:00\", end: \"10:00\"}\n"
                     "  - id: b\n    title: B\n    start: \"10:00\"\n    end: \"11:00\"\n"
                     "    talks:\n      - {id: a, title: T, start: \"10:00\", end: \"10:30\"}\n")
    path, found = problems(tmp_path, text)
    assert found == [f"{path}:4: duplicate speaker id 'ada' (first at line 3)",
                     f"{path}:12: duplicate id 'a' (first at line 6)"]


def test_duplicate_keys(tmp_path):
    text = HEADER + "schedule:\n  - id: a\n    title: A\n    start: \"09:00\"\n    title: B\n    end: \"10:00\"\n"
    only(tmp_path, text, 6, "duplicate key 'title' (first at line 4)")


def test_duplicate_top_level_key(tmp_path):
    only(tmp_path, HEADER + "schedule: []\nschedule: []\n", 3, "duplicate key 'schedule' (first at line 2)")


def test_wrong_types(tmp_path):
    text = HEADER + ("speakers: ada\n"
                     "schedule:\n  - id: s\n    title: S\n    start: \"09:00\"\n    end: \"10:00\"\n"
                     "    talks: none yet\n    posters: {p1: x}\n    speakers: [[ada]]\n    fixed: maybe\n")
    path, found = problems(tmp_path, text)
    assert found == [
        f"{path}:2: the program 'speakers' must be a list, not text",
        f"{path}:8: item 's' 'talks' must be a list, not text",
        f"{path}:9: item 's' 'posters' must be a list, not a mapping",
        f"{path}:10: each entry of 'speakers' must be text, not a list",
        f"{path}:11: item 's' 'fixed' must be true or false",
    ]


def test_schedule_must_be_a_list_of_mappings(tmp_path):
    path, found = problems(tmp_path, HEADER + "schedule:\n  - just a title\n")
    assert found == [f"{path}:3: each entry of 'schedule' must be a mapping, not text"]


def test_missing_required_fields(tmp_path):
    path, found = problems(tmp_path, "event: {title: T, date: 2031-06-10, timezone: UTC}\n"
                                     "schedule:\n  - {id: a, start: \"09:00\", end: \"10:00\"}\n"
                                     "  - {id: b, title: ~, start: \"11:00\"}\n")
    assert found == [f"{path}:3: a schedule item needs 'title'",
                     f"{path}:4: a schedule item needs 'title' (it is empty)",
                     f"{path}:4: a schedule item needs 'end'"]


def test_missing_event_and_schedule(tmp_path):
    path, found = problems(tmp_path, "speakers: []\n")
    assert found == [f"{path}:1: the program needs 'event'", f"{path}:1: the program needs 'schedule'"]


def test_unknown_keys_and_kinds(tmp_path):
    path, found = problems(tmp_path, HEADER + "schedule:\n  - {id: a, title: A, start: \"09:00\", end: \"10:00\", "
                                              "kind: sesion, strat: x}\n")
    assert f"{path}:3: item 'a' kind 'sesion' is not known: did you mean 'session'? " \
           "one of opening, session, talk, break, lunch, posters, other" in found
    at(path, found, 3, "unknown key 'strat' in a schedule item (did you mean 'start'?)")


def test_empty_file(tmp_path):
    path, found = problems(tmp_path, "")
    assert found == [f"{path}:1: the file is empty"]
    path, found = problems(tmp_path, "# only a comment\n\n")
    assert found == [f"{path}:1: the file is empty"]


def test_not_utf8(tmp_path):
    path, found = problems(tmp_path, HEADER.encode() + b"schedule:\n  - {id: a, title: Caf\xe9}\n")
    assert found == [f"{path}:3: not UTF-8 text (byte 0xe9); save the file as UTF-8"]


@pytest.mark.parametrize("tagged, shown", [
    ("!!python/object/apply:os.system [\"echo pwned\"]", "!!python/object/apply:os.system"),
    ("!!python/object:collections.OrderedDict {}", "!!python/object:collections.OrderedDict"),
    ("!!python/name:os.system ''", "!!python/name:os.system"),
    ("!!binary aGVsbG8=", "!!binary"),
    ("!!set {a, b}", "!!set"),
    ("!custom thing", "!custom"),
])
def test_object_building_tags_are_refused(tmp_path, tagged, shown):
    text = HEADER + f"schedule:\n  - id: a\n    title: {tagged}\n    start: \"09:00\"\n    end: \"10:00\"\n"
    only(tmp_path, text, 4, f"the tag {shown} is not allowed: only plain data is read")


def test_merge_keys_are_refused(tmp_path):
    text = HEADER + ("x-base: &base {start: \"09:00\", end: \"10:00\"}\n"
                     "schedule:\n  - <<: *base\n    id: a\n    title: A\n")
    path, found = problems(tmp_path, text)
    at(path, found, 4, "merge keys (<<) are not supported")


def test_alias_bomb_is_reported_quickly(tmp_path):
    lines = [HEADER.rstrip("\n"), "x-0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"x-{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    lines.append("schedule: *a9")  # 9**10 values once expanded
    message = only(tmp_path, "\n".join(lines) + "\n", 7, "alias bomb")  # x-5: 9**6 values
    assert "100,000" in message  # refused at the count, long before 9**10 values exist


def test_an_alias_that_contains_itself(tmp_path):
    only(tmp_path, HEADER + "x-loop: &loop [*loop]\nschedule: []\n", 2, "an alias refers to itself")


def test_modest_aliases_are_fine(tmp_path):
    text = HEADER + ("x-room: &room Oak\nschedule:\n"
                     "  - {id: a, title: A, start: \"09:00\", end: \"10:00\", room: *room}\n")
    assert load(write(tmp_path, text), use_cache=False).items[0].room == "Oak"


def test_deep_nesting_is_refused(tmp_path):
    path, found = problems(tmp_path, HEADER + "x-deep: " + "[" * 100 + "]" * 100 + "\nschedule: []\n")
    at(path, found, 2, "nesting deeper than 64 levels")


def test_several_problems_are_all_reported_in_line_order(tmp_path):
    text = ("event: {title: T, date: 2031-06-10, timezone: Mars/Olympus}\n"
            "schedule:\n"
            "  - {id: a, title: A, start: \"09:00\", end: \"08:00\"}\n"
            "  - {id: a, title: B, start: nope, end: \"10:30\", kind: sesion}\n"
            "  - {title: C, start: \"11:00\", end: \"12:00\", extra: 1}\n")
    path, found = problems(tmp_path, text)
    lines = [int(f[len(path) + 1:].split(":", 1)[0]) for f in found]
    assert lines == sorted(lines) and len(found) >= 6
    at(path, found, 1, "'Mars/Olympus' is not a known time zone")
    at(path, found, 3, "ends at 08:00, not after its start 09:00")
    at(path, found, 4, "duplicate id 'a' (first at line 3)")
    at(path, found, 4, "'nope' is not a time")
    at(path, found, 4, "kind 'sesion' is not known")
    at(path, found, 5, "unknown key 'extra'")
    at(path, found, 5, "a schedule item needs 'id'")


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(ProgramError) as caught:
        load(tmp_path / "nope.yaml")
    assert str(caught.value) == f"{tmp_path / 'nope.yaml'}: no such file"
    with pytest.raises(ProgramError) as caught:
        load(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a folder, not a program file"


def test_text_from_the_file_is_data(tmp_path):
    program = load(write(tmp_path, HEADER + "schedule:\n  - {id: \"[b]x[/b]\", title: \"[/] oops {0} %s\", "
                                            "start: \"09:00\", end: \"10:00\"}\n"), use_cache=False)
    assert program.items[0].title == "[/] oops {0} %s" and program.items[0].id == "[b]x[/b]"


def test_a_character_yaml_forbids(tmp_path):
    path, found = problems(tmp_path, HEADER + "schedule: []\n# caf\u00e9 \u00e9\u00e9\u00e9\n\x07\n")
    assert found == [f"{path}:4: the character U+0007 is not allowed in YAML text"]


def test_an_endless_file_is_refused_not_read():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    with pytest.raises(ProgramError) as caught:
        load("/dev/zero")  # (an endless read would never come back)
    assert str(caught.value) == "/dev/zero: is larger than 64 MB: not a program file"


def test_the_top_level_and_the_packaged_program_are_the_same_file():
    from c4ml_tui.sources.loader import bundled_file

    root = Path(__file__).resolve().parents[1] / "program.yaml"
    assert root.read_bytes() == Path(bundled_file()).read_bytes()
