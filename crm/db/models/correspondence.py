"""The correspondence register and the files attached to records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from crm.db.base import Base, Timestamped, Trashable, UTCDateTime, enum_column, utcnow

correspondence_people = Table(
    "correspondence_people",
    Base.metadata,
    Column(
        "correspondence_id", ForeignKey("correspondence.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Correspondence(Trashable, Base):
    __tablename__ = "correspondence"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(enum_column())
    channel: Mapped[str] = mapped_column(enum_column())
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)  # IZ-2026-0042
    subject: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str | None] = mapped_column(Text)
    counterpart_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    counterpart_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    counterpart_text: Mapped[str | None] = mapped_column(String(300))
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegations.id", ondelete="SET NULL"), index=True
    )
    follow_up_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(enum_column(), default="open", index=True)


class ReferenceCounter(Base):
    """The last reference number drawn per scheme prefix and year (numbers stay gapless)."""

    __tablename__ = "reference_counters"
    __table_args__ = (UniqueConstraint("prefix", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class AttachmentBlob(Base):
    """File content, stored once per SHA-256 however many records it is attached to."""

    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))


class Attachment(Timestamped, Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blobs.sha256"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    mime_type: Mapped[str | None] = mapped_column(String(100))
    correspondence_id: Mapped[int | None] = mapped_column(
        ForeignKey("correspondence.id", ondelete="CASCADE"), index=True
    )
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegations.id", ondelete="CASCADE"), index=True
    )
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


# The register lists newest first; a partial index keeps that order without a sort.
Index(
    "ix_correspondence_list",
    Correspondence.date,
    Correspondence.id,
    Correspondence.deleted_at,
    sqlite_where=Correspondence.deleted_at.is_(None),
)
