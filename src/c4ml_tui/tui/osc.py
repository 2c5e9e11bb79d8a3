"""Desktop notifications through the terminal: OSC 9 (iTerm2, WezTerm, ghostty, kitty, Windows
Terminal) and OSC 777 (foot, rxvt-unicode, Konsole, VTE terminals that announce it).

Only where the terminal is known to show them: an unknown terminal may print the text on the
screen instead. ``C4ML_TUI_OSC_NOTIFY`` overrides the guess: ``9``, ``777`` or ``off``. Inside
tmux the sequence needs ``allow-passthrough`` and is left off unless the variable asks for it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ..core.textclean import clean

OSC9_TERMINALS = ("iTerm.app", "WezTerm", "ghostty")
OSC777_TERMS = ("foot", "rxvt-unicode")


def kind(environ: Mapping[str, str] | None = None) -> str:
    """``9``, ``777`` or ``""`` (none) for the terminal the environment describes."""
    env = os.environ if environ is None else environ
    forced = env.get("C4ML_TUI_OSC_NOTIFY", "").strip().lower()
    if forced in ("9", "777"):
        return forced
    if forced in ("off", "0", "no", "none") or env.get("TMUX"):
        return ""
    if env.get("TERM_PROGRAM", "") in OSC9_TERMINALS or env.get("KITTY_WINDOW_ID") or env.get("WT_SESSION"):
        return "9"
    term = env.get("TERM", "")
    if term.startswith(OSC777_TERMS) or env.get("KONSOLE_VERSION"):
        return "777"
    return ""


def notification(title: str, body: str, environ: Mapping[str, str] | None = None) -> str:
    """The escape sequence that shows ``title``/``body`` as a notification, or ``""``."""
    found = kind(environ)
    # No control characters, and no ';' in OSC 777's title (it separates the fields).
    title, body = _flat(title), _flat(body)
    if found == "9":
        return f"\x1b]9;{title}: {body}\x07"
    if found == "777":
        return f"\x1b]777;notify;{title.replace(';', ',')};{body}\x07"
    return ""


def send(app, title: str, body: str) -> None:
    """Show ``title``/``body`` through the terminal of a running app, where it can (not in a
    browser, nor headless in the tests)."""
    sequence = notification(title, body)
    driver = getattr(app, "_driver", None)
    if sequence and driver is not None and not app.is_headless and not app.is_web:
        driver.write(sequence)


def _flat(text: str) -> str:
    return " ".join(clean(text).split())
