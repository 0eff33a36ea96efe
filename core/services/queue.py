"""What clinic staff do with a queue: call (next, or the one chosen), recall, start,
complete, no-show, transfer, set aside, mark priority, cancel, pause; and the clinic's
queue as they see it, in the order Call next follows."""

from __future__ import annotations

import collections
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import to_iso, utc_now
from core.database import Database
from core.errors import InvalidInput, QueueEmpty, UnknownClinic, UnknownTicket
from core.ops.envelope import (
    ClinicPaused,
    ClinicResumed,
    TicketAction,
    TicketCompleted,
    TicketPriority,
    TicketTransferred,
)
from core.ops.tickets import clinic_after
from core.permissions import Actor
from core.schema import Clinic, OpRecord, Patient, Ticket, Visit
from core.services.call import ServiceCall, service_call
from core.services.checkin import open_clinic
from core.services.days import current_day
from core.services.numbers import take_number
from core.services.places import QueuePlace, place_of, ticket_label
from core.settings import setting
from core.statuses import ACTIVE_STATUSES, TicketStatus, VisitStatus


@dataclass(frozen=True)
class TicketView:
    ticket_id: str
    clinic: str
    label: str
    status: str
    room: str | None
    entered_at: str
    called_at: str | None
    called_by: str | None
    gender: str = ""
    """The patient's (for the clinics they may be sent to)."""
    priority: bool = False
    route: tuple[str, ...] = ()
    """The patient's route today, and the clinics of it already done (none for a ticket
    without a visit)."""
    done: tuple[str, ...] = ()


def _view(ticket: Ticket, gender: str = "", visit: Visit | None = None) -> TicketView:
    return TicketView(
        ticket_id=ticket.id,
        clinic=ticket.clinic,
        label=ticket_label(ticket.station, ticket.number),
        status=ticket.status,
        room=ticket.room,
        entered_at=ticket.entered_at,
        called_at=ticket.called_at,
        called_by=ticket.called_by,
        gender=gender,
        priority=ticket.priority,
        route=tuple(json.loads(visit.route)) if visit else (),
        done=tuple(json.loads(visit.completed)) if visit else (),
    )


def _act(call: ServiceCall, kind: str, ticket_id: str, room: str | None = None) -> TicketView:
    ticket = call.session.get(Ticket, ticket_id)
    if ticket is None:
        raise UnknownTicket(ticket=ticket_id)
    call.target = f"{ticket.clinic} {ticket_label(ticket.station, ticket.number)}"
    call.emit(kind, TicketAction(ticket_id=ticket_id, at=to_iso(call.now), room=room))
    return _view(ticket)


def priority_turn(every: int, recent: Sequence[bool]) -> bool:
    """Whether the next call goes to a waiting priority patient, by the site's
    `priority_every` (one priority call in every N; 1: always; 0: never) and whether each of
    the clinic's latest calls, newest first, went to a priority patient."""
    return every > 0 and not any(recent[: every - 1])


def _recent_calls(session: Session, clinic: str, day: str, every: int) -> list[bool]:
    if every <= 1:
        return []
    return list(
        session.scalars(
            select(Ticket.priority)
            .where(Ticket.clinic == clinic, Ticket.day == day, Ticket.called_at.is_not(None))
            .order_by(Ticket.called_at.desc())
            .limit(every - 1)
        )
    )


def in_call_order(waiting: Sequence[TicketView], every: int, recent: Sequence[bool]) -> list[TicketView]:
    """The waiting tickets (in arrival order) in the order `call_next` will call them.
    Priority only ever brings a patient forward: whoever's turn it is not, the earliest
    arrival goes."""
    if every <= 0:
        return list(waiting)
    regular = collections.deque(t for t in waiting if not t.priority)
    first = collections.deque(t for t in waiting if t.priority)
    arrival = {t.ticket_id: i for i, t in enumerate(waiting)}
    history = list(recent)
    order: list[TicketView] = []
    while regular or first:
        turn = not regular or priority_turn(every, history)
        if first and (turn or arrival[first[0].ticket_id] < arrival[regular[0].ticket_id]):
            pick = first.popleft()
        else:
            pick = regular.popleft()
        order.append(pick)
        history.insert(0, pick.priority)
    return order


def _first_waiting(session: Session, clinic: str, day: str, *, priority: bool) -> str | None:
    query = select(Ticket.id).where(Ticket.clinic == clinic, Ticket.day == day, Ticket.status == TicketStatus.WAITING)
    if priority:
        query = query.where(Ticket.priority.is_(True))
    return session.scalar(query.order_by(Ticket.order_key).limit(1))


