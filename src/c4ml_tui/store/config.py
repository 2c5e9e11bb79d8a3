"""The user's settings: ``config.toml`` in the config folder (``$XDG_CONFIG_HOME/c4ml-tui``, see
``paths.config_folder``), read with ``tomllib``. Every key is optional; the command line wins
over the file, the file over the built-in default::

    theme = "nord"          # the app's theme (the palette's "Change theme" writes it)
    clock = 24              # 12 or 24: the clock format
    remind = 5              # minutes before a starred entry starts (0: no reminders)
    program = "~/c4ml.yaml" # the program when --program is not given (a file or a URL)

To add a setting, add a :class:`Key` to :data:`KEYS` (its parser turns the TOML value into the
setting, or raises ``ValueError`` with what is wrong). A bad value or an unknown key is a warning
(``FILE:LINE: ...``) and the default is used; a file that is not TOML gives every default and a
warning, and is never overwritten. :func:`remember` changes one key in place, keeping the rest of
the file (comments too), and writes it atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping

from .paths import config_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any  # (not at run time: ``now`` asks for a setting and must stay fast)


class Key:
    """One setting: how to read it from TOML, its default, and what it means."""

    __slots__ = ("default", "help", "parse")

    def __init__(self, parse: Callable[[Any], Any], default: Any, help: str):
        self.parse = parse
        self.default = default
        self.help = help


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def _clock(value: Any) -> int:
    if isinstance(value, str) and value.strip() in ("12", "24"):
        return int(value)
    if value not in (12, 24) or isinstance(value, bool):
        raise ValueError("must be 12 or 24")
    return int(value)


def _minutes(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1440:
        raise ValueError("must be a number of minutes from 0 to 1440")
    return float(value)


def _program(value: Any) -> str:
    text = _text(value)
    return text if text.startswith(("http://", "https://")) else os.path.expanduser(text)


KEYS: dict[str, Key] = {
    "theme": Key(_text, None, "the app's theme, as the palette's theme switcher names it"),
    "clock": Key(_clock, 24, "12 or 24: the clock format"),
    "remind": Key(_minutes, 5.0, "minutes before a starred entry starts to remind you (0: never)"),
    "program": Key(_program, None, "the program to open when --program is not given (a file or URL)"),
}
"""Every setting the file may hold. Extend here."""


class Config:
    """The settings read from the file (defaults for what it does not say), and what was wrong
    with it, one warning per problem."""

    def __init__(self, values: Mapping[str, Any] | None = None, warnings: tuple[str, ...] = (),
                 path: str | None = None, readable: bool = True):
        self.values = {name: key.default for name, key in KEYS.items()} | dict(values or {})
        self.warnings = warnings
        self.path = path or config_file()
        self.readable = readable
        """False when the file is there but is not TOML: it is then never rewritten."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


def load(path: str | None = None) -> Config:
    """The settings in ``path`` (default: the user's ``config.toml``); defaults when absent."""
    import tomllib

    path = path or config_file()
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as error:
        return Config(warnings=(f"{path}: cannot be read ({error.strerror or error}); using the defaults",),
                      path=path, readable=False)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        line = getattr(error, "lineno", 0) or _line_of(str(error))
        return Config(warnings=(f"{path}:{line}: not a TOML file ({_reason(error)}); using the defaults",),
                      path=path, readable=False)
    values: dict[str, Any] = {}
    warnings: list[str] = []
    text = raw.decode("utf-8")
    for name, value in data.items():
        line = _line(text, name)
        key = KEYS.get(name)
        if key is None:
            known = ", ".join(KEYS)
            warnings.append(f"{path}:{line}: unknown setting {name!r} (known: {known}); ignored")
            continue
        try:
            values[name] = key.parse(value)
        except ValueError as error:
            warnings.append(f"{path}:{line}: {name} {error}; using {KEYS[name].default!r}")
    return Config(values, tuple(warnings), path)


def remember(name: str, value: str | int | float, config: Config | None = None) -> str | None:
    """Set ``name = value`` in the file, keeping its other lines; ``None``, or why it was not
    written (a file that is not TOML is left as the user wrote it)."""
    from pathlib import Path

    from .atomic import write_text

    config = config or load()
    if not config.readable:
        return f"{config.path} is not a TOML file: {name} not saved"
    line = f"{name} = {_toml(value)}"
    path = Path(config.path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    pattern = re.compile(rf"^[ \t]*{re.escape(name)}[ \t]*=.*$", re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda _: line, text, count=1)
    else:
        text = text + ("" if not text or text.endswith("\n") else "\n") + line + "\n"
    try:
        write_text(path, text)
    except OSError as error:
        return f"{path}: cannot be written ({error.strerror or error}): {name} not saved"
    config.values[name] = value
    return None


def _toml(value: str | int | float) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _line(text: str, name: str) -> int:
    match = re.search(rf"^[ \t]*{re.escape(name)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _line_of(message: str) -> int:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else 0


def _reason(error: Exception) -> str:
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) or type(error).__name__
