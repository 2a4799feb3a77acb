"""Demo offices built from the seed pages: Leipzig (default), Liepāja and Göteborg.

``build_demo`` fills an empty database with a realistic office in one transaction, so every
screen has something real to show; it never mixes a demo into real data. Then the officers'
last few days of work follow through the services (crm.demo.recent_work), so the history does
too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import (
    Correspondence,
    Delegation,
    Event,
    Gift,
    Organisation,
    Partnership,
    Person,
    Project,
)
from crm.i18n import _
from crm.services.errors import ServiceError
from crm.text import fold

OFFICES = ("leipzig", "liepaja", "goteborg")


@dataclass(frozen=True)
class DemoSummary:
    office: str
    partnerships: int
    organisations: int
    people: int
    delegations: int
    correspondence: int
    gifts: int


def _populator(office: str) -> Callable[[Session], None]:
    if office == "leipzig":
        from crm.demo.leipzig import populate
    elif office == "liepaja":
        from crm.demo.liepaja import populate
    else:
        from crm.demo.goteborg import populate
    return populate


def _count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _holds_records(session: Session) -> bool:
    models: tuple[type[object], ...] = (
        Partnership,
        Person,
        Organisation,
        Delegation,
        Correspondence,
        Gift,
        Project,
        Event,
    )
    return any(session.scalar(select(model).limit(1)) is not None for model in models)


def build_demo(db: Database, office: str = "leipzig") -> DemoSummary:
    """Build the demo ``office`` into ``db`` (all or nothing), add its officers' recent work
    (one operation each, so the history has entries) and report what it holds.

    Raises ServiceError for an unknown office or a database that already holds records.
    """
    key = fold(office).strip()
    if key not in OFFICES:
        raise ServiceError(
            _("There is no demo office “{office}”; choose one of: {offices}.").format(
                office=office, offices=", ".join(OFFICES)
            )
        )
    from crm.search.rebuild import rebuild_index
    from crm.services.unit import write

    with write(db, _("Build demo office")) as unit:
        session = unit.session
        if _holds_records(session):
            raise ServiceError(
                _(
                    "This database already holds records. A demo office is only built into "
                    "an empty database, so it never mixes with real data."
                )
            )
        _populator(key)(session)
        session.flush()
        rebuild_index(session)
    from crm.demo.recent_work import add_recent_work

    add_recent_work(db, key)  # the last few days' edits, so the history has something to show
    with db.read() as session:
        return DemoSummary(
            office=key,
            partnerships=_count(session, Partnership),
            organisations=_count(session, Organisation),
            people=_count(session, Person),
            delegations=_count(session, Delegation),
            correspondence=_count(session, Correspondence),
            gifts=_count(session, Gift),
        )
