"""The core never imports Textual, and ``now`` with a warm cache imports nothing slow (not even YAML).

Checked in fresh subprocesses: ``sys.modules`` of the test process is full of everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def _modules(*packages: str) -> list[str]:
    """Every module of these sub-packages of c4ml_tui, by walking their folders."""
    import pkgutil

    import c4ml_tui

    root = c4ml_tui.__path__[0]
    found = ["c4ml_tui", "c4ml_tui.cli"]
    for package in packages:
        found.append(f"c4ml_tui.{package}")
        found += [f"c4ml_tui.{package}.{m.name}" for m in pkgutil.iter_modules([f"{root}/{package}"])]
    return found


# Every layer below the app, and every command: none of them may import Textual.
CORE = _modules("core", "formats", "store", "sources", "words", "commands")

# What ``now`` must not import once the parse is cached, and why it matters (measured on a
# machine where a bare interpreter starts in ~12 ms):
SLOW = {
    "yaml": "the parse is cached as JSON",
    "textual": "only the app needs it (~280 ms)",
    "dateutil": "zoneinfo does the job (~65 ms)",
    "dataclasses": "core/model.py uses core/records.py instead (~15 ms with inspect)",
    "inspect": "pulled in by dataclasses",
    "typing": "~4 ms; annotations are strings (from __future__ import annotations)",
    "pathlib": "~6 ms; the start-up path uses os.path",
    "hashlib": "~4 ms (OpenSSL); the cache key uses the built-in _blake2",
    "platformdirs": "~12 ms; store.paths.cache_folder() knows the Linux answer",
    "difflib": "only needed for suggestions in error messages",
    "shutil": "argparse sizes help with it (and bz2, lzma) for every option added; cli.Parser does not",
    "subprocess": "only `watch` and `chair --publish-cmd` run other programs (~10 ms)",
    "csv": "only `timings --csv` writes CSV",
    "argparse": "~4 ms with gettext and the parsers it builds; cli.quick reads a plain `now` itself",
    "unicodedata": "~1-2 ms to load its library; only folding a non-ASCII character needs it (core/textfold.py)",
    "locale": "gettext imports it to look up argparse's words (~3 ms in all), in a catalogue CPython never ships",
}

SCRIPT = """
import json, runpy, sys
sys.argv = ["c4ml-tui"] + json.loads(sys.argv[1])
try:
    runpy.run_module("c4ml_tui", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_after(args: list[str], env: dict | None = None, *, full: bool = False) -> set[str]:
    """The top-level packages (``full``: every module) imported by running ``c4ml-tui ARGS`` in a
    fresh interpreter."""
    result = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(args)], capture_output=True, text=True,
                            env=env or dict(os.environ), timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    names = json.loads(result.stderr.splitlines()[-1])
    return set(names) if full else {name.split(".")[0] for name in names}


@pytest.mark.parametrize("args, command", [
    (["now", "--json"], "now"), (["--program", "program.yaml", "now"], "now"),
    (["--at=2025-03-02T09:15", "agenda"], "agenda"),
    (["--prog", "program.yaml", "validate", "program.yaml"], "validate"),
    (["import", "--help"], "import_"),
])
def test_a_command_imports_its_own_module_and_no_other(args, command):
    """Only the parser of the command used is built (the others' modules cost start-up)."""
    loaded = {m.rsplit(".", 1)[1] for m in modules_after(args, full=True) if m.startswith("c4ml_tui.commands.")}
    assert command in loaded
    assert not loaded - {command, "common", "app"}, loaded


def test_importing_the_core_never_imports_textual():
    code = (f"import importlib, sys\nfor m in {CORE!r}: importlib.import_module(m)\n"
            "from c4ml_tui.cli import build_parser\nbuild_parser()\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
            "assert not bad, bad\nprint('clean')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout == "clean\n", result.stderr


@pytest.mark.parametrize("args", [["now"], ["now", "--json"], ["agenda"], ["agenda", "--json"],
                                  ["validate", "--help"]])
def test_commands_never_import_textual(args):
    assert "textual" not in modules_after(args)


def test_now_with_a_warm_cache_does_not_import_yaml():
    args = ["now", "--at", "2025-03-02T09:15", "--json"]
    assert "yaml" in modules_after(args)  # the first run parsed the YAML (and filled the cache)
    warm = modules_after(args)
    assert "yaml" not in warm and "textual" not in warm


def test_now_with_a_warm_cache_imports_nothing_slow():
    """The speed guard: ``now`` within 4x of a bare start leaves no room for these. A command's
    module is imported whenever it is used (``cli.build_parser``): import heavy things in ``run``."""
    args = ["now", "--at", "2025-03-02T09:15", "--json"]
    modules_after(args)
    warm = modules_after(args)
    found = {name: why for name, why in SLOW.items() if name in warm}
    assert not found, f"`c4ml-tui now` imported slow modules with a warm cache: {found}"


def test_now_with_the_default_cache_folder_skips_platformdirs(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("the fast path for the cache folder is Linux only")
    env = {k: v for k, v in os.environ.items() if k not in ("C4ML_TUI_CACHE_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = str(tmp_path / "home")
    modules_after(["now"], env)
    warm = modules_after(["now"], env)
    assert not {"platformdirs", "yaml", "pathlib"} & warm
    assert list((tmp_path / "home" / ".cache" / "c4ml-tui" / "programs").glob("*.json"))


def test_validate_and_agenda_do_not_import_dateutil():
    assert "dateutil" not in modules_after(["validate", os.path.join(os.path.dirname(__file__), "..", "program.yaml")])
