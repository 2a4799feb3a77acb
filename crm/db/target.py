"""What a database target names: an SQLite file (a path or sqlite:/// URL) or a server URL.

Apart from crm.db.database so that the app can find its file before SQLAlchemy is loaded.
"""

from __future__ import annotations

from pathlib import Path

from crm.paths import default_database_path


def database_url(target: str | Path | None) -> tuple[str, Path | None]:
    """The SQLAlchemy URL for a path or URL, and the file path when it is SQLite."""
    if target is None:
        path = default_database_path()
    elif isinstance(target, str) and "://" in target:
        if target.startswith("sqlite:///"):
            path = Path(target.removeprefix("sqlite:///"))
        else:
            return target, None
    else:
        path = Path(target)
    path = path.expanduser().absolute()
    return f"sqlite:///{path}", path
