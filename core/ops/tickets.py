"""Apply functions of the queue: tickets and visits.

Status moves forward (WAITING < CALLED < IN_PROGRESS < COMPLETED, or the terminal
CANCELLED / NO_SHOW), with two ways back: a called patient set aside (PARKED) is called
again, and a no-show or cancellation undone in time waits again. Each ticket op names the
states it may start from; if the ticket has left them (someone else acted first in the
accepted order) the op is refused with a reason and changes nothing.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import json

from sqlalchemy import Update, bindparam, insert, select, update
from sqlalchemy.orm import Session

from core.database import insert_rows
from core.errors import (
    AlreadyCheckedIn,
    GenderNotAllowed,
    InvalidInput,
    NotCalledYet,
    RouteComplete,
    TransitionRefused,
    UnknownClinic,
    UnknownTicket,
    UnknownVisit,
)
from core.ops.envelope import (
    NewTicket,
    Op,
    TicketAction,
    TicketCompleted,
    TicketIssued,
    TicketPriority,
    TicketTransferred,
    VisitCancelled,
    VisitCheckedIn,
    VisitClinicConfirmed,
    VisitPinFailed,
    VisitPinUnlocked,
)
from core.schema import Clinic, NumberLease, Patient, QueueCounter, Ticket, Visit, table_of
from core.settings import setting
from core.statuses import ACTIVE_STATUSES, IN_SERVICE, TicketStatus, VisitStatus

ACTIVE = ACTIVE_STATUSES
COUNTER_OF: dict[str, str] = {
    TicketStatus.WAITING: "waiting",
    TicketStatus.CALLED: "called",
    TicketStatus.IN_PROGRESS: "in_progress",
    TicketStatus.PARKED: "parked",
    TicketStatus.COMPLETED: "served",
    TicketStatus.NO_SHOW: "no_show",
    TicketStatus.CANCELLED: "cancelled",
    TicketStatus.CARRIED_OVER: "carried_over",
}
ACTION_NAMES = {
    "ticket.called": "called",
    "ticket.recalled": "recalled",
    "ticket.started": "started",
    "ticket.completed": "completed",
    "ticket.no_show": "marked no-show",
    "ticket.cancelled": "cancelled",
    "ticket.transferred": "transferred",
    "ticket.reopened": "put back in the queue",
    "ticket.parked": "set aside",
    "ticket.prioritised": "marked priority",
}
STARTS_FROM = {
    "ticket.called": (TicketStatus.WAITING, TicketStatus.PARKED),
    "ticket.recalled": (TicketStatus.CALLED,),
    "ticket.started": (TicketStatus.CALLED,),
    "ticket.completed": (TicketStatus.CALLED, TicketStatus.IN_PROGRESS),
    "ticket.no_show": (TicketStatus.CALLED, TicketStatus.PARKED),
    "ticket.cancelled": ACTIVE,
    "ticket.transferred": ACTIVE,
    "ticket.reopened": (TicketStatus.NO_SHOW, TicketStatus.CANCELLED),
    "ticket.parked": IN_SERVICE,
    "ticket.prioritised": ACTIVE,
}


def _seconds_between(start: str, end: str) -> int:
    return max(0, int((dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)).total_seconds()))


COUNTERS = table_of(QueueCounter)
ZERO_COUNTS = {c.name: 0 for c in COUNTERS.columns if c.name not in ("clinic", "day")}


INSERT_COUNTERS = insert(COUNTERS)
TICKETS, VISITS, PATIENTS = table_of(Ticket), table_of(Visit), table_of(Patient)
# Hot-path statements are built once, on plain table columns (ORM-annotated columns
# cost about twice as much to execute), and run with bound parameters.
_clinics, _patients, _visits, _leases = (table_of(m).c for m in (Clinic, Patient, Visit, NumberLease))
CLINIC_GENDER = select(_clinics.gender).where(_clinics.code == bindparam("code"))
PATIENT_GENDERS = select(_patients.id_number, _patients.gender).where(
    _patients.id_number.in_(bindparam("patients", expanding=True))
)
SET_PATIENT_GENDER = (
    update(table_of(Patient)).where(_patients.id_number == bindparam("id")).values(gender=bindparam("gender"))
)
ROUTE_CLINICS = select(_clinics.code, _clinics.gender).where(_clinics.code.in_(bindparam("codes", expanding=True)))
ACTIVE_VISITS = select(_visits.id, _visits.patient_id, _visits.day).where(
    _visits.patient_id.in_(bindparam("patients", expanding=True)), _visits.status == VisitStatus.ACTIVE
)
ADVANCE_LEASE = (
    update(table_of(NumberLease))
    .where(
        _leases.clinic == bindparam("b_clinic"),
        _leases.day == bindparam("b_day"),
        _leases.first <= bindparam("b_number"),
        _leases.last >= bindparam("b_number"),
        _leases.next <= bindparam("b_number"),
    )
    .values(next=bindparam("b_number") + 1)
)


@functools.cache
def _increment(names: tuple[str, ...]) -> Update:
    """UPDATE adding a bound delta to each named counter (statements built once, reused)."""
    return (
        update(COUNTERS)
        .where(COUNTERS.c.clinic == bindparam("b_clinic"), COUNTERS.c.day == bindparam("b_day"))
        .values({name: COUNTERS.c[name] + bindparam(f"d_{name}") for name in names})
    )


def bump_counters(session: Session, clinic: str, day: str, **deltas: int) -> None:
    """Add `deltas` to the clinic's day counters, creating the row on first use.

    Plain SQL increments, not ORM attributes, so two changes in one transaction can
    never overwrite each other with a stale value.
    """
    params: dict[str, object] = {f"d_{name}": delta for name, delta in deltas.items()}
    params |= {"b_clinic": clinic, "b_day": day}
    result = session.execute(_increment(tuple(sorted(deltas))), params)
    if result.rowcount == 0:  # type: ignore[attr-defined]
        session.execute(INSERT_COUNTERS, {**ZERO_COUNTS, **deltas, "clinic": clinic, "day": day})


RAISE_WAIT_MAX = (
    update(COUNTERS)
    .where(
        COUNTERS.c.clinic == bindparam("b_clinic"),
        COUNTERS.c.day == bindparam("b_day"),
        COUNTERS.c.wait_max_s < bindparam("b_wait"),
    )
    .values(wait_max_s=bindparam("b_wait"))
)


def move_ticket(session: Session, ticket: Ticket, status: str, at: str, *, counted_as: str | None = None) -> None:
    """The one place a ticket changes status; keeps the clinic's day counters in step.
    `counted_as` names the counter the new status adds to when it is not the status's
    own (a transfer closes the ticket as cancelled and counts it as transferred)."""
    old = ticket.status
    deltas = {COUNTER_OF[old]: -1, counted_as or COUNTER_OF[status]: 1}
    waited: int | None = None
    if old == TicketStatus.WAITING and status not in (
        TicketStatus.CANCELLED,
        TicketStatus.CARRIED_OVER,
        TicketStatus.NO_SHOW,
    ):
        waited = _seconds_between(ticket.entered_at, at)
        deltas["wait_total_s"] = waited
        deltas["wait_count"] = 1
    if status == TicketStatus.CALLED:
        ticket.called_at = at
    elif status == TicketStatus.IN_PROGRESS:
        ticket.started_at = at
    elif status == TicketStatus.WAITING:
        ticket.ended_at = None
    elif status == TicketStatus.PARKED:
        pass
    elif status == TicketStatus.COMPLETED:
        ticket.completed_at = at
        began = ticket.started_at or ticket.called_at
        if began is not None:
            deltas["service_total_s"] = _seconds_between(began, at)
            deltas["service_count"] = 1
    else:
        ticket.ended_at = at
    ticket.status = status
    bump_counters(session, ticket.clinic, ticket.day, **deltas)
    if waited:
        session.execute(RAISE_WAIT_MAX, {"b_clinic": ticket.clinic, "b_day": ticket.day, "b_wait": waited})


def _check_clinic(session: Session, code: str, gender: str) -> None:
    allowed = session.scalar(CLINIC_GENDER, {"code": code})
    if allowed is None:
        raise UnknownClinic(clinic=code)
    if allowed not in ("any", gender):
        raise GenderNotAllowed(clinic=code, gender=gender)


def _ticket_row(
    new: NewTicket,
    *,
    patient_id: str,
    visit_id: str | None,
    day: str,
    at: str,
    order_key: str,
    priority: bool = False,
) -> dict[str, object]:
    return {
        "id": new.ticket_id,
        "visit_id": visit_id,
        "patient_id": patient_id,
        "clinic": new.clinic,
        "day": day,
        "number": new.number,
        "station": new.station,
        "order_key": order_key,
        "status": TicketStatus.WAITING,
        "entered_at": at,
        "recalls": 0,
        "priority": priority,
    }


def _issue_rows(session: Session, rows: list[dict[str, object]]) -> None:
    """Insert new waiting tickets, in order: counters added up per clinic and day, and a
    leased number moves its lease past it (a station-prefixed number has no lease)."""
    if not rows:
        return
    insert_rows(session, TICKETS, rows)
    issued: collections.Counter[tuple[str, str]] = collections.Counter()
    for row in rows:
        issued[(str(row["clinic"]), str(row["day"]))] += 1
    for (clinic, day), count in issued.items():
        bump_counters(session, clinic, day, issued=count, waiting=count)
    leased = [{"b_clinic": r["clinic"], "b_day": r["day"], "b_number": r["number"]} for r in rows if not r["station"]]
    if leased:
        session.execute(ADVANCE_LEASE, leased)


def issue_ticket(
    session: Session,
    new: NewTicket,
    *,
    patient_id: str,
    gender: str,
    visit_id: str | None,
    day: str,
    at: str,
    order_key: str,
    priority: bool = False,
) -> None:
    _check_clinic(session, new.clinic, gender)
    row = _ticket_row(
        new, patient_id=patient_id, visit_id=visit_id, day=day, at=at, order_key=order_key, priority=priority
    )
    _issue_rows(session, [row])


def _visit(session: Session, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise UnknownVisit()
    return visit


def first_open_clinic(route: list[str], completed: list[str]) -> str | None:
    """The first clinic of the route that is not completed: where the patient goes next."""
    return next((c for c in route if c not in completed), None)


def pin_refusal(session: Session, visit: Visit, clinic: str) -> NotCalledYet | None:
    """Why the clinic's PIN cannot confirm `visit` there now: a PIN confirms only a
    patient the clinic called, so that a PIN passed on in the hall moves nobody who still
    waits; a clinic run without a console (setting) confirms whoever has its PIN."""
    if clinic in setting(session, "clinics_without_console"):
        return None
    called = session.scalar(
        select(Ticket.id).where(
            Ticket.visit_id == visit.id,
            Ticket.clinic == clinic,
            Ticket.status.in_(IN_SERVICE),
        )
    )
    return None if called is not None else NotCalledYet(clinic=clinic)


def clinic_after(visit: Visit, clinic: str) -> str | None:
    """The clinic the visit goes to once `clinic` is done."""
    return first_open_clinic(json.loads(visit.route), [*json.loads(visit.completed), clinic])


def next_clinic(visit: Visit) -> str | None:
    return first_open_clinic(json.loads(visit.route), json.loads(visit.completed))


def apply_checked_in(session: Session, op: Op, p: VisitCheckedIn) -> None:
    apply_checked_in_many(session, [(op, p)])


def apply_checked_in_many(session: Session, items: list[tuple[Op, VisitCheckedIn]]) -> None:
    """Check-ins in order, with one statement per step for the whole run (replaying a
    kiosk's day is mostly check-ins). Raises the first refusal any of them meets; a run
    naming one patient twice is applied one by one, since each may see the one before."""
    ids = [p.id_number for _, p in items]
    if len(set(ids)) < len(ids):
        for item in items:
            apply_checked_in_many(session, [item])
        return
    codes = sorted({code for _, p in items for code in p.route})
    genders = {code: gender for code, gender in session.execute(ROUTE_CLINICS, {"codes": codes})}
    for _, p in items:
        if p.ticket.clinic != p.route[0]:
            raise InvalidInput(detail="the first ticket must be for the first clinic of the route")
        for code in p.route:
            if code not in genders:
                raise UnknownClinic(clinic=code)
            if genders[code] not in ("any", p.gender):
                raise GenderNotAllowed(clinic=code, gender=p.gender)
    active = {(patient, day): visit for visit, patient, day in session.execute(ACTIVE_VISITS, {"patients": ids})}
    for _, p in items:
        if (p.id_number, p.day) in active:
            raise AlreadyCheckedIn(visit_id=active[(p.id_number, p.day)])
    known = {patient: gender for patient, gender in session.execute(PATIENT_GENDERS, {"patients": ids})}
    new_patients = [
        {"id_number": p.id_number, "gender": p.gender, "first_seen": p.at} for _, p in items if p.id_number not in known
    ]
    if new_patients:
        insert_rows(session, PATIENTS, new_patients)
    changed = [
        {"id": p.id_number, "gender": p.gender} for _, p in items if known.get(p.id_number, p.gender) != p.gender
    ]
    if changed:
        session.execute(SET_PATIENT_GENDER, changed)
    insert_rows(session, VISITS, [_visit_row(p) for _, p in items])
    _issue_rows(
        session,
        [
            _ticket_row(p.ticket, patient_id=p.id_number, visit_id=p.visit_id, day=p.day, at=p.at, order_key=op.hlc)
            for op, p in items
        ],
    )


def _visit_row(p: VisitCheckedIn) -> dict[str, object]:
    return {
        "id": p.visit_id,
        "patient_id": p.id_number,
        "exam_type": p.exam_type,
        "gender": p.gender,
        "day": p.day,
        "route": json.dumps(p.route),
        "completed": "[]",
        "current_clinic": p.route[0],
        "status": VisitStatus.ACTIVE,
        "created_at": p.at,
        "updated_at": p.at,
        "pin_failures": 0,
        "priority": False,
    }


def apply_ticket_issued(session: Session, op: Op, p: TicketIssued) -> None:
    patient = session.get(Patient, p.id_number)
    if patient is None:
        raise InvalidInput(detail="unknown patient")
    issue_ticket(
        session,
        p.ticket,
        patient_id=p.id_number,
        gender=patient.gender,
        visit_id=p.visit_id,
        day=p.day,
        at=p.at,
        order_key=op.hlc,
    )


def _ticket_for(session: Session, op: Op, ticket_id: str) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise UnknownTicket(ticket=ticket_id)
    if ticket.status not in STARTS_FROM[op.kind]:
        by = f" (called by {ticket.room or ticket.called_by})" if ticket.called_by else ""
        raise TransitionRefused(ticket=ticket.number, status=ticket.status, action=ACTION_NAMES[op.kind], by=by)
    return ticket


def apply_ticket_called(session: Session, op: Op, p: TicketAction) -> None:
    ticket = _ticket_for(session, op, p.ticket_id)
    ticket.room = p.room
    ticket.called_by = op.actor
    move_ticket(session, ticket, TicketStatus.CALLED, p.at)


def apply_ticket_recalled(session: Session, op: Op, p: TicketAction) -> None:
    ticket = _ticket_for(session, op, p.ticket_id)
    ticket.recalls += 1
    if p.room:
        ticket.room = p.room


def apply_ticket_started(session: Session, op: Op, p: TicketAction) -> None:
    move_ticket(session, _ticket_for(session, op, p.ticket_id), TicketStatus.IN_PROGRESS, p.at)


def apply_ticket_completed(session: Session, op: Op, p: TicketCompleted) -> None:
    ticket = _ticket_for(session, op, p.ticket_id)
    move_ticket(session, ticket, TicketStatus.COMPLETED, p.at)
    if not p.advances:
        return
    visit = _visit(session, ticket.visit_id) if ticket.visit_id else None
    if visit is not None and visit.status == VisitStatus.ACTIVE and visit.current_clinic == ticket.clinic:
        _move_on(session, op, visit, ticket.clinic, p.next_ticket, p.at)
    elif p.next_ticket is not None:
        raise InvalidInput(detail="the patient is not at this clinic, so there is no next clinic to send them to")


def apply_ticket_no_show(session: Session, op: Op, p: TicketAction) -> None:
    move_ticket(session, _ticket_for(session, op, p.ticket_id), TicketStatus.NO_SHOW, p.at)


def apply_ticket_cancelled(session: Session, op: Op, p: TicketAction) -> None:
    move_ticket(session, _ticket_for(session, op, p.ticket_id), TicketStatus.CANCELLED, p.at)


def apply_ticket_reopened(session: Session, op: Op, p: TicketAction) -> None:
    """A no-show or a cancellation undone within the site's `undo_window_s`: the ticket
    goes back to its old place in the queue."""
    ticket = _ticket_for(session, op, p.ticket_id)
    window = int(setting(session, "undo_window_s"))
    if ticket.transferred_to is not None:
        raise InvalidInput(detail="a transfer is not undone; transfer the patient back")
    if ticket.ended_at is None or _seconds_between(ticket.ended_at, p.at) > window:
        raise InvalidInput(detail=f"only the last {window // 60} minutes can be undone")
    if ticket.visit_id is not None:
        visit = _visit(session, ticket.visit_id)
        if visit.status != VisitStatus.ACTIVE or visit.current_clinic != ticket.clinic:
            raise InvalidInput(detail="the patient has moved on since")
        again = session.scalar(
            select(Ticket.id).where(
                Ticket.visit_id == visit.id, Ticket.clinic == ticket.clinic, Ticket.status.in_(ACTIVE)
            )
        )
        if again is not None:
            raise InvalidInput(detail="the patient is in this queue again already")
    move_ticket(session, ticket, TicketStatus.WAITING, p.at)


def apply_ticket_transferred(session: Session, op: Op, p: TicketTransferred) -> None:
    ticket = _ticket_for(session, op, p.ticket_id)
    patient = session.get(Patient, ticket.patient_id)
    assert patient is not None
    if p.new_ticket.clinic == ticket.clinic:
        raise InvalidInput(detail="a ticket cannot be transferred to its own clinic")
    move_ticket(session, ticket, TicketStatus.CANCELLED, p.at, counted_as="transferred")
    ticket.transferred_to = p.new_ticket.ticket_id
    session.flush()
    issue_ticket(
        session,
        p.new_ticket,
        patient_id=ticket.patient_id,
        gender=patient.gender,
        visit_id=ticket.visit_id,
        day=ticket.day,
        at=p.at,
        order_key=op.hlc,
        priority=ticket.priority,
    )
    if ticket.visit_id is not None:
        visit = _visit(session, ticket.visit_id)
        route = json.loads(visit.route)
        if p.new_ticket.clinic not in route:
            route.insert(route.index(ticket.clinic) if ticket.clinic in route else 0, p.new_ticket.clinic)
            visit.route = json.dumps(route)
        visit.current_clinic = p.new_ticket.clinic
        visit.updated_at = p.at


def apply_ticket_parked(session: Session, op: Op, p: TicketAction) -> None:
    move_ticket(session, _ticket_for(session, op, p.ticket_id), TicketStatus.PARKED, p.at)


def apply_ticket_prioritised(session: Session, op: Op, p: TicketPriority) -> None:
    ticket = _ticket_for(session, op, p.ticket_id)
    ticket.priority = p.priority
    if ticket.visit_id is not None:
        visit = _visit(session, ticket.visit_id)
        visit.priority = p.priority
        visit.updated_at = p.at


def apply_clinic_confirmed(session: Session, op: Op, p: VisitClinicConfirmed) -> None:
    visit = _visit(session, p.visit_id)
    if visit.status != VisitStatus.ACTIVE:
        raise RouteComplete()
    if visit.current_clinic != p.clinic:
        raise InvalidInput(detail=f"the visit is at {visit.current_clinic}, not {p.clinic}")
    open_ticket = session.scalar(
        select(Ticket).where(Ticket.visit_id == visit.id, Ticket.clinic == p.clinic, Ticket.status.in_(ACTIVE))
    )
    if open_ticket is not None:
        move_ticket(session, open_ticket, TicketStatus.COMPLETED, p.at)
    _move_on(session, op, visit, p.clinic, p.next_ticket, p.at)


def _move_on(session: Session, op: Op, visit: Visit, clinic: str, next_ticket: NewTicket | None, at: str) -> None:
    """`clinic` is done: the visit goes on to `next_ticket`, which must be at the next
    clinic of its route, or (with none) its route is complete."""
    visit.completed = json.dumps([*json.loads(visit.completed), clinic])
    visit.pin_failures = 0
    visit.pin_locked_until = None
    visit.updated_at = at
    expected = next_clinic(visit)
    given = next_ticket.clinic if next_ticket else None
    if given != expected:
        raise InvalidInput(detail=f"the next clinic is {expected}, not {given}")
    visit.current_clinic = expected
    if next_ticket is None:
        visit.status = VisitStatus.COMPLETED
        return
    session.flush()
    issue_ticket(
        session,
        next_ticket,
        patient_id=visit.patient_id,
        gender=visit.gender,
        visit_id=visit.id,
        day=visit.day,
        at=at,
        order_key=op.hlc,
        priority=visit.priority,
    )


def apply_pin_failed(session: Session, op: Op, p: VisitPinFailed) -> None:
    visit = _visit(session, p.visit_id)
    visit.pin_failures += 1
    if visit.pin_failures >= int(setting(session, "pin_max_failures")):
        until = dt.datetime.fromisoformat(p.at) + dt.timedelta(seconds=int(setting(session, "pin_lockout_s")))
        visit.pin_locked_until = until.isoformat(timespec="milliseconds")
        visit.pin_failures = 0
    visit.updated_at = p.at


def apply_pin_unlocked(session: Session, op: Op, p: VisitPinUnlocked) -> None:
    visit = _visit(session, p.visit_id)
    visit.pin_failures = 0
    visit.pin_locked_until = None
    visit.updated_at = p.at


def apply_visit_cancelled(session: Session, op: Op, p: VisitCancelled) -> None:
    visit = _visit(session, p.visit_id)
    if visit.status != VisitStatus.ACTIVE:
        raise RouteComplete()
    for ticket in session.scalars(select(Ticket).where(Ticket.visit_id == visit.id, Ticket.status.in_(ACTIVE))):
        move_ticket(session, ticket, TicketStatus.CANCELLED, p.at)
    visit.status = VisitStatus.CANCELLED
    visit.current_clinic = None
    visit.updated_at = p.at
