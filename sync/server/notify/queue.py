"""The durable notification queue in the server's database, and forgetting numbers.

Each event is kept once (by its id) and delivered to each notifier once it is a
patient's oldest undelivered event there: a patient's messages arrive in order, and one
receiver that is down holds back only its own deliveries. A delivery is claimed before
it is tried (`claim`: another server process on the same database leaves it alone until
the claim runs out) and settled after: delivered, retried later, or given up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from core.clock import to_iso
from core.phones import CHECK_IN, HOLDS_PHONE, scrub_op
from core.schema import ClosedDay, NotifyContact, NotifyDelivery, NotifyEvent, NotifyFollower, OpRecord, table_of
from sync.server.notify.events import Derived, NewContact

PENDING, DELIVERED, FAILED, EXPIRED = "pending", "delivered", "failed", "expired"


def follower(session: Session) -> NotifyFollower | None:
    return session.get(NotifyFollower, 1)


def begin_following(session: Session, after_seq: int) -> None:
    """Start reading the op log after `after_seq` (notifications just turned on: the
    ops before are not news any more, and hold no number the kiosks were asked for)."""
    if follower(session) is None:
        session.add(NotifyFollower(id=1, read_through=after_seq, forgotten_for="", scrub_from=log_end(session)))
        session.flush()


def advance(session: Session, expected: int, through: int) -> bool:
    """Move the read position from `expected` to `through`; False when another server
    process moved it first (its events are queued, these are not needed)."""
    moved = session.execute(
        update(NotifyFollower)
        .where(NotifyFollower.id == 1, NotifyFollower.read_through == expected)
        .values(read_through=through)
    )
    return bool(moved.rowcount)  # type: ignore[attr-defined]


def enqueue(
    session: Session, contacts: Sequence[NewContact], events: Sequence[Derived], notifiers: Sequence[str], due_ms: int
) -> int:
    """Keep the new contacts and events (each once) and a delivery of each event to each
    notifier, in the events' order; how many deliveries are new."""
    for contact in contacts:
        if session.get(NotifyContact, contact.visit_id) is None:
            session.add(
                NotifyContact(
                    visit_id=contact.visit_id,
                    op_id=contact.op_id,
                    day=contact.day,
                    phone=contact.phone,
                    language=contact.language,
                    created_at=contact.created_at,
                )
            )
    session.flush()
    if not events:
        return 0
    ids = [event.event_id for event in events]
    known = set(session.scalars(select(NotifyEvent.event_id).where(NotifyEvent.event_id.in_(ids))))
    fresh = [event for event in events if event.event_id not in known]
    if fresh:
        session.execute(
            insert(table_of(NotifyEvent)),
            [
                {
                    "event_id": e.event_id,
                    "visit_id": e.visit_id,
                    "kind": e.kind,
                    "body": orjson.dumps(e.body).decode(),
                    "created_at": e.occurred_at,
                }
                for e in fresh
            ],
        )
    sent = {
        (event, name)
        for event, name in session.execute(
            select(NotifyDelivery.event_id, NotifyDelivery.notifier).where(NotifyDelivery.event_id.in_(ids))
        )
    }
    rows = [
        {
            "event_id": e.event_id,
            "notifier": name,
            "visit_id": e.visit_id,
            "status": PENDING,
            "attempts": 0,
            "due_ms": due_ms,
            "last_error": "",
        }
        for e in events
        for name in notifiers
        if (e.event_id, name) not in sent
    ]
    for row in rows:  # one by one: the ids follow the events' order on every database
        session.execute(insert(table_of(NotifyDelivery)), row)
    return len(rows)


@dataclass(frozen=True)
class Due:
    """A delivery to try now, with what it says and to whom."""

    id: int
    attempts: int
    event_id: str
    kind: str
    visit_id: str
    occurred_at: str
    body: dict[str, Any]
    phone: str | None
    language: str


def due(session: Session, notifier: str, now_ms: int, limit: int = 20) -> list[Due]:
    """The deliveries to `notifier` that may be tried at `now_ms`: for each patient only
    the oldest one not settled yet."""
    earlier = aliased(NotifyDelivery)
    rows = session.execute(
        select(
            NotifyDelivery.id,
            NotifyDelivery.attempts,
            NotifyEvent.event_id,
            NotifyEvent.kind,
            NotifyEvent.visit_id,
            NotifyEvent.created_at,
            NotifyEvent.body,
            NotifyContact.phone,
            NotifyContact.language,
        )
        .join(NotifyEvent, NotifyEvent.event_id == NotifyDelivery.event_id)
        .outerjoin(NotifyContact, NotifyContact.visit_id == NotifyDelivery.visit_id)
        .where(
            NotifyDelivery.notifier == notifier,
            NotifyDelivery.status == PENDING,
            NotifyDelivery.due_ms <= now_ms,
            ~exists().where(
                earlier.notifier == NotifyDelivery.notifier,
                earlier.visit_id == NotifyDelivery.visit_id,
                earlier.status == PENDING,
                earlier.id < NotifyDelivery.id,
            ),
        )
        .order_by(NotifyDelivery.id)
        .limit(limit)
    ).all()
    return [
        Due(row[0], row[1], row[2], row[3], row[4], row[5], orjson.loads(row[6]), row[7], row[8] or "ar")
        for row in rows
    ]


