"""Where a ticket stands in its queue, and how long it may wait: reads, no writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from core.schema import Clinic, QueueCounter, Ticket, table_of
from core.statuses import TicketStatus

MIN_SAMPLES = 3
_tickets, _counters, _clinics = (table_of(m).c for m in (Ticket, QueueCounter, Clinic))
_IN_QUEUE = (
    _tickets.clinic == bindparam("clinic"),
    _tickets.day == bindparam("day"),
    _tickets.status == TicketStatus.WAITING,
)
WAITING_AFTER = select(_tickets.id).where(*_IN_QUEUE, _tickets.order_key > bindparam("key")).limit(1)
WAITING_BEFORE = select(func.count()).where(*_IN_QUEUE, _tickets.order_key < bindparam("key"))
COUNTS = select(_counters.waiting, _counters.service_total_s, _counters.service_count).where(
    _counters.clinic == bindparam("clinic"), _counters.day == bindparam("day")
)
CALL_INTERVAL = select(_clinics.call_interval_s).where(_clinics.code == bindparam("clinic"))
TICKET_POSITION = select(
    _tickets.id,
    _tickets.clinic,
    _tickets.day,
    _tickets.number,
    _tickets.station,
    _tickets.status,
    _tickets.order_key,
).where(_tickets.id == bindparam("id"))


def ticket_label(station: str, number: int) -> str:
    """The number as printed and announced: "42", or "K1A2-7" for a station fallback."""
    return f"{station}-{number}" if station else str(number)


@dataclass(frozen=True)
class QueuePlace:
    ticket_id: str
    clinic: str
    number: int
    label: str
    status: str
    position: int
    ahead: int
    total_waiting: int
    estimated_wait_s: int
    already_in_queue: bool = False


def _counts(session: Session, clinic: str, day: str) -> tuple[int, int, int]:
    row = session.execute(COUNTS, {"clinic": clinic, "day": day}).first()
    return (row.waiting, row.service_total_s, row.service_count) if row else (0, 0, 0)


def _average(session: Session, clinic: str, total_s: int, count: int) -> int:
    if count >= MIN_SAMPLES:
        return total_s // count
    interval = session.scalar(CALL_INTERVAL, {"clinic": clinic})
    return int(interval or 300)


class TicketPosition(Protocol):
    """What `place_of` reads of a ticket: an ORM Ticket or a row of TICKET_POSITION."""

    id: str
    clinic: str
    day: str
    number: int
    station: str
    status: str
    order_key: str


def place_of_ticket(session: Session, ticket_id: str) -> QueuePlace:
    row = session.execute(TICKET_POSITION, {"id": ticket_id}).one()
    return place_of(session, row)


def place_of(session: Session, ticket: TicketPosition, *, already_in_queue: bool = False) -> QueuePlace:
    total, service_total_s, service_count = _counts(session, ticket.clinic, ticket.day)
    ahead = 0
    if ticket.status == TicketStatus.WAITING:
        where = {"clinic": ticket.clinic, "day": ticket.day, "key": ticket.order_key}
        if session.scalar(WAITING_AFTER, where) is None:
            ahead = total - 1
        else:
            ahead = session.scalar(WAITING_BEFORE, where) or 0
    return QueuePlace(
        ticket_id=ticket.id,
        clinic=ticket.clinic,
        number=ticket.number,
        label=ticket_label(ticket.station, ticket.number),
        status=ticket.status,
        position=ahead + 1 if ticket.status == TicketStatus.WAITING else 0,
        ahead=ahead,
        total_waiting=total,
        estimated_wait_s=ahead * _average(session, ticket.clinic, service_total_s, service_count),
        already_in_queue=already_in_queue,
    )
