"""People: create, read, update, list; trash, restore and undo go through crm.services.trash."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crm.db.database import Database
from crm.db.enums import ChangeAction, LegalBasis
from crm.db.models import Affiliation, Organisation, Person
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

KIND = "person"
TEXT_FIELDS = (
    "title",
    "given_name",
    "family_name",
    "name_original",
    "name_latin",
    "function",
    "form_of_address",
    "salutation",
    "languages",
    "preferred_language",
    "country",
    "notes",
    "legal_basis",
    "legal_basis_note",
)


@dataclass
class AffiliationInput:
    organisation_id: int
    function: str | None = None
    department: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    is_primary: bool = False


@dataclass
class PersonInput:
    family_name: str = ""
    given_name: str | None = None
    title: str | None = None
    name_original: str | None = None
    name_latin: str | None = None
    function: str | None = None
    form_of_address: str | None = None
    salutation: str | None = None
    languages: str | None = None
    preferred_language: str | None = None
    country: str | None = None
    notes: str | None = None
    legal_basis: str | None = None  # crm.db.enums.LegalBasis (GDPR Art. 6(1)); None: not recorded
    legal_basis_note: str | None = None
    consent_date: date | None = None
    contact_points: list[cp.ContactPointInput] = field(default_factory=list)
    addresses: list[cp.AddressInput] = field(default_factory=list)
    affiliations: list[AffiliationInput] = field(default_factory=list)


@dataclass(frozen=True)
class AffiliationView:
    organisation_id: int
    organisation_name: str
    function: str | None
    department: str | None
    start_date: date | None
    end_date: date | None
    is_primary: bool


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    display_name: str
    title: str | None
    given_name: str | None
    family_name: str
    name_original: str | None
    name_latin: str | None
    function: str | None
    form_of_address: str | None
    salutation: str | None
    languages: str | None
    preferred_language: str | None
    country: str | None
    notes: str | None
    legal_basis: str | None
    legal_basis_note: str | None
    consent_date: date | None
    contact_points: tuple[cp.ContactPointView, ...]
    addresses: tuple[cp.AddressView, ...]
    affiliations: tuple[AffiliationView, ...]
    created_at: datetime
    updated_at: datetime

    def to_input(self) -> PersonInput:
        return PersonInput(
            **{name: getattr(self, name) for name in TEXT_FIELDS},
            consent_date=self.consent_date,
            contact_points=[
                cp.ContactPointInput(p.kind, p.value, p.label, p.is_primary)
                for p in self.contact_points
            ],
            addresses=[
                cp.AddressInput(
                    a.street, a.postcode, a.city, a.region, a.country, a.label, a.is_primary
                )
                for a in self.addresses
            ],
            affiliations=[
                AffiliationInput(
                    a.organisation_id,
                    a.function,
                    a.department,
                    a.start_date,
                    a.end_date,
                    a.is_primary,
                )
                for a in self.affiliations
            ],
        )


def display_name(person: Person) -> str:
    return join_nonempty(person.title, person.given_name, person.family_name) or "?"


def _sort_name(values: dict[str, Any]) -> str:
    return fold(join_nonempty(values.get("family_name"), values.get("given_name")))


def _clean(
    session: Session,
    values: dict[str, Any],
    known: Mapping[tuple[str, str], str | None] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Validate an input dict; returns it tidied and the normalised contact values."""
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = values.get(name)
        values[name] = value.strip() or None if isinstance(value, str) else value
    if not values.get("family_name"):
        errors["family_name"] = _("Enter the family name.")
    check_lengths(Person, values, TEXT_FIELDS, errors)
    try:
        values["country"] = normalise_country(values.get("country"))
    except InvalidValue as error:
        errors["country"] = str(error)
    _check_legal_basis(values, errors)
    values.setdefault("contact_points", [])
    values.setdefault("addresses", [])
    values.setdefault("affiliations", [])
    normalized = cp.check_contacts(values["contact_points"], home_region(session), errors, known)
    cp.check_addresses(values["addresses"], errors)
    for index, item in enumerate(values["affiliations"]):
        check_lengths(
            Affiliation, item, ("function", "department"), errors, f"affiliations.{index}"
        )
        organisation_id = item.get("organisation_id")
        if organisation_id is None or session.get(Organisation, organisation_id) is None:
            errors[f"affiliations.{index}"] = _("The organisation no longer exists.")
        for key in ("start_date", "end_date"):
            if isinstance(item.get(key), str):
                try:
                    item[key] = date.fromisoformat(item[key])
                except ValueError:
                    errors[f"affiliations.{index}"] = _("“{value}” is not a date.").format(
                        value=item[key]
                    )
    if errors:
        raise ValidationError(errors)
    return values, normalized


def _check_legal_basis(values: dict[str, Any], errors: dict[str, str]) -> None:
    """The legal basis is one of GDPR Art. 6(1)'s; the consent's day a date, not in the future."""
    basis = values.get("legal_basis")
    if basis is not None and basis not in {item.value for item in LegalBasis}:
        errors["legal_basis"] = _("“{value}” is not a legal basis.").format(value=basis)
    day = values.get("consent_date")
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day) if day.strip() else None
        except ValueError:
            errors["consent_date"] = _("“{value}” is not a date.").format(value=day)
            day = None
    if isinstance(day, datetime):
        day = day.date()
    if day is not None and not isinstance(day, date):
        errors["consent_date"] = _("“{value}” is not a date.").format(value=day)
        day = None
    if day is not None and day > date.today():
        errors["consent_date"] = _("The consent cannot be given in the future.")
    values["consent_date"] = day


