"""c4ml-tui: a terminal companion for a conference day (built first for C4ML 2025).

The package is in layers, each importing only from those below it (``docs/architecture.md``):
``core`` (pure), ``formats`` (bytes <-> model), ``store`` (the user's data), ``sources`` (the one
loader), ``words`` (what every view says), ``tui`` (the app), ``commands``, and ``cli``.
"""

__version__ = "0.1.0"
