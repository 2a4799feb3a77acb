"""The core never imports the GUI: no module under crm/ imports PySide6 or ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CRM = ROOT / "crm"
FORBIDDEN = ("PySide6", "ui", "shiboken6")


def crm_sources() -> list[Path]:
    return sorted(path for path in CRM.rglob("*.py") if "__pycache__" not in path.parts)


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module named by an import anywhere in the file, functions included."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
            in ("__import__", "import_module")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append((node.lineno, node.args[0].value))
    return names


def is_forbidden(name: str) -> bool:
    return any(name == top or name.startswith(top + ".") for top in FORBIDDEN)


def test_there_are_sources_to_check() -> None:
    assert len(crm_sources()) > 20


@pytest.mark.parametrize("path", crm_sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_gui_import_in_the_source(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = [f"line {line}: {name}" for line, name in imported_names(tree) if is_forbidden(name)]
    assert bad == [], f"{path.relative_to(ROOT)} imports the GUI: {bad}"


def test_the_static_check_sees_imports_inside_functions() -> None:
    tree = ast.parse(
        "def f():\n"
        "    from PySide6.QtCore import Qt\n"
        "    import ui.app\n"
        "    __import__('ui')\n"
        "    importlib.import_module('PySide6.QtWidgets')\n"
    )
    assert [name for _line, name in imported_names(tree) if is_forbidden(name)] == [
        "PySide6.QtCore",
        "ui.app",
        "ui",
        "PySide6.QtWidgets",
    ]


IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import crm
failed = []
names = []
for module in pkgutil.walk_packages(crm.__path__, "crm.", onerror=failed.append):
    if module.name.startswith("crm.db.migrations."):
        continue  # Alembic's scripts: they run only inside Alembic (checked statically)
    names.append(module.name)
    importlib.import_module(module.name)
assert not failed, failed
assert len(names) > 20, names
gui = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "ui", "shiboken6"))
assert not gui, "importing crm loaded " + ", ".join(gui)
print(len(names))
"""


def test_importing_every_crm_module_loads_no_gui() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20
