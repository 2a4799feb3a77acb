"""Partnerships, delegations (a row per member) and the correspondence register as tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from crm.db.database import Database
from crm.db.models import (
    Attachment,
    Correspondence,
    Delegation,
    DelegationMember,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
    Theme,
    partnership_funders,
    partnership_themes,
)
from crm.i18n import _
from crm.io.export_contacts import of_kind, read_contacts
from crm.io.export_model import Cell, Column, ExportTable, batches
from crm.io.export_read import large_cache
from crm.io.export_values import Labels, local_naive
from crm.text import join_nonempty

Rows = Iterator[list[tuple[Cell, ...]]]


def _pairs(session: Session, statement: Select[Any]) -> dict[Any, Any]:
    """A two-column query as a dict (a Result has ``keys()``: dict() would take it for a
    mapping)."""
    return {key: value for key, value in session.execute(statement).tuples()}


def _person_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    statement = select(Person.id, Person.title, Person.given_name, Person.family_name).where(
        Person.id.in_(ids)
    )
    return {
        pid: join_nonempty(title, given, family) or "?"
        for pid, title, given, family in session.execute(statement).tuples()
    }


def _partnership_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    statement = (
        select(Partnership.id, PartnerCity.name, Partnership.local_party)
        .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
        .where(Partnership.id.in_(ids))
    )
    return {
        pid: f"{city} – {local}" if local else city
        for pid, city, local in session.execute(statement).tuples()
    }


def _table(
    db: Database,
    ids: Sequence[int],
    advance: Callable[[int], None],
    read: Callable[[Session, list[int], Labels], list[tuple[Cell, ...]]],
) -> Rows:
    labels = Labels()
    with db.read() as session, large_cache(session):
        for batch in batches(ids):
            yield read(session, batch, labels)
            advance(len(batch))


# --- partnerships ---------------------------------------------------------------------------


def partnership_columns() -> list[Column]:
    return [
        Column(_("No."), "int", 7),
        Column(_("Partner city"), width=22),
        Column(_("Name as written"), width=18),
        Column(_("Name in Latin letters"), width=18),
        Column(_("Country"), width=16),
        Column(_("Region"), width=16),
        Column(_("Kind"), width=22),
        Column(_("District"), width=18),
        Column(_("Since"), "int", 7),
        Column(_("Signed on"), "date", 11),
        Column(_("Agreement"), width=24),
        Column(_("Renewal"), "date", 11),
        Column(_("Status"), width=11),
        Column(_("Activity"), width=8),
        Column(_("Themes"), width=30),
        Column(_("Funders"), width=24),
        Column(_("Partnership association"), width=28),
        Column(_("Responsible officer"), width=22),
        Column(_("Last evaluation"), "date", 11),
        Column(_("Next evaluation"), "date", 11),
    ]


def _partnership_rows(session: Session, ids: list[int], labels: Labels) -> list[tuple[Cell, ...]]:
    association = aliased(Organisation)
    found: dict[int, Any] = {
        row[0].id: row
        for row in session.execute(
            select(Partnership, PartnerCity, association.name)
            .join(PartnerCity, PartnerCity.id == Partnership.partner_city_id)
            .outerjoin(association, association.id == Partnership.association_id)
            .where(Partnership.id.in_(ids), Partnership.deleted_at.is_(None))
        ).tuples()
    }
    themes: dict[int, list[str]] = {}
    for pid, name in session.execute(
        select(partnership_themes.c.partnership_id, Theme.name)
        .join(Theme, Theme.id == partnership_themes.c.theme_id)
        .where(partnership_themes.c.partnership_id.in_(ids))
        .order_by(Theme.name)
    ).tuples():
        themes.setdefault(pid, []).append(name)
    funders: dict[int, list[str]] = {}
    for pid, name in session.execute(
        select(partnership_funders.c.partnership_id, Organisation.name)
        .join(Organisation, Organisation.id == partnership_funders.c.organisation_id)
        .where(partnership_funders.c.partnership_id.in_(ids))
        .order_by(Organisation.sort_name)
    ).tuples():
        funders.setdefault(pid, []).append(name)
    officers = _person_names(
        session, {row[0].responsible_officer_id for row in found.values()} - {None}
    )
    rows: list[tuple[Cell, ...]] = []
    for pid in ids:
        if pid not in found:
            continue
        p, city, association_name = found[pid]
        rows.append(
            (
                p.id,
                city.name,
                city.name_native,
                city.name_latin,
                labels.country(city.country),
                city.region,
                labels.of(labels.partnership_kinds, p.kind),
                p.local_party,
                p.since_year,
                p.since_date,
                labels.of(labels.agreement_kinds, p.agreement_kind),
                p.renewal_date,
                labels.of(labels.partnership_statuses, p.status),
                p.activity_rating,
                ", ".join(themes.get(pid, ())) or None,
                ", ".join(funders.get(pid, ())) or None,
                association_name,
                officers.get(p.responsible_officer_id or 0),
                p.last_evaluation,
                p.next_evaluation,
            )
        )
    return rows


def partnerships_table(
    db: Database, ids: Sequence[int], advance: Callable[[int], None]
) -> ExportTable:
    rows = _table(db, ids, advance, _partnership_rows)
    return ExportTable(_("Partnerships"), partnership_columns(), rows, len(ids))


# --- delegations, a row per member ----------------------------------------------------------


def delegation_columns() -> list[Column]:
    return [
        Column(_("No."), "int", 7),
        Column(_("Delegation"), width=32),
        Column(_("Direction"), width=10),
        Column(_("Status"), width=11),
        Column(_("From"), "date", 11),
        Column(_("To"), "date", 11),
        Column(_("Partnership"), width=20),
        Column(_("Host"), width=22),
        Column(_("Hotel"), width=22),
        Column(_("Rank"), "int", 6),
        Column(_("Member"), width=24),
        Column(_("Name as written"), width=20),
        Column(_("Function in the delegation"), width=26),
        Column(_("Organisation"), width=28),
        Column(_("Email"), width=28),
        Column(_("Phone"), width=18),
        Column(_("Mobile"), width=18),
        Column(_("Arrival"), "datetime", 16),
        Column(_("Departure"), "datetime", 16),
        Column(_("Member's hotel"), width=20),
        Column(_("Dietary needs"), width=20),
        Column(_("Accessibility needs"), width=20),
    ]


def _delegation_rows(session: Session, ids: list[int], labels: Labels) -> list[tuple[Cell, ...]]:
    found = {
        d.id: d
        for d in session.scalars(
            select(Delegation).where(Delegation.id.in_(ids), Delegation.deleted_at.is_(None))
        )
    }
    partnerships = _partnership_names(
        session, {d.partnership_id for d in found.values() if d.partnership_id}
    )
    members: dict[int, list[DelegationMember]] = {}
    for member in session.scalars(
        select(DelegationMember)
        .where(DelegationMember.delegation_id.in_(list(found)))
        .order_by(DelegationMember.protocol_rank, DelegationMember.id)
    ):
        members.setdefault(member.delegation_id, []).append(member)
    person_ids = {m.person_id for group in members.values() for m in group}
    hosts = {d.host_person_id for d in found.values() if d.host_person_id}
    names = _person_names(session, person_ids | hosts)
    originals: dict[int, str | None] = _pairs(
        session, select(Person.id, Person.name_original).where(Person.id.in_(person_ids))
    )
    contacts = read_contacts(session, "person", sorted(person_ids))
    organisations = _organisations_of(session, person_ids)
    rows: list[tuple[Cell, ...]] = []
    for delegation_id in ids:
        d = found.get(delegation_id)
        if d is None:
            continue
        visit: tuple[Cell, ...] = (
            d.id,
            d.title,
            labels.of(labels.directions, d.direction),
            labels.of(labels.delegation_statuses, d.status),
            d.start_date,
            d.end_date,
            partnerships.get(d.partnership_id or 0),
            names.get(d.host_person_id or 0),
            d.hotel,
        )
        group = members.get(d.id, [])
        if not group:
            rows.append(visit + (None,) * 13)
        for m in group:
            lines = contacts.get(m.person_id, [])
            emails, phones = of_kind(lines, "email"), of_kind(lines, "phone")
            rows.append(
                (
                    *visit,
                    m.protocol_rank,
                    names.get(m.person_id),
                    originals.get(m.person_id),
                    m.function,
                    organisations.get(m.person_id),
                    emails[0] if emails else None,
                    phones[0] if phones else None,
                    "; ".join(of_kind(lines, "mobile")) or None,
                    local_naive(m.arrival),
                    local_naive(m.departure),
                    m.hotel,
                    m.dietary_needs,
                    m.accessibility_needs,
                )
            )
    return rows


def _organisations_of(session: Session, person_ids: set[int]) -> dict[int, str]:
    from crm.db.models import Affiliation

    found: dict[int, str] = {}
    for person_id, name in session.execute(
        select(Affiliation.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(Affiliation.person_id.in_(person_ids), Organisation.deleted_at.is_(None))
        .order_by(Affiliation.is_primary.desc(), Affiliation.id)
    ).tuples():
        found.setdefault(person_id, name)
    return found


def delegations_table(
    db: Database, ids: Sequence[int], advance: Callable[[int], None]
) -> ExportTable:
    rows = _table(db, ids, advance, _delegation_rows)
    return ExportTable(_("Delegations"), delegation_columns(), rows, len(ids))


# --- the correspondence register ------------------------------------------------------------


def correspondence_columns() -> list[Column]:
    return [
        Column(_("Reference"), width=16),
        Column(_("Date"), "date", 11),
        Column(_("Kind"), width=18),
        Column(_("Subject"), width=40),
        Column(_("Counterpart"), width=28),
        Column(_("Partnership"), width=20),
        Column(_("Delegation"), width=28),
        Column(_("Follow-up"), "date", 11),
        Column(_("Status"), width=16),
        Column(_("Attachments"), "int", 8),
        Column(_("Summary"), width=40),
    ]


def _correspondence_rows(
    session: Session, ids: list[int], labels: Labels
) -> list[tuple[Cell, ...]]:
    found = {
        row[0]: row
        for row in session.execute(
            select(
                Correspondence.id,
                Correspondence.reference,
                Correspondence.date,
                Correspondence.direction,
                Correspondence.channel,
                Correspondence.subject,
                Correspondence.counterpart_person_id,
                Correspondence.counterpart_organisation_id,
                Correspondence.counterpart_text,
                Correspondence.partnership_id,
                Correspondence.delegation_id,
                Correspondence.follow_up_date,
                Correspondence.status,
                Correspondence.summary,
            ).where(Correspondence.id.in_(ids), Correspondence.deleted_at.is_(None))
        ).tuples()
    }
    values = list(found.values())
    people = _person_names(session, {r[6] for r in values if r[6]})
    org_ids = {r[7] for r in values if r[7]}
    organisations: dict[int, str] = _pairs(
        session, select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))
    )
    partnerships = _partnership_names(session, {r[9] for r in values if r[9]})
    delegation_ids = {r[10] for r in values if r[10]}
    delegations: dict[int, str] = _pairs(
        session, select(Delegation.id, Delegation.title).where(Delegation.id.in_(delegation_ids))
    )
    attachments: dict[int, int] = _pairs(
        session,
        select(Attachment.correspondence_id, func.count())
        .where(Attachment.correspondence_id.in_(list(found)))
        .group_by(Attachment.correspondence_id),
    )
    rows: list[tuple[Cell, ...]] = []
    for entry_id in ids:
        r = found.get(entry_id)
        if r is None:
            continue
        names = [people.get(r[6] or 0), organisations.get(r[7] or 0)]
        counterpart = ", ".join(name for name in names if name) or r[8]
        rows.append(
            (
                r[1],
                r[2],
                labels.channel(r[3], r[4]),
                r[5],
                counterpart,
                partnerships.get(r[9] or 0),
                delegations.get(r[10] or 0),
                r[11],
                labels.of(labels.correspondence_statuses, r[12]),
                attachments.get(entry_id, 0),
                r[13],
            )
        )
    return rows


def correspondence_table(
    db: Database, ids: Sequence[int], advance: Callable[[int], None]
) -> ExportTable:
    rows = _table(db, ids, advance, _correspondence_rows)
    return ExportTable(_("Correspondence"), correspondence_columns(), rows, len(ids))
