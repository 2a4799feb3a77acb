"""Checking what a file holds before anything is stored: the plan of an import.

Each record becomes the input a service would take (a person's or an organisation's values,
contact points and addresses), checked by the same rules the services use: a name is
required, texts must fit their columns, phones are read in the office's home country, emails
by email-validator, countries must be real. A record that fails is rejected, with the reasons.
The rest are compared with the register (crm.io.import_duplicates) and get an action: create
when nothing matches, skip when a record with the same email or phone exists already (or came
earlier in the same file), create with the candidates shown when only the name matches. The
user may change each action before the import runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from crm.db.database import Database
from crm.db.enums import PHONE_KINDS, ContactKind, OrganisationKind
from crm.db.models import Affiliation, Organisation, Person
from crm.i18n import _
from crm.io.import_countries import country_code
from crm.io.import_model import (
    COUNTRY,
    CSV,
    DEPARTMENT,
    FAMILY_NAME,
    FORM_OF_ADDRESS,
    FULL_NAME,
    FUNCTION,
    GIVEN_NAME,
    LANGUAGES,
    NAME_LATIN,
    NAME_ORIGINAL,
    NOTES,
    ORGANISATION,
    ORGANISATIONS,
    PEOPLE,
    PREFERRED_LANGUAGE,
    SALUTATION,
    SHORT_NAME,
    TITLE,
    SourceRecord,
    field_labels,
)
from crm.services import contact_points as cp
from crm.services import organisations, people
from crm.services.duplicates import EMAIL, PHONE, Duplicate
from crm.services.lengths import check_lengths
from crm.services.office import home_region
from crm.services.progress import Progress
from crm.text import join_nonempty
from crm.validation import InvalidValue, normalise_country

CHECK_BATCH = 500
RECORD = "record"  # an error about the record as a whole
_GENDER_WORDS = frozenset(
    {"herr", "frau", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mme", "mme.", "m.", "mx", "mx."}
)
_TITLES = frozenset(
    {"dr.", "prof.", "dr", "prof", "ing.", "dipl.-ing.", "mag.", "h.e.", "mr", "mr.", "mrs",
     "mrs.", "ms", "ms.", "herr", "frau", "hon.", "rev.", "med.", "phil.", "jur."}
)  # fmt: skip


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"
    REJECT = "reject"


@dataclass
class PlannedRecord:
    """A record of the file, checked, with what the import will do with it."""

    source: SourceRecord
    name: str  # as the user will recognise it ("Dr. Gabriele Goldfuß")
    values: dict[str, Any] | None = None  # the service input, once valid
    normalized: list[str] = field(default_factory=list)  # of values["contact_points"]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    same_as_line: int | None = None  # an earlier record of the file with the same email
    action: Action = Action.CREATE
    target_id: int | None = None  # the record an update goes to
    organisation: str | None = None  # a person's organisation, by its name

    @property
    def line(self) -> int:
        return self.source.line

    @property
    def exact(self) -> bool:
        """A record of the register shares an email address or a phone number with it."""
        return any(EMAIL in d.reasons or PHONE in d.reasons for d in self.duplicates)

    def choices(self) -> list[Action]:
        if self.values is None:
            return [Action.REJECT]
        if self.duplicates:
            return [Action.CREATE, Action.UPDATE, Action.SKIP]
        return [Action.CREATE, Action.SKIP]

    def choose(self, action: Action, target_id: int | None = None) -> None:
        """Set the action; an update goes to ``target_id`` or the first candidate."""
        if action not in self.choices():
            raise ValueError(f"{action} is not possible for line {self.line}")
        self.action = action
        if action == Action.UPDATE:
            ids = [d.id for d in self.duplicates]
            self.target_id = target_id if target_id in ids else ids[0]
        else:
            self.target_id = None


@dataclass
class ImportPlan:
    kind: str  # PEOPLE or ORGANISATIONS
    file_name: str
    records: list[PlannedRecord]
    format: str = CSV  # VCARD, CSV or XLSX: how the report names a record's place
    warnings: list[str] = field(default_factory=list)
    # People: organisations named in the file that are already in the register, by folded name.
    known_organisations: dict[str, int] = field(default_factory=dict)

    def count(self, action: Action) -> int:
        return sum(1 for record in self.records if record.action == action)

    @property
    def photos(self) -> int:
        """Photos of the records being imported: Liaison has no place for them."""
        return sum(1 for record in self.accepted() if record.source.photo)

    def accepted(self) -> list[PlannedRecord]:
        return [r for r in self.records if r.action in (Action.CREATE, Action.UPDATE)]

    def new_organisations(self) -> list[str]:
        """Organisations the people being created or updated work at that are not known yet,
        as first written, in file order."""
        seen: dict[str, str] = {}
        for record in self.accepted():
            name = record.organisation
            if name and organisation_key(name) not in self.known_organisations:
                seen.setdefault(organisation_key(name), name)
        return list(seen.values())


def organisation_key(name: str) -> str:
    from crm.text import fold

    return " ".join(fold(name).split())


# --- names ------------------------------------------------------------------------------------


def split_full_name(full: str) -> tuple[str | None, str | None, str]:
    """(title, given name, family name) of a name written whole.

    "Dr. Gabriele Goldfuß" and "Goldfuß, Gabriele" both give Goldfuß as the family name; a name
    without spaces ("王丽华") is kept whole as the family name.
    """
    text = " ".join(full.split())
    if "," in text:
        family, _comma, rest = text.partition(",")
        words = rest.split()
        titles = [w for w in words if w.lower() in _TITLES]
        given = [w for w in words if w.lower() not in _TITLES]
        return " ".join(titles) or None, " ".join(given) or None, family.strip()
    words = text.split()
    titles = []
    while len(words) > 1 and words[0].lower() in _TITLES:
        titles.append(words.pop(0))
    if len(words) == 1:
        return " ".join(titles) or None, None, words[0]
    return " ".join(titles) or None, " ".join(words[:-1]), words[-1]


# --- turning a record into a service input -----------------------------------------------------


def _country(text: str | None, what: str, warnings: list[str]) -> str | None:
    if not text:
        return None
    code = country_code(text)
    if code is None:
        warnings.append(
            _("{what}: the country “{value}” is not recognised and was left out.").format(
                what=what, value=text
            )
        )
    return code


def _contacts(record: SourceRecord) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    preferred_kinds = {c.kind for c in record.contacts if c.preferred}
    seen_kinds: set[str] = set()
    for contact in record.contacts:
        primary = contact.preferred or (
            contact.kind not in preferred_kinds and contact.kind not in seen_kinds
        )
        seen_kinds.add(contact.kind)
        items.append(
            {
                "kind": contact.kind,
                "value": contact.value,
                "label": contact.label,
                "is_primary": primary,
            }
        )
    return items


def _addresses(record: SourceRecord, warnings: list[str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    default_country = record.values.get(COUNTRY)
    for address in record.addresses:
        items.append(
            {
                "street": address.street,
                "postcode": address.postcode,
                "city": address.city,
                "region": address.region,
                "country": _country(address.country or default_country, _("Address"), warnings),
                "label": address.label,
                "is_primary": address.preferred,
            }
        )
    if items and not any(item["is_primary"] for item in items):
        items[0]["is_primary"] = True
    return items


def _person_values(record: SourceRecord, warnings: list[str]) -> dict[str, Any]:
    values = record.values
    title, given, family = values.get(TITLE), values.get(GIVEN_NAME), values.get(FAMILY_NAME)
    full = values.get(FULL_NAME)
    if not family and full and not record.organisation_card:
        split_title, split_given, family = split_full_name(full)
        given = given or split_given
        title = title or split_title
    form_of_address = values.get(FORM_OF_ADDRESS)
    if title:
        # Outlook's "Anrede" holds "Frau" or "Herr": a form of address, not a title; a whole
        # form of address ("Frau Dr. Goldfuß", "Mr Chairman") is not a title either.
        words = title.split()
        gender = [word for word in words if word.lower() in _GENDER_WORDS]
        if any(w.lower() not in _GENDER_WORDS | _TITLES for w in words):
            form_of_address = form_of_address or title
            title = None
        elif gender:
            title = " ".join(word for word in words if word.lower() not in _GENDER_WORDS) or None
            form_of_address = form_of_address or join_nonempty(*gender, title, family)
    addresses = _addresses(record, warnings)
    country = values.get(COUNTRY)
    code = _country(country, field_labels()[COUNTRY], warnings) if country else None
    if code is None and not country:
        code = next((a["country"] for a in addresses if a["country"]), None)
    return {
        "family_name": family or "",
        "given_name": given,
        "title": title,
        "name_original": values.get(NAME_ORIGINAL),
        "name_latin": values.get(NAME_LATIN),
        "function": values.get(FUNCTION),
        "form_of_address": form_of_address,
        "salutation": values.get(SALUTATION),
        "languages": values.get(LANGUAGES),
        "preferred_language": values.get(PREFERRED_LANGUAGE),
        "country": code,
        "notes": values.get(NOTES),
        "contact_points": _contacts(record),
        "addresses": addresses,
        "affiliations": [],
    }


def _organisation_values(record: SourceRecord, warnings: list[str]) -> dict[str, Any]:
    values = record.values
    addresses = _addresses(record, warnings)
    country = values.get(COUNTRY)
    code = _country(country, field_labels()[COUNTRY], warnings) if country else None
    if code is None and not country:
        code = next((a["country"] for a in addresses if a["country"]), None)
    return {
        "name": values.get(ORGANISATION) or values.get(FULL_NAME) or "",
        "name_latin": values.get(NAME_LATIN),
        "short_name": values.get(SHORT_NAME),
        "kind": OrganisationKind.OTHER.value,
        "city": next((a["city"] for a in addresses if a["city"]), None),
        "country": code,
        "notes": values.get(NOTES),
        "contact_points": _contacts(record),
        "addresses": addresses,
    }


def _field_errors(errors: dict[str, str]) -> list[str]:
    """The services' messages, each named by its field where the message does not say it."""
    labels = field_labels() | {
        "name": _("Name"),
        "kind": _("Kind"),
        "city": _("City"),
        "organisation": _("Organisation"),
        "department": _("Department"),
    }
    messages = []
    for key, message in errors.items():
        name = key.split(".")[0]
        if name in ("contact_points", "addresses", RECORD):
            messages.append(message)
        else:
            messages.append(f"{labels.get(name, name)}: {message}")
    return messages