def call_next(
    db: Database, actor: Actor, *, clinic: str, room: str | None = None, now: dt.datetime | None = None
) -> TicketView:
    """Call the patient whose turn it is: the one who has waited longest (by arrival, not
    by number), or a priority patient when the site's `priority_every` gives them the turn."""
    with service_call(db, actor, "call_next", "queue_action", target=clinic, now=now) as call:
        session = call.session
        if session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        day = current_day(session, call.now)
        every = int(setting(session, "priority_every"))
        chosen = None
        if every > 0 and priority_turn(every, _recent_calls(session, clinic, day, every)):
            chosen = _first_waiting(session, clinic, day, priority=True)
        chosen = chosen or _first_waiting(session, clinic, day, priority=False)
        if chosen is None:
            raise QueueEmpty(clinic=clinic)
        return _act(call, "ticket.called", chosen, room)


class TicketService(Protocol):
    def __call__(
        self,
        db: Database,
        actor: Actor,
        *,
        ticket_id: str,
        room: str | None = None,
        now: dt.datetime | None = None,
    ) -> TicketView: ...


def _ticket_action(action: str, kind: str) -> TicketService:
    def run(
        db: Database,
        actor: Actor,
        *,
        ticket_id: str,
        room: str | None = None,
        now: dt.datetime | None = None,
    ) -> TicketView:
        with service_call(db, actor, action, "queue_action", target=ticket_id, now=now) as call:
            return _act(call, kind, ticket_id, room)

    run.__name__ = action
    run.__doc__ = f"{action.replace('_', ' ').capitalize()} a ticket (op {kind})."
    return run


call_ticket = _ticket_action("call", "ticket.called")
park = _ticket_action("park", "ticket.parked")
start = _ticket_action("start", "ticket.started")
no_show = _ticket_action("no_show", "ticket.no_show")
cancel = _ticket_action("cancel", "ticket.cancelled")
reopen = _ticket_action("reopen", "ticket.reopened")


@dataclass(frozen=True)
class Completion:
    ticket: TicketView
    next_place: QueuePlace | None
    """Where the patient goes next (None: nowhere, their route is complete or they have none)."""
    route_complete: bool


def recall(
    db: Database, actor: Actor, *, ticket_id: str, room: str | None = None, now: dt.datetime | None = None
) -> TicketView:
    """Call the same patient again; once the site's `recall_limit` is reached, the next
    recall marks them no-show instead (the answer's status says which)."""
    with service_call(db, actor, "recall", "queue_action", target=ticket_id, now=now) as call:
        ticket = call.session.get(Ticket, ticket_id)
        limit = int(setting(call.session, "recall_limit"))
        if ticket is not None and limit and ticket.recalls >= limit and ticket.status == TicketStatus.CALLED:
            _act(call, "ticket.no_show", ticket_id)
            call.session.refresh(ticket)
            return _view(ticket)
        return _act(call, "ticket.recalled", ticket_id, room)


def prioritise(
    db: Database, actor: Actor, *, ticket_id: str, priority: bool, now: dt.datetime | None = None
) -> TicketView:
    """Mark a patient priority (elderly, disabled), or take the mark off: for this ticket
    and the rest of the visit (op ticket.prioritised)."""
    with service_call(db, actor, "prioritise", "queue_action", target=ticket_id, now=now) as call:
        ticket = call.session.get(Ticket, ticket_id)
        if ticket is None:
            raise UnknownTicket(ticket=ticket_id)
        call.target = f"{ticket.clinic} {ticket_label(ticket.station, ticket.number)}"
        call.emit("ticket.prioritised", TicketPriority(ticket_id=ticket_id, at=to_iso(call.now), priority=priority))
        call.session.refresh(ticket)
        return _view(ticket)


def pause_clinic(db: Database, actor: Actor, *, clinic: str, reason: str, now: dt.datetime | None = None) -> None:
    """Pause the clinic for a break; the hall display shows `reason` until it resumes."""
    with service_call(db, actor, "pause_clinic", "queue_action", target=clinic, now=now) as call:
        if call.session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        text = reason.strip()
        if not 1 <= len(text) <= 80:
            raise InvalidInput(detail="a pause has a reason of 1 to 80 characters")
        call.emit("clinic.paused", ClinicPaused(clinic=clinic, reason=text, at=to_iso(call.now)))


