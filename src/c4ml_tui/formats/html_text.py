"""Text from a schedule as we keep it, once, in the importers: Markdown a terminal pane can show.

Schedules write their texts in many ways: pentabarf abstracts are HTML, frab and pretalx texts
are Markdown, XML files indent every line after the first by the depth of the element (20
spaces in 38C3, which Markdown reads as a code block), some exports escape newlines twice
(``\\r\\n`` as four characters) and pad lines with blanks. :func:`normalise` turns all of these
into one form: HTML made Markdown, the common indentation removed, doubled escapes undone,
trailing blanks and runs of blank lines collapsed. Markdown's own escapes (``Aktivist\\*innen``)
are kept: the detail pane renders Markdown, where they read right.

Only text with real HTML tags is treated as HTML: Markdown, ``<https://...>`` autolinks and a
lone ``a < b`` pass through unchanged.
"""

from __future__ import annotations

import html
import re

from ..core.textclean import clean

_HTML = re.compile(r"<(?:p|br|ul|ol|li|div|h[1-6]|pre|blockquote|hr|a\s|em|strong|code|table|tr|td|b|i)\b[^>]*>",
                   re.IGNORECASE)
_PRE = re.compile(r"<pre\b[^>]*>(.*?)</pre\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|div|ul|ol|blockquote|table|tr)\b[^>]*>|<hr\b[^>]*>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_LINK = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_STRONG = re.compile(r"<(strong|b)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_EM = re.compile(r"<(em|i)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"<(code|tt)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")
_SPACES = re.compile(r"[ \t\r\n]+")
_BLANKS = re.compile(r"\n(?:[ \t]*\n)+")
_TRAILING = re.compile(r"[ \t]+(?=\n)")
_INDENT = re.compile(r"\n( *)(?=[^ \n])")
_DOUBLE_ESCAPED = re.compile(r"\\r\\n|\\'|\\\"")
_UNESCAPE = {"\\r\\n": "\n", "\\'": "'", '\\"': '"'}
_PRE_MARK = "\x00pre{}\x00"


def normalise(value: str | None, html_ok: bool = True) -> str | None:
    """``value`` as we keep it (see the module's doc); ``None`` when nothing is left.
    ``html_ok=False`` for one-line fields (titles, names, rooms): cleaned, blanks collapsed."""
    if value is None:
        return None
    if not html_ok:  # a one-line field: runs of blanks carry no meaning
        if value.isprintable():  # no control or format character: nothing to clean (the usual case)
            return " ".join(value.split()) or None
        return " ".join(clean(value).split()) or None
    text = clean(value)
    if "<" in text and _HTML.search(text):
        text = markdown_of(text)
    else:
        text = dedent(text.expandtabs(4) if "\t" in text else text)
        if "\\" in text:
            text = _DOUBLE_ESCAPED.sub(lambda m: _UNESCAPE[m[0]], text)
    if " \n" in text or "\t\n" in text:
        text = _TRAILING.sub("", text)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip() or None


def dedent(text: str) -> str:
    """Remove the indentation every line shares. A first line written right after its opening
    tag (less indented than the rest) does not count, and keeps its own."""
    if "\n" not in text:
        return text.strip()
    indents = _INDENT.findall(text)
    if not indents:
        return text.strip()
    common = min(map(len, indents))
    first, _, rest = text.partition("\n")
    head = len(first) - len(first.lstrip(" "))
    if common:
        rest = rest[common:] if rest.startswith(" " * common) else rest
        rest = rest.replace("\n" + " " * common, "\n")
    if first.strip() and head >= common:
        return first[common:] + "\n" + rest
    return first.strip() + "\n" + rest


def markdown_of(text: str) -> str:
    """HTML as Markdown: paragraphs, line breaks, lists, links ``[label](url)``, bold, italic,
    code, headings as bold lines and ``<pre>`` as a fenced block. Whitespace runs in HTML carry
    no meaning and are collapsed (except inside ``<pre>``)."""
    blocks: list[str] = []

    def keep(match: re.Match) -> str:
        blocks.append(html.unescape(_TAG.sub("", match[1])).strip("\n"))
        return "\n\n" + _PRE_MARK.format(len(blocks) - 1) + "\n\n"

    out = _PRE.sub(keep, text)
    out = _SPACES.sub(" ", out)
    out = _LINK.sub(_link, out)
    out = _HEADING.sub(lambda m: f"\n\n**{_TAG.sub('', m[2]).strip()}**\n\n", out)
    out = _STRONG.sub(lambda m: _wrap("**", m[2]), out)
    out = _EM.sub(lambda m: _wrap("*", m[2]), out)
    out = _CODE.sub(lambda m: _wrap("`", m[2]), out)
    out = _BREAK.sub("\n", out)
    out = _ITEM.sub("\n- ", out)
    out = _BLOCK.sub("\n\n", out)
    out = _TAG.sub("", out)
    out = html.unescape(out)
    out = _BLANKS.sub("\n\n", "\n".join(line.strip() for line in out.split("\n")))
    for n, block in enumerate(blocks):
        out = out.replace(_PRE_MARK.format(n), f"```\n{block}\n```")
    return out.strip()


def plain(text: str) -> str:
    """Kept for callers that want HTML made readable text: now the Markdown of :func:`markdown_of`
    (non-HTML is returned as is)."""
    return markdown_of(text) if _HTML.search(text) else text


def _wrap(mark: str, inner: str) -> str:
    inner = inner.strip()
    return f"{mark}{inner}{mark}" if inner else ""


def _link(match: re.Match) -> str:
    href, label = match[1].strip(), _TAG.sub("", match[2]).strip()
    if not label or label == href or html.unescape(label) == html.unescape(href):
        return f"<{href}>" if href.startswith(("http://", "https://")) else href
    return f"[{label}]({href})"
