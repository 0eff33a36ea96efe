"""Apply function of closing a service day."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.ops.envelope import DayClosed, Op
from core.ops.tickets import ACTIVE, issue_ticket, move_ticket
from core.schema import ClosedDay, Patient, Ticket, Visit
from core.statuses import TicketStatus, VisitStatus


def apply_day_closed(session: Session, op: Op, p: DayClosed) -> None:
    """Close the day (again, if late tickets came in after it was closed): each ticket
    still open is carried over to the next day when the op carries it, in its old place
    (its order key), with its visit; any other is a no-show and its visit ends."""
    session.merge(ClosedDay(day=p.day, closed_at=p.at, closed_by=op.actor, outcome=p.outcome))
    carried = {c.ticket_id: c.new_ticket for c in p.carried}
    open_tickets = session.scalars(
        select(Ticket).where(Ticket.day == p.day, Ticket.status.in_(ACTIVE)).order_by(Ticket.order_key)
    ).all()
    for ticket in open_tickets:
        visit = session.get(Visit, ticket.visit_id) if ticket.visit_id else None
        new = carried.get(ticket.id)
        if new is None:
            move_ticket(session, ticket, TicketStatus.NO_SHOW, p.at)
            if visit is not None and visit.status == VisitStatus.ACTIVE:
                visit.status, visit.current_clinic, visit.updated_at = VisitStatus.CANCELLED, None, p.at
            continue
        move_ticket(session, ticket, TicketStatus.CARRIED_OVER, p.at)
        ticket.transferred_to = new.ticket_id
        if visit is not None:
            visit.day, visit.updated_at = p.next_day, p.at
        session.flush()
        patient = session.get(Patient, ticket.patient_id)
        assert patient is not None
        issue_ticket(
            session,
            new,
            patient_id=ticket.patient_id,
            gender=patient.gender,
            visit_id=ticket.visit_id,
            day=p.next_day,
            at=p.at,
            order_key=ticket.order_key,
            priority=ticket.priority,
        )
