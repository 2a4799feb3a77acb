"""Telling a database on a network share from a local one: mount tables as text (Linux),
UNC paths (Windows), and the warning the app and the command line give."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm.db import network_fs
from crm.db.database import Database
from crm.db.network_fs import (
    is_network_type,
    linux_network_fs,
    mount_of,
    parse_mountinfo,
    windows_unc,
)

MOUNTINFO = r"""22 1 253:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
25 22 0:22 / /proc rw,nosuid shared:12 - proc proc rw
40 22 0:35 / /home rw,relatime shared:20 - btrfs /dev/vda2 rw
41 40 0:36 / /home/anna/Amt rw,relatime shared:21 - cifs //fileserver/amt rw,vers=3.1.1
42 40 0:37 / /home/anna/Amt/lokal rw,relatime shared:22 - ext4 /dev/sdb1 rw
43 22 0:38 / /mnt/nfs rw,relatime shared:23 - nfs4 server:/export rw,vers=4.2
44 22 0:39 / /mnt/my\040share rw,relatime shared:24 - smb3 //nas/share rw
45 22 0:40 / /mnt/ssh rw,nosuid shared:25 - fuse.sshfs anna@host:/srv rw
46 22 0:41 / /media/usb rw,nosuid shared:26 - fuseblk /dev/sdc1 rw
47 22 0:42 / /mnt/plan9 rw shared:27 - 9p hostshare rw
48 22 0:43 / /mnt/dav rw shared:28 - fuse davfs rw
49 22 0:44 / /mnt/gluster rw shared:29 - fuse.glusterfs srv:/vol rw
50 22 0:45 / /mnt/ceph rw shared:30 - ceph 10.0.0.1:/ rw
51 22 0:46 / /mnt/afs rw shared:31 - afs AFS rw
52 22 0:47 / /mnt/davfs rw shared:32 - davfs http://dav.example/ rw
broken line without separator
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/anna/office.sqlite", None),
        ("/home/anna/Amt/office.sqlite", "cifs"),
        ("/home/anna/Amt/Partnerschaften/office.sqlite", "cifs"),
        ("/home/anna/Amt/lokal/office.sqlite", None),  # a local disk mounted inside the share
        ("/home/anna/Amtliches/office.sqlite", None),  # a prefix of the name is not inside
        ("/mnt/nfs/liaison/office.sqlite", "nfs4"),
        ("/mnt/my share/office.sqlite", "smb3"),
        ("/mnt/ssh/office.sqlite", "fuse.sshfs"),
        ("/media/usb/office.sqlite", None),
        ("/mnt/plan9/office.sqlite", "9p"),
        ("/mnt/gluster/office.sqlite", "fuse.glusterfs"),
        ("/mnt/ceph/office.sqlite", "ceph"),
        ("/mnt/afs/office.sqlite", "afs"),
        ("/mnt/davfs/office.sqlite", "davfs"),
        ("/tmp/office.sqlite", None),
    ],
)
def test_linux_mount_table(path: str, expected: str | None) -> None:
    assert linux_network_fs(path, MOUNTINFO) == expected


def test_mountinfo_parsing_unescapes_and_skips_bad_lines() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert len(mounts) == 15
    assert mounts[6].mount_point == "/mnt/my share" and mounts[6].source == "//nas/share"
    assert mount_of("/", mounts) is not None and mount_of("/", mounts).fstype == "ext4"  # type: ignore[union-attr]
    assert linux_network_fs("/anything", "") is None


def test_the_latest_of_two_mounts_on_one_point_wins() -> None:
    text = "30 1 0:1 / /srv rw - ext4 /dev/a rw\n31 1 0:2 / /srv rw - nfs server:/srv rw\n"
    assert linux_network_fs("/srv/office.sqlite", text) == "nfs"


@pytest.mark.parametrize(
    ("fstype", "network"),
    [
        ("nfs", True),
        ("NFS4", True),
        ("cifs", True),
        ("smbfs", True),
        ("fuse.sshfs", True),
        ("fuse.rclone", True),
        ("webdav", True),
        ("afpfs", True),
        ("apfs", False),
        ("ext4", False),
        ("fuseblk", False),
        ("fuse", False),
        ("tmpfs", False),
        ("overlay", False),
    ],
)
def test_network_types(fstype: str, network: bool) -> None:
    assert is_network_type(fstype) is network


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\fileserver\amt\office.sqlite", True),
        ("//fileserver/amt/office.sqlite", True),
        (r"\\?\UNC\fileserver\amt\office.sqlite", True),
        (r"\\?\C:\Daten\office.sqlite", False),
        (r"\\.\PhysicalDrive0", False),
        (r"C:\Daten\office.sqlite", False),
        ("/home/anna/office.sqlite", False),
    ],
)
def test_windows_unc_paths(path: str, unc: bool) -> None:
    assert windows_unc(path) is unc


def test_this_test_folder_is_local(tmp_path: Path) -> None:
    assert network_fs.network_filesystem(tmp_path / "not-yet" / "office.sqlite") is None


def test_an_unreadable_mount_table_never_stands_in_the_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(network_fs, "MOUNTINFO", tmp_path)  # a folder: reading it fails
    assert network_fs.network_filesystem(tmp_path / "office.sqlite") is None


def test_a_database_on_a_share_opens_with_the_type_noted(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(network_fs, "network_filesystem", lambda _path: "cifs")
    db = Database.open(db_path)  # never refused
    try:
        assert db.network_filesystem == "cifs" and not db.read_only
    finally:
        db.close()
    message = network_fs.network_warning(db_path, "cifs")
    assert "network drive (cifs)" in message and "PostgreSQL" in message
