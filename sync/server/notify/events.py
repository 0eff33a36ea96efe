"""What the accepted ops mean for the patients who gave a mobile number.

Read on the server from its own op log and state, never from a device's word: a
check-in with a number makes a contact; then, for that visit, each new ticket (the first,
the next clinic's, a transfer's, a re-entry) is a `ticket_issued` with its place, a call
or recall a `called`, the end of the route a `route_complete`; and a call moves the
queue, so a patient who is now `few_ahead` (or fewer) from their turn hears it once,
unless their ticket already said so. Event ids come from what they are about, so reading
the same ops again makes the same events (the queue keeps each once).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import HlcStamp, from_iso, to_iso
from core.ops.envelope import Op
from core.phones import phone_format, phone_of
from core.schema import Clinic, NotifyContact, NotifyEvent, Ticket, Visit
from core.services.places import place_of, ticket_label
from core.settings import setting
from core.statuses import TicketStatus, VisitStatus
from sync.server.notify.plugin import EventKind

log = logging.getLogger(__name__)

NAMESPACE = uuid.UUID("6f1c7a52-3c1e-4f0b-9a57-0d7e4b8f2a11")


def event_id(*about: str) -> str:
    """The id of the event about `about` (the same every time it is derived)."""
    return str(uuid.uuid5(NAMESPACE, ":".join(about)))


@dataclass(frozen=True)
class NewContact:
    visit_id: str
    op_id: str
    day: str
    phone: str
    language: str
    created_at: str


@dataclass(frozen=True)
class Derived:
    event_id: str
    kind: EventKind
    visit_id: str
    occurred_at: str
    body: dict[str, Any]
    """What the message says, in both languages where it names something; no number."""


def _occurred_at(op: Op) -> str:
    at = op.payload.get("at")
    if isinstance(at, str):
        return at
    return to_iso(HlcStamp.decode(op.hlc).wall_time)


class EventReader:
    """Reads accepted ops in order, collecting new contacts and events (in `contacts`
    and `events`) and the service days closed (`closed_days`). The session reads the
    server's current state: what a ticket's place is now, a moment after the op."""

    def __init__(self, session: Session, *, few_ahead: int, not_before: dt.datetime | None = None) -> None:
        self.session = session
        self.few_ahead = few_ahead
        self.not_before = not_before
        """Ops from before this time make contacts but no events (too late to tell)."""
        self.contacts: list[NewContact] = []
        self.events: list[Derived] = []
        self.closed_days: set[str] = set()
        self._contact: dict[str, bool] = {}
        self._issued_ahead: dict[str, int | None] = {}
        self._seen: set[str] = set()
        self._site: dict[str, str] | None = None
        self._format: str | None = None
        self._anyone = session.scalar(select(NotifyContact.visit_id).where(NotifyContact.phone.is_not(None)).limit(1))
        """Whether any patient's number is known (most ops of most sites concern nobody who gave one)."""

    def read(self, op: Op) -> None:
        handler = {
            "visit.checked_in": self._checked_in,
            "ticket.issued": self._ticket_issued,
            "ticket.transferred": self._transferred,
            "visit.clinic_confirmed": self._confirmed,
            "ticket.completed": self._completed,
            "ticket.called": self._called,
            "ticket.recalled": self._called,
            "day.closed": self._day_closed,
        }.get(op.kind)
        if handler is not None:
            handler(op)

    def _of_the_format(self, phone: str) -> bool:
        if self._format is None:
            self._format = phone_format(self.session)
        return not self._format or re.fullmatch(self._format, phone) is not None

    # the ops
    def _checked_in(self, op: Op) -> None:
        p = op.payload
        visit_id = str(p["visit_id"])
        phone = phone_of(p)
        if phone and not self._of_the_format(phone):
            log.info("visit %s: a mobile number not of the site's format; no messages for it", visit_id)
            phone = ""
        if phone and not self.has_contact(visit_id):
            language = str(p["notify"].get("language") or "ar")
            self.contacts.append(NewContact(visit_id, op.op_id, str(p["day"]), phone, language, _occurred_at(op)))
            self._contact[visit_id] = True
            self._anyone = visit_id
        self._issued(op, visit_id, str(p["ticket"]["ticket_id"]))

    def _ticket_issued(self, op: Op) -> None:
        visit_id = op.payload.get("visit_id")
        if visit_id:
            self._issued(op, str(visit_id), str(op.payload["ticket"]["ticket_id"]))

    def _transferred(self, op: Op) -> None:
        ticket = self.session.get(Ticket, str(op.payload["ticket_id"]))
        if ticket is not None and ticket.visit_id:
            self._issued(op, ticket.visit_id, str(op.payload["new_ticket"]["ticket_id"]))

    def _confirmed(self, op: Op) -> None:
        self._moved_on(op, str(op.payload["visit_id"]), op.payload.get("next_ticket"))

    def _completed(self, op: Op) -> None:
        if not op.payload.get("advances"):
            return
        ticket = self.session.get(Ticket, str(op.payload["ticket_id"]))
        if ticket is not None and ticket.visit_id:
            self._moved_on(op, ticket.visit_id, op.payload.get("next_ticket"))

    def _moved_on(self, op: Op, visit_id: str, next_ticket: Any) -> None:
        if isinstance(next_ticket, dict):
            self._issued(op, visit_id, str(next_ticket["ticket_id"]))
            return
        visit = self.session.get(Visit, visit_id)
        if visit is not None and visit.status == VisitStatus.COMPLETED and self.has_contact(visit_id):
            self._add(event_id("complete", visit_id), "route_complete", visit_id, op, {**self.site()})

    def _called(self, op: Op) -> None:
        ticket = self.session.get(Ticket, str(op.payload["ticket_id"]))
        if ticket is None:
            return
        if ticket.visit_id and self.has_contact(ticket.visit_id):
            body = {
                **self.site(),
                **self._ticket_facts(ticket),
                "room": str(op.payload.get("room") or ticket.room or ""),
            }
            body["room"] = body["room"] or self._clinic_room(ticket.clinic)
            self._add(event_id("called", op.op_id), "called", ticket.visit_id, op, body)
        self._few_ahead(op, ticket.clinic, ticket.day)

    def _day_closed(self, op: Op) -> None:
        self.closed_days.add(str(op.payload["day"]))

    # what the events say
    def has_contact(self, visit_id: str) -> bool:
        """Whether the visit's patient gave a number that is not forgotten yet."""
        if visit_id not in self._contact:
            if self._anyone is None:
                return False
            phone = self.session.scalar(select(NotifyContact.phone).where(NotifyContact.visit_id == visit_id))
            self._contact[visit_id] = bool(phone)
        return self._contact[visit_id]

    def site(self) -> dict[str, str]:
        if self._site is None:
            self._site = {
                "site_name_ar": str(setting(self.session, "site_name_ar")),
                "site_name_en": str(setting(self.session, "site_name")),
            }
        return self._site

    def _clinic_room(self, code: str) -> str:
        return str(self.session.scalar(select(Clinic.room).where(Clinic.code == code)) or "")

    def _ticket_facts(self, ticket: Ticket) -> dict[str, Any]:
        clinic = self.session.get(Clinic, ticket.clinic)
        return {
            "ticket": ticket_label(ticket.station, ticket.number),
            "clinic": ticket.clinic,
            "clinic_name_ar": clinic.name_ar if clinic else ticket.clinic,
            "clinic_name_en": clinic.name_en if clinic else ticket.clinic,
            "room": (ticket.room or (clinic.room if clinic else "")) or "",
        }

    def _issued(self, op: Op, visit_id: str, ticket_id: str) -> None:
        if not self.has_contact(visit_id):
            return
        ticket = self.session.get(Ticket, ticket_id)
        if ticket is None:
            return
        place = place_of(self.session, ticket)
        waiting = ticket.status == TicketStatus.WAITING
        body = {
            **self.site(),
            **self._ticket_facts(ticket),
            "ahead": place.ahead if waiting else 0,
            "wait_minutes": (place.estimated_wait_s + 59) // 60 if waiting else 0,
        }
        self._issued_ahead[ticket_id] = body["ahead"]
        self._add(event_id("issued", ticket_id), "ticket_issued", visit_id, op, body)

    def _few_ahead(self, op: Op, clinic: str, day: str) -> None:
        """After a call: each patient with a number among the first `few_ahead` + 1
        waiting, whose ticket said more were ahead, hears once how few are left."""
        if self.few_ahead <= 0:
            return
        first = self.session.execute(
            select(Ticket.id, Ticket.visit_id)
            .where(Ticket.clinic == clinic, Ticket.day == day, Ticket.status == TicketStatus.WAITING)
            .order_by(Ticket.order_key)
            .limit(self.few_ahead + 1)
        ).all()
        for ahead, (ticket_id, visit_id) in enumerate(first):
            if not visit_id or not self.has_contact(visit_id):
                continue
            said = self._ahead_at_issue(ticket_id)
            if said is None or said <= self.few_ahead:
                continue
            ticket = self.session.get(Ticket, ticket_id)
            assert ticket is not None
            body = {**self.site(), **self._ticket_facts(ticket), "ahead": ahead}
            self._add(event_id("ahead", ticket_id), "few_ahead", visit_id, op, body)

    def _ahead_at_issue(self, ticket_id: str) -> int | None:
        """How many were ahead when the ticket was issued, as its event said (None: no
        event, the patient gave no number then)."""
        if ticket_id not in self._issued_ahead:
            stored = self.session.scalar(
                select(NotifyEvent.body).where(NotifyEvent.event_id == event_id("issued", ticket_id))
            )
            ahead = orjson.loads(stored).get("ahead") if stored else None
            self._issued_ahead[ticket_id] = ahead if isinstance(ahead, int) else None
        return self._issued_ahead[ticket_id]

    def _add(self, eid: str, kind: EventKind, visit_id: str, op: Op, body: dict[str, Any]) -> None:
        at = _occurred_at(op)
        if eid in self._seen or (self.not_before is not None and from_iso(at) < self.not_before):
            return
        self._seen.add(eid)
        self.events.append(Derived(eid, kind, visit_id, at, body))
