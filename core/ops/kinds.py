"""Every op kind: its payload type and its one apply function.

To learn what happens when, say, a patient is called, look up "ticket.called" here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import exc, select
from sqlalchemy.orm import Session

from core.changes import CONFIG, EVERYTHING, NOTHING, Changes
from core.errors import (
    AlreadyCheckedIn,
    AlreadyInQueue,
    MalformedOp,
    MmcError,
    NumberTaken,
    StoreError,
    UnknownOpKind,
    first_problem,
)
from core.ops import config, days, tickets
from core.ops.envelope import (
    ClinicPaused,
    ClinicResumed,
    ClinicUpserted,
    DayClosed,
    DayKeyIssued,
    DeviceRegistered,
    DeviceResumed,
    DeviceRevoked,
    ExamTypeUpserted,
    HelpAnswered,
    HelpRequested,
    LeaseGranted,
    NewTicket,
    Op,
    Payload,
    PinRotated,
    SettingSet,
    TicketAction,
    TicketCompleted,
    TicketIssued,
    TicketPriority,
    TicketTransferred,
    UserUpserted,
    VisitCancelled,
    VisitCheckedIn,
    VisitClinicConfirmed,
    VisitPinFailed,
    VisitPinUnlocked,
)
from core.schema import Ticket


@dataclass(frozen=True)
class OpKind:
    payload: type[Payload]
    apply: Callable[[Session, Op, Any], None]
    apply_many: Callable[[Session, list[tuple[Op, Any]]], None] | None = None
    """The same effect as `apply` on each op of a run in turn, in fewer statements."""


KINDS: dict[str, OpKind] = {
    "visit.checked_in": OpKind(VisitCheckedIn, tickets.apply_checked_in, tickets.apply_checked_in_many),
    "visit.clinic_confirmed": OpKind(VisitClinicConfirmed, tickets.apply_clinic_confirmed),
    "visit.pin_failed": OpKind(VisitPinFailed, tickets.apply_pin_failed),
    "visit.pin_unlocked": OpKind(VisitPinUnlocked, tickets.apply_pin_unlocked),
    "visit.cancelled": OpKind(VisitCancelled, tickets.apply_visit_cancelled),
    "ticket.issued": OpKind(TicketIssued, tickets.apply_ticket_issued),
    "ticket.called": OpKind(TicketAction, tickets.apply_ticket_called),
    "ticket.recalled": OpKind(TicketAction, tickets.apply_ticket_recalled),
    "ticket.started": OpKind(TicketAction, tickets.apply_ticket_started),
    "ticket.completed": OpKind(TicketCompleted, tickets.apply_ticket_completed),
    "ticket.no_show": OpKind(TicketAction, tickets.apply_ticket_no_show),
    "ticket.cancelled": OpKind(TicketAction, tickets.apply_ticket_cancelled),
    "ticket.reopened": OpKind(TicketAction, tickets.apply_ticket_reopened),
    "ticket.transferred": OpKind(TicketTransferred, tickets.apply_ticket_transferred),
    "ticket.parked": OpKind(TicketAction, tickets.apply_ticket_parked),
    "ticket.prioritised": OpKind(TicketPriority, tickets.apply_ticket_prioritised),
    "pin.rotated": OpKind(PinRotated, config.apply_pin_rotated),
    "pin.day_key": OpKind(DayKeyIssued, config.apply_day_key),
    "lease.granted": OpKind(LeaseGranted, config.apply_lease_granted),
    "clinic.upserted": OpKind(ClinicUpserted, config.apply_clinic_upserted),
    "clinic.paused": OpKind(ClinicPaused, config.apply_clinic_paused),
    "help.requested": OpKind(HelpRequested, config.apply_help),
    "help.answered": OpKind(HelpAnswered, config.apply_help),
    "clinic.resumed": OpKind(ClinicResumed, config.apply_clinic_resumed),
    "exam_type.upserted": OpKind(ExamTypeUpserted, config.apply_exam_type_upserted),
    "user.upserted": OpKind(UserUpserted, config.apply_user_upserted),
    "device.registered": OpKind(DeviceRegistered, config.apply_device_registered),
    "device.revoked": OpKind(DeviceRevoked, config.apply_device_revoked),
    "device.resumed": OpKind(DeviceResumed, config.apply_device_resumed),
    "setting.set": OpKind(SettingSet, config.apply_setting_set),
    "day.closed": OpKind(DayClosed, days.apply_day_closed),
}


BOUNDED = {"bounded": True}
"""An op's payload has been through `bounded_json` already: as a WireOp on its way in, or
as a Payload model when its op was made."""


def parse_payload(kind: str, payload: dict[str, Any]) -> Payload:
    """The typed payload of an op, or a typed error saying what is wrong with it."""
    entry = KINDS.get(kind)
    if entry is None:
        raise UnknownOpKind(kind=kind)
    try:
        return entry.payload.model_validate(payload, context=BOUNDED)
    except ValidationError as error:
        raise MalformedOp(kind=kind, detail=first_problem(error)) from None


CONSTRAINT_ERRORS: tuple[tuple[tuple[str, ...], type[MmcError]], ...] = (
    (("uq_tickets_clinic_day_station_number", "tickets.clinic, tickets.day, tickets.station"), NumberTaken),
    (("uq_tickets_active_patient", "tickets.clinic, tickets.day, tickets.patient_id"), AlreadyInQueue),
    (("uq_visits_active_patient_day", "visits.patient_id, visits.day"), AlreadyCheckedIn),
)


def refusal_for(error: exc.IntegrityError) -> MmcError:
    """The typed refusal behind a constraint the database enforced (SQLite or PostgreSQL)."""
    text = str(error.orig)
    for needles, kind in CONSTRAINT_ERRORS:
        if any(needle in text for needle in needles):
            return kind()
    return StoreError(detail=f"constraint violated: {text}")


CONFIG_KINDS = ("clinic.", "exam_type.", "user.", "device.", "setting.", "pin.")
TICKET_FIELDS = ("ticket", "new_ticket", "next_ticket")


def changes_of(session: Session, op: Op, payload: Payload) -> Changes:
    """What applying `op` changes, as the views see it (core.changes)."""
    kind = op.kind
    if kind in {"lease.granted", "device.resumed"}:
        return NOTHING
    if kind.startswith(CONFIG_KINDS):
        return CONFIG
    if kind == "day.closed":
        return EVERYTHING
    clinics = {t.clinic for f in TICKET_FIELDS if isinstance(t := getattr(payload, f, None), NewTicket)}
    ticket_id = getattr(payload, "ticket_id", None)
    if isinstance(ticket_id, str):
        ticket = session.get(Ticket, ticket_id)
        if ticket is not None:
            clinics.add(ticket.clinic)
    if kind == "visit.clinic_confirmed":
        clinics.add(getattr(payload, "clinic", ""))
    elif kind == "visit.cancelled":
        clinics.update(
            session.scalars(select(Ticket.clinic).where(Ticket.visit_id == getattr(payload, "visit_id", "")))
        )
    return Changes(queues=frozenset(clinics), visits=kind.startswith("visit."))


def note_changes(session: Session, changes: Changes) -> None:
    """Add to what this transaction changed (told to the database's watchers on commit)."""
    if changes:
        session.info["changes"] = session.info.get("changes", NOTHING) | changes


def _note(session: Session, op: Op, payload: Payload) -> None:
    """What `op` changed, worked out only where somebody watches (a window program's
    store; not the server's, whose pushes need every microsecond)."""
    if session.info.get("watched"):
        note_changes(session, changes_of(session, op, payload))


def run_apply(session: Session, op: Op, payload: Payload) -> None:
    """Apply one op through its kind's function and flush; raises an MmcError if refused."""
    try:
        KINDS[op.kind].apply(session, op, payload)
        session.flush()
    except exc.IntegrityError as error:
        raise refusal_for(error) from None
    _note(session, op, payload)


def apply_op(session: Session, op: Op) -> None:
    run_apply(session, op, parse_payload(op.kind, op.payload))


def apply_in_order(session: Session, items: list[tuple[Op, Payload]]) -> None:
    """Apply ops in the given order, each run of one kind together where the kind can;
    raises the first refusal, with partial effects left for the caller to roll back."""
    for kind, run in itertools.groupby(items, key=lambda item: item[0].kind):
        ops = list(run)
        many = KINDS[kind].apply_many
        if many is None or len(ops) == 1:
            for op, payload in ops:
                run_apply(session, op, payload)
            continue
        try:
            many(session, ops)
            session.flush()
        except exc.IntegrityError as error:
            raise refusal_for(error) from None
        for op, payload in ops:
            _note(session, op, payload)


def op_keys(session: Session, op: Op) -> frozenset[str]:
    """The entities an op reads or writes. Ops with disjoint keys commute: applying them
    in either order gives the same state (day counters and leases add up either way).
    A ticket stands for its visit too, since confirming a visit closes its ticket."""
    p = op.payload
    tickets = {p[f]["ticket_id"] for f in ("ticket", "new_ticket", "next_ticket") if isinstance(p.get(f), dict)}
    if p.get("ticket_id"):
        tickets.add(p["ticket_id"])
    keys = {f"ticket:{t}" for t in tickets}
    visits = {p["visit_id"]} if p.get("visit_id") else set()
    if not visits:  # an op that names its visit names that visit's tickets only
        for ticket_id in tickets:
            visit = session.scalar(select(Ticket.visit_id).where(Ticket.id == ticket_id))
            if visit:
                visits.add(visit)
    keys |= {f"visit:{v}" for v in visits}
    if p.get("id_number"):
        keys.add(f"patient:{p['id_number']}")
    if op.kind == "pin.rotated":
        keys.add(f"pin:{p.get('clinic')}:{p.get('day')}")
    elif not op.kind.startswith(("visit.", "ticket.", "lease.")):
        keys.add(f"{op.kind}:{p.get('code') or p.get('username') or p.get('key') or p.get('device_id')}")
    return frozenset(keys)
