"""Issue 13, item 7: search at 80 columns. Long titles are cut, never wrapped to column 1, so
each hit keeps its "what matched" line; that line shows plain words (no Markdown marks, no
runs of spaces) with the match highlighted; a wide terminal keeps it under the title."""

from __future__ import annotations

from apptools import pilot_test, running_at, until
from core_helpers import HEADER
from textual.widgets import OptionList

from c4ml_tui.core.model import Program
from c4ml_tui.formats import read
from c4ml_tui.words.plain import plain

ABSTRACT = ("We **lower** dreams to loops.   See [the imaginary site](https://example.org/x) and\n\n"
            "# A heading\n- a bullet about `zebra_code` and snake_case_names")
LONG = ("An Unreasonably Long Title About Imaginary Compilers That Goes On and On Until It Finally "
        "Mentions Zebras")


def program() -> Program:
    text = HEADER + f"""schedule:
  - id: long
    title: "{LONG}"
    kind: talk
    start: "09:00"
    end: "09:30"
    abstract: {ABSTRACT!r}
  - id: other
    title: Loops for Zebras
    kind: talk
    start: "09:30"
    end: "10:00"
    abstract: {ABSTRACT!r}
"""
    return read(text.encode(), "search-narrow.yaml")


def lines(ui) -> list[str]:
    results = ui.screen.query_one(OptionList)
    return [line for option in results.options for line in str(option.prompt).split("\n")]


@pilot_test
async def test_at_80_columns_every_hit_keeps_two_lines_that_fit():
    async with running_at(program(), 9, 15) as ui:
        await ui.press("slash", *"zebra")
        await until(ui.pilot, lambda: len(lines(ui)) == 4, "two hits of two lines")
        shown = lines(ui)
        width = ui.screen.query_one(OptionList).content_region.width
        assert all(len(line) <= width - 1 for line in shown), shown  # room for the scrollbar too
        # the match lies past the cut: the title shows the window of it, as wide as there is room
        assert shown[0] == "09:00-09:30  talk     …Goes On and On Until It Finally Mentions Zebras"
        second = shown[1]
        assert second.startswith("    abstract: ")
        assert "**" not in second and "](" not in second and "  " not in second.strip()
        assert "zebra_code" in second and "`" not in second


def test_plain_moves_the_highlight_with_the_letters():
    start = ABSTRACT.index("zebra")
    flat, spans = plain(ABSTRACT, ((start, start + 5),))
    assert flat == ("We lower dreams to loops. See the imaginary site and A heading a bullet about "
                    "zebra_code and snake_case_names")
    assert [flat[a:b] for a, b in spans] == ["zebra"]
    site = ABSTRACT.index("imaginary")
    assert [flat[a:b] for a, b in plain(ABSTRACT, ((site, site + 9),))[1]] == ["imaginary"]


@pilot_test
async def test_a_wide_terminal_keeps_the_match_under_the_title():
    async with running_at(program(), 9, 15, size=(200, 60)) as ui:
        await ui.press("slash", *"zebra")
        await until(ui.pilot, lambda: len(lines(ui)) == 4, "two hits of two lines")
        first, second = lines(ui)[:2]
        assert second.index("abstract:") == first.index("An Unreasonably")
        assert LONG in first  # whole at 200 columns
