"""The pure core: the model, the clock, the timeline, delays, stages, search and text folding.

Nothing here does I/O or imports Textual, YAML or the other layers of the package (a contract
in ``pyproject.toml``, checked by the suite, says so). Importing this package imports nothing.
"""
