"""What a hall display shows: for each of its clinics, in the admin's order, the number
it serves now and how many wait; and the latest calls.

A call is told apart from a recall of the same ticket by the ticket's recall count, so a
display announces both and never the same one twice.

Which clinics a display shows is the admin's choice for that display (the setting
`display_clinics`, by station); a display nobody chose for shows every open clinic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from core.clock import utc_now
from core.database import Database
from core.ops.log import identity
from core.schema import Clinic, QueueCounter, Ticket
from core.services.days import current_day
from core.services.places import ticket_label
from core.settings import setting
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

    @property
    def is_recall(self) -> bool:
        return self.recalls > 0

    def name(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en


@dataclass(frozen=True)
class BoardRow:
    """One clinic on the board: whom it serves now (None: nobody called) and how many wait."""

    clinic: str
    name_ar: str
    name_en: str
    room: str
    call: BoardCall | None
    waiting: int
    paused: str = ""
    """Why staff paused the clinic ("" while it works)."""

    def name(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en


@dataclass(frozen=True)
class Board:
    rows: list[BoardRow]
    """Every shown clinic, in the admin's order, called or not."""
    latest: list[BoardCall]
    """The latest calls of the shown clinics, newest first."""

    @property
    def serving(self) -> list[BoardCall]:
        """The clinics' current calls, in the board's order."""
        return [row.call for row in self.rows if row.call is not None]

    def page_of(self, clinic: str, rows_per_page: int) -> int | None:
        for index, row in enumerate(self.rows):
            if row.clinic == clinic:
                return index // max(1, rows_per_page)
        return None


def board(
    db: Database, *, clinics: frozenset[str] = frozenset(), last: int = 8, now: dt.datetime | None = None
) -> Board:
    """Today's board: the clinics `clinics` names, or else those the admin chose for this
    store's own station (a display's), or else every open clinic."""
    with db.read() as session:
        day = current_day(session, now or utc_now())
        open_clinics = list(
            session.execute(
                select(Clinic.code, Clinic.name_ar, Clinic.name_en, Clinic.room, Clinic.paused)
                .where(Clinic.active.is_(True))
                .order_by(Clinic.sort_order, Clinic.code)
            )
        )
        chosen = clinics or frozenset(setting(session, "display_clinics").get(identity(session).station, ()))
        shown = [c for c in open_clinics if c.code in chosen] if chosen else open_clinics
        codes = [c.code for c in shown]
        calls = (
            select(Ticket, Clinic.name_ar, Clinic.name_en, Clinic.room)
            .join(Clinic, Clinic.code == Ticket.clinic)
            .where(Ticket.day == day, Ticket.clinic.in_(codes))
        )
        latest = [
            _call(*row)
            for row in session.execute(
                calls.where(Ticket.called_at.is_not(None))
                .order_by(Ticket.called_at.desc(), Ticket.order_key.desc())
                .limit(max(last, 1))
            )
        ]
        serving: dict[str, BoardCall] = {}
        in_service = calls.where(Ticket.status.in_((TicketStatus.CALLED, TicketStatus.IN_PROGRESS)))
        for row in session.execute(in_service):
            call = _call(*row)
            if call.clinic not in serving or call.called_at > serving[call.clinic].called_at:
                serving[call.clinic] = call
        waiting = {
            clinic: count
            for clinic, count in session.execute(
                select(QueueCounter.clinic, QueueCounter.waiting).where(
                    QueueCounter.day == day, QueueCounter.clinic.in_(codes)
                )
            )
        }
    rows = [
        BoardRow(c.code, c.name_ar, c.name_en, c.room, serving.get(c.code), max(0, waiting.get(c.code, 0)), c.paused)
        for c in shown
    ]
    return Board(rows, latest)


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
