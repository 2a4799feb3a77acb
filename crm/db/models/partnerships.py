"""Partner cities and the partnerships the office keeps with them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.db.base import Base, Trashable, enum_column
from crm.db.models.contacts import Organisation, Person


class PartnerCity(Base):
    __tablename__ = "partner_cities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))  # the office's usual name: Kiew, Danzig
    name_native: Mapped[str | None] = mapped_column(String(200))  # as written there: Київ
    name_latin: Mapped[str | None] = mapped_column(String(200))  # transliterated: Kyiv
    country: Mapped[str] = mapped_column(String(2), index=True)
    region: Mapped[str | None] = mapped_column(String(200))
    population: Mapped[int | None] = mapped_column(Integer)
    sort_name: Mapped[str] = mapped_column(String(200), default="", index=True)


class Theme(Base):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


partnership_themes = Table(
    "partnership_themes",
    Base.metadata,
    Column("partnership_id", ForeignKey("partnerships.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
)

partnership_funders = Table(
    "partnership_funders",
    Base.metadata,
    Column("partnership_id", ForeignKey("partnerships.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
)


class Partnership(Trashable, Base):
    __tablename__ = "partnerships"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_city_id: Mapped[int] = mapped_column(ForeignKey("partner_cities.id"), index=True)
    kind: Mapped[str] = mapped_column(enum_column(), index=True)
    # For a district partnership: which of our districts holds it (Leipzig-Engelsdorf).
    local_party: Mapped[str | None] = mapped_column(String(200))
    since_year: Mapped[int | None] = mapped_column(Integer, index=True)
    since_date: Mapped[date | None] = mapped_column(Date)
    agreement_kind: Mapped[str | None] = mapped_column(enum_column())
    agreement_document: Mapped[str | None] = mapped_column(String(300))
    renewal_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(enum_column(), default="active", index=True)
    activity_rating: Mapped[str | None] = mapped_column(String(3), index=True)
    association_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    responsible_officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    last_evaluation: Mapped[date | None] = mapped_column(Date)
    next_evaluation: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    partner_city: Mapped[PartnerCity] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary=partnership_themes, order_by=Theme.name)
    funders: Mapped[list[Organisation]] = relationship(secondary=partnership_funders)
    association: Mapped[Organisation | None] = relationship(foreign_keys=[association_id])
    responsible_officer: Mapped[Person | None] = relationship(foreign_keys=[responsible_officer_id])
