"""Queue numbers that stay unique per clinic and day across devices that cannot talk.

A device hands out numbers from blocks leased to it by the acceptance point. The
acceptance point itself (a standalone site, or the server) leases to itself on demand.
A device that has run out while offline falls back to numbers prefixed with its own
station code ("K1A2-7"), which no other device can produce. Sync only refills leases.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.ids import new_id
from core.ops.envelope import LeaseGranted, NewTicket
from core.ops.log import identity
from core.schema import LocalIdentity, NumberLease, Ticket, table_of
from core.services.call import ServiceCall
from core.settings import setting

_leases = table_of(NumberLease).c
_identity = table_of(LocalIdentity).c
FLOOR = select(_identity.floor_day, _identity.number_floor).where(_identity.id == 1)


def number_floor(session: Session, day: str) -> int:
    """The lowest number this device may hand out on `day`: above every number it may have
    handed out in ops a restore could not read back (core.recovery); 0 on other days."""
    row = session.execute(FLOOR).first()
    return int(row.number_floor) if row is not None and row.floor_day == day else 0


@dataclass(frozen=True)
class Block:
    first: int
    last: int


def next_free_block(session: Session, clinic: str, day: str, size: int) -> Block:
    top = session.scalar(select(func.max(NumberLease.last)).where(NumberLease.clinic == clinic, NumberLease.day == day))
    first = (top or 0) + 1
    return Block(first, first + size - 1)


def grant_lease(call: ServiceCall, device_id: str, clinic: str, day: str, size: int) -> LeaseGranted:
    block = next_free_block(call.session, clinic, day, size)
    lease = LeaseGranted(
        lease_id=new_id(),
        clinic=clinic,
        day=day,
        device_id=device_id,
        first=block.first,
        last=block.last,
    )
    call.emit("lease.granted", lease)
    return lease


def spare_numbers(session: Session, device_id: str, clinic: str, day: str) -> int:
    """How many leased numbers `device_id` still holds for the clinic's day."""
    left = session.scalar(
        select(func.sum(NumberLease.last - NumberLease.next + 1)).where(
            NumberLease.clinic == clinic,
            NumberLease.day == day,
            NumberLease.device_id == device_id,
            NumberLease.next <= NumberLease.last,
            NumberLease.first >= number_floor(session, day),
        )
    )
    return int(left or 0)


def take_number(call: ServiceCall, clinic: str, day: str) -> NewTicket:
    """A new ticket id with the next number this device may give for the clinic's day."""
    return take_numbers(call, clinic, day, 1)[0]


def take_numbers(call: ServiceCall, clinic: str, day: str, count: int) -> list[NewTicket]:
    """New tickets with the next `count` numbers this device may give for the clinic's
    day, in order: from its leased blocks, then (at an acceptance point) a new block, then
    its station's own numbers."""
    session = call.session
    ident = identity(session)
    floor = number_floor(session, day)
    numbers: list[int] = []
    blocks = session.execute(
        select(NumberLease.next, NumberLease.last)
        .where(
            NumberLease.clinic == clinic,
            NumberLease.day == day,
            NumberLease.device_id == ident.device_id,
            NumberLease.next <= NumberLease.last,
            NumberLease.first >= floor,
        )
        .order_by(NumberLease.first)
    )
    for first, last in blocks:
        numbers += range(first, min(last, first + count - len(numbers) - 1) + 1)
        if len(numbers) == count:
            break
    if len(numbers) < count and ident.authority:
        size = max(count - len(numbers), int(setting(session, "lease_block")))
        granted = grant_lease(call, ident.device_id, clinic, day, size)
        numbers += range(granted.first, granted.first + count - len(numbers))
    tickets = [NewTicket(ticket_id=new_id(), clinic=clinic, number=number) for number in numbers]
    if len(tickets) < count:
        top = session.scalar(
            select(func.max(Ticket.number)).where(
                Ticket.clinic == clinic, Ticket.day == day, Ticket.station == ident.station
            )
        )
        start = max(top or 0, floor - 1) + 1
        tickets += [
            NewTicket(ticket_id=new_id(), clinic=clinic, number=start + n, station=ident.station)
            for n in range(count - len(tickets))
        ]
    return tickets
