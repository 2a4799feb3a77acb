"""GDPR: the legal basis of keeping a person's data (Art. 6(1)), a note and the consent's date.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 10:00:00.000000

Three nullable columns on ``people``: an existing person's basis is "not recorded" until the
office records it. Batch mode, so SQLite adds them as it can (ALTER TABLE ADD COLUMN) and
drops them again on downgrade with ALTER TABLE DROP COLUMN (SQLite 3.35 and later), never
by copying the table; PostgreSQL alters the table in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_basis", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("legal_basis_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("consent_date", sa.Date(), nullable=True))


def downgrade() -> None:
    # Not batch mode: batch mode drops a column on SQLite by copying the table, and dropping
    # the old ``people`` with foreign keys on would delete every person's phones, addresses
    # and affiliations (ON DELETE CASCADE). SQLite drops a plain column itself since 3.35.
    for column in ("consent_date", "legal_basis_note", "legal_basis"):
        op.execute(f"ALTER TABLE people DROP COLUMN {column}")
