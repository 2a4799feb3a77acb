"""A sent message in the correspondence register: outgoing, by email, dated today.

Subject as sent; counterpart: the To and Cc recipients; summary: the first lines of the body
(and the Bcc recipients, and any the server refused). The attached files themselves are kept
with the entry (crm.services.attachments, once per content): they were small enough for the
mail server, so they are small enough for the register, and the entry then shows exactly what
went out. People and organisations whose email address was written to are linked. The files'
content is stored just before the entry (as the register's editor does when a file is added):
should the entry then fail, the content stays unlinked, and the message is reported as sent
but not entered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from crm.db.database import Database
from crm.db.enums import Channel, CorrespondenceStatus, Direction
from crm.db.models import ContactPoint, Correspondence, Organisation, Person
from crm.i18n import _
from crm.mail.message import Composed, recipients_text
from crm.services import attachments as files
from crm.services.attachments import AttachmentRef
from crm.services.correspondence import CorrespondenceInput, create_correspondence
from crm.services.lengths import max_length
from crm.services.unit import ChangeSet

SUMMARY_LINES = 12
SUMMARY_CHARS = 1500


@dataclass(frozen=True)
class Recorded:
    entry_id: int
    reference: str
    changes: ChangeSet


def _clip(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def summary_of(composed: Composed, refused: Sequence[str] = ()) -> str:
    lines = composed.body.strip("\n").splitlines()
    kept = [line.rstrip() for line in lines[:SUMMARY_LINES]]
    text = "\n".join(kept).strip()
    if len(lines) > SUMMARY_LINES:
        text += "\n…"
    text = _clip(text, SUMMARY_CHARS)
    notes = []
    if composed.bcc:
        notes.append(_("Bcc: {names}").format(names=recipients_text(composed.bcc)))
    if refused:
        notes.append(_("Not accepted by the server: {names}").format(names=", ".join(refused)))
    return "\n\n".join(part for part in (text, "\n".join(notes)) if part)


def _store(db: Database, composed: Composed) -> list[AttachmentRef]:
    """The attached files kept in the database (one transaction for all of them)."""
    if not composed.attachments:
        return []
    session = db.write_session()
    try:
        refs = [
            AttachmentRef(
                files.store_blob(session, item.data),
                item.name,
                item.mime_type,
                len(item.data),
            )
            for item in composed.attachments
        ]
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    return refs


def _links(db: Database, composed: Composed) -> tuple[list[int], int | None, int | None]:
    """People written to (To, Cc, Bcc), and the one person and organisation in To, if one."""
    every = [r.address.lower() for r in (*composed.to, *composed.cc, *composed.bcc)]
    direct = {r.address.lower() for r in composed.to}
    with db.read() as session:
        rows = session.execute(
            select(ContactPoint.normalized, ContactPoint.person_id, ContactPoint.organisation_id)
            .outerjoin(Person, Person.id == ContactPoint.person_id)
            .outerjoin(Organisation, Organisation.id == ContactPoint.organisation_id)
            .where(
                ContactPoint.kind == "email",
                ContactPoint.normalized.in_(every),
                Person.deleted_at.is_(None),
                Organisation.deleted_at.is_(None),
            )
        ).tuples()
        people: list[int] = []
        to_people: set[int] = set()
        to_organisations: set[int] = set()
        for address, person_id, organisation_id in rows:
            if person_id is not None:
                people.append(person_id)
                if address in direct:
                    to_people.add(person_id)
            elif organisation_id is not None and address in direct:
                to_organisations.add(organisation_id)
    person = next(iter(to_people)) if len(to_people) == 1 else None
    organisation = next(iter(to_organisations)) if len(to_organisations) == 1 else None
    return sorted(set(people)), person, organisation


def record_sent(
    db: Database,
    composed: Composed,
    delegation_id: int | None = None,
    refused: Sequence[str] = (),
) -> Recorded:
    """Enter the sent message in the register; returns the entry and its reference number."""
    people, person, organisation = _links(db, composed)
    counterpart = recipients_text((*composed.to, *composed.cc))
    data = CorrespondenceInput(
        subject=_clip(composed.subject or _("(no subject)"), max_length(Correspondence, "subject")),
        direction=Direction.OUTGOING.value,
        channel=Channel.EMAIL.value,
        summary=summary_of(composed, refused) or None,
        counterpart_person_id=person,
        counterpart_organisation_id=organisation,
        counterpart_text=_clip(counterpart, max_length(Correspondence, "counterpart_text")) or None,
        delegation_id=delegation_id,
        status=CorrespondenceStatus.DONE.value,
        person_ids=people,
        attachments=_store(db, composed),
    )
    entry_id, changes = create_correspondence(db, data)
    with db.read() as session:
        reference = session.scalar(
            select(Correspondence.reference).where(Correspondence.id == entry_id)
        )
    return Recorded(entry_id, reference or "", changes)
