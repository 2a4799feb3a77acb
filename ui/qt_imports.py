"""Imports after PySide6 at their normal speed.

Once PySide6 is loaded, every module imported afterwards is handed to PySide's "feature"
support (``from __feature__ import snake_case``), which reads the module's source file to
see whether it mentions PySide6. For SQLAlchemy, the models and the services that one read
costs about a quarter of their import time, between the window showing and the first data.
Liaison selects no feature, so the answer only needs to be right for the modules that use
Qt; they are known by their package.
"""

from __future__ import annotations

QT_PACKAGES = frozenset({"ui", "PySide6", "shiboken6", "__main__", "tests", "pytestqt"})


def uses_pyside(module: object) -> bool:
    name = getattr(module, "__name__", "")
    return isinstance(name, str) and name.split(".", 1)[0] in QT_PACKAGES


def speed_up_imports() -> bool:
    """Replace the source scan by a look at the module's package; False when this PySide
    has no such scan (nothing to do)."""
    import PySide6.QtCore  # noqa: F401  (loads shiboken's support modules)

    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
