"""Saving a file whole or not at all: a temporary file beside it, synced, then renamed."""

from __future__ import annotations

from pathlib import Path

from crm import files
from crm.i18n import _


def save_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all, readable by its owner only (it holds
    personal data); ServiceError (a message for the user) when it cannot be written."""
    files.save_atomically(path, content, _cannot_write, private=True)


def _cannot_write(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return _("The export cannot be saved as {path}: {reason}.").format(path=path, reason=reason)
