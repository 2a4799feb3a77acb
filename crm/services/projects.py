"""Projects: what the office does with a partner city, on a theme, paid by a funder, with a
budget in a currency and a period (the SKEW-funded Nakopa projects, an EU project, a festival).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from crm.db.database import Database
from crm.db.enums import ChangeAction, ProjectStatus
from crm.db.models import Event, Organisation, Partnership, Project, Theme
from crm.i18n import _
from crm.search.index import index_record, unindex_record
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.lengths import check_lengths
from crm.services.project_fields import (
    clean_budget,
    clean_currency,
    linkable,
    organisation_name_of,
    partnership_label_of,
)
from crm.services.records import RecordKind, all_kinds, register, touch
from crm.services.unit import ChangeSet, write
from crm.text import join_nonempty

KIND = "project"
TEXT_FIELDS = ("name", "currency", "description")
FIELDS = (
    "name",
    "partnership_id",
    "funder_id",
    "budget",
    "currency",
    "start_date",
    "end_date",
    "status",
    "description",
)
DATE_FIELDS = ("start_date", "end_date")


@dataclass
class ProjectInput:
    name: str = ""
    partnership_id: int | None = None
    theme: str | None = None  # a theme's name; a new name adds the theme
    funder_id: int | None = None
    budget: Decimal | None = None
    currency: str | None = None  # ISO 4217, "EUR"
    start_date: date | None = None
    end_date: date | None = None
    status: str = ProjectStatus.PLANNED.value
    description: str | None = None


@dataclass(frozen=True)
class ProjectDetail:
    id: int
    version: int
    name: str
    partnership_id: int | None
    partnership_name: str | None
    theme: str | None
    funder_id: int | None
    funder_name: str | None
    budget: Decimal | None
    currency: str | None
    start_date: date | None
    end_date: date | None
    status: str
    description: str | None
    event_count: int
    created_at: datetime
    updated_at: datetime

    def to_input(self) -> ProjectInput:
        return ProjectInput(
            **{name: getattr(self, name) for name in FIELDS},
            theme=self.theme,
        )


def label(project: Project) -> str:
    return project.name


def _text(value: Any) -> Any:
    return value.strip() or None if isinstance(value, str) else value


def _clean_dates(values: dict[str, Any], errors: dict[str, str]) -> None:
    for name in DATE_FIELDS:
        if isinstance(values.get(name), str):
            try:
                values[name] = date.fromisoformat(values[name])
            except ValueError:
                errors[name] = _("“{value}” is not a date.").format(value=values[name])
                values[name] = None
    start, end = values.get("start_date"), values.get("end_date")
    if start is not None and end is not None and end < start:
        errors["end_date"] = _("The project ends before it starts.")


def _clean(session: Session, values: dict[str, Any], project: Project) -> dict[str, Any]:
    errors: dict[str, str] = {}
    for name in (*TEXT_FIELDS, "theme"):
        values[name] = _text(values.get(name))
    if not values["name"]:
        errors["name"] = _("Enter the project's name.")
    check_lengths(Project, values, ("name",), errors)
    check_lengths(Theme, values, {"theme": "name"}, errors)
    if values.get("status") not in {status.value for status in ProjectStatus}:
        errors["status"] = _("Choose a value from the list.")
    _clean_dates(values, errors)
    values["budget"] = clean_budget(values.get("budget"), errors)
    values["currency"] = clean_currency(values.get("currency"), errors)
    if values["budget"] is None and "budget" not in errors:
        values["currency"] = None  # a currency without an amount says nothing
    elif values["currency"] is None and "currency" not in errors:
        errors["currency"] = _("Choose the currency of the budget.")
    partnership_id, funder_id = values.get("partnership_id"), values.get("funder_id")
    if partnership_id is not None and not linkable(
        session, Partnership, partnership_id, project.partnership_id
    ):
        errors["partnership_id"] = _("The partnership no longer exists.")
    if funder_id is not None and not linkable(session, Organisation, funder_id, project.funder_id):
        errors["funder_id"] = _("The funder no longer exists.")
    if errors:
        raise ValidationError(errors)
    return values


def _theme_id(session: Session, name: str | None) -> int | None:
    if name is None:
        return None
    theme = session.scalar(select(Theme).where(Theme.name == name))
    if theme is None:
        theme = Theme(name=name)
        session.add(theme)
        session.flush()
    return theme.id


def apply_values(session: Session, project: Project, values: dict[str, Any]) -> None:
    values = _clean(session, values, project)
    # Looked up before any field is set: a lookup flushes, and a flush between setting fields
    # would write the project twice (and move its version twice).
    theme_id = _theme_id(session, values["theme"])
    for name in FIELDS:
        setattr(project, name, values[name])
    project.theme_id = theme_id
    if project.id is None:
        session.add(project)


def _theme_name(session: Session | None, project: Project) -> str | None:
    if session is None or project.theme_id is None:
        return None
    # Read while the project's new values wait to be written: a flush here would write the
    # project once more (and move its version twice).
    with session.no_autoflush:
        theme = session.get(Theme, project.theme_id)
    return theme.name if theme is not None else None


def snapshot(project: Project, session: Session | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(project, name) for name in FIELDS}
    for name in DATE_FIELDS:
        values[name] = values[name].isoformat() if values[name] else None
    values["budget"] = str(values["budget"]) if values["budget"] is not None else None
    values["theme"] = _theme_name(session or object_session(project), project)
    return values


def period(start: date | None, end: date | None) -> str:
    """ "2024-03-01 – 2026-12-31", with the open end left open."""
    if start is None and end is None:
        return ""
    return f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"


def reindex(session: Session, project: Project) -> None:
    partnership = (
        session.get(Partnership, project.partnership_id) if project.partnership_id else None
    )
    city = partnership.partner_city if partnership is not None else None
    index_record(
        session,
        KIND,
        project.id,
        names=project.name,
        body=join_nonempty(
            _theme_name(session, project),
            city.name if city else None,
            city.name_native if city else None,
            city.name_latin if city else None,
            organisation_name_of(session, project.funder_id, trashed=False),
            project.description,
        ),
        label=project.name,
        detail=join_nonempty(
            partnership_label_of(session, project.partnership_id),
            period(project.start_date, project.end_date),
            sep=" · ",
        ),
    )


register(
    RecordKind(
        name=KIND,
        model=Project,
        label=label,
        snapshot=snapshot,
        apply=apply_values,
        reindex=reindex,
        unindex=lambda session, record_id: unindex_record(session, KIND, record_id),
    )
)


def reindex_linked(
    session: Session, *, partnership_id: int | None = None, organisation_id: int | None = None
) -> None:
    """Reindex the projects and events whose search text holds the name of this partnership's
    city or of this organisation (a funder, an organiser), after it was renamed."""
    kinds = all_kinds()
    linked = ((Project, KIND, "funder_id"), (Event, "event", "organiser_id"))
    for model, kind_name, org_column in linked:
        statement: Any = select(model).where(model.deleted_at.is_(None))
        if partnership_id is not None:
            statement = statement.where(model.partnership_id == partnership_id)
        elif organisation_id is not None:
            statement = statement.where(getattr(model, org_column) == organisation_id)
        else:
            continue
        for record in session.scalars(statement):
            kinds[kind_name].reindex(session, record)


def _load(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None or project.deleted_at is not None:
        raise NotFound(_("This project no longer exists (perhaps moved to the trash)."))
    return project


def create_project(db: Database, data: ProjectInput) -> tuple[int, ChangeSet]:
    with write(db, _("New project")) as unit:
        project = Project()
        apply_values(unit.session, project, asdict(data))
        unit.session.flush()
        reindex(unit.session, project)
        name = label(project)
        unit.operation.label = _("New project: {name}").format(name=name)
        unit.record(ChangeAction.CREATE, KIND, project.id, name, new=snapshot(project))
        return project.id, unit.changes


def update_project(
    db: Database, project_id: int, data: ProjectInput, expected_version: int | None = None
) -> ChangeSet:
    with write(db, _("Edit project")) as unit:
        project = _load(unit.session, project_id)
        if expected_version is not None and project.version != expected_version:
            raise Conflict(
                _("{name} was changed by someone else meanwhile.").format(name=label(project))
            )
        old = snapshot(project)
        apply_values(unit.session, project, asdict(data))
        new = snapshot(project)
        if new == old:
            return unit.changes
        touch(project)
        unit.session.flush()
        reindex(unit.session, project)
        if new["name"] != old["name"]:
            # The events of the project are found by its name.
            reindex_events_of(unit.session, project.id)
        name = label(project)
        unit.operation.label = _("Edit project: {name}").format(name=name)
        unit.record(ChangeAction.UPDATE, KIND, project.id, name, old=old, new=new)
        return unit.changes


def reindex_events_of(session: Session, project_id: int) -> None:
    event_kind = all_kinds()["event"]
    for event in session.scalars(
        select(Event).where(Event.project_id == project_id, Event.deleted_at.is_(None))
    ):
        event_kind.reindex(session, event)


def get_project(db: Database, project_id: int) -> ProjectDetail:
    with db.read() as session:
        p = _load(session, project_id)
        events = session.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.project_id == p.id, Event.deleted_at.is_(None))
        )
        return ProjectDetail(
            id=p.id,
            version=p.version,
            **{name: getattr(p, name) for name in FIELDS},
            partnership_name=partnership_label_of(session, p.partnership_id),
            theme=_theme_name(session, p),
            funder_name=organisation_name_of(session, p.funder_id),
            event_count=events or 0,
            created_at=p.created_at,
            updated_at=p.updated_at,
        )
