"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 18:00:56.665752
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=120), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "clinics",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_ar", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("room", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("call_interval_s", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_clinics")),
    )
    op.create_table(
        "device_cursors",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_cursors")),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("station", name=op.f("uq_devices_station")),
    )
    op.create_table(
        "exam_types",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_ar", sa.String(length=120), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_exam_types")),
    )
    op.create_table(
        "local_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("authority", sa.Boolean(), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("applied_count", sa.Integer(), nullable=False),
        sa.Column("accepted_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_identity")),
    )
    op.create_table(
        "ops",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("accepted_seq", sa.Integer(), nullable=True),
        sa.Column("local_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_ops")),
        sa.UniqueConstraint("accepted_seq", name=op.f("uq_ops_accepted_seq")),
        sa.UniqueConstraint("device_id", "device_seq", name=op.f("uq_ops_device_id_device_seq")),
    )
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ops_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_ops_local_order"), ["local_order"], unique=False)

    op.create_table(
        "patients",
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("first_seen", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id_number", name=op.f("pk_patients")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_users")),
    )
    op.create_table(
        "exam_route_steps",
        sa.Column("exam_type", sa.String(length=40), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("clinic", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["clinic"],
            ["clinics.code"],
            name=op.f("fk_exam_route_steps_clinic_clinics"),
        ),
        sa.ForeignKeyConstraint(
            ["exam_type"],
            ["exam_types.code"],
            name=op.f("fk_exam_route_steps_exam_type_exam_types"),
        ),
        sa.PrimaryKeyConstraint("exam_type", "gender", "position", name=op.f("pk_exam_route_steps")),
    )
    op.create_table(
        "number_leases",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("clinic", sa.String(length=40), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("next", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clinic"], ["clinics.code"], name=op.f("fk_number_leases_clinic_clinics")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_leases")),
    )
    with op.batch_alter_table("number_leases", schema=None) as batch_op:
        batch_op.create_index("ix_number_leases_lookup", ["clinic", "day", "device_id"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["op_id"], ["ops.op_id"], name=op.f("fk_outbox_op_id_ops")),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("device_seq", name=op.f("uq_outbox_device_seq")),
    )
    op.create_table(
        "pin_rotations",
        sa.Column("clinic", sa.String(length=40), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clinic"], ["clinics.code"], name=op.f("fk_pin_rotations_clinic_clinics")),
        sa.PrimaryKeyConstraint("clinic", "day", name=op.f("pk_pin_rotations")),
    )
    op.create_table(
        "queue_counters",
        sa.Column("clinic", sa.String(length=40), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("issued", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("called", sa.Integer(), nullable=False),
        sa.Column("in_progress", sa.Integer(), nullable=False),
        sa.Column("served", sa.Integer(), nullable=False),
        sa.Column("no_show", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("wait_total_s", sa.Integer(), nullable=False),
        sa.Column("wait_count", sa.Integer(), nullable=False),
        sa.Column("service_total_s", sa.Integer(), nullable=False),
        sa.Column("service_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clinic"], ["clinics.code"], name=op.f("fk_queue_counters_clinic_clinics")),
        sa.PrimaryKeyConstraint("clinic", "day", name=op.f("pk_queue_counters")),
    )
    op.create_table(
        "visits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("patient_id", sa.String(length=40), nullable=False),
        sa.Column("exam_type", sa.String(length=40), nullable=False),
        sa.Column("gender", sa.String(length=10), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("route", sa.Text(), nullable=False),
        sa.Column("completed", sa.Text(), nullable=False),
        sa.Column("current_clinic", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("pin_failures", sa.Integer(), nullable=False),
        sa.Column("pin_locked_until", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["exam_type"],
            ["exam_types.code"],
            name=op.f("fk_visits_exam_type_exam_types"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id_number"],
            name=op.f("fk_visits_patient_id_patients"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_patient_id"), ["patient_id"], unique=False)
        batch_op.create_index(
            "uq_visits_active_patient_day",
            ["patient_id", "day"],
            unique=True,
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )

    op.create_table(
        "tickets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("patient_id", sa.String(length=40), nullable=False),
        sa.Column("clinic", sa.String(length=40), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("order_key", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("entered_at", sa.String(length=32), nullable=False),
        sa.Column("called_at", sa.String(length=32), nullable=True),
        sa.Column("started_at", sa.String(length=32), nullable=True),
        sa.Column("completed_at", sa.String(length=32), nullable=True),
        sa.Column("ended_at", sa.String(length=32), nullable=True),
        sa.Column("room", sa.String(length=40), nullable=True),
        sa.Column("called_by", sa.String(length=80), nullable=True),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("transferred_to", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["clinic"], ["clinics.code"], name=op.f("fk_tickets_clinic_clinics")),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id_number"],
            name=op.f("fk_tickets_patient_id_patients"),
        ),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_tickets_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint(
            "clinic",
            "day",
            "station",
            "number",
            name=op.f("uq_tickets_clinic_day_station_number"),
        ),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_patient_id"), ["patient_id"], unique=False)
        batch_op.create_index("ix_tickets_queue", ["clinic", "day", "status", "order_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_visit_id"), ["visit_id"], unique=False)
        batch_op.create_index(
            "uq_tickets_active_patient",
            ["clinic", "day", "patient_id"],
            unique=True,
            sqlite_where=sa.text("status IN ('WAITING', 'CALLED', 'IN_PROGRESS')"),
            postgresql_where=sa.text("status IN ('WAITING', 'CALLED', 'IN_PROGRESS')"),
        )


def downgrade() -> None:

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_tickets_active_patient",
            sqlite_where=sa.text("status IN ('WAITING', 'CALLED', 'IN_PROGRESS')"),
            postgresql_where=sa.text("status IN ('WAITING', 'CALLED', 'IN_PROGRESS')"),
        )
        batch_op.drop_index(batch_op.f("ix_tickets_visit_id"))
        batch_op.drop_index("ix_tickets_queue")
        batch_op.drop_index(batch_op.f("ix_tickets_patient_id"))

    op.drop_table("tickets")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_visits_active_patient_day",
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )
        batch_op.drop_index(batch_op.f("ix_visits_patient_id"))
        batch_op.drop_index(batch_op.f("ix_visits_day"))

    op.drop_table("visits")
    op.drop_table("queue_counters")
    op.drop_table("pin_rotations")
    op.drop_table("outbox")
    with op.batch_alter_table("number_leases", schema=None) as batch_op:
        batch_op.drop_index("ix_number_leases_lookup")

    op.drop_table("number_leases")
    op.drop_table("exam_route_steps")
    op.drop_table("users")
    op.drop_table("settings")
    op.drop_table("patients")
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ops_local_order"))
        batch_op.drop_index(batch_op.f("ix_ops_kind"))

    op.drop_table("ops")
    op.drop_table("local_identity")
    op.drop_table("exam_types")
    op.drop_table("devices")
    op.drop_table("device_cursors")
    op.drop_table("clinics")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
