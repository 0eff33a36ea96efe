"""The database tables, as SQLAlchemy 2 typed models.

Replicated tables (clinics … settings) are written only by the op apply functions in
`core.ops.apply`; the op log, outbox, audit log and local identity belong to one store.
Rows that several devices create carry UUIDv7 keys taken from the op, so every store
that applies the same ops holds the same rows.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from core.statuses import OpOutcome

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ACTIVE_TICKET = "status IN ('WAITING', 'CALLED', 'IN_PROGRESS', 'PARKED')"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Clinic(Base):
    __tablename__ = "clinics"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_ar: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    room: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    call_interval_s: Mapped[int] = mapped_column(Integer, default=300)
    gender: Mapped[str] = mapped_column(String(10), default="any")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    paused: Mapped[str] = mapped_column(String(80), default="", server_default="")
    """Why staff paused the clinic (a break), shown on the hall display; "" while it works."""


class ExamType(Base):
    __tablename__ = "exam_types"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_ar: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ExamRouteStep(Base):
    """One clinic of an exam type's route for one gender, at its position."""

    __tablename__ = "exam_route_steps"

    exam_type: Mapped[str] = mapped_column(ForeignKey("exam_types.code"), primary_key=True)
    gender: Mapped[str] = mapped_column(String(10), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    clinic: Mapped[str] = mapped_column(ForeignKey("clinics.code"))


class Patient(Base):
    __tablename__ = "patients"

    id_number: Mapped[str] = mapped_column(String(40), primary_key=True)
    gender: Mapped[str] = mapped_column(String(10))
    first_seen: Mapped[str] = mapped_column(String(32))


class Visit(Base):
    """A patient's route for one day: its clinics in order, where they stand, the status."""

    __tablename__ = "visits"
    __table_args__ = (
        Index(
            "uq_visits_active_patient_day",
            "patient_id",
            "day",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id_number"), index=True)
    exam_type: Mapped[str] = mapped_column(ForeignKey("exam_types.code"))
    gender: Mapped[str] = mapped_column(String(10))
    day: Mapped[str] = mapped_column(String(10), index=True)
    route: Mapped[str] = mapped_column(Text)
    completed: Mapped[str] = mapped_column(Text, default="[]")
    current_clinic: Mapped[str | None] = mapped_column(String(40), nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="active")
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    pin_failures: Mapped[int] = mapped_column(Integer, default=0)
    pin_locked_until: Mapped[str | None] = mapped_column(String(32), nullable=True)
    priority: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Called before others as the site's `priority_every` says (elderly, disabled), at
    every clinic of the route: each new ticket of the visit takes it."""


class Ticket(Base):
    """A place in one clinic's queue on one day."""

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("clinic", "day", "station", "number"),
        Index(
            "uq_tickets_active_patient",
            "clinic",
            "day",
            "patient_id",
            unique=True,
            sqlite_where=text(ACTIVE_TICKET),
            postgresql_where=text(ACTIVE_TICKET),
        ),
        Index("ix_tickets_queue", "clinic", "day", "status", "order_key"),
        Index("ix_tickets_calls", "day", "called_at", "order_key"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visits.id"), nullable=True, index=True)
    patient_id: Mapped[str] = mapped_column(ForeignKey("patients.id_number"), index=True)
    clinic: Mapped[str] = mapped_column(ForeignKey("clinics.code"))
    day: Mapped[str] = mapped_column(String(10))
    number: Mapped[int] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(12), default="")
    order_key: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(12), default="WAITING")
    entered_at: Mapped[str] = mapped_column(String(32))
    called_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    started_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    completed_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    ended_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    room: Mapped[str | None] = mapped_column(String(40), nullable=True)
    called_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    transferred_to: Mapped[str | None] = mapped_column(String(36), nullable=True)


class QueueCounter(Base):
    """Running totals of one clinic's day, kept by the ticket transitions so reads are O(1)."""

    __tablename__ = "queue_counters"

    clinic: Mapped[str] = mapped_column(ForeignKey("clinics.code"), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    issued: Mapped[int] = mapped_column(Integer, default=0)
    waiting: Mapped[int] = mapped_column(Integer, default=0)
    called: Mapped[int] = mapped_column(Integer, default=0)
    in_progress: Mapped[int] = mapped_column(Integer, default=0)
    served: Mapped[int] = mapped_column(Integer, default=0)
    no_show: Mapped[int] = mapped_column(Integer, default=0)
    cancelled: Mapped[int] = mapped_column(Integer, default=0)
    wait_total_s: Mapped[int] = mapped_column(Integer, default=0)
    wait_count: Mapped[int] = mapped_column(Integer, default=0)
    service_total_s: Mapped[int] = mapped_column(Integer, default=0)
    service_count: Mapped[int] = mapped_column(Integer, default=0)
    carried_over: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    transferred: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Tickets closed by a transfer to another clinic (not counted as cancelled)."""
    wait_max_s: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    parked: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """The longest wait, arrival to call, of the tickets that left the queue."""


class ClosedDay(Base):
    """A service day closed on purpose: by staff, or at the site's closing hour."""

    __tablename__ = "closed_days"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    closed_at: Mapped[str] = mapped_column(String(32))
    closed_by: Mapped[str] = mapped_column(String(80))
    outcome: Mapped[str] = mapped_column(String(12))


class NumberLease(Base):
    """A block of queue numbers of one clinic's day that one device may hand out."""

    __tablename__ = "number_leases"
    __table_args__ = (Index("ix_number_leases_lookup", "clinic", "day", "device_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    clinic: Mapped[str] = mapped_column(ForeignKey("clinics.code"))
    day: Mapped[str] = mapped_column(String(10))
    device_id: Mapped[str] = mapped_column(String(36))
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    next: Mapped[int] = mapped_column(Integer)


class PinRotation(Base):
    __tablename__ = "pin_rotations"

    clinic: Mapped[str] = mapped_column(ForeignKey("clinics.code"), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)


class User(Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(80), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    signing_salt: Mapped[str] = mapped_column(String(32), default="", server_default="")
    signing_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    """The public key that checks the user's ops (core.proofs); the private key is derived
    from the password at each login and never stored."""


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    station: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class DayKey(Base):
    """A day's PIN key (HMAC of the site secret and the day): what a kiosk or console needs
    to check and show that day's clinic PINs offline, without the long-lived secret."""

    __tablename__ = "day_keys"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OpRecord(Base):
    """The op log: every op this store has applied or refused, its own and others'."""

    __tablename__ = "ops"
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(80))
    actor: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    proof: Mapped[str] = mapped_column(Text, default="", server_default="")
    outcome: Mapped[str] = mapped_column(String(20), default=OpOutcome.APPLIED)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    accepted_seq: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)
    local_order: Mapped[int] = mapped_column(Integer, index=True)


class OutboxEntry(Base):
    """An op of this device that the server has not answered for yet."""

    __tablename__ = "outbox"

    op_id: Mapped[str] = mapped_column(ForeignKey("ops.op_id"), primary_key=True)
    device_seq: Mapped[int] = mapped_column(Integer, unique=True)


class DeviceCursor(Base):
    """At an acceptance point: the last sequence of each device it has answered for."""

    __tablename__ = "device_cursors"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class LocalIdentity(Base):
    """This store's own device: its id, station code, next sequence and clock."""

    __tablename__ = "local_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    station: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(20))
    authority: Mapped[bool] = mapped_column(Boolean, default=False)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    hlc: Mapped[str] = mapped_column(String(80), default="")
    applied_count: Mapped[int] = mapped_column(Integer, default=0)
    accepted_count: Mapped[int] = mapped_column(Integer, default=0)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    epoch_base: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """At the acceptance point: the last sequence its restored backup held when this epoch
    (its device id) began; everything numbered after it in an earlier epoch is void."""
    epoch_started_at: Mapped[str] = mapped_column(String(32), default="", server_default="")
    server_epoch: Mapped[str] = mapped_column(String(36), default="", server_default="")
    """On a device: the server's epoch its pull cursor and accepted sequences belong to."""
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """On a device: the server's clock minus this machine's, as last measured."""
    floor_day: Mapped[str] = mapped_column(String(10), default="", server_default="")
    number_floor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """After a restore that could not read its lost ops, this device's station-prefixed
    numbers of `floor_day` start above `number_floor` (the lost ones may be in patients'
    hands)."""


class SnapshotBase(Base):
    """On a device that caught up from the server's snapshot: the replicated state as of
    the server's sequence `seq`, which this device's log does not hold the ops for. A
    rebuild of the view starts from these rows and applies the ops after `seq`."""

    __tablename__ = "snapshot_base"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[str] = mapped_column(String(32))
    tables: Mapped[str] = mapped_column(Text)
    """The rows, as JSON: {table: {"columns": [...], "rows": [[...], ...]}}."""


class EnrollmentCode(Base):
    """At the server: a one-time code IT hands to a device being installed (kept hashed)."""

    __tablename__ = "enrollment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[str] = mapped_column(String(32))
    used_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    used_by: Mapped[str | None] = mapped_column(String(36), nullable=True)


class DeviceToken(Base):
    """At the server: the bearer token of an enrolled device (kept hashed)."""

    __tablename__ = "device_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    station: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[str] = mapped_column(String(32))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class DeviceHealth(Base):
    """At the server: the last health report of each device (not replicated)."""

    __tablename__ = "device_health"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reported_at: Mapped[str] = mapped_column(String(32))
    report: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_filters", "actor", "action", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(120), default="")
    outcome: Mapped[str] = mapped_column(String(12))
    detail: Mapped[str] = mapped_column(Text, default="")
    op_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class NotifyContact(Base):
    """At the server: a patient who asked for messages about their place, by visit (not
    replicated; core.phones). The number is blanked when the service day it was given on
    ends; the consent and the language stay."""

    __tablename__ = "notify_contacts"

    visit_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36))
    """The check-in op that carried the number, blanked in the op log with it."""
    day: Mapped[str] = mapped_column(String(10), index=True)
    phone: Mapped[str | None] = mapped_column(String(16), nullable=True)
    language: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[str] = mapped_column(String(32))
    forgotten_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class NotifyEvent(Base):
    """At the server: something to tell a patient, derived from an accepted op; its id is
    the receiver's idempotency key (sync.server.notify). Holds no phone number."""

    __tablename__ = "notify_events"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    visit_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32), index=True)


