"""Issue 15, fifth round: Textual's parsed styles kept between runs (``tui/css_cache.py``). The
second start of the app parses no style sheet and looks the same; a damaged file, a file of
another theme, or one holding anything but Textual's style classes is not used."""

from __future__ import annotations

import os
import pickle

from apptools import app_at, load_data, pilot_test, running

from c4ml_tui.tui import css_cache

PROGRAM = load_data("rooms.yaml")


def counting_parses(monkeypatch) -> list[object]:
    """Every style source Textual parses from now on."""
    import textual.css.stylesheet as stylesheet

    parsed: list[object] = []
    original = stylesheet.parse

    def parse(*args, **kwargs):
        parsed.append(args[2] if len(args) > 2 else kwargs.get("read_from"))
        return original(*args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", parse)
    return parsed


async def started(primed: bool = True, theme: str | None = None) -> str:
    """Start the app as the command line does (primed from the file), show its first screen,
    and return its screenshot (without the hash in the SVG's class names)."""
    import re

    app, _ = app_at(PROGRAM, 10, 5)
    if theme:
        app.theme = theme
    if primed:
        css_cache.prime(app)
    async with running(app) as ui:
        picture = ui.app.export_screenshot()
    return re.sub(r"terminal-[0-9]+", "terminal", picture)


@pilot_test
async def test_the_second_start_parses_no_style_and_looks_the_same(monkeypatch):
    plain = await started(primed=False)
    assert not os.path.exists(css_cache.path())  # (the tests' own apps keep nothing)
    first = await started()  # parses, and keeps what it parsed for the first screen
    assert os.path.exists(css_cache.path())
    parsed = counting_parses(monkeypatch)
    second = await started()
    assert parsed == []
    assert first == second == plain


@pilot_test
async def test_a_damaged_or_foreign_file_is_not_used(monkeypatch):
    await started()
    path = css_cache.path()
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:-100])  # cut short: its digest no longer matches
    parsed = counting_parses(monkeypatch)
    picture = await started()
    assert parsed  # parsed again (and kept again)
    parsed.clear()
    assert await started() == picture and parsed == []


@pilot_test
async def test_another_theme_parses_again(monkeypatch):
    await started()
    parsed = counting_parses(monkeypatch)
    await started(theme="textual-light")
    assert parsed  # the theme's variables are part of what was parsed


def test_a_file_that_makes_anything_but_styles_is_refused():
    class Sneaky:
        def __reduce__(self):
            return (os.system, ("echo owned",))

    class Reaching:
        def __reduce__(self):
            return (getattr, ("text", "upper"))  # (getattr makes only an Enum's member, a style's lookups)

    import pytest

    for body in (pickle.dumps({"key": Sneaky()}), pickle.dumps({"key": Reaching()}), pickle.dumps([1, 2])):
        with pytest.raises(pickle.UnpicklingError):
            css_cache._load(body)
