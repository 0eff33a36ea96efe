"""closed service days, carried-over tickets

A service day is closed on purpose (by staff, or at the site's closing hour); the
tickets still open then are settled as the site chooses, and counted: carried over to
the next day is a status of its own with a counter.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "closed_days",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("closed_at", sa.String(length=32), nullable=False),
        sa.Column("closed_by", sa.String(length=80), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_closed_days")),
    )
    with op.batch_alter_table("queue_counters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_over", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("queue_counters", schema=None) as batch_op:
        batch_op.drop_column("carried_over")
    op.drop_table("closed_days")
