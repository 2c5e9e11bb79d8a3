"""One place for the folders c4ml-tui writes to.

``C4ML_TUI_DATA_DIR`` and ``C4ML_TUI_CACHE_DIR`` override the platform folders (the tests set
both to temporary folders, so no test touches a real user's data).

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
    """User data: favourites, chair marks. Kept across upgrades (a ``pathlib.Path``)."""
    from pathlib import Path

    override = os.environ.get("C4ML_TUI_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path(APP, appauthor=False)


def cache_dir():
    """Disposable: parsed programs, downloaded schedules (a ``pathlib.Path``)."""
    from pathlib import Path

    return Path(cache_folder())


def cache_folder() -> str:
    """:func:`cache_dir` as a string, without importing pathlib or (on Linux) platformdirs."""
    override = os.environ.get("C4ML_TUI_CACHE_DIR")
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
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.join(home, ".cache")
        return os.path.join(base, APP)
    import platformdirs

    return platformdirs.user_cache_dir(APP, appauthor=False)
