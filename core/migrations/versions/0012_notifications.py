"""notifications: contacts, events, deliveries

The server keeps, for the patients who gave a mobile number at the kiosk, the number (until
their service day ends), the events to tell them, and each event's delivery to each
notifier, retried until delivered; and how far it has read the op log for them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notify_contacts",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("phone", sa.String(length=16), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("forgotten_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_notify_contacts")),
    )
    op.create_index(op.f("ix_notify_contacts_day"), "notify_contacts", ["day"], unique=False)
    op.create_table(
        "notify_events",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_notify_events")),
    )
    op.create_index(op.f("ix_notify_events_visit_id"), "notify_events", ["visit_id"], unique=False)
    op.create_index(op.f("ix_notify_events_created_at"), "notify_events", ["created_at"], unique=False)
    op.create_table(
        "notify_deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("notifier", sa.String(length=40), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("due_ms", sa.BigInteger(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("delivered_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["notify_events.event_id"],
            name=op.f("fk_notify_deliveries_event_id_notify_events"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notify_deliveries")),
        sa.UniqueConstraint("event_id", "notifier", name=op.f("uq_notify_deliveries_event_id_notifier")),
    )
    op.create_index("ix_notify_deliveries_due", "notify_deliveries", ["notifier", "status", "due_ms"], unique=False)
    op.create_index(
        "ix_notify_deliveries_patient", "notify_deliveries", ["notifier", "visit_id", "status"], unique=False
    )
    op.create_table(
        "notify_follower",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("read_through", sa.Integer(), nullable=False),
        sa.Column("forgotten_for", sa.String(length=10), nullable=False),
        sa.Column("scrub_from", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notify_follower")),
    )


def downgrade() -> None:
    op.drop_table("notify_follower")
    op.drop_index("ix_notify_deliveries_patient", table_name="notify_deliveries")
    op.drop_index("ix_notify_deliveries_due", table_name="notify_deliveries")
    op.drop_table("notify_deliveries")
    op.drop_index(op.f("ix_notify_events_created_at"), table_name="notify_events")
    op.drop_index(op.f("ix_notify_events_visit_id"), table_name="notify_events")
    op.drop_table("notify_events")
    op.drop_index(op.f("ix_notify_contacts_day"), table_name="notify_contacts")
    op.drop_table("notify_contacts")
