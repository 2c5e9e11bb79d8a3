"""HTML in schedule texts (pentabarf abstracts are HTML) made plain for a terminal.

Only text with real HTML tags is touched: Markdown, ``<https://...>`` autolinks and a lone
``a < b`` pass through unchanged.
"""

from __future__ import annotations

import html
import re

_HTML = re.compile(r"<(?:p|br|ul|ol|li|div|h[1-6]|pre|blockquote|hr|a\s|em|strong|code|table|tr|td)\b[^>]*>",
                   re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|ul|ol|pre|blockquote|table|tr)\b[^>]*>|<hr\b[^>]*>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_INLINE = re.compile(r"</?(?:a|em|strong|b|i|u|code|span|small|sup|sub|tt|li|td|th|tbody|thead|img)\b[^>]*>",
                     re.IGNORECASE)
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def plain(text: str) -> str:
    """``<p>Hello <a href="u">there</a></p>`` -> ``Hello there (u)``; non-HTML is returned as is."""
    if not _HTML.search(text):
        return text
    out = _LINK.sub(_link, text)
    out = _BREAK.sub("\n", out)
    out = _ITEM.sub("\n- ", out)
    out = _BLOCK.sub("\n\n", out)
    out = _INLINE.sub("", out)
    out = html.unescape(out)
    out = "\n".join(line.rstrip() for line in out.split("\n"))
    return _BLANKS.sub("\n\n", out).strip()


def _link(match: re.Match) -> str:
    href, label = match[1].strip(), _INLINE.sub("", match[2]).strip()
    if not label or label == href or html.unescape(label) == html.unescape(href):
        return href
    return f"{label} ({href})"
