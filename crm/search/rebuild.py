"""Rebuilding the search index from the records (after a bulk load or an import)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from crm.db.models import Correspondence, Delegation, PartnerCity
from crm.search.index import has_fts, index_record
from crm.services.records import all_kinds
from crm.text import join_nonempty

DELEGATION = "delegation"


def index_delegation(session: Session, delegation: Delegation, city: PartnerCity | None) -> None:
    index_record(
        session,
        DELEGATION,
        delegation.id,
        names=join_nonempty(
            delegation.title, city.name if city else None, city.name_native if city else None
        ),
        body=join_nonempty(delegation.purpose, delegation.hotel, delegation.notes),
        label=delegation.title,
        detail=f"{delegation.start_date.isoformat()} – {delegation.end_date.isoformat()}",
    )


def correspondence_text(entry: Correspondence) -> str:
    return join_nonempty(entry.reference, entry.subject, entry.counterpart_text, entry.summary)


def rebuild_index(session: Session) -> int:
    """Index every record that is not in the trash; returns how many were indexed.

    Every registered kind indexes itself (delegations and the register included), so a kind
    added later is rebuilt without touching this function.
    """
    if not has_fts(session):
        return 0
    session.execute(text("DELETE FROM search_records"))
    session.execute(text("DELETE FROM search_correspondence"))
    count = 0
    for kind in all_kinds().values():
        records: Any = session.scalars(select(kind.model).where(kind.model.deleted_at.is_(None)))
        index = kind.index_alone or kind.reindex
        for record in records:
            index(session, record)
            count += 1
    return count
