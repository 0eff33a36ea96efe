"""What clinic staff do with a queue: call, recall, start, complete, no-show, transfer,
cancel; and the clinic's queue as they see it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select

from core.clock import to_iso, utc_now
from core.database import Database
from core.errors import InvalidInput, QueueEmpty, UnknownClinic, UnknownTicket
from core.ops.envelope import ClinicPaused, ClinicResumed, TicketAction, TicketCompleted, TicketTransferred
from core.ops.tickets import clinic_after
from core.permissions import Actor
from core.schema import Clinic, OpRecord, Patient, Ticket, Visit
from core.services.call import ServiceCall, service_call
from core.services.checkin import open_clinic
from core.services.days import current_day
from core.services.numbers import take_number
from core.services.places import QueuePlace, place_of, ticket_label
from core.settings import setting
from core.statuses import TicketStatus, VisitStatus


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


def _view(ticket: Ticket, gender: str = "") -> TicketView:
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
    )


def _act(call: ServiceCall, kind: str, ticket_id: str, room: str | None = None) -> TicketView:
    ticket = call.session.get(Ticket, ticket_id)
    if ticket is None:
        raise UnknownTicket(ticket=ticket_id)
    call.target = f"{ticket.clinic} {ticket_label(ticket.station, ticket.number)}"
    call.emit(kind, TicketAction(ticket_id=ticket_id, at=to_iso(call.now), room=room))
    return _view(ticket)


def call_next(
    db: Database, actor: Actor, *, clinic: str, room: str | None = None, now: dt.datetime | None = None
) -> TicketView:
    """Call the patient who has waited longest at the clinic (by arrival, not by number)."""
    with service_call(db, actor, "call_next", "queue_action", target=clinic, now=now) as call:
        if call.session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        first = call.session.scalar(
            select(Ticket.id)
            .where(
                Ticket.clinic == clinic,
                Ticket.day == current_day(call.session, call.now),
                Ticket.status == TicketStatus.WAITING,
            )
            .order_by(Ticket.order_key)
            .limit(1)
        )
        if first is None:
            raise QueueEmpty(clinic=clinic)
        return _act(call, "ticket.called", first, room)


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
    """Today's active tickets of a clinic: those called or in service first, then the waiting."""
    with db.read() as session:
        if session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        rows = session.execute(
            select(Ticket, Patient.gender)
            .join(Patient, Patient.id_number == Ticket.patient_id)
            .where(
                Ticket.clinic == clinic,
                Ticket.day == current_day(session, now or utc_now()),
                Ticket.status.in_((TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.IN_PROGRESS)),
            )
            .order_by(Ticket.status != TicketStatus.IN_PROGRESS, Ticket.status != TicketStatus.CALLED, Ticket.order_key)
        )
        return [_view(t, gender) for t, gender in rows]
