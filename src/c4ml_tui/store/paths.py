"""One place for the folders c4ml-tui writes to, and the folder of each program's user data.

``C4ML_TUI_DATA_DIR``, ``C4ML_TUI_CACHE_DIR`` and ``C4ML_TUI_CONFIG_DIR`` override the platform
folders (the tests set them to temporary folders, so no test touches a real user's data or
settings).

``c4ml-tui now`` finds its parse cache on every start, and importing platformdirs (which pulls in
pathlib, tempfile and random) costs about as much as starting Python. So on Linux the cache
folder is worked out here the way platformdirs does it (``$XDG_CACHE_HOME`` if absolute, else
``~/.cache``); anything unusual (another platform, Android, no absolute ``HOME``) asks platformdirs.
"""

from __future__ import annotations

import os
import sys

APP = "c4ml-tui"


def data_dir():
    """User data: favourites, chair marks, per program. Kept across upgrades (a ``pathlib.Path``)."""
    from pathlib import Path

    return Path(data_folder())


def cache_dir():
    """Disposable: parsed programs, downloaded schedules (a ``pathlib.Path``)."""
    from pathlib import Path

    return Path(cache_folder())


def program_folder(key: str) -> str:
    """Where everything the user keeps about one program lives: ``<data>/programs/<key>/``
    (``key`` is ``core.identity.program_key``): ``favourites.json``, ``chair.json``."""
    return os.path.join(data_folder(), "programs", key)


def chair_file(key: str) -> str:
    """The chair's log of the program keyed ``key``: ``<data>/programs/<key>/chair.json`` (a
    string: ``now`` looks whether it exists on every start, without importing the log's code)."""
    return os.path.join(program_folder(key), "chair.json")


def old_chair_folder() -> str:
    """Where chair logs were kept before version 0.1 (``store/legacy.py``; most machines have none)."""
    return os.path.join(data_folder(), "chair")


def data_folder() -> str:
    """:func:`data_dir` as a string, without importing pathlib or (on Linux) platformdirs."""
    return _folder("C4ML_TUI_DATA_DIR", "XDG_DATA_HOME", os.path.join(".local", "share"), "user_data_dir")


def cache_folder() -> str:
    """:func:`cache_dir` as a string, without importing pathlib or (on Linux) platformdirs."""
    return _folder("C4ML_TUI_CACHE_DIR", "XDG_CACHE_HOME", ".cache", "user_cache_dir")


def config_folder() -> str:
    """Where the user's settings live (``config.toml``): ``$XDG_CONFIG_HOME/c4ml-tui``, else
    ``~/.config/c4ml-tui`` on Linux; the platform's settings folder elsewhere."""
    return _folder("C4ML_TUI_CONFIG_DIR", "XDG_CONFIG_HOME", ".config", "user_config_dir")


def config_file() -> str:
    """The user's settings file, ``config.toml`` in :func:`config_folder` (it may not exist)."""
    return os.path.join(config_folder(), "config.toml")


def _folder(override_var: str, xdg_var: str, home_default: str, platformdirs_name: str) -> str:
    override = os.environ.get(override_var)
    if override:
        return override
    home = os.environ.get("HOME", "")
    plain_linux = (
        sys.platform == "linux"
        and not hasattr(sys, "getandroidapilevel")
        and not os.environ.get("ANDROID_DATA")
        and os.path.isabs(home)
    )
    if plain_linux:
        xdg = os.environ.get(xdg_var, "")
        base = xdg if os.path.isabs(xdg) else os.path.join(home, home_default)
        return os.path.join(base, APP)
    import platformdirs

    return getattr(platformdirs, platformdirs_name)(APP, appauthor=False)
