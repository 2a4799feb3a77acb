"""The change history (who, when, what, old and new values), the trash, office settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from crm.db.base import Base, UTCDateTime, enum_column, utcnow


class Operation(Base):
    """One user action: it groups the changes written in its transaction."""

    __tablename__ = "operations"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(300))
    # Set when a later operation undid this one, so undo walks back step by step.
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("operations.id"))
    undoes_id: Mapped[int | None] = mapped_column(Integer)

    changes: Mapped[list[Change]] = relationship(
        back_populates="operation", cascade="all, delete-orphan", order_by="Change.id"
    )

    @validates("label", "actor")
    def _fit(self, key: str, value: str) -> str:
        """Services name an operation after its record, at any length; a server refuses text
        longer than the column (SQLite would keep it), even when it is flushed early."""
        return value[: 300 if key == "label" else 200]


class Change(Base):
    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operations.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(enum_column(16))
    label: Mapped[str] = mapped_column(String(300))  # the record's name at the time
    old_values: Mapped[str | None] = mapped_column(Text)  # JSON object
    new_values: Mapped[str | None] = mapped_column(Text)  # JSON object

    operation: Mapped[Operation] = relationship(back_populates="changes")


class TrashEntry(Base):
    __tablename__ = "trash"
    __table_args__ = (Index("ix_trash_entity", "entity", "entity_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    deleted_by: Mapped[str] = mapped_column(String(200))
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operations.id", ondelete="SET NULL")
    )


class OfficeSetting(Base):
    """Settings that belong to the office's database (home country, office name, schemes)."""

    __tablename__ = "office_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
