"""The records related to one record, one click away: a partnership's people, delegations,
correspondence, projects and events; a person's partnerships, delegations and correspondence;
a project's or an event's partnership, funder or organiser, and events.

Read-only and bounded: each group holds the newest ``limit`` links and the total count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import CompoundSelect, Select, func, or_, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import (
    Affiliation,
    Correspondence,
    Delegation,
    DelegationMember,
    Event,
    Organisation,
    PartnerCity,
    Partnership,
    Person,
    Project,
)
from crm.db.models.correspondence import correspondence_people
from crm.services.errors import NotFound
from crm.services.partnerships import label as partnership_label
from crm.services.people import display_name
from crm.text import fold

LIMIT = 8


@dataclass(frozen=True)
class RelatedLink:
    kind: str  # "person", "delegation", ... as open_record takes it
    id: int
    label: str
    detail: str = ""


@dataclass(frozen=True)
class RelatedGroup:
    kind: str
    links: list[RelatedLink] = field(default_factory=list)
    total: int = 0


def _count(session: Session, statement: Select[tuple[int]]) -> int:
    return session.scalar(select(func.count()).select_from(statement.subquery())) or 0


def _dates(start: object, end: object) -> str:
    return f"{start or '…'} – {end}" if end and end != start else str(start or "")


def _delegations(session: Session, condition: object, limit: int) -> RelatedGroup:
    ids = select(Delegation.id).where(condition, Delegation.deleted_at.is_(None))  # type: ignore[arg-type]
    rows = session.scalars(
        select(Delegation)
        .where(Delegation.id.in_(ids))
        .order_by(Delegation.start_date.desc(), Delegation.id.desc())
        .limit(limit)
    )
    links = [
        RelatedLink("delegation", d.id, d.title, _dates(d.start_date, d.end_date)) for d in rows
    ]
    return RelatedGroup("delegation", links, _count(session, ids))


def _correspondence(session: Session, condition: object, limit: int) -> RelatedGroup:
    ids = select(Correspondence.id).where(condition, Correspondence.deleted_at.is_(None))  # type: ignore[arg-type]
    rows = session.scalars(
        select(Correspondence)
        .where(Correspondence.id.in_(ids))
        .order_by(Correspondence.date.desc(), Correspondence.id.desc())
        .limit(limit)
    )
    links = [
        RelatedLink("correspondence", c.id, c.subject, f"{c.reference} · {c.date}") for c in rows
    ]
    return RelatedGroup("correspondence", links, _count(session, ids))


def _people(
    session: Session, ids: Select[tuple[int]] | CompoundSelect[tuple[int]], limit: int
) -> RelatedGroup:
    live = select(Person.id).where(Person.id.in_(ids), Person.deleted_at.is_(None))
    rows = session.scalars(
        select(Person).where(Person.id.in_(live)).order_by(Person.sort_name).limit(limit)
    )
    links = [RelatedLink("person", p.id, display_name(p), p.function or "") for p in rows]
    return RelatedGroup("person", links, _count(session, live))


def _partnership(session: Session, partnership_id: int) -> Partnership:
    partnership = session.get(Partnership, partnership_id)
    if partnership is None or partnership.deleted_at is not None:
        raise NotFound("partnership")
    return partnership


def partnership_related(
    db: Database, partnership_id: int, limit: int = LIMIT
) -> list[RelatedGroup]:
    """People (the responsible officer, the association's people, people at organisations in
    the partner city, members of its delegations), delegations, correspondence, projects,
    events."""
    with db.read() as session:
        partnership = _partnership(session, partnership_id)
        city: PartnerCity = partnership.partner_city
        # Organisations keep their city as written; the partner city may be written three ways.
        names = [n for n in (city.name, city.name_native, city.name_latin) if n]
        in_city = select(Organisation.id).where(
            Organisation.country == city.country, Organisation.city.in_(names)
        )
        organisations = [in_city]
        if partnership.association_id is not None:
            organisations.append(
                select(Organisation.id).where(Organisation.id == partnership.association_id)
            )
        people = (
            select(Affiliation.person_id)
            .where(or_(*(Affiliation.organisation_id.in_(o) for o in organisations)))
            .union(
                select(DelegationMember.person_id)
                .join(Delegation, Delegation.id == DelegationMember.delegation_id)
                .where(Delegation.partnership_id == partnership_id),
                select(Person.id).where(Person.id == partnership.responsible_officer_id),
            )
        )
        groups = [
            _people(session, people, limit),
            _delegations(session, Delegation.partnership_id == partnership_id, limit),
            _correspondence(session, Correspondence.partnership_id == partnership_id, limit),
        ]
        project_ids = select(Project.id).where(
            Project.partnership_id == partnership_id, Project.deleted_at.is_(None)
        )
        projects = session.scalars(
            select(Project)
            .where(Project.id.in_(project_ids))
            .order_by(Project.start_date.desc())
            .limit(limit)
        )
        groups.append(
            RelatedGroup(
                "project",
                [
                    RelatedLink("project", p.id, p.name, _dates(p.start_date, p.end_date))
                    for p in projects
                ],
                _count(session, project_ids),
            )
        )
        event_ids = select(Event.id).where(
            Event.partnership_id == partnership_id, Event.deleted_at.is_(None)
        )
        events = session.scalars(
            select(Event)
            .where(Event.id.in_(event_ids))
            .order_by(Event.starts_at.desc())
            .limit(limit)
        )
        groups.append(
            RelatedGroup(
                "event",
                [
                    RelatedLink("event", e.id, e.name, e.starts_at.date().isoformat())
                    for e in events
                ],
                _count(session, event_ids),
            )
        )
        return groups


def person_related(db: Database, person_id: int, limit: int = LIMIT) -> list[RelatedGroup]:
    """The partnerships a person looks after or whose delegations they travelled with, their
    delegations, and the correspondence with or about them."""
    with db.read() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise NotFound("person")
        member_of = select(DelegationMember.delegation_id).where(
            DelegationMember.person_id == person_id
        )
        partnership_ids = select(Partnership.id).where(
            Partnership.deleted_at.is_(None),
            or_(
                Partnership.responsible_officer_id == person_id,
                Partnership.id.in_(
                    select(Delegation.partnership_id).where(
                        or_(Delegation.id.in_(member_of), Delegation.host_person_id == person_id)
                    )
                ),
            ),
        )
        partnerships = session.scalars(
            select(Partnership).where(Partnership.id.in_(partnership_ids)).limit(limit)
        )
        links = sorted(
            (RelatedLink("partnership", p.id, partnership_label(p)) for p in partnerships),
            key=lambda link: fold(link.label),
        )
        in_letter = select(correspondence_people.c.correspondence_id).where(
            correspondence_people.c.person_id == person_id
        )
        return [
            RelatedGroup("partnership", links, _count(session, partnership_ids)),
            _delegations(
                session,
                or_(Delegation.id.in_(member_of), Delegation.host_person_id == person_id),
                limit,
            ),
            _correspondence(
                session,
                or_(
                    Correspondence.counterpart_person_id == person_id,
                    Correspondence.id.in_(in_letter),
                ),
                limit,
            ),
        ]


def _partnership_group(session: Session, partnership_id: int | None) -> RelatedGroup:
    partnership = session.get(Partnership, partnership_id) if partnership_id else None
    if partnership is None or partnership.deleted_at is not None:
        return RelatedGroup("partnership")
    since = str(partnership.since_year or "")
    link = RelatedLink("partnership", partnership.id, partnership_label(partnership), since)
    return RelatedGroup("partnership", [link], 1)


def _organisation_group(session: Session, organisation_ids: list[int | None]) -> RelatedGroup:
    wanted = [i for i in dict.fromkeys(organisation_ids) if i is not None]
    found = {
        o.id: o
        for o in session.scalars(
            select(Organisation).where(
                Organisation.id.in_(wanted), Organisation.deleted_at.is_(None)
            )
        )
    }
    links = [
        RelatedLink("organisation", o.id, o.name, o.city or "")
        for i in wanted
        if (o := found.get(i)) is not None
    ]
    return RelatedGroup("organisation", links, len(links))


def _events(session: Session, condition: object, limit: int) -> RelatedGroup:
    ids = select(Event.id).where(condition, Event.deleted_at.is_(None))  # type: ignore[arg-type]
    rows = session.scalars(
        select(Event).where(Event.id.in_(ids)).order_by(Event.starts_at.desc()).limit(limit)
    )
    links = [RelatedLink("event", e.id, e.name, e.starts_at.date().isoformat()) for e in rows]
    return RelatedGroup("event", links, _count(session, ids))


def project_related(db: Database, project_id: int, limit: int = LIMIT) -> list[RelatedGroup]:
    """The project's partnership, its funder and its events."""
    with db.read() as session:
        project = session.get(Project, project_id)
        if project is None or project.deleted_at is not None:
            raise NotFound("project")
        return [
            _partnership_group(session, project.partnership_id),
            _organisation_group(session, [project.funder_id]),
            _events(session, Event.project_id == project_id, limit),
        ]


def event_related(db: Database, event_id: int, limit: int = LIMIT) -> list[RelatedGroup]:
    """The event's partnership, its project and its organiser."""
    with db.read() as session:
        event = session.get(Event, event_id)
        if event is None or event.deleted_at is not None:
            raise NotFound("event")
        project = session.get(Project, event.project_id) if event.project_id else None
        projects = (
            [
                RelatedLink(
                    "project",
                    project.id,
                    project.name,
                    _dates(project.start_date, project.end_date),
                )
            ]
            if project is not None and project.deleted_at is None
            else []
        )
        return [
            _partnership_group(session, event.partnership_id),
            RelatedGroup("project", projects, len(projects)),
            _organisation_group(session, [event.organiser_id]),
        ]
