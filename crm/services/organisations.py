"""Organisations: city administrations, embassies, NGOs, associations, universities, networks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crm.db.database import Database
from crm.db.enums import ChangeAction, OrganisationKind
from crm.db.models import Affiliation, Organisation, Partnership, Person
from crm.i18n import _
from crm.search.index import index_record, unindex_record
from crm.services import contact_points as cp
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.lengths import check_lengths, fit
from crm.services.office import home_region
from crm.services.records import RecordKind, register, touch
from crm.services.unit import ChangeSet, write
from crm.text import fold, join_nonempty
from crm.validation import InvalidValue, normalise_country

KIND = "organisation"
TEXT_FIELDS = ("name", "name_latin", "short_name", "kind", "city", "country", "notes")


@dataclass
class OrganisationInput:
    name: str = ""
    name_latin: str | None = None
    short_name: str | None = None
    kind: str = OrganisationKind.OTHER.value
    city: str | None = None
    country: str | None = None
    notes: str | None = None
    contact_points: list[cp.ContactPointInput] = field(default_factory=list)
    addresses: list[cp.AddressInput] = field(default_factory=list)


@dataclass(frozen=True)
class MemberView:
    person_id: int
    person_name: str
    function: str | None
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True)
class OrganisationDetail:
    id: int
    version: int
    name: str
    name_latin: str | None
    short_name: str | None
    kind: str
    city: str | None
    country: str | None
    notes: str | None
    contact_points: tuple[cp.ContactPointView, ...]
    addresses: tuple[cp.AddressView, ...]
    people: tuple[MemberView, ...]
    created_at: datetime
    updated_at: datetime


def label(organisation: Organisation) -> str:
    return organisation.name


def _clean(
    session: Session,
    values: dict[str, Any],
    known: Mapping[tuple[str, str], str | None] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = values.get(name)
        values[name] = value.strip() or None if isinstance(value, str) else value
    if not values.get("name"):
        errors["name"] = _("Enter the organisation's name.")
    check_lengths(Organisation, values, TEXT_FIELDS, errors)
    if values.get("kind") not in {kind.value for kind in OrganisationKind}:
        errors["kind"] = _("Choose the kind of organisation.")
    try:
        values["country"] = normalise_country(values.get("country"))
    except InvalidValue as error:
        errors["country"] = str(error)
    values.setdefault("contact_points", [])
    values.setdefault("addresses", [])
    normalized = cp.check_contacts(values["contact_points"], home_region(session), errors, known)
    cp.check_addresses(values["addresses"], errors)
    if errors:
        raise ValidationError(errors)
    return values, normalized


def apply_values(session: Session, organisation: Organisation, values: dict[str, Any]) -> None:
    values, normalized = _clean(session, values, cp.known_contacts(organisation.contact_points))
    for name in TEXT_FIELDS:
        setattr(organisation, name, values[name])
    organisation.sort_name = fit(Organisation, "sort_name", fold(values["name"]))
    organisation.contact_points = cp.build_contact_points(values["contact_points"], normalized)
    organisation.addresses = cp.build_addresses(values["addresses"])


def snapshot(organisation: Organisation) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(organisation, name) for name in TEXT_FIELDS}
    values["contact_points"] = cp.contact_snapshot(organisation.contact_points)
    values["addresses"] = cp.address_snapshot(organisation.addresses)
    return values


def reindex(session: Session, organisation: Organisation) -> None:
    contacts = [p.value for p in organisation.contact_points]
    index_record(
        session,
        KIND,
        organisation.id,
        names=join_nonempty(organisation.name, organisation.name_latin, organisation.short_name),
        body=join_nonempty(organisation.city, *contacts, organisation.notes),
        label=organisation.name,
        detail=join_nonempty(organisation.city, organisation.country, sep=", "),
    )


def reindex_dependents(session: Session, organisation_id: int) -> None:
    """Reindex the records whose search text holds the organisation's name.

    People are found by the organisations they work at, partnerships by their partnership
    association and projects and events by their funder and organiser, so renaming, trashing
    or restoring an organisation must reach them too.
    """
    from crm.services import partnerships, people
    from crm.services.projects import reindex_linked

    members = select(Affiliation.person_id).where(Affiliation.organisation_id == organisation_id)
    for person in session.scalars(
        select(Person).where(Person.id.in_(members), Person.deleted_at.is_(None))
    ):
        people.reindex(session, person)
    for partnership in session.scalars(
        select(Partnership).where(
            Partnership.association_id == organisation_id, Partnership.deleted_at.is_(None)
        )
    ):
        partnerships.reindex(session, partnership)
    reindex_linked(session, organisation_id=organisation_id)


def _reindex_all(session: Session, organisation: Organisation) -> None:
    reindex(session, organisation)
    reindex_dependents(session, organisation.id)


def _unindex_all(session: Session, organisation_id: int) -> None:
    unindex_record(session, KIND, organisation_id)
    reindex_dependents(session, organisation_id)


register(
    RecordKind(
        name=KIND,
        model=Organisation,
        label=label,
        snapshot=snapshot,
        apply=apply_values,
        reindex=_reindex_all,
        index_alone=reindex,
        unindex=_unindex_all,
    )
)


def _load(session: Session, organisation_id: int) -> Organisation:
    organisation = session.get(
        Organisation,
        organisation_id,
        options=[
            selectinload(Organisation.contact_points),
            selectinload(Organisation.addresses),
            selectinload(Organisation.affiliations).selectinload(Affiliation.person),
        ],
    )
    if organisation is None or organisation.deleted_at is not None:
        raise NotFound(_("This organisation no longer exists (perhaps moved to the trash)."))
    return organisation


def create_organisation(db: Database, data: OrganisationInput) -> tuple[int, ChangeSet]:
    with write(db, _("New organisation")) as unit:
        organisation = Organisation()
        apply_values(unit.session, organisation, asdict(data))
        unit.session.add(organisation)
        unit.session.flush()
        reindex(unit.session, organisation)
        unit.operation.label = _("New organisation: {name}").format(name=organisation.name)
        unit.record(
            ChangeAction.CREATE,
            KIND,
            organisation.id,
            organisation.name,
            new=snapshot(organisation),
        )
        return organisation.id, unit.changes


def update_organisation(
    db: Database,
    organisation_id: int,
    data: OrganisationInput,
    expected_version: int | None = None,
) -> ChangeSet:
    with write(db, _("Edit organisation")) as unit:
        organisation = _load(unit.session, organisation_id)
        if expected_version is not None and organisation.version != expected_version:
            raise Conflict(
                _("{name} was changed by someone else meanwhile.").format(name=organisation.name)
            )
        old = snapshot(organisation)
        apply_values(unit.session, organisation, asdict(data))
        new = snapshot(organisation)
        if new == old:
            return unit.changes
        touch(organisation)
        unit.session.flush()
        if new["name"] != old["name"]:
            _reindex_all(unit.session, organisation)
        else:
            reindex(unit.session, organisation)
        unit.operation.label = _("Edit organisation: {name}").format(name=organisation.name)
        unit.record(ChangeAction.UPDATE, KIND, organisation.id, organisation.name, old=old, new=new)
        return unit.changes


def get_organisation(db: Database, organisation_id: int) -> OrganisationDetail:
    from crm.services.people import display_name

    with db.read() as session:
        organisation = _load(session, organisation_id)
        return OrganisationDetail(
            id=organisation.id,
            version=organisation.version,
            **{name: getattr(organisation, name) for name in TEXT_FIELDS},
            contact_points=tuple(cp.contact_view(p) for p in organisation.contact_points),
            addresses=tuple(cp.address_view(a) for a in organisation.addresses),
            people=tuple(
                MemberView(
                    a.person_id, display_name(a.person), a.function, a.start_date, a.end_date
                )
                for a in organisation.affiliations
                if a.person.deleted_at is None
            ),
            created_at=organisation.created_at,
            updated_at=organisation.updated_at,
        )
