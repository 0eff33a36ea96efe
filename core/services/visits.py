"""Confirming a finished clinic with its PIN, and the clinics' daily PINs."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from core.clock import to_iso, utc_now
from core.database import Database
from core.digits import western_digits
from core.errors import InvalidInput, MalformedPin, PinLocked, RouteComplete, UnknownClinic, UnknownVisit, WrongPin
from core.ops.envelope import PinRotated, VisitCancelled, VisitClinicConfirmed, VisitPinFailed, VisitPinUnlocked
from core.ops.tickets import clinic_after, pin_refusal
from core.permissions import Actor, require
from core.pins import clinic_pin, next_generation
from core.schema import Clinic, Ticket, Visit
from core.services.call import service_call
from core.services.checkin import active_visit, validate_id_number
from core.services.days import current_day
from core.services.numbers import take_number
from core.services.places import QueuePlace, place_of, ticket_label
from core.settings import setting
from core.statuses import VisitStatus


@dataclass(frozen=True)
class Confirmation:
    confirmed_clinic: str
    next_place: QueuePlace | None
    visit_id: str = ""
    route: tuple[str, ...] = ()
    completed: tuple[str, ...] = ()

    @property
    def route_complete(self) -> bool:
        return self.next_place is None


def _parse_pin(pin: str | int) -> int:
    text = western_digits(str(pin).strip())
    if not (text.isdigit() and len(text) == 2 and 10 <= int(text) <= 99):
        raise MalformedPin()
    return int(text)


def confirm_clinic(
    db: Database,
    actor: Actor,
    *,
    id_number: str | None = None,
    visit_id: str | None = None,
    pin: str | int,
    now: dt.datetime | None = None,
) -> Confirmation:
    """The patient proves with the clinic's PIN that it is done; they get the next clinic.
    Only a called patient (core.ops.tickets.pin_refusal), and nothing is counted against
    one who was not called yet.

    A wrong PIN is counted (the count is an op, so it holds on every device); after the
    site's `pin_max_failures` the visit is locked for `pin_lockout_s` seconds.
    """
    with service_call(db, actor, "confirm_pin", "confirm_pin", now=now) as call:
        session = call.session
        given = _parse_pin(pin)
        day = current_day(session, call.now)
        if visit_id is not None:
            visit = session.get(Visit, visit_id)
        elif id_number is not None:
            visit = active_visit(session, validate_id_number(session, id_number), day)
        else:
            visit = None
        if visit is None:
            raise UnknownVisit()
        if visit.status != VisitStatus.ACTIVE or visit.current_clinic is None:
            raise RouteComplete()
        call.target = f"visit {visit.id}"
        if visit.pin_locked_until and dt.datetime.fromisoformat(visit.pin_locked_until) > call.now:
            raise PinLocked(until=visit.pin_locked_until)
        clinic = visit.current_clinic
        not_called = pin_refusal(session, visit, clinic)
        if not_called is not None:
            raise not_called
        if given != clinic_pin(session, clinic, visit.day):
            max_failures = int(setting(session, "pin_max_failures"))
            call.emit(
                "visit.pin_failed",
                VisitPinFailed(visit_id=visit.id, clinic=clinic, at=to_iso(call.now)),
            )
            if visit.pin_locked_until:
                call.refuse_after_commit(PinLocked(until=visit.pin_locked_until))
            else:
                call.refuse_after_commit(WrongPin(clinic=clinic, attempts_left=max_failures - visit.pin_failures))
            return Confirmation(confirmed_clinic=clinic, next_place=None, visit_id=visit.id)
        following = clinic_after(visit, clinic)
        ticket = take_number(call, following, visit.day) if following else None
        call.emit(
            "visit.clinic_confirmed",
            VisitClinicConfirmed(visit_id=visit.id, clinic=clinic, at=to_iso(call.now), next_ticket=ticket, pin=given),
        )
        session.refresh(visit)
        issued = session.get(Ticket, ticket.ticket_id) if ticket else None
        return Confirmation(
            confirmed_clinic=clinic,
            next_place=place_of(session, issued) if issued else None,
            visit_id=visit.id,
            route=tuple(json.loads(visit.route)),
            completed=tuple(json.loads(visit.completed)),
        )


def cancel_visit(db: Database, actor: Actor, *, visit_id: str, now: dt.datetime | None = None) -> None:
    with service_call(db, actor, "cancel_visit", "cancel_visit", target=f"visit {visit_id}", now=now) as call:
        if call.session.get(Visit, visit_id) is None:
            raise UnknownVisit()
        call.emit("visit.cancelled", VisitCancelled(visit_id=visit_id, at=to_iso(call.now)))


def todays_pin(db: Database, actor: Actor, *, clinic: str, now: dt.datetime | None = None) -> int:
    require(actor, "view_pin")
    with db.read() as session:
        if session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        return clinic_pin(session, clinic, current_day(session, now or utc_now()))


def rotate_pin(db: Database, actor: Actor, *, clinic: str, now: dt.datetime | None = None) -> int:
    """Give the clinic a new PIN for the rest of today, on every device that syncs."""
    with service_call(db, actor, "rotate_pin", "rotate_pin", target=clinic, now=now) as call:
        session = call.session
        if session.get(Clinic, clinic) is None:
            raise UnknownClinic(clinic=clinic)
        day = current_day(session, call.now)
        call.emit(
            "pin.rotated",
            PinRotated(clinic=clinic, day=day, generation=next_generation(session, clinic, day)),
        )
        return clinic_pin(session, clinic, day)


@dataclass(frozen=True)
class FoundVisit:
    """A patient's visit today as staff look it up: where they are, and whether wrong
    PINs have locked them out of the kiosks."""

    visit_id: str
    id_number: str
    status: str
    clinic: str | None
    label: str
    ticket_status: str
    locked_until: str | None


def find_visits(db: Database, actor: Actor, *, text: str, now: dt.datetime | None = None) -> list[FoundVisit]:
    """Today's visits of an ID number, or of a ticket number ("12", "K1A2-7")."""
    with service_call(db, actor, "find_visit", "queue_action", target=text[:40], now=now) as call:
        session = call.session
        day = current_day(session, call.now)
        wanted = western_digits(text.strip()).upper()
        station, _, number = wanted.rpartition("-")
        if not number.isdigit() or len(wanted) > 40 or not (station.isalnum() or not station):
            raise InvalidInput(detail="type an ID number or a ticket number")
        matches = Visit.patient_id == wanted
        if len(number) <= 6:
            by_ticket = select(Ticket.visit_id).where(
                Ticket.day == day, Ticket.number == int(number), Ticket.station == station
            )
            matches = matches | Visit.id.in_(by_ticket)
        visits = session.scalars(
            select(Visit).where(Visit.day == day, matches).order_by(Visit.created_at).limit(20)
        ).all()
        found = []
        for visit in visits:
            ticket = session.scalar(
                select(Ticket)
                .where(Ticket.visit_id == visit.id, Ticket.clinic == visit.current_clinic)
                .order_by(Ticket.entered_at.desc())
                .limit(1)
            )
            locked = visit.pin_locked_until
            found.append(
                FoundVisit(
                    visit_id=visit.id,
                    id_number=visit.patient_id,
                    status=visit.status,
                    clinic=visit.current_clinic,
                    label=ticket_label(ticket.station, ticket.number) if ticket else "",
                    ticket_status=ticket.status if ticket else "",
                    locked_until=locked if locked and dt.datetime.fromisoformat(locked) > call.now else None,
                )
            )
        return found


def unlock_pin(db: Database, actor: Actor, *, visit_id: str, now: dt.datetime | None = None) -> None:
    """Let a patient locked out by wrong PINs try again at once."""
    with service_call(db, actor, "unlock_pin", "queue_action", target=f"visit {visit_id}", now=now) as call:
        visit = call.session.get(Visit, visit_id)
        if visit is None:
            raise UnknownVisit()
        call.emit("visit.pin_unlocked", VisitPinUnlocked(visit_id=visit_id, at=to_iso(call.now)))