def _dedupe_contacts(values: dict[str, Any], normalized: list[str]) -> list[str]:
    """Drop a contact point given twice (Outlook's "E-mail" and "E-mail 2" alike)."""
    kept_items: list[dict[str, Any]] = []
    kept: list[str] = []
    seen: set[tuple[str, str]] = set()
    for item, normal in zip(values["contact_points"], normalized, strict=True):
        key = (item["kind"] if item["kind"] not in PHONE_KINDS else "phone", normal)
        if key in seen:
            continue
        seen.add(key)
        kept_items.append(item)
        kept.append(normal)
    values["contact_points"] = kept_items
    return kept


def check_record(record: SourceRecord, kind: str, region: str | None) -> PlannedRecord:
    """The record checked by the services' rules; rejected with the reasons when it fails."""
    warnings = list(record.warnings)
    if kind == PEOPLE:
        values = _person_values(record, warnings)
        name = join_nonempty(values["title"], values["given_name"], values["family_name"])
        model: type[Person] | type[Organisation] = Person
        fields: tuple[str, ...] = people.TEXT_FIELDS
    else:
        values = _organisation_values(record, warnings)
        name = values["name"]
        model = Organisation
        fields = organisations.TEXT_FIELDS
    planned = PlannedRecord(
        record, name or record.values.get(FULL_NAME) or record.values.get(ORGANISATION) or ""
    )
    planned.warnings = warnings
    if record.problems:
        planned.errors = list(record.problems)
        planned.action = Action.REJECT
        return planned
    errors: dict[str, str] = {}
    for key in fields:
        value = values.get(key)
        values[key] = value.strip() or None if isinstance(value, str) else value
    if kind == PEOPLE and not values["family_name"]:
        errors[RECORD] = (
            _("This card describes an organisation; import it as organisations.")
            if record.organisation_card
            else _("The record has no name.")
        )
    if kind == ORGANISATIONS and not values["name"]:
        errors[RECORD] = _("The record has no organisation name.")
    check_lengths(model, values, fields, errors)
    try:
        values["country"] = normalise_country(values.get("country"))
    except InvalidValue as error:
        errors["country"] = str(error)
    normalized = cp.check_contacts(values["contact_points"], region, errors)
    cp.check_addresses(values["addresses"], errors)
    if kind == PEOPLE:
        organisation = record.values.get(ORGANISATION)
        department = record.values.get(DEPARTMENT)
        affiliation = {"function": values["function"], "department": department}
        check_lengths(Affiliation, affiliation, ("function", "department"), errors)
        if organisation:
            check_lengths(Organisation, {"organisation": organisation}, {"organisation": "name"},
                          errors)  # fmt: skip
            planned.organisation = organisation.strip()
    if errors:
        planned.errors = _field_errors(errors)
        planned.action = Action.REJECT
        return planned
    planned.normalized = _dedupe_contacts(values, normalized)
    planned.values = values
    return planned


