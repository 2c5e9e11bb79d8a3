"""The layers are enforced, not hoped for: import-linter's contracts (pyproject.toml) hold for the
package as it is, and they catch a core module that imports Textual, a lower layer importing a
higher one, and an import cycle, lazy imports included."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")


def lint(root: Path, package_parent: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(package_parent), "PATH": "/usr/bin:/bin"}
    return subprocess.run([LINT, "--no-cache", str(root / "pyproject.toml")], capture_output=True, text=True,
                          cwd=root, env=env, timeout=300)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    """A copy of the package and its contracts, to break on purpose."""
    where = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "src" / "c4ml_tui", where / "src" / "c4ml_tui",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", where / "pyproject.toml")
    return where


def test_the_contracts_hold():
    result = lint(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("core/fmt.py", "import textual", "The core does no I/O"),
    ("core/timeline.py", "import pathlib", "The core does no I/O"),
    ("formats/problems.py", "from ..tui import app", "Each layer imports only from the layers below it"),
    ("words/board.py", "def _lazy():\n    from ..tui import state", "Each layer imports only from the layers below it"),
    ("core/model.py", "def _lazy():\n    from . import timeline", "No import cycles"),
    ("store/paths.py", "def _lazy():\n    from . import chairlog", "No import cycles"),
])
def test_a_broken_layer_fails_the_suite(copy, module, line, contract):
    path = copy / "src" / "c4ml_tui" / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + "\n\n" + line + "\n", encoding="utf-8")
        result = lint(copy, copy / "src")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout, result.stdout
