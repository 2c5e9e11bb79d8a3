"""The user's settings file (issue 13): ``config.toml`` in the config folder, read with tomllib,
for the theme, the clock format, the reminder lead and the default program; bad values and
unknown keys are warnings with their line; a setting is changed in place, atomically, keeping
the user's comments; a file that is not TOML is never overwritten. The command line wins."""

from __future__ import annotations

import os

from c4ml_tui import cli
from c4ml_tui.commands import common
from c4ml_tui.store import config
from c4ml_tui.store.paths import config_file, config_folder


def write(text: str) -> str:
    path = config_file()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def test_the_folder_follows_xdg_and_the_override(monkeypatch, tmp_path):
    assert config_folder() == os.environ["C4ML_TUI_CONFIG_DIR"]
    monkeypatch.delenv("C4ML_TUI_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_folder() == str(tmp_path / "xdg" / "c4ml-tui")
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_folder() == str(tmp_path / ".config" / "c4ml-tui")


def test_no_file_gives_the_defaults():
    found = config.load()
    assert (found.theme, found.clock, found.remind, found.program, found.warnings) == (None, 24, 5.0, None, ())


def test_every_key_is_read(tmp_path):
    write(f'# my settings\ntheme = "nord"\nclock = 12\nremind = 10\nprogram = "{tmp_path}/p.yaml"\n')
    found = config.load()
    assert (found.theme, found.clock, found.remind, found.program) == ("nord", 12, 10.0, f"{tmp_path}/p.yaml")
    assert found.warnings == ()


def test_bad_values_and_unknown_keys_are_warnings_with_their_line():
    path = write('theme = "nord"\nclock = 13\nremind = -1\ncolour = "red"\n')
    found = config.load()
    assert found.theme == "nord" and found.clock == 24 and found.remind == 5.0
    assert found.warnings == (
        f"{path}:2: clock must be 12 or 24; using 24",
        f"{path}:3: remind must be a number of minutes from 0 to 1440; using 5.0",
        f"{path}:4: unknown setting 'colour' (known: theme, clock, remind, program); ignored",
    )


def test_remember_changes_one_line_and_keeps_the_rest():
    path = write('# chosen by hand\ntheme = "nord"   # dark\nremind = 3\n')
    assert config.remember("theme", "gruvbox") is None
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == '# chosen by hand\ntheme = "gruvbox"\nremind = 3\n'
    assert config.load().theme == "gruvbox"
    assert [n for n in os.listdir(os.path.dirname(path)) if n != "config.toml"] == []  # no temporary left


def test_remember_creates_the_file():
    assert not os.path.exists(config_file())
    assert config.remember("theme", "textual-light") is None
    assert config.load().theme == "textual-light"


def test_a_file_that_is_not_toml_is_said_and_never_overwritten():
    path = write('theme = "nord\n')
    found = config.load()
    assert found.theme is None and found.warnings[0].startswith(f"{path}:1: not a TOML file (")
    assert config.remember("theme", "gruvbox", found) == f"{path} is not a TOML file: theme not saved"
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == 'theme = "nord\n'


def test_the_default_program_comes_from_the_file(tmp_path, capsys):
    write(f'program = "{os.path.join(os.path.dirname(__file__), "data", "rooms.yaml")}"\n')
    assert cli.main(["now", "--at", "2031-09-15T10:00"]) == 0
    assert "Registers Remembered" in capsys.readouterr().out
    assert cli.main(["now", "--at", "2025-03-02T09:15", "--program",
                     os.path.join(os.path.dirname(cli.__file__), "program.yaml")]) == 0  # --program wins
    assert "Session 1" in capsys.readouterr().out


def test_the_clock_option_wins_over_the_file():
    write("clock = 12\n")
    args = cli.build_parser().parse_args(["now"])
    assert common.clock_hours(args) == 12
    args = cli.build_parser().parse_args(["now", "--clock", "24"])
    assert common.clock_hours(args) == 24


def test_the_reminder_lead_comes_from_the_file(monkeypatch):
    write("remind = 15\n")
    seen = {}
    monkeypatch.setattr("c4ml_tui.tui.app.run_app", lambda program, clock, **kw: seen.update(kw) or 0)
    assert cli.main(["--at", "2025-03-02T09:15"]) == 0
    assert seen["remind_minutes"] == 15.0 and seen["config"].remind == 15.0
    assert cli.main(["--at", "2025-03-02T09:15", "--remind", "2"]) == 0
    assert seen["remind_minutes"] == 2.0


def test_the_chair_and_the_stage_view_take_the_clock_option(monkeypatch):
    """Found after issue 12: ``chair --clock 12`` and ``stage --clock 12`` showed 24-hour times (the
    option reached the app only from the app command), and ``stage --web`` dropped it."""
    from c4ml_tui.commands import stage as stage_command
    from c4ml_tui.tui.stage_app import StageApp

    seen = {}
    monkeypatch.setattr("c4ml_tui.tui.app.run_app", lambda program, clock, **kw: seen.update(kw) or 0)
    assert cli.main(["chair", "--at", "2025-03-02T09:15", "--clock", "12"]) == 0
    assert seen["clock_hours"] == 12
    write("clock = 12\n")
    assert cli.main(["chair", "--at", "2025-03-02T09:15"]) == 0
    assert seen["clock_hours"] == 12  # the settings file's clock
    monkeypatch.setattr(StageApp, "run", lambda self: seen.update(stage=self))
    assert cli.main(["stage", "--at", "2025-03-02T09:15", "--clock", "12"]) == 0
    assert seen["stage"].clock_hours == 12
    args = cli.build_parser().parse_args(["stage", "--web", "9000", "--clock", "12", "--show-zone", "local"])
    assert stage_command.child_command(args).endswith("stage --clock 12 --show-zone local")