def resume_clinic(db: Database, actor: Actor, *, clinic: str, now: dt.datetime | None = None) -> None:
    with service_call(db, actor, "resume_clinic", "queue_action", target=clinic, now=now) as call:
        if call.session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        call.emit("clinic.resumed", ClinicResumed(clinic=clinic, at=to_iso(call.now)))


def complete(
    db: Database, actor: Actor, *, ticket_id: str, room: str | None = None, now: dt.datetime | None = None
) -> Completion:
    """The patient is done at this clinic. A patient on a route moves on at once: they
    get the next clinic's ticket (or their route is complete), as the clinic's PIN would
    give it, so that nobody waits for a PIN to reach the next queue (op ticket.completed)."""
    with service_call(db, actor, "complete", "queue_action", target=ticket_id, now=now) as call:
        session = call.session
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise UnknownTicket(ticket=ticket_id)
        call.target = f"{ticket.clinic} {ticket_label(ticket.station, ticket.number)}"
        visit = session.get(Visit, ticket.visit_id) if ticket.visit_id else None
        advances = visit is not None and visit.status == VisitStatus.ACTIVE and visit.current_clinic == ticket.clinic
        following = clinic_after(visit, ticket.clinic) if visit is not None and advances else None
        next_ticket = take_number(call, following, ticket.day) if following else None
        call.emit(
            "ticket.completed",
            TicketCompleted(
                ticket_id=ticket_id, at=to_iso(call.now), room=room, advances=advances, next_ticket=next_ticket
            ),
        )
        issued = session.get(Ticket, next_ticket.ticket_id) if next_ticket else None
        return Completion(
            ticket=_view(ticket),
            next_place=place_of(session, issued) if issued else None,
            route_complete=advances and next_ticket is None,
        )


def transfer(
    db: Database, actor: Actor, *, ticket_id: str, to_clinic: str, now: dt.datetime | None = None
) -> QueuePlace:
    """Move a patient to the end of another clinic's queue; the old ticket is cancelled."""
    with service_call(db, actor, "transfer", "queue_action", target=ticket_id, now=now) as call:
        session = call.session
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise UnknownTicket(ticket=ticket_id)
        patient = session.get(Patient, ticket.patient_id)
        assert patient is not None
        open_clinic(session, to_clinic, patient.gender)
        new = take_number(call, to_clinic, ticket.day)
        call.target = f"{ticket.clinic} {ticket_label(ticket.station, ticket.number)} -> {to_clinic}"
        call.emit("ticket.transferred", TicketTransferred(ticket_id=ticket_id, at=to_iso(call.now), new_ticket=new))
        moved = session.get(Ticket, new.ticket_id)
        assert moved is not None
        return place_of(session, moved)


def ticket_of_op(db: Database, op_id: str) -> TicketView | None:
    """The ticket an op acted on as it stands now (to explain an op the server refused)."""
    with db.read() as session:
        record = session.get(OpRecord, op_id)
        if record is None or not record.kind.startswith("ticket."):
            return None
        ticket_id = json.loads(record.payload).get("ticket_id")
        ticket = session.get(Ticket, ticket_id) if isinstance(ticket_id, str) else None
        return _view(ticket) if ticket is not None else None


def clinic_queue(db: Database, *, clinic: str, now: dt.datetime | None = None) -> list[TicketView]:
    """Today's active tickets of a clinic: those in service first, then those set aside,
    then the waiting in the order they will be called."""
    with db.read() as session:
        if session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        day = current_day(session, now or utc_now())
        rows = session.execute(
            select(Ticket, Patient.gender, Visit)
            .join(Patient, Patient.id_number == Ticket.patient_id)
            .outerjoin(Visit, Visit.id == Ticket.visit_id)
            .where(Ticket.clinic == clinic, Ticket.day == day, Ticket.status.in_(ACTIVE_STATUSES))
            .order_by(Ticket.order_key)
        )
        views = [_view(t, gender, visit) for t, gender, visit in rows]
        every = int(setting(session, "priority_every"))
        waiting = [v for v in views if v.status == TicketStatus.WAITING]
        ordered = in_call_order(waiting, every, _recent_calls(session, clinic, day, every))
        served = [v for status in SHOWN_FIRST for v in views if v.status == status]
        return served + ordered


SHOWN_FIRST = (TicketStatus.IN_PROGRESS, TicketStatus.CALLED, TicketStatus.PARKED)
