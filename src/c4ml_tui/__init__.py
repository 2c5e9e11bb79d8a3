"""c4ml-tui: a terminal companion for a conference day (built first for C4ML 2025)."""

__version__ = "0.1.0"
