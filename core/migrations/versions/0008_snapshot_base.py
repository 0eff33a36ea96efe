"""snapshot base, op outcomes up to 20 characters

A device that catches up from the server's snapshot keeps the rows it started from (its
log holds no ops before them); an op's outcome "refused_by_server" is 17 characters, so
the column is widened from 10 to 20.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "snapshot_base",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.String(length=32), nullable=False),
        sa.Column("tables", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snapshot_base")),
    )
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.alter_column("outcome", existing_type=sa.String(length=10), type_=sa.String(length=20))


def downgrade() -> None:
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.alter_column("outcome", existing_type=sa.String(length=20), type_=sa.String(length=10))
    op.drop_table("snapshot_base")
