"""Search: folding, matching, ranking, highlight spans in the original text, limits, narrowing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from c4ml_tui.core.search import SearchIndex
from c4ml_tui.core.textfold import excerpt, fold, fold_char, fold_map, merge, to_original
from c4ml_tui.sources.loader import load

FICTIONAL = Path(__file__).parent / "fixtures" / "search_fictional.yaml"


@pytest.fixture(scope="module")
def program():
    return load(FICTIONAL, use_cache=False)


@pytest.fixture
def index(program):
    return SearchIndex(program)


def ids(results):
    return [(h.kind, h.id) for h in results.hits]


# -- folding --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, folded", [
    ("Zoë", "zoe"), ("ZOË", "zoe"), ("Zoe\u0308", "zoe"), ("Straße", "strasse"), ("STRASSE", "strasse"),
    ("ﬁle", "file"), ("Søren Øster", "soren oster"), ("Łukasz", "lukasz"), ("Ærø", "aero"),
    ("İstanbul", "istanbul"), ("Dvořák", "dvorak"), ("Ångström", "angstrom"), ("naïve", "naive"),
])
def test_fold(text, folded):
    assert fold(text) == folded


_TEXT = st.text(st.one_of(
    st.sampled_from("aeioAEIOUzZ ßẞﬁﬂæÆøØłŁıİ\u0301\u0308\u0327éÉëËñÑçÇ-.,'Σσς ǅǄ"),
    st.characters(codec="utf-8"),
), max_size=40)


@given(_TEXT)
def test_fold_is_the_join_of_folded_characters(text):
    assert fold(text) == "".join(fold_char(c) for c in text)
    assert fold_map(text)[0] == fold(text)
    assert fold(fold(text)) == fold(text)


@given(_TEXT, st.data())
def test_every_folded_span_maps_to_whole_original_characters(text, data):
    folded, starts = fold_map(text)
    if not folded:
        return
    a = data.draw(st.integers(0, len(folded) - 1))
    b = data.draw(st.integers(a + 1, len(folded)))
    s, e = to_original(starts, a, b)
    assert 0 <= s < e <= len(text)
    assert folded[a:b] in fold(text[s:e])
    assert fold_char(text[s]) != ""  # never starts on a mark that belongs to the character before


def test_span_covers_a_decomposed_accent_and_a_sharp_s():
    text = "Rene\u0301e De\u0301compose\u0301"
    folded, starts = fold_map(text)
    assert folded == "renee decompose"
    at = folded.find("rene")
    s, e = to_original(starts, at, at + 4)
    assert text[s:e] == "Rene\u0301"  # the mark goes with its e
    folded, starts = fold_map("Die Straße")
    s, e = to_original(starts, folded.find("stras"), folded.find("stras") + 5)
    assert "Die Straße"[s:e] == "Straß"  # half of "ss" highlights the whole ß


def test_merge_and_excerpt():
    assert merge([(5, 7), (0, 2), (1, 3), (7, 9)]) == ((0, 3), (5, 9))
    text = "word " * 40 + "target" + " word" * 40
    short, spans = excerpt(text, ((200, 206),), width=60)
    assert len(short) <= 62 and short.startswith("…") and short.endswith("…")
    (s, e), = spans
    assert short[s:e] == "target"
    assert excerpt("short\ntext", ((0, 5),)) == ("short text", ((0, 5),))


# -- matching ------------------------------------------------------------------------------------
def test_zoe_finds_zoe_with_her_accent(index):
    results = index.search("zoe")
    assert ("speaker", "zoe") in ids(results)
    assert {"t-zoe", "t-ada", "keynote"} <= {h.id for h in results.hits}
    speaker = next(h for h in results.hits if h.kind == "speaker")
    assert speaker.title == "Zoë Example"
    (s, e), = speaker.spans()
    assert speaker.title[s:e] == "Zoë"


def test_case_and_accents_on_either_side(index):
    assert ids(index.search("ZOË EXAMPLE")) == ids(index.search("zoe example"))
    assert ids(index.search("strasse")) == ids(index.search("STRAẞE"))
    hit = index.search("strasse").hits[0]
    assert hit.id == "t-strasse"
    (s, e), = hit.spans("title")
    assert hit.title[s:e] == "Straße"


def test_decomposed_name_highlights_whole_characters(index):
    hit = next(h for h in index.search("renee").hits if h.kind == "speaker")
    (s, e), = hit.spans("name")
    assert hit.title[s:e] == "Rene\u0301e"
    talk = next(h for h in index.search("decompose").hits if h.id == "t-renee")
    (s, e), = talk.spans("title")
    assert talk.title[s:e] == "De\u0301compose\u0301"


def test_every_word_must_match_somewhere(index):
    found = {h.id for h in index.search("zoe placeholder").hits}
    assert "t-ada" in found  # Zoë and Ada both speak
    assert "t-zoe" not in found  # only Zoë
    assert {h.id for h in index.search("placeholder zoe").hits} == found
    assert index.search("zoe nonexistentword").total == 0


def test_searches_every_kind_of_text(index):
    def kinds_for(q):
        return {(h.kind, h.id): h.matched for h in index.search(q, limit=None).hits}

    assert kinds_for("nulle part")[("speaker", "zoe")] == ("affiliation",)
    assert "bio" in kinds_for("never built")[("speaker", "zoe")]
    assert kinds_for("made-up memory")[("talk", "t-ada")] == ("subtitle",)
    assert kinds_for("clocks move")[("item", "night-owls")] == ("description",)
    assert kinds_for("imaginary sparsity")[("poster", "p-sparsity")] == ("title",)
    assert "author" in kinds_for("free text author")[("poster", "p-sparsity")]
    assert kinds_for("room ω")[("item", "session-b")] == ("room",)
    assert "chair" in kinds_for("ada placeholder")[("item", "session-a")]
    hit = next(h for h in index.search("zoology").hits if h.id == "t-zoology")
    assert hit.parent == "session-b" and hit.target.title == "Runtime Zoology"


def test_field_matches_name_the_speaker(index):
    hit = next(h for h in index.search("ada placeholder").hits if h.id == "t-gc")
    match = next(m for m in hit.matches if m.field == "speaker")
    assert match.ref == "ada" and match.text == "Ada Placeholder"
    assert [match.text[s:e] for s, e in match.spans] == ["Ada", "Placeholder"]


# -- ranking -------------------------------------------------------------------------------------
def test_title_before_speaker_before_abstract(index):
    hits = index.search("placeholder").hits
    assert [h.id for h in hits] == ["ada", "t-ada", "t-gc", "p-sparsity", "session-a"]
    # her own name and the titles (whole word, then inside "Placeholders"), then an author's
    # name, then a chair; a tie (Ada's name, "Placeholder Layouts") goes to the earlier entry:
    # Ada chairs session A from 09:15
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[0].score == hits[1].score > hits[2].score
    assert hits[3].matched[0] == "author" and hits[4].matched[0] == "chair"
    order = [h.id for h in index.search("zoe").hits]
    assert order.index("zoe") < order.index("t-zoe") < order.index("t-zoology")  # name, speaker, abstract


def test_word_start_beats_inside_a_word(index):
    order = [h.id for h in index.search("zoo").hits]
    assert order[0] == "t-zoology"  # "Zoology" starts a word of the title
    assert "t-zoology" in order
    scores = {h.id: h.score for h in index.search("zoe").hits}
    # "zoetropes" (inside a word of an abstract) ranks below a talk where Zoë speaks
    assert scores["t-zoology"] < scores["t-zoe"]


def test_ties_go_to_the_earlier_entry(index):
    hits = index.search("session").hits
    same = [h for h in hits if h.score == hits[0].score and h.start]
    assert [h.start for h in same] == sorted(h.start for h in same)


# -- limits, empty queries, narrowing --------------------------------------------------------------
def test_limit_and_total(index):
    everything = index.search("a", limit=None)
    assert everything.total == len(everything.hits) > 5
    some = index.search("a", limit=3)
    assert len(some.hits) == 3 and some.total == everything.total and some.more == everything.total - 3
    assert ids(some) == ids(everything)[:3]
    assert index.search("a", limit=0).hits == ()


@pytest.mark.parametrize("query", ["", "   ", "\u0301"])
def test_empty_query_finds_nothing(index, query):
    results = index.search(query)
    assert results.total == 0 and results.hits == ()


VOCAB = ["z", "zo", "zoe", "zoe ex", "a", "ad", "ada", "pl", "place", "placeholder zoe", "str", "straße",
         "tensor", "ten", "e", "comp", "compil", "compiler", "zz", "ø", "øster", "se", "ses", "session b"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(VOCAB), st.one_of(st.none(), st.integers(0, 12))), min_size=1, max_size=12))
def test_narrowing_and_limits_give_the_same_answers_as_a_fresh_index(program, queries):
    typed = SearchIndex(program)
    for query, limit in queries:
        fresh = SearchIndex(program).search(query, limit=None)
        again = typed.search(query, limit=limit)
        assert ids(again) == ids(fresh)[:limit] and again.total == fresh.total
        assert [h.score for h in again.hits] == [h.score for h in fresh.hits][:limit]


def test_typing_keystroke_by_keystroke_narrows(program):
    index = SearchIndex(program)
    for n in range(1, len("placeholder") + 1):
        results = index.search("placeholder"[:n])
    assert {h.id for h in results.hits} >= {"t-ada", "t-gc", "ada", "p-sparsity"}
    assert index.search("placehold").total >= results.total  # going back hits the cache


def test_bundled_program_is_searchable(c4ml):
    index = SearchIndex(c4ml)
    hit = index.search("poster lightning").hits[0]
    assert hit.id == "session-4" and hit.kind == "item"
    room = index.search("willow")  # every item is in the event's room
    assert room.total == len(c4ml.items) and all(h.matched == ("room",) for h in room.hits)


@pytest.mark.parametrize("word", ["e", "zoe", "ten", "place", "a", "session", "ø", "tensor", "zz"])
@pytest.mark.parametrize("need", [None, 1, 2, 3, 5, 8, 200])
def test_one_word_ranks_as_every_query_does_whatever_the_page(program, word, need):
    """A one-word query's tiers, each read only until the page is full, put the entries in the
    order the general scorer gives (the same word twice scores double: the same order): title,
    name, detail, body; whole word, word start, inside; then index order."""
    index = SearchIndex(program)
    matches = index._lookup((word,)).matches
    n = len(index)
    general, _ = index._rank(matches, (word, word), None)
    keys, exact = index._rank_one(matches, (word, " " + word + " ", " " + word), need)
    assert [k % n for k in keys[:exact]] == [k % n for k in general][:exact]
    assert exact is None or exact >= min(need or 0, len(matches))
    if exact is None:
        assert len(keys) == len(matches)


def test_a_partial_ranking_is_completed_when_more_is_asked(program):
    index = SearchIndex(program)
    full = SearchIndex(program).search("e", limit=None)
    for limit in (2, None, 5, 1, None):
        got = index.search("e", limit=limit)
        assert ids(got) == ids(full)[:limit] and got.total == full.total


@given(_TEXT)
def test_words_form_keeps_length_and_blanks_exactly_the_non_word_characters(text):
    from c4ml_tui.core.textfold import words_form

    folded = fold(text)
    form = words_form(folded)
    assert len(form) == len(folded)
    for a, b in zip(folded, form, strict=True):
        assert b == (a if re.match(r"\w", a) else " ")
