"""What the kiosk does, without the widgets: the core services a patient's taps lead to.

Screens call these and show what comes back; a refusal arrives as the core's typed error,
which the screen explains with `kiosk.messages`. Nothing here touches the database except
through the core services, and those that write run on the store's worker thread
(sync.runtime.worker).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from core.clock import SITE_ZONE, utc_now
from core.database import Database
from core.errors import InvalidIdNumber, MmcError, StoreError
from core.permissions import Actor
from core.services.catalog import Catalog, load_catalog
from core.services.checkin import CheckIn, Whereabouts, check_in, where_am_i
from core.services.places import QueuePlace
from core.services.visits import Confirmation, confirm_clinic
from kiosk.qr import visit_code, visit_of
from sync.runtime.worker import on_store, start_on_store

log = logging.getLogger(__name__)


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

    @classmethod
    def of(
        cls, place: QueuePlace, *, visit_id: str, route: list[str], completed: list[str], at: dt.datetime
    ) -> TicketCard:
        return cls(
            label=place.label,
            clinic=place.clinic,
            ahead=place.ahead,
            wait_minutes=(place.estimated_wait_s + 59) // 60,
            route=route,
            completed=completed,
            issued_at=at.astimezone(SITE_ZONE),
            qr=visit_code(visit_id),
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
        self.catalog: Catalog = load_catalog(db)

    @property
    def actor(self) -> Actor:
        """Who the kiosk acts as, asked at each action: enrollment gives the kiosk its
        station code after the program has started, and the server takes a kiosk's op
        only under that code."""
        return self._actor() if callable(self._actor) else self._actor

    def refresh(self) -> None:
        """Read exam types, clinics and settings again (sync may have changed them)."""
        self.catalog = load_catalog(self.db)

    def patient(self, entered: str) -> Patient:
        """A scanned ticket code or a typed ID number, checked against the site's format."""
        visit_id = visit_of(entered)
        if visit_id is not None:
            return Patient(visit_id=visit_id)
        cleaned = entered.strip()
        if not re.fullmatch(self.catalog.settings.id_format, cleaned):
            raise InvalidIdNumber()
        return Patient(id_number=cleaned)

    def start_check_in(
        self,
        id_number: str,
        gender: str,
        exam_type: str,
        *,
        done: Callable[[TicketCard], None],
        refused: Callable[[MmcError], None],
    ) -> None:
        """Check the patient in on the store's worker; `done` gets the ticket card, or
        `refused` the core's typed error, later on the GUI thread."""
        at = self.now()

        def checked_in(visit: CheckIn) -> None:
            self.on_change()
            done(TicketCard.of(visit.place, visit_id=visit.visit_id, route=visit.route, completed=[], at=at))

        def failed(error: BaseException) -> None:
            if not isinstance(error, MmcError):
                log.error("check-in failed", exc_info=error)
                error = StoreError(detail=f"{type(error).__name__}: {error}")
            refused(error)

        start_on_store(
            self.db,
            lambda: check_in(self.db, self.actor, id_number=id_number, gender=gender, exam_type=exam_type, now=at),
            done=checked_in,
            failed=failed,
        )

    def confirm(self, patient: Patient, pin: str) -> tuple[Confirmation, TicketCard | None]:
        """The clinic's PIN confirms it done: the next clinic's card, or None at the end."""
        at = self.now()
        try:
            done = on_store(
                self.db,
                lambda: confirm_clinic(
                    self.db, self.actor, id_number=patient.id_number, visit_id=patient.visit_id, pin=pin, now=at
                ),
            )
        finally:
            self.on_change()
        if done.next_place is None:
            return done, None
        card = TicketCard.of(
            done.next_place, visit_id=done.visit_id, route=list(done.route), completed=list(done.completed), at=at
        )
        return done, card

    def where(self, patient: Patient) -> tuple[Whereabouts, TicketCard | None]:
        at = self.now()
        found = on_store(
            self.db,
            lambda: where_am_i(self.db, self.actor, id_number=patient.id_number, visit_id=patient.visit_id, now=at),
        )
        if found.place is None:
            return found, None
        card = TicketCard.of(found.place, visit_id=found.visit_id, route=found.route, completed=found.completed, at=at)
        return found, card
