"""What the kiosk does, without the widgets: the core services a patient's taps lead to.

Each step that reaches the store is a store call (sync.runtime.worker): the screen runs it
and shows what comes back, later, on the GUI thread; a refusal arrives as the core's typed
error, which the screen explains with `kiosk.messages`. Nothing here touches the database
except through the core services.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from core.clock import SITE_ZONE, utc_now
from core.database import Database
from core.digits import western_digits
from core.errors import InvalidIdNumber
from core.permissions import Actor
from core.phones import check_phone
from core.services.catalog import NOT_READ_YET, Catalog
from core.services.checkin import Whereabouts, check_in, where_am_i
from core.services.help import ask_for_help
from core.services.phones import forget_sent_phones, phone_step
from core.services.places import QueuePlace
from core.services.visits import Confirmation, confirm_clinic
from core.statuses import IN_SERVICE, TicketStatus
from kiosk.qr import visit_code, visit_of
from sync.runtime.worker import StoreCall

T = TypeVar("T")


@dataclass(frozen=True)
class TicketCard:
    """A patient's place as the kiosk shows and prints it (names resolved at render time)."""

    label: str
    clinic: str
    ahead: int
    wait_minutes: int
    route: list[str]
    completed: list[str]
    issued_at: dt.datetime
    qr: str
    called: bool = False
    """The clinic has called this number (or serves the patient now)."""
    on_hold: bool = False
    """The clinic called the patient and set them aside, to call them again."""

    @classmethod
    def of(
        cls, place: QueuePlace, *, visit_id: str, route: list[str], completed: list[str], at: dt.datetime
    ) -> TicketCard:
        return cls(
            label=place.label,
            clinic=place.clinic,
            ahead=place.ahead,
            wait_minutes=max(1 if place.ahead else 0, (place.estimated_wait_s + 59) // 60),
            route=route,
            completed=completed,
            issued_at=at.astimezone(SITE_ZONE),
            qr=visit_code(visit_id),
            called=place.status in IN_SERVICE,
            on_hold=place.status == TicketStatus.PARKED,
        )


@dataclass(frozen=True)
class Patient:
    """Who stands at the kiosk: typed ID number or a scanned ticket."""

    id_number: str | None = None
    visit_id: str | None = None


class KioskFlow:
    def __init__(
        self,
        db: Database,
        actor: Actor | Callable[[], Actor],
        *,
        now: Callable[[], dt.datetime] = utc_now,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self._actor = actor
        self.now = now
        self.on_change = on_change or (lambda: None)
        self.catalog: Catalog = NOT_READ_YET
        """Exam types, clinics and settings as of the last change to them (the window
        keeps it current from sync.runtime.changes)."""

    @property
    def actor(self) -> Actor:
        """Who the kiosk acts as, asked at each action: enrollment gives the kiosk its
        station code after the program has started, and the server takes a kiosk's op
        only under that code."""
        return self._actor() if callable(self._actor) else self._actor

    def patient(self, entered: str) -> Patient:
        """A scanned ticket code or a typed ID number, checked against the site's format."""
        visit_id = visit_of(entered)
        if visit_id is not None:
            return Patient(visit_id=visit_id)
        cleaned = western_digits(entered.strip())
        if not re.fullmatch(self.catalog.settings.id_format, cleaned):
            raise InvalidIdNumber()
        return Patient(id_number=cleaned)

    def _call(self, work: Callable[[Actor, dt.datetime], T]) -> StoreCall[T]:
        actor, at = self.actor, self.now()
        return StoreCall(self.db, lambda: work(actor, at), after=self.on_change)

    def phone_step(self) -> StoreCall[str]:
        """The site's mobile-number format, "" when the kiosk asks for no number."""
        return StoreCall(self.db, lambda: phone_step(self.db))

    def phone_number(self, entered: str, phone_format: str) -> str:
        """A typed mobile number (digits of any script) checked against the site's format."""
        return check_phone(entered, phone_format)

    def check_in(
        self, id_number: str, gender: str, exam_type: str, *, phone: str | None = None, language: str = "ar"
    ) -> StoreCall[TicketCard]:
        """Check the patient in: the first clinic's ticket card. The numbers given before,
        which the server has by now, are forgotten here."""

        def run(actor: Actor, at: dt.datetime) -> TicketCard:
            visit = check_in(
                self.db,
                actor,
                id_number=id_number,
                gender=gender,
                exam_type=exam_type,
                phone=phone,
                language=language,
                now=at,
            )
            forget_sent_phones(self.db)
            return TicketCard.of(visit.place, visit_id=visit.visit_id, route=visit.route, completed=[], at=at)

        return self._call(run)

    def confirm(self, patient: Patient, pin: str) -> StoreCall[tuple[Confirmation, TicketCard | None]]:
        """The clinic's PIN confirms it done: the next clinic's card, or None at the end."""

        def run(actor: Actor, at: dt.datetime) -> tuple[Confirmation, TicketCard | None]:
            done = confirm_clinic(
                self.db, actor, id_number=patient.id_number, visit_id=patient.visit_id, pin=pin, now=at
            )
            if done.next_place is None:
                return done, None
            card = TicketCard.of(
                done.next_place, visit_id=done.visit_id, route=list(done.route), completed=list(done.completed), at=at
            )
            return done, card

        return self._call(run)

    def ask_help(self) -> StoreCall[str]:
        """Call staff to this kiosk (every console shows it until one answers)."""
        return self._call(lambda actor, at: ask_for_help(self.db, actor, now=at))

    def where(self, patient: Patient) -> StoreCall[tuple[Whereabouts, TicketCard | None]]:
        def run(actor: Actor, at: dt.datetime) -> tuple[Whereabouts, TicketCard | None]:
            found = where_am_i(self.db, actor, id_number=patient.id_number, visit_id=patient.visit_id, now=at)
            if found.place is None:
                return found, None
            card = TicketCard.of(
                found.place, visit_id=found.visit_id, route=found.route, completed=found.completed, at=at
            )
            return found, card

        return self._call(run)
