"""Running an export: the records read in batches, written to a temporary file beside the
target, and renamed over it only when complete. An error or a cancel (Progress) leaves no
file behind, and a file already at the target stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from crm.files import replacing
from crm.i18n import _, ngettext
from crm.io.export_model import (
    CORRESPONDENCE,
    CSV,
    DELEGATIONS,
    ICS,
    ORGANISATIONS,
    PARTNERSHIPS,
    PEOPLE,
    VCF,
    XLSX,
    ExportRequest,
    ExportResult,
    ExportTable,
    check_request,
    kind_title,
    record_ids,
)
from crm.services.errors import ServiceError
from crm.services.progress import Progress

if TYPE_CHECKING:
    from crm.db.database import Database


def export_to_file(
    db: Database, request: ExportRequest, path: Path | str, progress: Progress | None = None
) -> ExportResult:
    """Export what ``request`` asks for to ``path``; ServiceError for bad input (nothing is
    written then), Cancelled when ``progress`` was cancelled (nothing is written either)."""
    check_request(request)
    path = Path(path)
    if path.is_dir():
        raise ServiceError(_("{path} is a folder; give a file name.").format(path=path))
    if not path.parent.is_dir():
        raise ServiceError(_("The folder {folder} does not exist.").format(folder=path.parent))
    progress = progress or Progress()
    progress.start(0, _("Reading the list…"))
    ids = [] if request.delegation_id is not None else record_ids(db, request)
    total = 1 if request.delegation_id is not None else len(ids)
    progress.start(
        total,
        ngettext("Exporting {count} record…", "Exporting {count} records…", total).format(
            count=total
        ),
    )
    with replacing(path, _cannot_write) as temporary:
        count = _write(db, request, ids, temporary, progress)
        progress.check()
    return ExportResult(str(path), count)


def _write(
    db: Database, request: ExportRequest, ids: list[int], target: Path, progress: Progress
) -> int:
    advance: Callable[[int], None] = progress.advance
    if request.format in (CSV, XLSX):
        table = _table(db, request.kind, ids, advance)
        if request.format == CSV:
            from crm.io.export_csv import write_csv

            with _text_file(target, "utf-8-sig") as stream:
                write_csv(table, stream, request.separator)
        else:
            from crm.io.export_xlsx import write_xlsx

            write_xlsx(table, target)
        return len(ids)
    if request.format == VCF:
        return _write_vcards(db, request, ids, target, advance)
    if request.format == ICS:
        return _write_calendar(db, request, ids, target, advance)
    raise ServiceError(_("Unknown format “{format}”.").format(format=request.format))


def _text_file(path: Path, encoding: str) -> IO[str]:
    return path.open("w", encoding=encoding, newline="")


def _table(db: Database, kind: str, ids: list[int], advance: Callable[[int], None]) -> ExportTable:
    if kind == PEOPLE:
        from crm.io.export_people_table import people_table

        return people_table(db, ids, advance)
    if kind == ORGANISATIONS:
        from crm.io.export_organisations import organisations_table

        return organisations_table(db, ids, advance)
    from crm.io import export_registers as registers

    tables = {
        PARTNERSHIPS: registers.partnerships_table,
        DELEGATIONS: registers.delegations_table,
        CORRESPONDENCE: registers.correspondence_table,
    }
    return tables[kind](db, ids, advance)


def office_of(db: Database) -> str:
    """What makes the office's UIDs its own: its name and city."""
    from crm.io.export_lines import office_key
    from crm.services.office import get_profile

    profile = get_profile(db)
    return office_key(profile.office_name, profile.city)


def _write_vcards(
    db: Database,
    request: ExportRequest,
    ids: list[int],
    target: Path,
    advance: Callable[[int], None],
) -> int:
    from crm.io.export_values import Labels
    from crm.io.export_vcard import VCardWriter

    count = 0
    with _text_file(target, "utf-8") as stream:
        writer = VCardWriter(stream, request.vcard_version, office_of(db), Labels())
        if request.kind == PEOPLE:
            from crm.io.export_people import person_cards

            for people in person_cards(db, ids):
                for person in people:
                    writer.person(person)
                count += len(people)
                advance(len(people))
        else:
            from crm.io.export_organisations import organisation_cards

            for organisations in organisation_cards(db, ids):
                for organisation in organisations:
                    writer.organisation(organisation)
                count += len(organisations)
                advance(len(organisations))
    return count


def _write_calendar(
    db: Database,
    request: ExportRequest,
    ids: list[int],
    target: Path,
    advance: Callable[[int], None],
) -> int:
    from crm.io.export_ical import programme_events, resolve_zone, visit_events, write_calendar

    office = office_of(db)
    if request.delegation_id is not None:
        name, events = programme_events(db, request.delegation_id, office)
    else:
        name, events = kind_title(DELEGATIONS), visit_events(db, ids, office)
    with _text_file(target, "utf-8") as stream:
        count = write_calendar(stream, events, name, resolve_zone(request.zone))
    advance(max(1, len(ids)))
    return count


def _cannot_write(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return _("The export cannot be saved as {path}: {reason}.").format(path=path, reason=reason)
