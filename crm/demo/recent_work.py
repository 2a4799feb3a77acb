"""The demo office's last few working days: edits made through the real services, one
operation each, then signed with the officers' logins and dated back to when they were made.

``build_demo`` writes the office in one transaction, which leaves no history. These steps give
the History section, every editor's History and the Overview's recent changes something real
to show: a visit confirmed, a contact's new function, a reply registered and its letter
settled, a letter registered twice and the copy moved to the trash, a note on a visit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select

from crm.db.database import Database
from crm.db.models import (
    Correspondence,
    Delegation,
    Operation,
    PartnerCity,
    Partnership,
    Person,
    TrashEntry,
)
from crm.services import correspondence, delegations, people
from crm.services.correspondence import CorrespondenceInput
from crm.services.records import record_kind
from crm.services.trash import delete_to_trash
from crm.services.unit import ChangeSet, write

# One edit: it gets the database and the day it is made on, and returns what it changed.
Edit = Callable[[Database, date], ChangeSet]


@dataclass(frozen=True)
class Step:
    actor: str  # the officer's login
    day: int  # working days before today: 1 is the last one
    clock: str  # local time in the office, "09:12"
    edit: Edit


# --- finding the demo's records -------------------------------------------------------------


def _one(db: Database, statement: Any, what: str) -> int:
    with db.read() as session:
        found = session.scalar(statement)
    if found is None:
        raise LookupError(f"demo record not found: {what}")
    return int(found)


def _person(db: Database, family_name: str, given_name: str) -> int:
    return _one(
        db,
        select(Person.id).where(
            Person.family_name == family_name,
            Person.given_name == given_name,
            Person.deleted_at.is_(None),
        ),
        f"{given_name} {family_name}",
    )


def _delegation(db: Database, title: str) -> int:
    return _one(db, select(Delegation.id).where(Delegation.title == title), title)


def _partnership(db: Database, city: str) -> int:
    return _one(
        db,
        select(Partnership.id).join(Partnership.partner_city).where(PartnerCity.name == city),
        city,
    )


def _entry(db: Database, subject: str) -> int:
    """The register entry with this subject (the latest, if it was registered twice)."""
    return _one(
        db,
        select(func.max(Correspondence.id)).where(
            Correspondence.subject == subject, Correspondence.deleted_at.is_(None)
        ),
        subject,
    )


# --- the kinds of edit ----------------------------------------------------------------------


def person_function(family_name: str, given_name: str, function: str) -> Edit:
    """A contact has a new function."""

    def edit(db: Database, _day: date) -> ChangeSet:
        person_id = _person(db, family_name, given_name)
        detail = people.get_person(db, person_id)
        data = replace(detail.to_input(), function=function)
        return people.update_person(db, person_id, data, detail.version)

    return edit


def delegation_update(title: str, **values: Any) -> Edit:
    """A visit's status or notes change (planned -> confirmed)."""

    def edit(db: Database, _day: date) -> ChangeSet:
        delegation_id = _delegation(db, title)
        detail = delegations.get_delegation(db, delegation_id)
        data = replace(detail.to_input(), **values)
        return delegations.update_delegation(db, delegation_id, data, detail.version)

    return edit


def reply(
    subject: str,
    to: tuple[str, str],  # given name, family name
    partnership: str | None,
    summary: str,
    channel: str = "email",
) -> Edit:
    """An outgoing letter or email registered on the day it is sent."""

    def edit(db: Database, day: date) -> ChangeSet:
        data = CorrespondenceInput(
            subject=subject,
            direction="outgoing",
            channel=channel,
            date=day,
            summary=summary,
            counterpart_person_id=_person(db, family_name=to[1], given_name=to[0]),
            partnership_id=_partnership(db, partnership) if partnership else None,
            status="done",
        )
        _entry_id, changes = correspondence.create_correspondence(db, data)
        return changes

    return edit


def entry_status(subject: str, status: str) -> Edit:
    """A register entry is settled (done) or waits for an answer."""

    def edit(db: Database, _day: date) -> ChangeSet:
        entry_id = _entry(db, subject)
        detail = correspondence.get_correspondence(db, entry_id)
        data = replace(detail.to_input(), status=status)
        return correspondence.update_correspondence(db, entry_id, data, detail.version)

    return edit


def registered_twice(subject: str) -> Edit:
    """The same letter registered a second time (it gets a reference number of its own)."""

    def edit(db: Database, _day: date) -> ChangeSet:
        original = correspondence.get_correspondence(db, _entry(db, subject))
        data = replace(original.to_input(), attachments=[])
        _entry_id, changes = correspondence.create_correspondence(db, data)
        return changes

    return edit


def copy_to_trash(subject: str) -> Edit:
    """The second registration noticed and moved to the trash."""

    def edit(db: Database, _day: date) -> ChangeSet:
        return delete_to_trash(db, "correspondence", _entry(db, subject))

    return edit


# --- the offices ----------------------------------------------------------------------------

LEIPZIG_DUPLICATE = "Bestätigung des Kulturaustauschs"
LIEPAJA_DUPLICATE = "Phone note: Elbląg asks about the amber exhibition"
GOTEBORG_DUPLICATE = "Nelson Mandela Bay: request for an accessibility toolkit"

