"""The service day: which one is going on, and closing it on purpose.

A day does not end at midnight: it goes on until the site's closing hour
(`day_closes_at`, local time), so patients still waiting or in service at midnight stay
in their queue. Staff may close it earlier; at the closing hour the acceptance point
closes it by itself. The tickets still open then are settled as the site chooses
(`open_tickets_at_close`): no-show, or carried over to the next day in their old order.
A visit keeps its day, and so the PIN of its day, until then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.clock import open_day, to_iso, utc_now
from core.database import Database
from core.ops.envelope import CarriedTicket, DayClosed
from core.ops.tickets import ACTIVE
from core.permissions import SYSTEM, Actor
from core.schema import ClosedDay, Ticket
from core.services.call import service_call
from core.services.numbers import take_numbers
from core.settings import setting


def current_day(session: Session, at: dt.datetime) -> str:
    """The service day going on at `at`, by the site's closing hour."""
    return open_day(at, str(setting(session, "day_closes_at")))


def day_now(db: Database, at: dt.datetime | None = None) -> str:
    with db.read() as session:
        return current_day(session, at or utc_now())


def is_closed(session: Session, day: str) -> bool:
    return session.get(ClosedDay, day) is not None


@dataclass(frozen=True)
class Closing:
    day: str
    outcome: str
    settled: int
    """How many open tickets were settled (made no-shows or carried over)."""


def close_day(db: Database, actor: Actor, *, day: str | None = None, now: dt.datetime | None = None) -> Closing:
    """Close `day` (default the one going on): its open tickets are settled as the site's
    setting says. Closing a closed day again settles what came in since (a kiosk that was
    offline at closing time)."""
    with service_call(db, actor, "close_day", "close_day", target=day or "", now=now) as call:
        session = call.session
        closing = day or current_day(session, call.now)
        call.target = closing
        next_day = (dt.date.fromisoformat(closing) + dt.timedelta(days=1)).isoformat()
        outcome = str(setting(session, "open_tickets_at_close"))
        open_tickets = session.execute(
            select(Ticket.id, Ticket.clinic)
            .where(Ticket.day == closing, Ticket.status.in_(ACTIVE))
            .order_by(Ticket.clinic, Ticket.order_key)
        ).all()
        carried: list[CarriedTicket] = []
        if outcome == "carry_over":
            by_clinic: dict[str, list[str]] = {}
            for ticket_id, clinic in open_tickets:
                by_clinic.setdefault(clinic, []).append(ticket_id)
            for clinic, ids in by_clinic.items():
                numbers = take_numbers(call, clinic, next_day, len(ids))
                carried += [CarriedTicket(ticket_id=t, new_ticket=n) for t, n in zip(ids, numbers, strict=True)]
        payload = DayClosed(
            day=closing,
            next_day=next_day,
            at=to_iso(call.now),
            outcome="carry_over" if carried else "no_show",
            carried=carried,
        )
        call.emit("day.closed", payload)
        return Closing(closing, outcome, len(open_tickets))


def days_left_open(session: Session, before: str) -> list[str]:
    """Days before `before` that still have open tickets, oldest first."""
    return list(
        session.scalars(
            select(Ticket.day)
            .where(Ticket.day < before, Ticket.status.in_(ACTIVE))
            .group_by(Ticket.day)
            .order_by(Ticket.day)
        )
    )


def close_past_days(db: Database, now: dt.datetime | None = None) -> list[Closing]:
    """At the acceptance point: close every past day that still has open tickets (at the
    closing hour, or when tickets of a closed day came in late)."""
    at = now or utc_now()
    with db.read() as session:
        past = days_left_open(session, current_day(session, at))
    return [close_day(db, SYSTEM, day=day, now=at) for day in past]


def open_count(session: Session, day: str) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Ticket).where(Ticket.day == day, Ticket.status.in_(ACTIVE)))
        or 0
    )
