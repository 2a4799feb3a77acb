"""People as a spreadsheet table: a row per person, read straight from the batch's rows.

The rows are built from the query's tuples without PersonCard objects (those are for vCards):
for 100,000 people that is a good part of the time a CSV export takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import Person
from crm.i18n import _
from crm.io.export_contacts import contact_texts, read_addresses
from crm.io.export_model import Cell, Column, ExportTable, batches
from crm.io.export_people import PEOPLE, Organisations, read_work
from crm.io.export_read import as_date, large_cache, rows_by_ids
from crm.io.export_values import Labels

Row = tuple[Cell, ...]


def people_columns() -> list[Column]:
    return [
        Column(_("No."), "int", 7),
        Column(_("Title"), width=8),
        Column(_("Given name"), width=16),
        Column(_("Family name"), width=18),
        Column(_("Name as written"), width=22),
        Column(_("Name in Latin letters"), width=22),
        Column(_("Function"), width=26),
        Column(_("Organisation"), width=32),
        Column(_("Department"), width=20),
        Column(_("Email"), width=30),
        Column(_("Other emails"), width=24),
        Column(_("Phone"), width=18),
        Column(_("Other phones"), width=18),
        Column(_("Mobile"), width=18),
        Column(_("Fax"), width=18),
        Column(_("Website"), width=24),
        Column(_("Street"), width=24),
        Column(_("Postcode"), width=9),
        Column(_("City"), width=16),
        Column(_("Region"), width=14),
        Column(_("Address country"), width=16),
        Column(_("Country"), width=16),
        Column(_("Languages"), width=10),
        Column(_("Form of address"), width=24),
        Column(_("Salutation"), width=30),
        Column(_("Changed"), "date", 11),
    ]


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _rest(values: list[str] | None) -> str | None:
    return "; ".join(values[1:]) if values and len(values) > 1 else None


def _all(values: list[str] | None) -> str | None:
    return "; ".join(values) if values else None


def people_rows(
    session: Session, ids: Sequence[int], labels: Labels, organisations: Organisations
) -> list[Row]:
    """The table rows of ``ids`` in that order; people gone or in the trash are left out."""
    people = {row[0]: row for row in rows_by_ids(session, "people", PEOPLE, Person.id, ids)}
    found = list(people)
    work = read_work(session, found, organisations)
    contacts = contact_texts(session, "person", found)
    addresses = read_addresses(session, "person", found)
    country = labels.country
    nothing: dict[str, list[str]] = {}
    rows: list[Row] = []
    for person_id in ids:
        person = people.get(person_id)
        if person is None:
            continue
        kinds = contacts.get(person_id, nothing)
        organisation, _latin, work_function, department = work.get(
            person_id, (None, None, None, None)
        )
        emails, phones = kinds.get("email"), kinds.get("phone")
        found_addresses = addresses.get(person_id)
        address = found_addresses[0] if found_addresses else None
        rows.append(
            (
                person_id,
                person[1],
                person[2],
                person[3],
                person[4],
                person[5],
                person[6] or work_function,
                organisation,
                department,
                _first(emails),
                _rest(emails),
                _first(phones),
                _rest(phones),
                _all(kinds.get("mobile")),
                _all(kinds.get("fax")),
                _all(kinds.get("web")),
                address.street if address else None,
                address.postcode if address else None,
                address.city if address else None,
                address.region if address else None,
                country(address.country) if address else None,
                country(person[9]),
                person[7],
                person[10],
                person[11],
                as_date(person[12]),
            )
        )
    return rows


def people_table(db: Database, ids: Sequence[int], advance: Callable[[int], None]) -> ExportTable:
    labels = Labels()

    def rows() -> Iterator[list[Row]]:
        organisations: Organisations = {}
        with db.read() as session, large_cache(session):
            for batch in batches(ids):
                yield people_rows(session, batch, labels, organisations)
                advance(len(batch))

    return ExportTable(_("People"), people_columns(), rows(), len(ids))
