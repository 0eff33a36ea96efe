"""Check-in at a kiosk, entering a clinic's queue, and "where am I"."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from core.clock import to_iso
from core.database import Database
from core.digits import western_digits
from core.errors import (
    ClinicInactive,
    DayIsClosed,
    GenderNotAllowed,
    InvalidGender,
    InvalidIdNumber,
    NoRouteForGender,
    UnknownClinic,
    UnknownExamType,
    UnknownPatient,
    UnknownVisit,
)
from core.ids import new_id
from core.ops.envelope import NotifyConsent, TicketIssued, VisitCheckedIn
from core.permissions import Actor
from core.phones import check_phone, phone_format
from core.schema import Clinic, ExamRouteStep, ExamType, Patient, Ticket, Visit, table_of
from core.services.call import service_call
from core.services.days import current_day, is_closed
from core.services.numbers import take_number
from core.services.places import QueuePlace, place_of, place_of_ticket
from core.settings import setting
from core.statuses import ACTIVE_STATUSES, VisitStatus

GENDERS = ("male", "female")
_exam_types, _steps, _clinics = (table_of(m).c for m in (ExamType, ExamRouteStep, Clinic))
EXAM_TYPE_ACTIVE = select(_exam_types.active).where(_exam_types.code == bindparam("code"))
ROUTE_STEPS = (
    select(_steps.clinic, _clinics.active)
    .join_from(table_of(ExamRouteStep), table_of(Clinic), _clinics.code == _steps.clinic)
    .where(_steps.exam_type == bindparam("exam_type"), _steps.gender == bindparam("gender"))
    .order_by(_steps.position)
)


@dataclass(frozen=True)
class CheckIn:
    visit_id: str
    route: list[str]
    place: QueuePlace


def validate_id_number(session: Session, id_number: str) -> str:
    cleaned = western_digits(id_number.strip())
    if not re.fullmatch(setting(session, "id_format"), cleaned):
        raise InvalidIdNumber()
    return cleaned


def validate_gender(gender: str) -> str:
    if gender not in GENDERS:
        raise InvalidGender(gender=gender)
    return gender


def open_clinic(session: Session, code: str, gender: str) -> Clinic:
    clinic = session.get(Clinic, code)
    if clinic is None:
        raise UnknownClinic(clinic=code)
    if not clinic.active:
        raise ClinicInactive(clinic=code)
    if clinic.gender not in ("any", gender):
        raise GenderNotAllowed(clinic=code, gender=gender)
    return clinic


def route_for(session: Session, exam_type: str, gender: str) -> list[str]:
    """The exam type's clinics for `gender` in order, leaving out clinics closed today."""
    if not session.scalar(EXAM_TYPE_ACTIVE, {"code": exam_type}):
        raise UnknownExamType(exam_type=exam_type)
    steps = session.execute(ROUTE_STEPS, {"exam_type": exam_type, "gender": gender}).all()
    route = [code for code, active in steps if active]
    if not route:
        raise NoRouteForGender(exam_type=exam_type, gender=gender)
    return route


def active_visit(session: Session, id_number: str, day: str) -> Visit | None:
    return session.scalar(
        select(Visit).where(Visit.patient_id == id_number, Visit.day == day, Visit.status == VisitStatus.ACTIVE)
    )


def check_in(
    db: Database,
    actor: Actor,
    *,
    id_number: str,
    gender: str,
    exam_type: str,
    phone: str | None = None,
    language: str = "ar",
    now: dt.datetime | None = None,
) -> CheckIn:
    """Start a patient's visit: their route for the exam type and a ticket at its first clinic.

    `phone`: the mobile number the patient gave for messages about their place, in
    `language` (InvalidPhone if it is not of the site's format); a number given while the
    site asks for none is not kept."""
    with service_call(db, actor, "check_in", "check_in", now=now) as call:
        session = call.session
        id_number = validate_id_number(session, id_number)
        gender = validate_gender(gender)
        notify = _notify_consent(session, phone, language)
        route = route_for(session, exam_type, gender)
        day = current_day(session, call.now)
        if is_closed(session, day):
            raise DayIsClosed(day=day)
        ticket = take_number(call, route[0], day)
        visit_id = new_id()
        call.emit(
            "visit.checked_in",
            VisitCheckedIn(
                visit_id=visit_id,
                id_number=id_number,
                gender=gender,
                exam_type=exam_type,
                route=route,
                day=day,
                at=to_iso(call.now),
                ticket=ticket,
                notify=notify,
            ),
        )
        call.target = f"visit {visit_id}"
        return CheckIn(visit_id=visit_id, route=route, place=place_of_ticket(session, ticket.ticket_id))


