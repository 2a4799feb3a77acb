"""Events: conferences, anniversaries, network meetings, receptions, festivals; when and where,
with the partnership, the project and the organiser they belong to."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.enums import ChangeAction, EventKind
from crm.db.models import Event, Organisation, Partnership, Project
from crm.i18n import _
from crm.search.index import index_record, unindex_record
from crm.services.errors import Conflict, NotFound, ValidationError
from crm.services.lengths import check_lengths
from crm.services.project_fields import linkable, organisation_name_of, partnership_label_of
from crm.services.records import RecordKind, register, touch
from crm.services.unit import ChangeSet, write
from crm.text import join_nonempty
from crm.validation import InvalidValue, normalise_country

KIND = "event"
TEXT_FIELDS = ("name", "venue", "city", "description")
FIELDS = (
    "name",
    "kind",
    "starts_at",
    "ends_at",
    "venue",
    "city",
    "country",
    "partnership_id",
    "project_id",
    "organiser_id",
    "description",
)
MOMENT_FIELDS = ("starts_at", "ends_at")


@dataclass
class EventInput:
    name: str = ""
    kind: str = EventKind.OTHER.value
    starts_at: datetime | None = None  # aware; a naive time is taken as this computer's
    ends_at: datetime | None = None
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    partnership_id: int | None = None
    project_id: int | None = None
    organiser_id: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class EventDetail:
    id: int
    version: int
    name: str
    kind: str
    starts_at: datetime
    ends_at: datetime | None
    venue: str | None
    city: str | None
    country: str | None
    partnership_id: int | None
    partnership_name: str | None
    project_id: int | None
    project_name: str | None
    organiser_id: int | None
    organiser_name: str | None
    description: str | None
    created_at: datetime
    updated_at: datetime

    def to_input(self) -> EventInput:
        return EventInput(**{name: getattr(self, name) for name in FIELDS})


def label(event: Event) -> str:
    return event.name


def _text(value: Any) -> Any:
    return value.strip() or None if isinstance(value, str) else value


def _moment(value: Any, key: str, errors: dict[str, str]) -> datetime | None:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            errors[key] = _("“{value}” is not a date and time.").format(value=value)
            return None
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.astimezone()


def _clean(session: Session, values: dict[str, Any], event: Event) -> dict[str, Any]:
    errors: dict[str, str] = {}
    for name in TEXT_FIELDS:
        values[name] = _text(values.get(name))
    if not values["name"]:
        errors["name"] = _("Enter the event's name.")
    check_lengths(Event, values, TEXT_FIELDS, errors)
    if values.get("kind") not in {kind.value for kind in EventKind}:
        errors["kind"] = _("Choose a value from the list.")
    for name in MOMENT_FIELDS:
        values[name] = _moment(values.get(name), name, errors)
    starts, ends = values["starts_at"], values["ends_at"]
    if starts is None:
        errors.setdefault("starts_at", _("Enter when the event starts."))
    elif ends is not None and ends < starts:
        errors["ends_at"] = _("The event ends before it starts.")
    try:
        values["country"] = normalise_country(values.get("country"))
    except InvalidValue as error:
        errors["country"] = str(error)
    links = (
        (
            "partnership_id",
            Partnership,
            event.partnership_id,
            _("The partnership no longer exists."),
        ),
        ("project_id", Project, event.project_id, _("The project no longer exists.")),
        ("organiser_id", Organisation, event.organiser_id, _("The organiser no longer exists.")),
    )
    for name, model, current, message in links:
        if values.get(name) is not None and not linkable(session, model, values[name], current):
            errors[name] = message
    if errors:
        raise ValidationError(errors)
    return values


def apply_values(session: Session, event: Event, values: dict[str, Any]) -> None:
    values = _clean(session, values, event)
    for name in FIELDS:
        setattr(event, name, values[name])
    if event.id is None:
        session.add(event)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def snapshot(event: Event) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(event, name) for name in FIELDS}
    for name in MOMENT_FIELDS:
        values[name] = _iso(values[name])
    return values


def project_name_of(session: Session, project_id: int | None) -> str | None:
    project = session.get(Project, project_id) if project_id else None
    return project.name if project is not None else None


def reindex(session: Session, event: Event) -> None:
    partnership = session.get(Partnership, event.partnership_id) if event.partnership_id else None
    city = partnership.partner_city if partnership is not None else None
    index_record(
        session,
        KIND,
        event.id,
        names=event.name,
        body=join_nonempty(
            event.venue,
            event.city,
            city.name if city else None,
            city.name_native if city else None,
            city.name_latin if city else None,
            project_name_of(session, event.project_id),
            organisation_name_of(session, event.organiser_id, trashed=False),
            event.description,
        ),
        label=event.name,
        detail=join_nonempty(event.starts_at.date().isoformat(), event.city, sep=" · "),
    )


register(
    RecordKind(
        name=KIND,
        model=Event,
        label=label,
        snapshot=snapshot,
        apply=apply_values,
        reindex=reindex,
        unindex=lambda session, record_id: unindex_record(session, KIND, record_id),
    )
)


def _load(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None or event.deleted_at is not None:
        raise NotFound(_("This event no longer exists (perhaps moved to the trash)."))
    return event


def create_event(db: Database, data: EventInput) -> tuple[int, ChangeSet]:
    with write(db, _("New event")) as unit:
        event = Event()
        apply_values(unit.session, event, asdict(data))
        unit.session.flush()
        reindex(unit.session, event)
        name = label(event)
        unit.operation.label = _("New event: {name}").format(name=name)
        unit.record(ChangeAction.CREATE, KIND, event.id, name, new=snapshot(event))
        return event.id, unit.changes


def update_event(
    db: Database, event_id: int, data: EventInput, expected_version: int | None = None
) -> ChangeSet:
    with write(db, _("Edit event")) as unit:
        event = _load(unit.session, event_id)
        if expected_version is not None and event.version != expected_version:
            raise Conflict(
                _("{name} was changed by someone else meanwhile.").format(name=label(event))
            )
        old = snapshot(event)
        apply_values(unit.session, event, asdict(data))
        new = snapshot(event)
        if new == old:
            return unit.changes
        touch(event)
        unit.session.flush()
        reindex(unit.session, event)
        name = label(event)
        unit.operation.label = _("Edit event: {name}").format(name=name)
        unit.record(ChangeAction.UPDATE, KIND, event.id, name, old=old, new=new)
        return unit.changes


def get_event(db: Database, event_id: int) -> EventDetail:
    with db.read() as session:
        e = _load(session, event_id)
        return EventDetail(
            id=e.id,
            version=e.version,
            **{name: getattr(e, name) for name in FIELDS},
            partnership_name=partnership_label_of(session, e.partnership_id),
            project_name=project_name_of(session, e.project_id),
            organiser_name=organisation_name_of(session, e.organiser_id),
            created_at=e.created_at,
            updated_at=e.updated_at,
        )
