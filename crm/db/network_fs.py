"""Is a database file on a network file system? SQLite's locking is not safe there.

sqlite.org: "SQLite database files on network filesystems (NFS, SMB/CIFS) get corrupted";
Liaison warns and points to the shared server (PostgreSQL) instead, but never refuses.
Linux reads /proc/self/mountinfo, Windows asks GetDriveTypeW (and knows UNC paths), macOS
asks statfs for the file system's type name. The parsing is pure so tests can feed it text.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from crm.i18n import _

# Linux mountinfo types (FUSE ones are "fuse.<name>") and macOS statfs names.
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "sshfs",
        "9p",
        "afs",
        "openafs",
        "ceph",
        "cephfs",
        "glusterfs",
        "lustre",
        "beegfs",
        "gpfs",
        "davfs",
        "davfs2",
        "webdav",
        "afpfs",
        "s3fs",
        "rclone",
        "curlftpfs",
        "moosefs",
        "mfs",
        "vboxsf",
        "prl_fs",
        "vmhgfs",
        "vmhgfs-fuse",
        "osxfuse",
        "macfuse",
    }
)
DRIVE_REMOTE = 4
MOUNTINFO = Path("/proc/self/mountinfo")


@dataclass(frozen=True)
class Mount:
    mount_point: str
    fstype: str
    source: str


def is_network_type(fstype: str) -> bool:
    kind = fstype.lower()
    if kind.startswith("fuse."):
        kind = kind.removeprefix("fuse.")
    elif kind.startswith("fuseblk") or kind == "fuse":
        return False
    return kind in NETWORK_TYPES or kind.startswith(("nfs", "smb", "cifs"))


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes (\\040)."""
    out: list[str] = []
    index = 0
    while index < len(field):
        chunk = field[index : index + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts of a /proc/<pid>/mountinfo text (lines it cannot read are skipped)."""
    mounts: list[Mount] = []
    for line in text.splitlines():
        before, separator, after = line.partition(" - ")
        fields = before.split()
        rest = after.split()
        if not separator or len(fields) < 5 or len(rest) < 2:
            continue
        mounts.append(Mount(_unescape(fields[4]), rest[0], _unescape(rest[1])))
    return mounts


def mount_of(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount ``path`` (absolute, symbolic links resolved) lives on: the longest mount point
    that contains it; the later of equal ones (mounted over the earlier)."""
    best: Mount | None = None
    for mount in mounts:
        point = mount.mount_point.rstrip("/") or "/"
        inside = path == point or path.startswith(point + "/") or point == "/"
        if inside and (best is None or len(point) >= len(best.mount_point.rstrip("/") or "/")):
            best = mount
    return best


def linux_network_fs(path: str, mountinfo: str) -> str | None:
    """The network file system type ``path`` is on, from a mountinfo text; None if local."""
    mount = mount_of(path, parse_mountinfo(mountinfo))
    if mount is not None and is_network_type(mount.fstype):
        return mount.fstype
    return None


def windows_unc(path: str) -> bool:
    r"""A UNC path (\\server\share\...), also in its \\?\UNC\ form; not \\?\C:\ or \\.\."""
    text = path.replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return text.startswith("\\\\") or bool(PureWindowsPath(path).drive.startswith("\\\\"))


def _existing(path: Path) -> Path:
    """The path itself, else its nearest folder that exists (a new file is created there)."""
    current = path
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def _windows_network_fs(path: Path) -> str | None:  # pragma: no cover - Windows only
    if windows_unc(str(path)):
        return "smb"
    if sys.platform == "win32":
        import ctypes

        drive = PureWindowsPath(os.path.abspath(path)).drive
        if not drive:
            return None
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.GetDriveTypeW.argtypes = [ctypes.c_wchar_p]
        kernel32.GetDriveTypeW.restype = ctypes.c_uint
        if kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE:
            return "smb"
    return None


def _macos_network_fs(path: Path) -> str | None:  # pragma: no cover - macOS only
    if sys.platform != "darwin":
        return None
    import ctypes
    import ctypes.util

    class StatFs(ctypes.Structure):  # struct statfs with 64-bit inodes (<sys/mount.h>)
        _fields_ = [
            ("f_bsize", ctypes.c_uint32),
            ("f_iosize", ctypes.c_int32),
            ("f_blocks", ctypes.c_uint64),
            ("f_bfree", ctypes.c_uint64),
            ("f_bavail", ctypes.c_uint64),
            ("f_files", ctypes.c_uint64),
            ("f_ffree", ctypes.c_uint64),
            ("f_fsid", ctypes.c_int32 * 2),
            ("f_owner", ctypes.c_uint32),
            ("f_type", ctypes.c_uint32),
            ("f_flags", ctypes.c_uint32),
            ("f_fssubtype", ctypes.c_uint32),
            ("f_fstypename", ctypes.c_char * 16),
            ("f_mntonname", ctypes.c_char * 1024),
            ("f_mntfromname", ctypes.c_char * 1024),
            ("f_flags_ext", ctypes.c_uint32),
            ("f_reserved", ctypes.c_uint32 * 7),
        ]

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    function = None
    for name in ("statfs$INODE64", "statfs"):  # x86_64 names the 64-bit inode variant so
        try:
            function = getattr(libc, name)
            break
        except AttributeError:
            continue
    if function is None:
        return None
    function.argtypes = [ctypes.c_char_p, ctypes.POINTER(StatFs)]
    function.restype = ctypes.c_int
    result = StatFs()
    if function(os.fsencode(str(path)), ctypes.byref(result)) != 0:
        return None
    fstype = result.f_fstypename.decode("utf-8", "replace")
    return fstype if is_network_type(fstype) else None


def network_filesystem(path: Path) -> str | None:
    """The network file system type the database file ``path`` is on, None when local (or
    when it cannot be told: the check never stands in the way)."""
    try:
        existing = _existing(Path(os.path.abspath(path)))
        if sys.platform == "win32":
            return _windows_network_fs(existing)
        if sys.platform == "darwin":
            return _macos_network_fs(existing)
        if MOUNTINFO.exists():
            return linux_network_fs(
                os.path.realpath(existing), MOUNTINFO.read_text(encoding="utf-8", errors="replace")
            )
    except (OSError, ValueError, AttributeError):
        return None
    return None


def network_warning(path: Path | str, fstype: str) -> str:
    return _(
        "{path} is on a network drive ({fstype}). SQLite databases on network drives can be "
        "damaged when the connection drops or two computers write at once. For an office "
        "that shares its data, use Liaison's shared server mode (PostgreSQL) instead."
    ).format(path=path, fstype=fstype)
