"""What a hall display shows: the number each clinic serves now, and the latest calls.

A call is told apart from a recall of the same ticket by the ticket's recall count, so a
display announces both and never the same one twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from core.clock import utc_now
from core.database import Database
from core.schema import Clinic, Ticket
from core.services.days import current_day
from core.services.places import ticket_label
from core.statuses import TicketStatus


@dataclass(frozen=True)
class BoardCall:
    ticket_id: str
    clinic: str
    name_ar: str
    name_en: str
    label: str
    number: int
    room: str
    called_at: str
    recalls: int
    status: str

    @property
    def key(self) -> tuple[str, int]:
        """Changes with each call and recall of the ticket, and only then."""
        return self.ticket_id, self.recalls

    def name(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en


@dataclass(frozen=True)
class Board:
    serving: list[BoardCall]
    """One row per shown clinic that has a patient called or in service, latest call."""
    latest: list[BoardCall]
    """The latest calls of the shown clinics, newest first."""


def board(
    db: Database, *, clinics: frozenset[str] = frozenset(), last: int = 8, now: dt.datetime | None = None
) -> Board:
    """Today's board; `clinics` limits it to those clinics (all when empty)."""
    with db.read() as session:
        day = current_day(session, now or utc_now())
        shown = sorted(clinics) if clinics else list(session.scalars(select(Clinic.code)))
        calls = (
            select(Ticket, Clinic.name_ar, Clinic.name_en, Clinic.room)
            .join(Clinic, Clinic.code == Ticket.clinic)
            .where(Ticket.day == day)
        )
        latest_calls = calls.where(Ticket.clinic.in_(shown)) if clinics else calls
        latest = [
            _call(*row)
            for row in session.execute(
                latest_calls.where(Ticket.called_at.is_not(None))
                .order_by(Ticket.called_at.desc(), Ticket.order_key.desc())
                .limit(max(last, 1))
            )
        ]
        serving: dict[str, BoardCall] = {}
        in_service = calls.where(
            Ticket.clinic.in_(shown), Ticket.status.in_((TicketStatus.CALLED, TicketStatus.IN_PROGRESS))
        )
        for row in session.execute(in_service):
            call = _call(*row)
            if call.clinic not in serving or call.called_at > serving[call.clinic].called_at:
                serving[call.clinic] = call
    return Board(sorted(serving.values(), key=lambda c: c.clinic), latest)


def _call(ticket: Ticket, name_ar: str, name_en: str, clinic_room: str) -> BoardCall:
    return BoardCall(
        ticket_id=ticket.id,
        clinic=ticket.clinic,
        name_ar=name_ar,
        name_en=name_en,
        label=ticket_label(ticket.station, ticket.number),
        number=ticket.number,
        room=ticket.room or clinic_room,
        called_at=ticket.called_at or "",
        recalls=ticket.recalls,
        status=ticket.status,
    )
