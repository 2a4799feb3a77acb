"""``liaison backup`` and ``liaison restore``: checked copies of an SQLite database file.

``liaison backup --db PATH`` keeps the copy in the database's backups folder (rotated like the
automatic ones), ``-o FILE`` writes it where the user says, ``--list`` shows the folder.
``liaison restore FILE --db PATH`` backs up what it replaces first, checks FILE and then
replaces the database. Neither opens the database through SQLAlchemy, so neither upgrades it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crm.cli.errors import EXIT_OK, BadInput
from crm.cli.output import print_json, print_table
from crm.cli.parser import json_option
from crm.cli.target import add_db_option, resolve_target, sqlite_path
from crm.i18n import _
from crm.settings import Settings


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help=_("back up the database file"),
        description=_(
            "Back up the database with SQLite's online backup API (it may be in use meanwhile). "
            "The copy is checked before it is kept; without -o it goes to the database's "
            "backups folder, where 7 daily, 4 weekly and 12 monthly backups are kept."
        ),
    )
    add_db_option(backup)
    backup.add_argument(
        "-o",
        "--output",
        metavar=_("FILE"),
        default=None,
        help=_("write the backup to FILE (which must not exist yet)"),
    )
    backup.add_argument(
        "--list", action="store_true", help=_("list the backups in the backups folder")
    )
    json_option(backup)
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help=_("replace the database by a backup"),
        description=_(
            "Replace the database by the backup FILE. The database is backed up first (a "
            "damaged one is copied as it is), and FILE is checked before anything is replaced."
        ),
    )
    restore.add_argument("file", metavar=_("FILE"), help=_("the backup to restore"))
    add_db_option(restore)
    json_option(restore)
    restore.set_defaults(run=run_restore)


def _database_file(args: argparse.Namespace, settings: Settings) -> Path:
    path = sqlite_path(resolve_target(args, settings))
    if path is None:
        raise BadInput(
            _("Backups are for SQLite database files; back up a server database on the server.")
        )
    return path


def _backup_row(backup: Any) -> dict[str, Any]:
    return {
        "file": str(backup.path),
        "taken": backup.taken.isoformat(),
        "kind": backup.kind.value,
        "size": backup.size,
        "good": backup.good,
    }


def run_backup(args: argparse.Namespace, settings: Settings) -> int:
    from crm.db import backups, schema

    path = _database_file(args, settings)
    if args.list:
        if args.output:
            raise BadInput(_("--list and -o cannot be used together."))
        found = backups.list_backups(path)
        if args.json:
            print_json(
                {
                    "folder": str(backups.backup_dir(path)),
                    "backups": [_backup_row(backup) for backup in found],
                }
            )
        elif found:
            print_table(
                [
                    [
                        backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                        backup.kind.label,
                        human_size(backup.size),
                        str(backup.path),
                    ]
                    for backup in found
                ]
            )
        else:
            print(_("There are no backups of {path} yet.").format(path=path))
        return EXIT_OK
    if path.is_dir():
        raise BadInput(_("{path} is a folder, not a database file.").format(path=path))
    if not path.is_file() or path.stat().st_size == 0:
        raise BadInput(_("There is no database at {path}.").format(path=path))
    schema.check_sqlite_file(path)  # another program's file, or a newer Liaison's: refused
    if args.output:
        written = backups.backup_to_file(path, Path(args.output))
        row: dict[str, Any] = {"file": str(written), "size": written.stat().st_size}
    else:
        taken = backups.take_backup(path, backups.BackupKind.MANUAL)
        written = taken.path
        row = _backup_row(taken)
    if args.json:
        print_json(row)
    else:
        print(_("Backed up {database} to {file}.").format(database=path, file=written))
    return EXIT_OK


def run_restore(args: argparse.Namespace, settings: Settings) -> int:
    from crm.db import backups

    path = _database_file(args, settings)
    result = backups.restore(Path(args.file), path)
    replaced = None if result.replaced is None else str(result.replaced.path)
    if args.json:
        print_json(
            {"database": str(path), "restored_from": args.file, "replaced_kept_as": replaced}
        )
    else:
        print(_("Restored {database} from {file}.").format(database=path, file=args.file))
        if replaced is not None:
            print(_("The database it replaced was kept as {file}.").format(file=replaced))
    return EXIT_OK


def human_size(size: int) -> str:
    """A file size as people read it: 692 KB, 559.5 MB."""
    if size < 1000:
        return _("{size} bytes").format(size=size)
    if size < 1000**2:
        return f"{size / 1000:.0f} KB"
    if size < 1000**3:
        return f"{size / 1000**2:.1f} MB"
    return f"{size / 1000**3:.1f} GB"