PLANS: dict[str, tuple[Step, ...]] = {
    "leipzig": (
        Step(
            "k.sommer",
            4,
            "09:12",
            delegation_update(
                "Arbeitsbesuch in Lyon: Stadtentwicklung und Kultur",
                status="confirmed",
                notes="Programm mit Herrn Garnier abgestimmt; Flüge und Hotel gebucht.",
            ),
        ),
        Step(
            "t.wendler",
            3,
            "11:47",
            person_function(
                "Melnyk", "Taras", "Erster Stellvertretender Leiter der Stadtverwaltung Kiew"
            ),
        ),
        Step(
            "t.nguyen",
            2,
            "10:05",
            reply(
                "Zusage: Beitrag der Stadt Leipzig zur 4. Asienkonferenz",
                ("Karin", "Albrecht"),
                "Ho-Chi-Minh-Stadt",
                "Leipzig stellt die Zusammenarbeit mit Ho-Chi-Minh-Stadt vor; "
                "Vortrag Frau Nguyen, 20 Minuten.",
            ),
        ),
        Step(
            "t.nguyen",
            2,
            "10:09",
            entry_status("4. Asienkonferenz: Beitrag der Stadt Leipzig?", "done"),
        ),
        Step("j.becker", 1, "14:52", registered_twice(LEIPZIG_DUPLICATE)),
        Step("j.becker", 1, "14:58", copy_to_trash(LEIPZIG_DUPLICATE)),
        Step(
            "a.krueger",
            1,
            "16:20",
            delegation_update(
                "Besuch aus Herzliya: Jugendaustausch und Erinnerungskultur",
                notes="Pressegespräch mit der LVZ am zweiten Besuchstag, 13:00, "
                "Ariowitsch-Haus; Fotograf bestellt.",
            ),
        ),
    ),
    "liepaja": (
        Step(
            "i.berzina",
            4,
            "09:20",
            delegation_update("Working visit to Helsingborg", status="confirmed"),
        ),
        Step(
            "k.ozols",
            3,
            "13:05",
            person_function("Sørensen", "Mette", "Chef for internationalt samarbejde"),
        ),
        Step(
            "a.kalnina",
            2,
            "10:40",
            reply(
                "Embassy of Sweden: two dates for the meeting with the Chairman",
                ("Karin", "Ek"),
                None,
                "Proposed dates sent; the Chairman's office holds both.",
            ),
        ),
        Step(
            "a.kalnina",
            2,
            "10:44",
            entry_status("Embassy of Sweden: request for a meeting with the Chairman", "waiting"),
        ),
        Step("a.kalnina", 1, "15:10", registered_twice(LIEPAJA_DUPLICATE)),
        Step("n.vecvagare", 1, "15:32", copy_to_trash(LIEPAJA_DUPLICATE)),
    ),
    "goteborg": (
        Step(
            "m.andersson",
            4,
            "08:55",
            delegation_update("Nordiskt vänortsmöte i Göteborg", status="confirmed"),
        ),
        Step(
            "e.johansson",
            3,
            "14:20",
            person_function("Zhang", "Wei", "Vice direktör, ansvarig för Norden"),
        ),
        Step(
            "e.johansson",
            2,
            "09:35",
            entry_status("Telefonanteckning: generalkonsulatet vill delta vid signeringen", "done"),
        ),
        Step("s.nilsson", 1, "13:15", registered_twice(GOTEBORG_DUPLICATE)),
        Step("s.nilsson", 1, "13:18", copy_to_trash(GOTEBORG_DUPLICATE)),
    ),
}


# --- running the plan -----------------------------------------------------------------------


def working_days_before(today: date, count: int) -> list[date]:
    """The ``count`` working days (Monday to Friday) before ``today``, the latest first."""
    days: list[date] = []
    day = today
    while len(days) < count:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


def _zone(name: str, utc_offset_hours: int) -> tzinfo:
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=utc_offset_hours))


def _spec_zone(office: str) -> tzinfo:
    if office == "leipzig":
        from crm.demo.leipzig import SPEC
    elif office == "liepaja":
        from crm.demo.liepaja import SPEC
    else:
        from crm.demo.goteborg import SPEC
    return _zone(SPEC.timezone, SPEC.utc_offset_hours)


def add_recent_work(db: Database, office: str, today: date | None = None) -> list[int]:
    """Make the office's recent edits, one operation each; returns their operation ids."""
    plan = PLANS.get(office, ())
    if not plan:
        return []
    zone = _spec_zone(office)
    days = working_days_before(today or date.today(), max(step.day for step in plan))
    signed: list[tuple[int, str, datetime]] = []
    for step in plan:
        day = days[step.day - 1]
        hour, minute = (int(part) for part in step.clock.split(":"))
        moment = datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)
        changes = step.edit(db, day)
        if changes.operation_id is None:
            raise RuntimeError(f"demo edit changed nothing: {step}")
        signed.append((changes.operation_id, step.actor, moment))
    _sign(db, signed)
    return [operation_id for operation_id, _actor, _moment in signed]


def _sign(db: Database, signed: list[tuple[int, str, datetime]]) -> None:
    """Put the officer and the time on each operation (and on what went to the trash)."""
    with write(db, "Sign the demo's recent work") as unit:  # records no change of its own
        session = unit.session
        for operation_id, actor, moment in signed:
            operation = session.get(Operation, operation_id)
            assert operation is not None
            operation.actor = actor
            operation.at = moment
            for entry in session.scalars(
                select(TrashEntry).where(TrashEntry.operation_id == operation_id)
            ):
                entry.deleted_by = actor
                entry.deleted_at = moment
                record: Any = session.get(record_kind(entry.entity).model, entry.entity_id)
                if record is not None:
                    record.deleted_at = moment
