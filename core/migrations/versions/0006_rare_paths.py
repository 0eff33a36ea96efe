"""epochs, clock offsets, restore floors, device health

The server's history gets an epoch that changes when it is restored from a backup, and
the sequence its epoch began at; a device remembers the server's epoch it last saw and
how far its clock is from the server's; a device restored without the ops of its damaged
file keeps its fallback numbers of that day above a floor; the server keeps each
device's last health report.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_identity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("epoch_base", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("epoch_started_at", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("server_epoch", sa.String(length=36), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("clock_offset_ms", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("floor_day", sa.String(length=10), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("number_floor", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "device_health",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("reported_at", sa.String(length=32), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_health")),
    )


def downgrade() -> None:
    op.drop_table("device_health")
    with op.batch_alter_table("local_identity", schema=None) as batch_op:
        for column in ("number_floor", "floor_day", "clock_offset_ms", "server_epoch", "epoch_started_at", "epoch_base"):
            batch_op.drop_column(column)
