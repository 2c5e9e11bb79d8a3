"""Textual's parsed styles, kept between runs: the first screen need not parse them again.

Textual parses the app's style sheet and each widget class's ``DEFAULT_CSS`` at every start
(about twenty sources for the rooms board, ~10 ms: a tenth of its work up to the first frame).
Parsed, they are a few dozen objects of ``textual.css``; this module keeps them in the cache
folder (``styles/textual-pyXY.pickle``) and puts them in the app's stylesheet's parse
cache before the first screen is styled. Textual then finds each source parsed, keyed as it keys
them (the CSS text, where it was read, whether it is a default, its tie breaker and scope), so a
changed source is simply parsed again.

The entries hold for the theme variables they were parsed with (part of the file's header: a
user with another theme parses again, and Textual clears this cache itself when the theme
changes), the Textual installed (its style model's files: size and time), the Python version
(the file's name) and this module's format. The file
is checked with a BLAKE2 digest and read by an unpickler that makes only the classes of Textual's
style model (anything else, or any error, and the styles are parsed as if there were no file).
Written atomically once per run at most, when the first screen is shown with sources the file
did not hold (the first start after an install, an upgrade or a change of the default theme). A
theme the settings file chooses is set after the start (Textual parses every source again then):
its styles are not kept.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

FORMAT = b"c4ml-tui styles 1"
MODULES = ("textual.color", "textual.css.model", "textual.css.scalar", "textual.css.styles", "textual.geometry",
           "textual.css.types", "textual.layouts.")
"""Where the classes a parsed rule is made of live (``textual.layouts.`` and its submodules)."""


def path() -> str:
    """The file of this Python."""
    from ..store.paths import cache_folder

    return os.path.join(cache_folder(), "styles", f"textual-py{sys.version_info[0]}{sys.version_info[1]}.pickle")


def _fingerprint(app: App) -> bytes:
    """The Textual the styles were parsed by (its style model's files, as installed: asking
    its version reads the installed packages' metadata, ~15 ms) and the theme variables they
    were parsed with, as a digest."""
    import hashlib

    from textual.css import model, styles

    installed = [(os.stat(module.__file__ or "").st_mtime_ns, os.stat(module.__file__ or "").st_size, module.__file__)
                 for module in (model, styles)]
    variables = app.stylesheet._variables  # (Textual's private field: AttributeError if it moved)
    return hashlib.blake2b(repr((installed, sorted(variables.items()))).encode(), digest_size=16).hexdigest().encode()


def prime(app: App) -> None:
    """Put the kept styles in ``app``'s parse cache (before the first screen is styled)."""
    app._c4ml_styles_known = frozenset()  # type: ignore[attr-defined]
    try:
        app._c4ml_styles_for = _fingerprint(app)  # type: ignore[attr-defined]
        cache = app.stylesheet._parse_cache
        with open(path(), "rb") as f:
            data = f.read()
        header, _, body = data.partition(b"\n")
        if header != _header(app, body):
            return
        entries = _load(body)
        for key, rules in entries.items():
            cache.set(key, rules)
    except Exception:  # noqa: BLE001 - no file, another format, another Textual: parsed as usual
        return
    app._c4ml_styles_known = frozenset(entries)  # type: ignore[attr-defined]


def keep(app: App) -> None:
    """Write the parsed styles when the app parsed sources the file did not hold (once per run)."""
    known = getattr(app, "_c4ml_styles_known", None)
    if known is None:
        return  # (not primed: an app the tests built, or kept already)
    app._c4ml_styles_known = None  # type: ignore[attr-defined]
    try:
        cache = app.stylesheet._parse_cache
        keys = list(cache.keys())
        if set(keys) <= known or _fingerprint(app) != getattr(app, "_c4ml_styles_for", None):
            return  # (nothing new; or a theme set since, the settings' own: its styles are not kept)
        import pickle

        body = pickle.dumps({key: cache.get(key) for key in keys}, protocol=pickle.HIGHEST_PROTOCOL)
        _load(body)  # (only what reads back as it will be read)
        from pathlib import Path

        from ..store.atomic import write_bytes

        target = Path(path())
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, _header(app, body) + b"\n" + body)
    except Exception:  # noqa: BLE001 - a read-only cache, a style Textual keeps otherwise: parsed next time
        return


def _header(app: App, body: bytes) -> bytes:
    import hashlib

    return b" ".join((FORMAT, _fingerprint(app), hashlib.blake2b(body, digest_size=16).hexdigest().encode()))


def _load(body: bytes) -> dict:
    """The entries in ``body``, made of Textual's style classes only."""
    import functools
    import io
    import pickle
    from enum import Enum

    def attribute(owner: object, name: str) -> object:
        # How an Enum's member is pickled, and a style's own lookups (its rules' get, in)
        member = isinstance(owner, type) and issubclass(owner, Enum) and not name.startswith("_")
        if not (member or (type(owner) is dict and name in ("get", "__contains__"))):
            raise pickle.UnpicklingError(f"not a member: {name!r}")
        return getattr(owner, name)

    def partial(function, *args, **kwargs):  # (a selector's check: textual.css.model's)
        if getattr(function, "__module__", "") != "textual.css.model":
            raise pickle.UnpicklingError("not a selector's check")
        return functools.partial(function, *args, **kwargs)

    class Styles(pickle.Unpickler):
        def find_class(self, module: str, name: str):
            if (module, name) == ("builtins", "getattr"):
                return attribute
            if (module, name) == ("functools", "partial"):
                return partial
            if module.startswith(MODULES) and (module in MODULES or module.startswith(MODULES[-1])) \
                    and not name.startswith("__"):
                return super().find_class(module, name)
            raise pickle.UnpicklingError(f"{module}.{name} is not a style")

    found = Styles(io.BytesIO(body)).load()
    if not isinstance(found, dict):
        raise pickle.UnpicklingError("not a table of styles")
    return found
