"""The dispatcher in-process: app launch, interruption, unexpected errors, output helpers."""

from __future__ import annotations

import argparse

import pytest

from crm.cli import main as cli_main
from crm.cli.commands import check, demo
from crm.cli.errors import BadInput, is_bad_input, one_line
from crm.cli.output import display_width, format_table


def test_no_command_opens_the_desktop_app() -> None:
    calls: list[str | None] = []

    def open_app(db_target: str | None) -> int:
        calls.append(db_target)
        return 3

    assert cli_main.main([], open_app=open_app) == 3
    assert cli_main.main(["--db", "/tmp/office.sqlite"], open_app=open_app) == 3
    assert calls == [None, "/tmp/office.sqlite"]


def test_no_command_without_the_app_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "liaison" in err


def test_interrupt_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(args: argparse.Namespace, settings: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(check, "run", interrupted)
    assert cli_main.main(["check", "--db", "x.sqlite"]) == 130
    assert capsys.readouterr() == ("", "")


def test_unexpected_error_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: argparse.Namespace, settings: object) -> int:
        raise RuntimeError("disk\non fire")

    monkeypatch.setattr(check, "run", broken)
    monkeypatch.delenv("LIAISON_DEBUG", raising=False)
    assert cli_main.main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "liaison: unexpected error: RuntimeError: disk on fire\n"


def test_bad_input_kinds() -> None:
    from crm.db.schema import DatabaseRefused
    from crm.services.errors import ServiceError, ValidationError

    assert is_bad_input(BadInput("x"))
    assert is_bad_input(DatabaseRefused("x"))
    assert is_bad_input(ServiceError("x"))
    assert is_bad_input(ValidationError({"name": "A name is required."}))
    assert not is_bad_input(RuntimeError("x"))
    assert one_line("a\n  b\tc ") == "a b c"


@pytest.mark.parametrize(
    ("given", "office"),
    [
        ("leipzig", "leipzig"),
        ("Leipzig", "leipzig"),
        ("Liepāja", "liepaja"),
        ("GÖTEBORG", "goteborg"),
    ],
)
def test_office_names(given: str, office: str) -> None:
    assert demo.office_choice(given) == office


def test_unknown_office() -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="nowhere"):
        demo.office_choice("nowhere")


def test_table_columns_count_wide_characters_twice() -> None:
    assert display_width("上海") == 4
    assert display_width("Liepāja") == 7
    assert display_width("Liepa\u0304ja") == 7
    lines = format_table([["Partnership", "上海", "China"], ["Person", "Anna Berg", "Leipzig"]])
    assert lines == ["Partnership  上海       China", "Person       Anna Berg  Leipzig"]
