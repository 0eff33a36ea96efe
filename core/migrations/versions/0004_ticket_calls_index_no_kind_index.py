"""ticket calls index; no index on op kinds

The board reads the latest calls of a day; nothing reads ops by kind, and every op
paid for that index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 23:55:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_calls", ["day", "called_at", "order_key"], unique=False)
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.drop_index("ix_ops_kind")


def downgrade() -> None:
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.create_index("ix_ops_kind", ["kind"], unique=False)
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_calls")