def apply_values(session: Session, person: Person, values: dict[str, Any]) -> None:
    values, normalized = _clean(session, values, cp.known_contacts(person.contact_points))
    for name in TEXT_FIELDS:
        setattr(person, name, values[name])
    person.consent_date = values["consent_date"]
    person.sort_name = fit(Person, "sort_name", _sort_name(values))
    person.contact_points = cp.build_contact_points(values["contact_points"], normalized)
    person.addresses = cp.build_addresses(values["addresses"])
    person.affiliations = [
        Affiliation(
            organisation_id=item["organisation_id"],
            function=item.get("function") or None,
            department=item.get("department") or None,
            start_date=item.get("start_date"),
            end_date=item.get("end_date"),
            is_primary=bool(item.get("is_primary")),
        )
        for item in values["affiliations"]
    ]


def snapshot(person: Person) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(person, name) for name in TEXT_FIELDS}
    values["consent_date"] = person.consent_date.isoformat() if person.consent_date else None
    values["contact_points"] = cp.contact_snapshot(person.contact_points)
    values["addresses"] = cp.address_snapshot(person.addresses)
    values["affiliations"] = [
        {
            "organisation_id": a.organisation_id,
            "function": a.function,
            "department": a.department,
            "start_date": a.start_date.isoformat() if a.start_date else None,
            "end_date": a.end_date.isoformat() if a.end_date else None,
            "is_primary": a.is_primary,
        }
        for a in person.affiliations
    ]
    return values


def reindex(session: Session, person: Person) -> None:
    organisations = [
        a.organisation.name for a in person.affiliations if a.organisation.deleted_at is None
    ]
    contacts = [p.value for p in person.contact_points] + [
        p.normalized or "" for p in person.contact_points
    ]
    detail = join_nonempty(person.function, *organisations[:1], sep=" · ")
    index_record(
        session,
        KIND,
        person.id,
        names=join_nonempty(
            person.title,
            person.given_name,
            person.family_name,
            person.name_original,
            person.name_latin,
        ),
        body=join_nonempty(person.function, *organisations, *contacts, person.notes),
        label=display_name(person),
        detail=detail,
    )


KIND_INFO = register(
    RecordKind(
        name=KIND,
        model=Person,
        label=display_name,
        snapshot=snapshot,
        apply=apply_values,
        reindex=reindex,
        unindex=lambda session, record_id: unindex_record(session, KIND, record_id),
    )
)


def _input_dict(data: PersonInput) -> dict[str, Any]:
    return asdict(data)


def _load(session: Session, person_id: int) -> Person:
    person = session.get(
        Person,
        person_id,
        options=[
            selectinload(Person.contact_points),
            selectinload(Person.addresses),
            selectinload(Person.affiliations).selectinload(Affiliation.organisation),
        ],
    )
    if person is None or person.deleted_at is not None:
        raise NotFound(_("This person no longer exists (perhaps moved to the trash)."))
    return person


def create_person(db: Database, data: PersonInput) -> tuple[int, ChangeSet]:
    with write(db, _("New person")) as unit:
        person = Person()
        apply_values(unit.session, person, _input_dict(data))
        unit.session.add(person)
        unit.session.flush()
        reindex(unit.session, person)
        unit.operation.label = _("New person: {name}").format(name=display_name(person))
        unit.record(
            ChangeAction.CREATE, KIND, person.id, display_name(person), new=snapshot(person)
        )
        return person.id, unit.changes


def update_person(
    db: Database, person_id: int, data: PersonInput, expected_version: int | None = None
) -> ChangeSet:
    with write(db, _("Edit person")) as unit:
        person = _load(unit.session, person_id)
        if expected_version is not None and person.version != expected_version:
            raise Conflict(
                _("{name} was changed by someone else meanwhile.").format(name=display_name(person))
            )
        old = snapshot(person)
        apply_values(unit.session, person, _input_dict(data))
        new = snapshot(person)
        if new == old:
            return unit.changes
        touch(person)
        unit.session.flush()
        reindex(unit.session, person)
        unit.operation.label = _("Edit person: {name}").format(name=display_name(person))
        unit.record(ChangeAction.UPDATE, KIND, person.id, display_name(person), old=old, new=new)
        return unit.changes


def get_person(db: Database, person_id: int) -> PersonDetail:
    with db.read() as session:
        person = _load(session, person_id)
        return PersonDetail(
            id=person.id,
            version=person.version,
            display_name=display_name(person),
            **{name: getattr(person, name) for name in TEXT_FIELDS},
            consent_date=person.consent_date,
            contact_points=tuple(cp.contact_view(p) for p in person.contact_points),
            addresses=tuple(cp.address_view(a) for a in person.addresses),
            affiliations=tuple(
                AffiliationView(
                    organisation_id=a.organisation_id,
                    organisation_name=a.organisation.name,
                    function=a.function,
                    department=a.department,
                    start_date=a.start_date,
                    end_date=a.end_date,
                    is_primary=a.is_primary,
                )
                for a in person.affiliations
            ),
            created_at=person.created_at,
            updated_at=person.updated_at,
        )


def find_person_ids_by_name(db: Database, family_name: str) -> list[int]:
    with db.read() as session:
        return list(
            session.scalars(
                select(Person.id).where(
                    Person.deleted_at.is_(None),
                    Person.sort_name.startswith(fold(family_name), autoescape=True),
                )
            )
        )
