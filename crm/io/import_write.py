"""Storing a checked import: everything accepted in one transaction, or nothing.

New records go in through SQLAlchemy Core, 500 at a time (the ORM's ``add_all`` is about a
hundred times slower): their rows, contact points, addresses and affiliations, their rows of
the search index, and a create entry each in the history, under one operation named after the
file ("Import 1,234 people from contacts.vcf"), so Undo takes the whole import back. The rows
are the ones the services would write (crm.services.people and .organisations: same sort
names, same index text, same history snapshot); updates of existing records go through those
services' own functions. Between batches the job checks its Progress: a cancel, like any
error, rolls the transaction back and leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select, text
from sqlalchemy.orm import Session, selectinload

from crm.db.base import utcnow
from crm.db.database import Database
from crm.db.enums import ChangeAction, OrganisationKind
from crm.db.models import Address, Affiliation, Change, ContactPoint, Organisation, Person
from crm.i18n import _, ngettext
from crm.io.import_check import Action, ImportPlan, PlannedRecord, organisation_key
from crm.io.import_model import PEOPLE
from crm.io.import_report import ImportReport, build_report, count_text
from crm.search.index import has_fts, indexed_text, record_rowid
from crm.services import organisations, people
from crm.services.errors import NotFound
from crm.services.lengths import fit
from crm.services.progress import Progress
from crm.services.records import record_kind, touch
from crm.services.unit import UnitOfWork, json_value, write
from crm.text import fold, join_nonempty

BATCH = 500
PERSON = "person"
ORGANISATION = "organisation"


def operation_label(plan: ImportPlan) -> str:
    count = len(plan.accepted())
    if plan.kind == PEOPLE:
        text_ = ngettext(
            "Import {count} person from {file}", "Import {count} people from {file}", count
        )
    else:
        text_ = ngettext(
            "Import {count} organisation from {file}",
            "Import {count} organisations from {file}",
            count,
        )
    return text_.format(count=count_text(count), file=plan.file_name)


def dry_run(plan: ImportPlan) -> ImportReport:
    """What the import would do; nothing is written."""
    return build_report(plan, dry_run=True)


def run_import(db: Database, plan: ImportPlan, progress: Progress | None = None) -> ImportReport:
    """Store the accepted records of ``plan`` in one transaction; the report says what was done."""
    progress = progress or Progress()
    accepted = plan.accepted()
    progress.start(len(accepted), _("Importing…"))
    ids: dict[int, int] = {}
    with write(db, operation_label(plan)) as unit:
        session = unit.session
        session.flush()  # the operation's id, for the history rows written below
        writer = _Writer(unit, plan)
        new_organisations = writer.organisations() if plan.kind == PEOPLE else []
        creating = [
            (index, planned)
            for index, planned in enumerate(plan.records)
            if planned.action == Action.CREATE
        ]
        for start in range(0, len(creating), BATCH):
            batch = creating[start : start + BATCH]
            created = writer.create([planned for _index, planned in batch])
            ids.update(
                (index, record_id) for (index, _p), record_id in zip(batch, created, strict=True)
            )
            progress.advance(len(batch))
        for planned in plan.records:
            if planned.action == Action.UPDATE:
                writer.update(planned)
                progress.advance(1)
        writer.finish()
        changes = unit.changes
    return build_report(
        plan, dry_run=False, ids=ids, new_organisations=new_organisations, changes=changes
    )


class _Writer:
    """The rows of one import, written into the unit's transaction."""

    def __init__(self, unit: UnitOfWork, plan: ImportPlan) -> None:
        self.unit = unit
        self.session: Session = unit.session
        self.plan = plan
        self.now: datetime = utcnow()
        self.fts = has_fts(self.session)
        self.dialect = self.session.get_bind().dialect.name
        self.organisation_ids: dict[str, int] = {}  # folded name -> id
        self.organisation_names: dict[int, str] = {}  # id -> name as stored
        self.history_rows: list[dict[str, Any]] = []
        self.index_rows: list[dict[str, Any]] = []

    # --- organisations the people work at ------------------------------------------------

    def organisations(self) -> list[str]:
        """Find the organisations named by the accepted people, create the missing ones;
        returns the names of those created."""
        from crm.io.import_duplicates import known_organisations

        wanted = {
            organisation_key(p.organisation): p.organisation
            for p in self.plan.accepted()
            if p.organisation
        }
        known = known_organisations(self.session, set(wanted))
        self.organisation_ids.update(known)
        if known:
            for organisation_id, name in self.session.execute(
                select(Organisation.id, Organisation.name).where(
                    Organisation.id.in_(set(known.values()))
                )
            ):
                self.organisation_names[organisation_id] = name
        missing = [(key, name) for key, name in wanted.items() if key not in known]
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            values = [self._organisation_row({"name": name}) for _key, name in batch]
            new_ids = self._insert(Organisation, values)
            for (key, name), organisation_id, row in zip(batch, new_ids, values, strict=True):
                self.organisation_ids[key] = organisation_id
                self.organisation_names[organisation_id] = name
                snapshot = {name_: row.get(name_) for name_ in organisations.TEXT_FIELDS}
                snapshot |= {"contact_points": [], "addresses": []}
                self._index_organisation(organisation_id, row, [], [])
                self._history(ORGANISATION, organisation_id, name, snapshot)
        return [name for _key, name in missing]

    # --- new records ---------------------------------------------------------------------

    def _insert(
        self, model: type[Person] | type[Organisation], rows: list[dict[str, Any]]
    ) -> list[int]:
        table = _table(model)
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return [row[0] for row in self.session.execute(statement, rows)]

    def _organisation_row(self, values: dict[str, Any]) -> dict[str, Any]:
        row = {name: values.get(name) for name in organisations.TEXT_FIELDS}
        row["kind"] = row["kind"] or OrganisationKind.OTHER.value
        row["sort_name"] = fit(Organisation, "sort_name", fold(row["name"]))
        return row | self._stamps()

    def _person_row(self, values: dict[str, Any]) -> dict[str, Any]:
        row = {name: values.get(name) for name in people.TEXT_FIELDS}
        row["sort_name"] = fit(
            Person, "sort_name", fold(join_nonempty(values["family_name"], values["given_name"]))
        )
        return row | self._stamps()

    def _stamps(self) -> dict[str, Any]:
        return {"created_at": self.now, "updated_at": self.now, "deleted_at": None, "version": 1}

    def create(self, batch: Sequence[PlannedRecord]) -> list[int]:
        """Insert the records of one batch; returns their new ids in order."""
        person = self.plan.kind == PEOPLE
        values_of = [planned.values for planned in batch]
        assert all(values is not None for values in values_of)
        rows = [
            self._person_row(values) if person else self._organisation_row(values)
            for values in values_of
            if values is not None
        ]
        new_ids = self._insert(Person if person else Organisation, rows)
        owner = "person_id" if person else "organisation_id"
        other = "organisation_id" if person else "person_id"
        points: list[dict[str, Any]] = []
        addresses: list[dict[str, Any]] = []
        affiliations: list[dict[str, Any]] = []
        for planned, record_id, row in zip(batch, new_ids, rows, strict=True):
            values = planned.values
            assert values is not None
            point_rows = contact_point_rows(values["contact_points"], planned.normalized)
            address_rows = address_rows_of(values["addresses"])
            points += [p | {owner: record_id, other: None} for p in point_rows]
            addresses += [a | {owner: record_id, other: None} for a in address_rows]
            snapshot = {name: row[name] for name in _fields(person)}
            if person:
                snapshot["consent_date"] = None  # as people.snapshot has it; imports record none
            snapshot["contact_points"] = [_point_snapshot(p) for p in point_rows]
            snapshot["addresses"] = [_address_snapshot(a) for a in address_rows]
            if person:
                affiliation = self._affiliation(planned, record_id)
                organisation_names = []
                snapshot["affiliations"] = []
                if affiliation is not None:
                    affiliations.append(affiliation)
                    organisation_names.append(
                        self.organisation_names[affiliation["organisation_id"]]
                    )
                    snapshot["affiliations"].append(_affiliation_snapshot(affiliation))
                self._index_person(record_id, row, point_rows, organisation_names)
                label = people.display_name(_Named(row))  # type: ignore[arg-type]
                self._history(PERSON, record_id, label, snapshot)
            else:
                self._index_organisation(record_id, row, point_rows, address_rows)
                self._history(ORGANISATION, record_id, row["name"], snapshot)
        for model, items in (
            (ContactPoint, points),
            (Address, addresses),
            (Affiliation, affiliations),
        ):
            if items:
                self.session.execute(insert(_table(model)), items)
        self._flush_history()
        return new_ids

    def _affiliation(self, planned: PlannedRecord, person_id: int) -> dict[str, Any] | None:
        if not planned.organisation:
            return None
        assert planned.values is not None
        return {
            "person_id": person_id,
            "organisation_id": self.organisation_ids[organisation_key(planned.organisation)],
            "function": planned.values.get("function"),
            "department": planned.source.values.get("department"),
            "start_date": None,
            "end_date": None,
            "is_primary": True,
        }

    # --- the search index, as people.reindex and organisations.reindex write it -------------

    def _index(self, kind: str, record_id: int, names: str, body: str, label: str,
               detail: str) -> None:  # fmt: skip
        if self.fts:
            self.index_rows.append(
                {
                    "rowid": record_rowid(kind, record_id),
                    "name": indexed_text(self.dialect, names),
                    "body": indexed_text(self.dialect, body),
                    "label": label,
                    "detail": detail,
                }
            )

    def _index_person(
        self,
        person_id: int,
        row: dict[str, Any],
        points: list[dict[str, Any]],
        organisation_names: list[str],
    ) -> None:
        contacts = [p["value"] for p in points] + [p["normalized"] or "" for p in points]
        self._index(
            PERSON,
            person_id,
            names=join_nonempty(
                row["title"],
                row["given_name"],
                row["family_name"],
                row["name_original"],
                row["name_latin"],
            ),
            body=join_nonempty(row["function"], *organisation_names, *contacts, row["notes"]),
            label=people.display_name(_Named(row)),  # type: ignore[arg-type]
            detail=join_nonempty(row["function"], *organisation_names[:1], sep=" · "),
        )

    def _index_organisation(
        self,
        organisation_id: int,
        row: dict[str, Any],
        points: list[dict[str, Any]],
        addresses: list[dict[str, Any]],
    ) -> None:
        self._index(
            ORGANISATION,
            organisation_id,
            names=join_nonempty(row["name"], row["name_latin"], row["short_name"]),
            body=join_nonempty(row["city"], *[p["value"] for p in points], row["notes"]),
            label=row["name"],
            detail=join_nonempty(row["city"], row["country"], sep=", "),
        )

    # --- history ----------------------------------------------------------------------------

    def _history(self, entity: str, record_id: int, label: str, new: dict[str, Any]) -> None:
        self.history_rows.append(
            {
                "operation_id": self.unit.operation.id,
                "entity": entity,
                "entity_id": record_id,
                "action": ChangeAction.CREATE.value,
                "label": label[:300],
                "old_values": None,
                "new_values": json.dumps(json_value(new), ensure_ascii=False),
            }
        )
        self.unit.changes.note(ChangeAction.CREATE, entity, record_id)

    def _flush_history(self) -> None:
        """Write the history and index rows collected so far (executemany, in one go each)."""
        if self.history_rows:
            self.session.execute(insert(_table(Change)), self.history_rows)
            self.history_rows = []
        if self.index_rows:
            rowids = [{"rowid": row["rowid"]} for row in self.index_rows]
            self.session.execute(text("DELETE FROM search_records WHERE rowid = :rowid"), rowids)
            self.session.execute(
                text(
                    "INSERT INTO search_records(rowid, name, body, label, detail) "
                    "VALUES (:rowid, :name, :body, :label, :detail)"
                ),
                self.index_rows,
            )
            self.index_rows = []

    # --- updates of existing records ---------------------------------------------------------

    def update(self, planned: PlannedRecord) -> None:
        """Add what the file knows to an existing record, through the service's own rules."""
        self._flush_history()
        person = self.plan.kind == PEOPLE
        module: Any = people if person else organisations
        model: Any = Person if person else Organisation
        options = [selectinload(model.contact_points), selectinload(model.addresses)]
        if person:
            options.append(selectinload(Person.affiliations).selectinload(Affiliation.organisation))
        record: Any = self.session.get(model, planned.target_id, options=options)
        if record is None or record.deleted_at is not None:
            raise NotFound(
                _(
                    "The record to update with line {line} no longer exists; check the file again."
                ).format(line=planned.line)
            )
        old = module.snapshot(record)
        merged = merge_values(old, planned, self._organisation_id(planned) if person else None)
        module.apply_values(self.session, record, merged)
        new = module.snapshot(record)
        if new == old:
            return
        touch(record)
        self.session.flush()
        label = people.display_name(record) if person else record.name
        if person:
            people.reindex(self.session, record)
        elif new["name"] != old["name"]:
            record_kind(ORGANISATION).reindex(self.session, record)
        else:
            organisations.reindex(self.session, record)
        entity = PERSON if person else ORGANISATION
        self.unit.record(ChangeAction.UPDATE, entity, record.id, label, old=old, new=new)

    def _organisation_id(self, planned: PlannedRecord) -> int | None:
        if not planned.organisation:
            return None
        return self.organisation_ids.get(organisation_key(planned.organisation))

    def finish(self) -> None:
        self._flush_history()
        # The history rows went in through Core: the operation must see them to be kept.
        self.session.expire(self.unit.operation, ["changes"])


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


