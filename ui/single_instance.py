"""One Liaison window per database: a second start on the same file brings the first forward.

The first process to start on a database takes a lock file and listens on a local socket
(a Unix domain socket, a named pipe on Windows) whose name is a hash of the user and the
database's resolved path. A later start on the same database finds the lock taken, connects,
asks the running window to come forward, waits for its answer and exits with status 0.

A crashed Liaison leaves its lock and socket behind: QLockFile sees that the process that
wrote the lock is gone and takes it over, and the stale socket file is removed before
listening. When the running process holds the lock but cannot be reached in time (it hangs),
the new start opens its own window rather than leave the user with nothing.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCryptographicHash, QDir, QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
ANSWER = b"ok\n"
CONNECT_TIMEOUT_MS = 5000  # a first instance that has just taken the lock starts listening
ANSWER_TIMEOUT_MS = 5000  # the running window answers once its event loop has the request
RETRY_MS = 100


def database_identity(target: str | None) -> str:
    """The database a start means, spelled one way: a resolved absolute path for a file
    (``None`` is the default file), the URL itself for a database server."""
    if target is not None and "://" in target and not target.startswith("sqlite:///"):
        return target
    if target is None:
        from crm.paths import default_database_path

        path = default_database_path()
    else:
        path = Path(target.removeprefix("sqlite:///"))
    path = path.expanduser()
    try:
        path = path.resolve()
    except OSError:
        path = path.absolute()
    return os.path.normcase(str(path))


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(target: str | None) -> str:
    """The local socket's name for a database: short enough for any socket path."""
    key = f"{_user()}\0{database_identity(target)}".encode()
    # Qt's SHA-256 (QtCore is loaded anyway; hashlib would load OpenSSL before the window).
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256)
    return "liaison-" + bytes(digest.toHex().data()).decode()[:24]


class InstanceGuard(QObject):
    """``claim()`` makes this process the database's first instance or finds the one running.

    The first instance emits ``activation_requested`` when a later start asks it to come
    forward (the app raises its window then).
    """

    activation_requested = Signal()

    def __init__(self, target: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(target)
        self._lock = QLockFile(QDir(QDir.tempPath()).filePath(self.name + ".lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self.answered = False  # forward(): the running window said it came forward

    @property
    def is_primary(self) -> bool:
        return self._server is not None

    def claim(self) -> bool:
        """True: this is the first instance, now listening. False: another one has it."""
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.name)  # a socket file a crash left behind
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            self._lock.unlock()
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def forward(
        self,
        connect_timeout_ms: int = CONNECT_TIMEOUT_MS,
        answer_timeout_ms: int = ANSWER_TIMEOUT_MS,
    ) -> bool:
        """Ask the running instance to bring its window forward; True when it was reached."""
        _allow_foreground_window()
        socket = QLocalSocket()
        waited = 0
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(RETRY_MS):
                break
            socket.abort()
            waited += RETRY_MS
            if waited >= connect_timeout_ms:
                return False
            QThread.msleep(RETRY_MS)
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(answer_timeout_ms)
        # The answer says the window came forward. Connected and asked is enough, though: a
        # window too busy to answer in time is no reason to open the same database twice.
        answer = b""
        while not answer.endswith(b"\n") and socket.waitForReadyRead(answer_timeout_ms):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        self.answered = answer == ANSWER
        return True

    def release(self) -> None:
        """Stop listening and give the lock back (at the end of the app)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        request = bytes(socket.readLine().data())
        if request == ACTIVATE:
            self.activation_requested.emit()
            socket.write(ANSWER)
            socket.flush()
        socket.disconnectFromServer()


def _allow_foreground_window() -> None:
    """Windows lets only the foreground process hand the foreground on: allow the running
    Liaison to take it (elsewhere the window system lets it come forward itself)."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        pass