def _notify_consent(session: Session, phone: str | None, language: str) -> NotifyConsent | None:
    pattern = phone_format(session)
    if phone is None or not pattern:
        return None
    return NotifyConsent(phone=check_phone(phone, pattern), language="en" if language == "en" else "ar")


def enter_queue(
    db: Database, actor: Actor, *, id_number: str, clinic: str, now: dt.datetime | None = None
) -> QueuePlace:
    """Put a checked-in patient in a clinic's queue; a second entry returns the first ticket."""
    with service_call(db, actor, "enter_queue", "enter_queue", target=f"clinic {clinic}", now=now) as call:
        session = call.session
        id_number = validate_id_number(session, id_number)
        patient = session.get(Patient, id_number)
        if patient is None:
            raise UnknownPatient()
        open_clinic(session, clinic, patient.gender)
        day = current_day(session, call.now)
        waiting = session.scalar(
            select(Ticket).where(
                Ticket.clinic == clinic,
                Ticket.day == day,
                Ticket.patient_id == id_number,
                Ticket.status.in_(ACTIVE_STATUSES),
            )
        )
        if waiting is not None:
            return place_of(session, waiting, already_in_queue=True)
        visit = active_visit(session, id_number, day)
        ticket = take_number(call, clinic, day)
        call.emit(
            "ticket.issued",
            TicketIssued(
                id_number=id_number,
                visit_id=visit.id if visit else None,
                day=day,
                at=to_iso(call.now),
                ticket=ticket,
            ),
        )
        return place_of_ticket(session, ticket.ticket_id)


@dataclass(frozen=True)
class Whereabouts:
    visit_id: str
    status: str
    route: list[str]
    completed: list[str]
    current_clinic: str | None
    place: QueuePlace | None


def where_am_i(
    db: Database,
    actor: Actor,
    *,
    id_number: str | None = None,
    visit_id: str | None = None,
    now: dt.datetime | None = None,
) -> Whereabouts:
    """The patient's visit today (by ID number, or by the visit id of a ticket's QR code):
    route, what is done, and their place in the current queue.

    A lookup shows a patient's data, so it is audited like a change.
    """
    with service_call(db, actor, "where_am_i", "look_up_visit", now=now) as call:
        session = call.session
        day = current_day(session, call.now)
        if visit_id is not None:
            visit = session.get(Visit, visit_id)
        elif id_number is not None:
            id_number = validate_id_number(session, id_number)
            visit = active_visit(session, id_number, day) or session.scalar(
                select(Visit)
                .where(Visit.patient_id == id_number, Visit.day == day)
                .order_by(Visit.updated_at.desc())
                .limit(1)
            )
        else:
            visit = None
        if visit is None or visit.day != day:
            raise UnknownVisit()
        call.target = f"visit {visit.id}"
        place = None
        if visit.current_clinic is not None:
            ticket = session.scalar(
                select(Ticket).where(
                    Ticket.visit_id == visit.id,
                    Ticket.clinic == visit.current_clinic,
                    Ticket.status.in_(ACTIVE_STATUSES),
                )
            )
            place = place_of(session, ticket) if ticket else None
        return Whereabouts(
            visit_id=visit.id,
            status=visit.status,
            route=json.loads(visit.route),
            completed=json.loads(visit.completed),
            current_clinic=visit.current_clinic,
            place=place,
        )
