"""PyInstaller run-time hook for Qt, used by build.spec in place of PyInstaller's own for
PySide6: the same paths, but without importing Qt while the program starts, so that the
command line's commands (``liaison --version``, ``demo``, ``briefing``) do not load Qt. The
app imports PySide6 soon enough, and PySide6's wheels then register their own qt.conf with
the Qt folder inside the bundle.
"""

import os
import sys


def _liaison_qt_paths() -> None:
    from _pyi_rth_utils import is_macos_app_bundle  # PyInstaller's helpers for run-time hooks

    base = sys._MEIPASS  # type: ignore[attr-defined]
    if sys.platform.startswith("win"):
        qt = os.path.join(base, "PySide6")
    else:
        qt = os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    # QtNetwork's TLS backend finds OpenSSL beside the program (as PyInstaller's hook does).
    if sys.platform.startswith("win"):
        os.environ["PATH"] = os.pathsep.join(filter(None, (base, os.environ.get("PATH"))))
    elif sys.platform == "darwin" and not is_macos_app_bundle:
        library_path = os.environ.get("DYLD_LIBRARY_PATH")
        os.environ["DYLD_LIBRARY_PATH"] = os.pathsep.join(filter(None, (base, library_path)))


_liaison_qt_paths()
del _liaison_qt_paths