class NotifyDelivery(Base):
    """At the server: one event to one notifier, until it is delivered, refused for good
    or too old. A patient's deliveries to a notifier go out in `id` order."""

    __tablename__ = "notify_deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "notifier"),
        Index("ix_notify_deliveries_due", "notifier", "status", "due_ms"),
        Index("ix_notify_deliveries_patient", "notifier", "visit_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("notify_events.event_id"))
    notifier: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    due_ms: Mapped[int] = mapped_column(BigInteger)
    """When it may be tried next (Unix milliseconds)."""
    last_error: Mapped[str] = mapped_column(Text, default="")
    delivered_at: Mapped[str | None] = mapped_column(String(32), nullable=True)


class NotifyFollower(Base):
    """At the server: how far the notifications have read the accepted op log."""

    __tablename__ = "notify_follower"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    read_through: Mapped[int] = mapped_column(Integer)
    """The last accepted sequence whose events are queued."""
    forgotten_for: Mapped[str] = mapped_column(String(10), default="")
    """The service day on which the numbers of the days before were last forgotten."""
    scrub_from: Mapped[int] = mapped_column(Integer, default=0)
    """The op log's `local_order` from which check-ins may still hold a number."""


REPLICATED_TABLES = (
    Clinic,
    ExamType,
    ExamRouteStep,
    Patient,
    Visit,
    Ticket,
    QueueCounter,
    ClosedDay,
    NumberLease,
    PinRotation,
    User,
    Device,
    DayKey,
    Setting,
)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, for statements built once and run with bound parameters."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