def contact_keys(planned: PlannedRecord) -> Iterable[tuple[str, str]]:
    """("email" or "phone", normal form) of the record's emails and phones."""
    assert planned.values is not None
    for item, normal in zip(planned.values["contact_points"], planned.normalized, strict=True):
        if item["kind"] == ContactKind.EMAIL:
            yield EMAIL, normal
        elif item["kind"] in PHONE_KINDS:
            yield PHONE, normal


def _same_in_file(records: list[PlannedRecord]) -> None:
    """Mark a record whose email address came earlier in the file (a phone number alone does
    not count: colleagues share their office's number)."""
    first: dict[tuple[str, str], int] = {}
    for planned in records:
        if planned.values is None:
            continue
        keys = [key for key in contact_keys(planned) if key[0] == EMAIL]
        earlier = [first[key] for key in keys if key in first]
        if earlier:
            planned.same_as_line = min(earlier)
        for key in keys:
            first.setdefault(key, planned.line)


def default_action(planned: PlannedRecord) -> Action:
    if planned.values is None:
        return Action.REJECT
    if planned.exact or planned.same_as_line is not None:
        return Action.SKIP
    return Action.CREATE


def plan_import(
    db: Database,
    records: list[SourceRecord],
    kind: str,
    file_name: str,
    progress: Progress | None = None,
    format: str = CSV,
) -> ImportPlan:
    """Check every record and choose its default action."""
    from crm.io.import_duplicates import attach_duplicates, known_organisations

    if kind not in (PEOPLE, ORGANISATIONS):
        raise ValueError(kind)
    if progress is not None:
        progress.start(len(records), _("Checking the records…"))
    with db.read() as session:
        region = home_region(session)
        planned: list[PlannedRecord] = []
        for start in range(0, len(records), CHECK_BATCH):
            batch = [check_record(r, kind, region) for r in records[start : start + CHECK_BATCH]]
            attach_duplicates(session, kind, batch)
            planned.extend(batch)
            if progress is not None:
                progress.advance(len(batch))
        _same_in_file(planned)
        for record in planned:
            record.action = default_action(record)
        plan = ImportPlan(kind, file_name, planned, format)
        if kind == PEOPLE:
            plan.known_organisations = known_organisations(
                session, {organisation_key(r.organisation) for r in planned if r.organisation}
            )
    return plan
