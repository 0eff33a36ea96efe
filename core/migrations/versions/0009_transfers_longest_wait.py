"""transfers and the longest wait in the clinics' day counters

A transfer was counted as a cancellation, and the dashboard's "longest wait" only looked
at who was waiting now; the counters now hold both.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("queue_counters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transferred", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("wait_max_s", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("queue_counters", schema=None) as batch_op:
        batch_op.drop_column("wait_max_s")
        batch_op.drop_column("transferred")