def claim(session: Session, delivery: Due, until_ms: int) -> bool:
    """Take `delivery` for one attempt, until `until_ms` at most; False when another
    process took it since it was read."""
    taken = session.execute(
        update(NotifyDelivery)
        .where(
            NotifyDelivery.id == delivery.id,
            NotifyDelivery.status == PENDING,
            NotifyDelivery.attempts == delivery.attempts,
        )
        .values(attempts=delivery.attempts + 1, due_ms=until_ms)
    )
    return bool(taken.rowcount)  # type: ignore[attr-defined]


def settle(
    session: Session, delivery_id: int, status: str, *, error: str = "", due_ms: int | None = None, at: str = ""
) -> None:
    """Record an attempt's outcome: DELIVERED, FAILED, EXPIRED, or PENDING again at `due_ms`."""
    values: dict[str, Any] = {"status": status, "last_error": error[:500]}
    if due_ms is not None:
        values["due_ms"] = due_ms
    if status == DELIVERED:
        values["delivered_at"] = at
    session.execute(update(NotifyDelivery).where(NotifyDelivery.id == delivery_id).values(**values))


def expire_older_than(session: Session, before: dt.datetime) -> int:
    """Give up the deliveries of events from before `before` (stale news); how many."""
    stale = select(NotifyEvent.event_id).where(NotifyEvent.created_at < to_iso(before))
    result = session.execute(
        update(NotifyDelivery)
        .where(NotifyDelivery.status == PENDING, NotifyDelivery.event_id.in_(stale))
        .values(status=EXPIRED, last_error="too old to be news")
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def forget_numbers(session: Session, today: str, at: dt.datetime) -> int:
    """Blank the numbers of every service day before `today` or closed, in the contacts
    and in the check-in ops that carried them, and give up what was still to be sent to
    them; how many numbers were forgotten."""
    closed = select(ClosedDay.day)
    contacts = session.scalars(
        select(NotifyContact).where(
            NotifyContact.phone.is_not(None), or_(NotifyContact.day < today, NotifyContact.day.in_(closed))
        )
    ).all()
    for contact in contacts:
        contact.phone = None
        contact.forgotten_at = to_iso(at)
        scrub_op(session, contact.op_id)
    if contacts:
        session.execute(
            update(NotifyDelivery)
            .where(NotifyDelivery.status == PENDING, NotifyDelivery.visit_id.in_([c.visit_id for c in contacts]))
            .values(status=EXPIRED, last_error="the number was forgotten at the end of its day")
        )
    return len(contacts)


_ops = table_of(OpRecord).c


def numbers_to_sweep(session: Session, today: str, scrub_from: int) -> tuple[list[str], int]:
    """The logged check-ins of a day before `today` or closed that still hold a number,
    from `scrub_from` in the log's order (refused check-ins too, which made no contact),
    and where the next sweep starts: at the first check-in still holding one."""
    closed = set(session.scalars(select(ClosedDay.day)))
    end = session.scalar(select(func.max(_ops.local_order))) or 0
    keep_from: int | None = None
    found = []
    rows = session.execute(
        select(_ops.op_id, _ops.local_order, _ops.payload)
        .where(_ops.local_order >= scrub_from, _ops.kind == CHECK_IN, HOLDS_PHONE)
        .order_by(_ops.local_order)
    ).all()
    for op_id, order, payload in rows:
        day = str(orjson.loads(payload).get("day", ""))
        if day < today or day in closed:
            found.append(op_id)
        elif keep_from is None:
            keep_from = order
    return found, keep_from if keep_from is not None else end + 1


def log_end(session: Session) -> int:
    """Where the op log's order continues (a sweep starting there finds nothing yet)."""
    return int(session.scalar(select(func.max(_ops.local_order))) or 0) + 1


def purge(session: Session, before: dt.datetime) -> None:
    """Delete what was settled before `before`: events and their deliveries, and the
    contacts (already without a number) of days before it."""
    settled_events = select(NotifyEvent.event_id).where(NotifyEvent.created_at < to_iso(before))
    open_events = select(NotifyDelivery.event_id).where(NotifyDelivery.status == PENDING)
    session.execute(
        delete(NotifyDelivery).where(
            NotifyDelivery.event_id.in_(settled_events), NotifyDelivery.event_id.not_in(open_events)
        )
    )
    session.execute(
        delete(NotifyEvent).where(
            NotifyEvent.created_at < to_iso(before),
            NotifyEvent.event_id.not_in(select(NotifyDelivery.event_id)),
        )
    )
    session.execute(
        delete(NotifyContact).where(NotifyContact.phone.is_(None), NotifyContact.day < before.date().isoformat())
    )
