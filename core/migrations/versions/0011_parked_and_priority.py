"""parked tickets and priority patients

A clinic can set a called patient aside (PARKED, still their place at that clinic, so the
one-active-ticket index covers it) and call them back; a patient can be marked priority
(elderly, disabled), which follows them along their route.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 20:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

ACTIVE_BEFORE = "status IN ('WAITING', 'CALLED', 'IN_PROGRESS')"
ACTIVE_NOW = "status IN ('WAITING', 'CALLED', 'IN_PROGRESS', 'PARKED')"


def _active_index(batch_op: object, where: str) -> None:
    batch_op.create_index(  # type: ignore[attr-defined]
        "uq_tickets_active_patient",
        ["clinic", "day", "patient_id"],
        unique=True,
        sqlite_where=sa.text(where),
        postgresql_where=sa.text(where),
    )


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("priority", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.drop_index("uq_tickets_active_patient")
        _active_index(batch_op, ACTIVE_NOW)
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("priority", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("queue_counters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parked", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    op.execute("UPDATE tickets SET status = 'WAITING' WHERE status = 'PARKED'")
    with op.batch_alter_table("queue_counters", schema=None) as batch_op:
        batch_op.drop_column("parked")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_column("priority")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("uq_tickets_active_patient")
        _active_index(batch_op, ACTIVE_BEFORE)
        batch_op.drop_column("priority")
