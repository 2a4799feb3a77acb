"""Partnerships with partner cities: kind, since when, agreement, status, rating, themes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crm.db.database import Database
from crm.db.enums import (
    ActivityRating,
    AgreementKind,
    ChangeAction,
    PartnershipKind,
    PartnershipStatus,
)
from crm.db.models import Delegation, Organisation, PartnerCity, Partnership, Person, Theme
from crm.i18n import _
from crm.search.index import index_record, unindex_record
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.lengths import check_lengths, fit
from crm.services.records import RecordKind, register, touch
from crm.services.unit import ChangeSet, write
from crm.text import fold, join_nonempty
from crm.validation import InvalidValue, normalise_country

KIND = "partnership"
CITY_FIELDS = ("city_name", "city_name_native", "city_name_latin", "country", "region")
FIELDS = (
    "kind",
    "local_party",
    "since_year",
    "since_date",
    "agreement_kind",
    "agreement_document",
    "renewal_date",
    "status",
    "activity_rating",
    "association_id",
    "responsible_officer_id",
    "last_evaluation",
    "next_evaluation",
    "notes",
)
DATE_FIELDS = ("since_date", "renewal_date", "last_evaluation", "next_evaluation")
CITY_COLUMNS = {
    "city_name": "name",
    "city_name_native": "name_native",
    "city_name_latin": "name_latin",
    "region": "region",
}


@dataclass
class PartnershipInput:
    city_name: str = ""
    country: str = ""
    kind: str = PartnershipKind.TWIN_CITY.value
    city_name_native: str | None = None
    city_name_latin: str | None = None
    region: str | None = None
    local_party: str | None = None
    since_year: int | None = None
    since_date: date | None = None
    agreement_kind: str | None = None
    agreement_document: str | None = None
    renewal_date: date | None = None
    status: str = PartnershipStatus.ACTIVE.value
    activity_rating: str | None = None
    association_id: int | None = None
    responsible_officer_id: int | None = None
    last_evaluation: date | None = None
    next_evaluation: date | None = None
    notes: str | None = None
    themes: list[str] = field(default_factory=list)
    funder_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class PartnershipDetail:
    id: int
    version: int
    name: str
    city_name: str
    city_name_native: str | None
    city_name_latin: str | None
    country: str
    region: str | None
    kind: str
    local_party: str | None
    since_year: int | None
    since_date: date | None
    agreement_kind: str | None
    agreement_document: str | None
    renewal_date: date | None
    status: str
    activity_rating: str | None
    association_id: int | None
    association_name: str | None
    responsible_officer_id: int | None
    responsible_officer_name: str | None
    last_evaluation: date | None
    next_evaluation: date | None
    notes: str | None
    themes: tuple[str, ...]
    funders: tuple[tuple[int, str], ...]
    created_at: datetime
    updated_at: datetime

    def to_input(self) -> PartnershipInput:
        return PartnershipInput(
            **{name: getattr(self, name) for name in CITY_FIELDS + FIELDS},
            themes=list(self.themes),
            funder_ids=[funder_id for funder_id, _name in self.funders],
        )


def label(partnership: Partnership) -> str:
    city = partnership.partner_city
    if partnership.local_party:
        return f"{city.name} – {partnership.local_party}"
    return city.name


def _text(value: Any) -> Any:
    return value.strip() or None if isinstance(value, str) else value


def _clean(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    for name in (*CITY_FIELDS, *FIELDS):
        values[name] = _text(values.get(name))
    for name in DATE_FIELDS:
        if isinstance(values[name], str):
            try:
                values[name] = date.fromisoformat(values[name])
            except ValueError:
                errors[name] = _("“{value}” is not a date.").format(value=values[name])
                values[name] = None
    if not values["city_name"]:
        errors["city_name"] = _("Enter the partner city's name.")
    check_lengths(PartnerCity, values, CITY_COLUMNS, errors)
    check_lengths(Partnership, values, ("local_party", "agreement_document"), errors)
    try:
        values["country"] = normalise_country(values["country"])
        if values["country"] is None:
            errors["country"] = _("Choose the partner city's country.")
    except InvalidValue as error:
        errors["country"] = str(error)
    enums = (
        ("kind", PartnershipKind, False),
        ("status", PartnershipStatus, False),
        ("agreement_kind", AgreementKind, True),
        ("activity_rating", ActivityRating, True),
    )
    for name, enum, optional in enums:
        if values[name] is None and optional:
            continue
        if values[name] not in {member.value for member in enum}:
            errors[name] = _("Choose a value from the list.")
    year = values["since_year"]
    last_year = date.today().year + 5
    try:
        year = values["since_year"] = None if year is None else int(year)
    except (TypeError, ValueError):
        year = values["since_year"] = None
        errors["since_year"] = _("Enter a year between 1900 and {last}.").format(last=last_year)
    if year is not None and not 1900 <= year <= last_year:
        errors["since_year"] = _("Enter a year between 1900 and {last}.").format(last=last_year)
    if values["since_date"] is not None and year is None:
        values["since_year"] = values["since_date"].year
    org_id = values["association_id"]
    if org_id is not None and session.get(Organisation, org_id) is None:
        errors["association_id"] = _("The association no longer exists.")
    officer = values["responsible_officer_id"]
    if officer is not None and session.get(Person, officer) is None:
        errors["responsible_officer_id"] = _("The responsible officer no longer exists.")
    values["themes"] = sorted({t.strip() for t in values.get("themes") or [] if t.strip()})
    if errors:
        raise ValidationError(errors)
    return values


def _theme(session: Session, name: str) -> Theme:
    theme = session.scalar(select(Theme).where(Theme.name == name))
    if theme is None:
        theme = Theme(name=name)
        session.add(theme)
    return theme


def apply_values(session: Session, partnership: Partnership, values: dict[str, Any]) -> None:
    values = _clean(session, values)
    # Looked up before any field is set: a lookup flushes the session, and a flush between
    # setting fields would write the partnership twice (and move its version twice).
    themes = [_theme(session, name) for name in values["themes"]]
    funders = [
        org
        for org_id in values.get("funder_ids") or []
        if (org := session.get(Organisation, org_id)) is not None
    ]
    city = partnership.partner_city if partnership.partner_city_id else None
    if city is None:
        city = PartnerCity()
        partnership.partner_city = city
    city.name = values["city_name"]
    city.name_native = values["city_name_native"]
    city.name_latin = values["city_name_latin"]
    city.country = values["country"]
    city.region = values["region"]
    city.sort_name = fit(PartnerCity, "sort_name", fold(values["city_name"]))
    for name in FIELDS:
        setattr(partnership, name, values[name])
    partnership.themes = themes
    partnership.funders = funders


def snapshot(partnership: Partnership) -> dict[str, Any]:
    city = partnership.partner_city
    values: dict[str, Any] = {
        "city_name": city.name,
        "city_name_native": city.name_native,
        "city_name_latin": city.name_latin,
        "country": city.country,
        "region": city.region,
    }
    values.update({name: getattr(partnership, name) for name in FIELDS})
    for name in DATE_FIELDS:
        values[name] = values[name].isoformat() if values[name] else None
    values["themes"] = [theme.name for theme in partnership.themes]
    values["funder_ids"] = [org.id for org in partnership.funders]
    return values


def reindex(session: Session, partnership: Partnership) -> None:
    city = partnership.partner_city
    index_record(
        session,
        KIND,
        partnership.id,
        names=join_nonempty(city.name, city.name_native, city.name_latin, partnership.local_party),
        body=join_nonempty(
            city.region,
            *(t.name for t in partnership.themes),
            partnership.notes,
            association.name
            if (association := partnership.association) and association.deleted_at is None
            else None,
        ),
        label=label(partnership),
        detail=join_nonempty(
            city.name_native, city.country, str(partnership.since_year or ""), sep=" · "
        ),
    )


def _reindex_all(session: Session, partnership: Partnership) -> None:
    """Reindex the partnership and its delegations, projects and events, whose search text
    holds the city's names."""
    from crm.search.rebuild import index_delegation
    from crm.services.projects import reindex_linked

    reindex(session, partnership)
    for delegation in session.scalars(
        select(Delegation).where(
            Delegation.partnership_id == partnership.id, Delegation.deleted_at.is_(None)
        )
    ):
        index_delegation(session, delegation, partnership.partner_city)
    reindex_linked(session, partnership_id=partnership.id)


