"""Files saved whole or not at all: a temporary file beside the target, synced, then renamed.

Reports, exports and the GDPR export all save this way, so a full disk or a crash never leaves
half a file under the user's name, and a file that was there stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from crm.services.errors import ServiceError

# The message for the user when ``path`` cannot be written, given the OS's reason.
CannotWrite = Callable[[Path, OSError], str]


@contextmanager
def replacing(path: Path, cannot_write: CannotWrite, *, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` to write; renamed over ``path`` at the end.

    On any error the temporary file is removed and ``path`` is left as it was; an OSError
    becomes a ServiceError with ``cannot_write``'s message. ``private``: readable by its owner
    only (personal data); otherwise the file gets the mode of the one it replaces, or the
    mode a new file gets.
    """
    try:
        descriptor, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
    except OSError as error:
        raise ServiceError(cannot_write(path, error)) from error
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        _sync(temporary)
        if private:
            os.chmod(temporary, 0o600)
        else:
            _give_usual_mode(temporary, path)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise ServiceError(cannot_write(path, error)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def save_atomically(
    path: Path, content: bytes, cannot_write: CannotWrite, *, private: bool = False
) -> None:
    """Write ``content`` to ``path`` whole or not at all (see ``replacing``)."""
    with replacing(path, cannot_write, private=private) as temporary:
        temporary.write_bytes(content)


def _sync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _give_usual_mode(temporary: Path, path: Path) -> None:
    """A temporary file is private (0600): the saved one gets the mode of the file it
    replaces, or the one a new file gets (the umask read from /proc, since setting it to read
    it would race with other threads; elsewhere 022)."""
    if os.name != "posix":
        return
    try:
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        return
    except OSError:
        pass
    mask = 0o022
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                mask = int(line.split()[1], 8)
    os.chmod(temporary, 0o666 & ~mask)