class _Named:
    """A row dict that people.display_name can read like a Person."""

    def __init__(self, row: dict[str, Any]) -> None:
        self.title = row["title"]
        self.given_name = row["given_name"]
        self.family_name = row["family_name"]


def _fields(person: bool) -> tuple[str, ...]:
    return people.TEXT_FIELDS if person else organisations.TEXT_FIELDS


def contact_point_rows(items: list[dict[str, Any]], normalized: list[str]) -> list[dict[str, Any]]:
    """The contact point rows crm.services.contact_points.build_contact_points would make."""
    rows = []
    has_primary: set[str] = set()
    for position, (item, normal) in enumerate(zip(items, normalized, strict=True)):
        primary = bool(item.get("is_primary")) and item["kind"] not in has_primary
        if primary:
            has_primary.add(item["kind"])
        rows.append(
            {
                "kind": item["kind"],
                "value": item["value"].strip(),
                "normalized": normal,
                "label": item.get("label") or None,
                "is_primary": primary,
                "position": position,
            }
        )
    return rows


_ADDRESS_FIELDS = ("street", "postcode", "city", "region", "country", "label")


def address_rows_of(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The address rows crm.services.contact_points.build_addresses would make."""
    return [
        {name: item.get(name) or None for name in _ADDRESS_FIELDS}
        | {"is_primary": bool(item.get("is_primary"))}
        for item in items
        if any(item.get(name) for name in _ADDRESS_FIELDS[:-1])
    ]


def _point_snapshot(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("kind", "value", "normalized", "label", "is_primary")
    return {key: row[key] for key in keys}


def _address_snapshot(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in (*_ADDRESS_FIELDS, "is_primary")}


def _affiliation_snapshot(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("organisation_id", "function", "department", "start_date", "end_date", "is_primary")
    return {key: row[key] for key in keys}


def merge_values(
    old: dict[str, Any], planned: PlannedRecord, organisation_id: int | None
) -> dict[str, Any]:
    """The stored record with what the file adds: its non-empty fields replace the stored
    ones, and its contact points, addresses and organisation are added when new."""
    values = planned.values
    assert values is not None
    merged = {key: value for key, value in old.items()}
    for key, value in values.items():
        if key in ("contact_points", "addresses", "affiliations", "kind"):
            continue
        if value not in (None, ""):
            merged[key] = value
    known = {(p["kind"], p["normalized"]) for p in old["contact_points"]}
    points = [dict(p) for p in old["contact_points"]]
    kinds_with_primary = {p["kind"] for p in points if p["is_primary"]}
    for item, normal in zip(values["contact_points"], planned.normalized, strict=True):
        if (item["kind"], normal) in known:
            continue
        known.add((item["kind"], normal))
        primary = bool(item["is_primary"]) and item["kind"] not in kinds_with_primary
        points.append(item | {"normalized": normal, "is_primary": primary})
    merged["contact_points"] = points
    addresses = [dict(a) for a in old["addresses"]]
    seen = {tuple(a.get(name) for name in _ADDRESS_FIELDS[:-1]) for a in addresses}
    for item in values["addresses"]:
        parts = tuple(item.get(name) for name in _ADDRESS_FIELDS[:-1])
        if parts not in seen:
            seen.add(parts)
            addresses.append(item | {"is_primary": item["is_primary"] and not addresses})
    merged["addresses"] = addresses
    if "affiliations" in old:
        affiliations = [dict(a) for a in old["affiliations"]]
        linked = {a["organisation_id"] for a in affiliations}
        if organisation_id is not None and organisation_id not in linked:
            affiliations.append(
                {
                    "organisation_id": organisation_id,
                    "function": values.get("function"),
                    "department": planned.source.values.get("department"),
                    "start_date": None,
                    "end_date": None,
                    "is_primary": not any(a["is_primary"] for a in affiliations),
                }
            )
        merged["affiliations"] = affiliations
    return merged