register(
    RecordKind(
        name=KIND,
        model=Partnership,
        label=label,
        snapshot=snapshot,
        apply=apply_values,
        reindex=_reindex_all,
        index_alone=reindex,
        unindex=lambda session, record_id: unindex_record(session, KIND, record_id),
    )
)


def _load(session: Session, partnership_id: int) -> Partnership:
    partnership = session.get(
        Partnership,
        partnership_id,
        options=[
            selectinload(Partnership.partner_city),
            selectinload(Partnership.themes),
            selectinload(Partnership.funders),
        ],
    )
    if partnership is None or partnership.deleted_at is not None:
        raise NotFound(_("This partnership no longer exists (perhaps moved to the trash)."))
    return partnership


def create_partnership(db: Database, data: PartnershipInput) -> tuple[int, ChangeSet]:
    with write(db, _("New partnership")) as unit:
        partnership = Partnership()
        apply_values(unit.session, partnership, asdict(data))
        unit.session.add(partnership)
        unit.session.flush()
        reindex(unit.session, partnership)
        name = label(partnership)
        unit.operation.label = _("New partnership: {name}").format(name=name)
        unit.record(ChangeAction.CREATE, KIND, partnership.id, name, new=snapshot(partnership))
        return partnership.id, unit.changes


def update_partnership(
    db: Database,
    partnership_id: int,
    data: PartnershipInput,
    expected_version: int | None = None,
) -> ChangeSet:
    with write(db, _("Edit partnership")) as unit:
        partnership = _load(unit.session, partnership_id)
        if expected_version is not None and partnership.version != expected_version:
            raise Conflict(
                _("{name} was changed by someone else meanwhile.").format(name=label(partnership))
            )
        old = snapshot(partnership)
        apply_values(unit.session, partnership, asdict(data))
        new = snapshot(partnership)
        if new == old:
            return unit.changes
        touch(partnership)
        unit.session.flush()
        _reindex_all(unit.session, partnership)
        name = label(partnership)
        unit.operation.label = _("Edit partnership: {name}").format(name=name)
        unit.record(ChangeAction.UPDATE, KIND, partnership.id, name, old=old, new=new)
        return unit.changes


def get_partnership(db: Database, partnership_id: int) -> PartnershipDetail:
    from crm.services.people import display_name

    with db.read() as session:
        p = _load(session, partnership_id)
        city = p.partner_city
        return PartnershipDetail(
            id=p.id,
            version=p.version,
            name=label(p),
            city_name=city.name,
            city_name_native=city.name_native,
            city_name_latin=city.name_latin,
            country=city.country,
            region=city.region,
            **{name: getattr(p, name) for name in FIELDS},
            association_name=p.association.name if p.association else None,
            responsible_officer_name=(
                display_name(p.responsible_officer) if p.responsible_officer else None
            ),
            themes=tuple(theme.name for theme in p.themes),
            funders=tuple((org.id, org.name) for org in p.funders),
            created_at=p.created_at,
            updated_at=p.updated_at,
        )


def theme_names(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Theme.name).order_by(Theme.name)))
