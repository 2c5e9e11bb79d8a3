"""One place for the folders c4ml-tui writes to.

``C4ML_TUI_DATA_DIR`` and ``C4ML_TUI_CACHE_DIR`` override the platform folders (the tests set
both to temporary folders, so no test touches a real user's data).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "c4ml-tui"


def data_dir() -> Path:
    """User data: favourites, chair marks. Kept across upgrades."""
    override = os.environ.get("C4ML_TUI_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    """Disposable: parsed programs, downloaded schedules."""
    override = os.environ.get("C4ML_TUI_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_cache_path(APP, appauthor=False)
