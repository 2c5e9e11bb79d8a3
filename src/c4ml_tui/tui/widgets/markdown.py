"""Markdown for abstracts and bios that can open a web page and nothing else.

Markdown is not Textual markup, so ``[bold]x[/bold]`` in an abstract stays text. Its links,
though, are click actions: this widget opens only ``http``, ``https`` and ``mailto`` addresses
in the browser and ignores every other target, so a link in a program file can never run an
app action or open a local file.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from textual import on
from textual.widgets import Markdown

SAFE_SCHEMES = ("http", "https", "mailto")


def is_safe_url(href: str) -> bool:
    """Whether a link from a program file may be handed to the browser."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc or parts.scheme == "mailto")


class SafeMarkdown(Markdown):
    """A ``Markdown`` whose links go to the web browser only, never to the app."""

    DEFAULT_CSS = """
    SafeMarkdown { height: auto; margin: 1 0 0 0; padding: 0; }
    """

    def __init__(self, markdown: str | None = None, *, id: str | None = None, classes: str | None = None):
        super().__init__(markdown, id=id, classes=classes, open_links=False)

    @on(Markdown.LinkClicked)
    def _link(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        if is_safe_url(event.href):
            self.app.open_url(event.href.strip())
        else:
            self.notify(f"Not opening {event.href!r}: only web links open.", markup=False, severity="warning")
