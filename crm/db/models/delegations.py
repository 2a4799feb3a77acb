"""Delegation visits, incoming and outgoing: members, programme and gifts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.db.base import Base, Trashable, UTCDateTime, enum_column
from crm.db.models.contacts import Person


class Delegation(Trashable, Base):
    __tablename__ = "delegations"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    direction: Mapped[str] = mapped_column(enum_column(), index=True)
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date] = mapped_column(Date)
    purpose: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(enum_column(), default="planned", index=True)
    host_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    hotel: Mapped[str | None] = mapped_column(String(300))
    transport: Mapped[str | None] = mapped_column(Text)
    interpreters: Mapped[str | None] = mapped_column(Text)
    languages: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    members: Mapped[list[DelegationMember]] = relationship(
        back_populates="delegation",
        cascade="all, delete-orphan",
        order_by="(DelegationMember.protocol_rank, DelegationMember.id)",
    )
    programme: Mapped[list[ProgrammeItem]] = relationship(
        back_populates="delegation",
        cascade="all, delete-orphan",
        order_by="ProgrammeItem.starts_at",
    )
    host: Mapped[Person | None] = relationship(foreign_keys=[host_person_id])


class DelegationMember(Base):
    __tablename__ = "delegation_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegations.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    function: Mapped[str | None] = mapped_column(String(300))  # in the delegation
    protocol_rank: Mapped[int] = mapped_column(Integer, default=100)  # 1 is the head
    arrival: Mapped[datetime | None] = mapped_column(UTCDateTime)
    departure: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dietary_needs: Mapped[str | None] = mapped_column(String(300))
    accessibility_needs: Mapped[str | None] = mapped_column(String(300))
    hotel: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)

    delegation: Mapped[Delegation] = relationship(back_populates="members")
    person: Mapped[Person] = relationship()


programme_participants = Table(
    "programme_participants",
    Base.metadata,
    Column(
        "programme_item_id", ForeignKey("programme_items.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class ProgrammeItem(Base):
    __tablename__ = "programme_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(
        ForeignKey("delegations.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(enum_column(), default="meeting")
    venue: Mapped[str | None] = mapped_column(String(300))
    dress_code: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    delegation: Mapped[Delegation] = relationship(back_populates="programme")
    participants: Mapped[list[Person]] = relationship(secondary=programme_participants)


class Gift(Trashable, Base):
    __tablename__ = "gifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(enum_column(), index=True)
    description: Mapped[str] = mapped_column(String(500))
    value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    given_on: Mapped[date | None] = mapped_column(Date, index=True)
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegations.id", ondelete="SET NULL"), index=True
    )
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnerships.id", ondelete="SET NULL"), index=True
    )
    from_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    to_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    from_text: Mapped[str | None] = mapped_column(String(300))  # when the giver is not a person
    to_text: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
