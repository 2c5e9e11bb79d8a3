"""Reusable widgets of the app, each with its own DEFAULT_CSS (layout only; colours from the
theme). Program text reaches them only through :func:`literal`."""
