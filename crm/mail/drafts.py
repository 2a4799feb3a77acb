"""A message saved as a draft: an .eml file that Outlook and Thunderbird open for sending.

``X-Unsent: 1`` tells Outlook (and Thunderbird, which follows it) to open the file as a new
message ready to send rather than as a received one. Unlike the message sent by Liaison, the
draft keeps its Bcc line: the mail client sends it and drops the line then.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from email import policy
from pathlib import Path

from crm.i18n import _
from crm.mail.errors import MailError
from crm.mail.message import Composed


def draft_bytes(composed: Composed) -> bytes:
    message = composed.message
    if composed.bcc:
        message["Bcc"] = [r.header() for r in composed.bcc]
    message["X-Unsent"] = "1"
    try:
        return message.as_bytes(policy=policy.SMTPUTF8 if composed.smtputf8 else policy.SMTP)
    finally:
        del message["Bcc"]
        del message["X-Unsent"]


def write_draft(composed: Composed, path: Path) -> Path:
    """Write the draft at ``path`` whole or not at all (a temporary file renamed over it)."""
    path = Path(path)
    if path.is_dir():
        raise MailError(_("{path} is a folder; give a file name.").format(path=path))
    data = draft_bytes(composed)
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise MailError(_cannot_write(path, error)) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _usual_mode(temporary)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise MailError(_cannot_write(path, error)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path


def _cannot_write(path: Path, error: OSError) -> str:
    return _("The draft cannot be saved as {path}: {reason}").format(
        path=path, reason=error.strerror or error
    )


def _usual_mode(path: Path) -> None:
    """A temporary file is private (0600); the draft gets the mode a new file gets."""
    if os.name != "posix":
        return
    mask = 0o022
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                mask = int(line.split()[1], 8)
    os.chmod(path, 0o666 & ~mask)
