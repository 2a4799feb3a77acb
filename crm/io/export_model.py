"""What an export is: the records asked for, the table they become, and the request.

An export takes either the ids of a list as the user filtered and sorted it (the list
services give them: crm.services.lists and the *_lists modules) or a selection of ids, and
reads the records in batches, so 100,000 people never sit in memory at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from crm.i18n import _
from crm.services.errors import ServiceError

if TYPE_CHECKING:
    from crm.db.database import Database

PEOPLE = "people"
ORGANISATIONS = "organisations"
PARTNERSHIPS = "partnerships"
DELEGATIONS = "delegations"
CORRESPONDENCE = "correspondence"
KINDS: tuple[str, ...] = (PEOPLE, ORGANISATIONS, PARTNERSHIPS, DELEGATIONS, CORRESPONDENCE)

CSV = "csv"
XLSX = "xlsx"
VCF = "vcf"
ICS = "ics"
FORMATS: tuple[str, ...] = (CSV, XLSX, VCF, ICS)
# Contacts go to address books, visits to calendars; every list goes to a spreadsheet.
FORMATS_OF: dict[str, tuple[str, ...]] = {
    PEOPLE: (CSV, XLSX, VCF),
    ORGANISATIONS: (CSV, XLSX, VCF),
    PARTNERSHIPS: (CSV, XLSX),
    DELEGATIONS: (CSV, XLSX, ICS),
    CORRESPONDENCE: (CSV, XLSX),
}
SEPARATORS: tuple[str, ...] = (";", ",")
VCARD_VERSIONS: tuple[str, ...] = ("3.0", "4.0")
BATCH = 1000  # records read at a time

CellType = Literal["text", "int", "number", "date", "datetime"]
Cell = str | int | Decimal | date | datetime | None


@dataclass(frozen=True)
class Column:
    title: str
    type: CellType = "text"
    width: int = 16  # in characters, for the spreadsheet


@dataclass
class ExportTable:
    """A table for CSV and XLSX: its columns and its rows, produced a batch at a time."""

    title: str  # the worksheet's name
    columns: list[Column]
    batches: Iterator[list[tuple[Cell, ...]]]
    total: int  # how many records (not rows: a delegation has a row per member)


@dataclass(frozen=True)
class ExportRequest:
    kind: str  # one of KINDS
    format: str  # one of FORMATS
    ids: tuple[int, ...] | None = None  # a selection, in this order
    query: str = ""  # otherwise: the whole list, filtered by this text
    filters: Any = None  # or by the list's own filter object (the app's)
    sort: str | None = None
    descending: bool | None = None
    separator: str = ";"
    vcard_version: str = "3.0"
    delegation_id: int | None = None  # iCalendar: this delegation's programme
    zone: str | None = None  # iCalendar: an IANA zone; None: the computer's


@dataclass(frozen=True)
class ExportResult:
    path: str
    records: int


def check_request(request: ExportRequest) -> None:
    """ServiceError (a sentence for the user) when the request cannot be exported."""
    if request.kind not in KINDS:
        raise ServiceError(
            _("There is no list “{kind}” to export; choose one of {choices}.").format(
                kind=request.kind, choices=", ".join(KINDS)
            )
        )
    if request.format not in FORMATS_OF[request.kind]:
        raise ServiceError(
            _("{kind} cannot be exported as {format}; choose one of {choices}.").format(
                kind=kind_title(request.kind),
                format=request.format,
                choices=", ".join(FORMATS_OF[request.kind]),
            )
        )
    if request.format == CSV and request.separator not in SEPARATORS:
        raise ServiceError(_("The separator is a semicolon (;) or a comma (,)."))
    if request.format == VCF and request.vcard_version not in VCARD_VERSIONS:
        raise ServiceError(
            _("The vCard version is 3.0 or 4.0, not “{version}”.").format(
                version=request.vcard_version
            )
        )
    if request.delegation_id is not None and request.format != ICS:
        raise ServiceError(_("A delegation's programme is exported as iCalendar (ics)."))


def kind_title(kind: str) -> str:
    titles = {
        PEOPLE: _("People"),
        ORGANISATIONS: _("Organisations"),
        PARTNERSHIPS: _("Partnerships"),
        DELEGATIONS: _("Delegations"),
        CORRESPONDENCE: _("Correspondence"),
    }
    return titles.get(kind, kind)


def _id_function(kind: str) -> Callable[..., list[int]]:
    from crm.services import correspondence_lists, delegation_lists, lists, organisation_lists

    functions: dict[str, Callable[..., list[int]]] = {
        PEOPLE: lists.person_ids,
        ORGANISATIONS: organisation_lists.organisation_ids,
        PARTNERSHIPS: lists.partnership_ids,
        DELEGATIONS: delegation_lists.delegation_ids,
        CORRESPONDENCE: correspondence_lists.correspondence_ids,
    }
    return functions[kind]


def _filter_of(kind: str, query: str) -> Any:
    from crm.services.correspondence_lists import CorrespondenceFilter
    from crm.services.delegation_lists import DelegationFilter
    from crm.services.lists import PartnershipFilter, PeopleFilter
    from crm.services.organisation_lists import OrganisationFilter

    filters: dict[str, Any] = {
        PEOPLE: PeopleFilter,
        ORGANISATIONS: OrganisationFilter,
        PARTNERSHIPS: PartnershipFilter,
        DELEGATIONS: DelegationFilter,
        CORRESPONDENCE: CorrespondenceFilter,
    }
    return filters[kind](text=query)


def record_ids(db: Database, request: ExportRequest) -> list[int]:
    """The ids to export, in the order they are written."""
    if request.ids is not None:
        return list(dict.fromkeys(request.ids))
    filters = request.filters if request.filters is not None else _filter_of(request.kind, "")
    if request.query:
        filters = _filter_of(request.kind, request.query)
    options: dict[str, Any] = {}
    if request.sort is not None:
        options["sort"] = request.sort
    if request.descending is not None:
        options["descending"] = request.descending
    return _id_function(request.kind)(db, filters, **options)


def batches(ids: Sequence[int], size: int = BATCH) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def default_file_name(kind: str, format_: str, today: date | None = None) -> str:
    """``people-2026-05-12.csv``: what the file dialog suggests."""
    day = (today or date.today()).isoformat()
    return f"{kind_title(kind).lower()}-{day}.{format_}"
