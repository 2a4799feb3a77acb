"""The `liaison` entry point: the app alone goes straight to the window, commands to the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ui import launcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "office.sqlite"], (True, "office.sqlite")),
        (["--db=office.sqlite"], (True, "office.sqlite")),
        (["--db", "sqlite:///x.sqlite"], (True, "sqlite:///x.sqlite")),
        # Everything else is the command line's to read (and to refuse).
        (["--db"], (False, None)),
        (["--db="], (False, None)),
        (["--db", "--version"], (False, None)),
        (["--version"], (False, None)),
        (["--help"], (False, None)),
        (["demo", "--db", "x.sqlite"], (False, None)),
        (["--db", "x.sqlite", "search", "goldf"], (False, None)),
        (["--d", "x.sqlite"], (False, None)),
    ],
)
def test_app_only_target(argv: list[str], expected: tuple[bool, str | None]) -> None:
    assert launcher.app_only_target(argv) == expected


def test_the_app_alone_opens_without_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(launcher, "open_app", lambda target: opened.append(target) or 7)
    monkeypatch.setattr(sys, "argv", ["liaison", "--db", "office.sqlite"])
    assert launcher.main() == 7
    assert opened == ["office.sqlite"]


def test_a_command_goes_to_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []

    def cli_main(argv: list[str], open_app: Any = None) -> int:
        calls.append((argv, open_app))
        return 5

    monkeypatch.setattr("crm.cli.main.main", cli_main)
    monkeypatch.setattr(sys, "argv", ["liaison", "search", "goldf"])
    assert launcher.main() == 5
    assert calls == [(["search", "goldf"], launcher.open_app)]


def test_an_unexpected_error_of_the_app_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_target: str | None) -> int:
        raise RuntimeError("no screen")

    monkeypatch.delenv("LIAISON_DEBUG", raising=False)
    monkeypatch.setattr(launcher, "open_app", broken)
    monkeypatch.setattr(sys, "argv", ["liaison"])
    assert launcher.main() == 1
    assert capsys.readouterr().err == "liaison: unexpected error: RuntimeError: no screen\n"


def test_the_app_path_imports_neither_the_command_line_nor_the_database_layer() -> None:
    code = (
        "import sys\n"
        "import ui.launcher as launcher\n"
        "launcher.open_app = lambda target: 0\n"
        "sys.argv = ['liaison', '--db', 'office.sqlite']\n"
        "launcher.main()\n"
        "print(sorted(m for m in ('crm.cli.main', 'sqlalchemy', 'PySide6') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
