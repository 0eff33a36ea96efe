"""The headless demo: a scripted clinic day on a fresh store, with a simulated clock.

Examinees arrive through the morning, check in at kiosks, and walk their routes; each
clinic's rooms call, start and complete them, which sends them on to their next clinic;
now and then a room gives its PIN instead and the patient confirms the clinic with it at
a kiosk (a few mistype it first); a few miss their call and queue again. Every step
goes through the same services the apps use. At the end it checks that every visit
finished, no clinic gave a number twice, and every change is in the op log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import json
import random
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select

from core.clock import SITE_ZONE
from core.defaults import CLINICS
from core.errors import QueueEmpty, WrongPin
from core.permissions import SYSTEM, Actor
from core.schema import OpRecord, Ticket, Visit
from core.services import queue, visits
from core.services.checkin import check_in, enter_queue
from core.services.config import init_site
from core.services.places import QueuePlace
from core.services.reports import clinic_stats
from core.statuses import VisitStatus
from core.store import open_store

EXAM_MIX = (("recruitment", 5), ("periodic", 3), ("promotion", 2), ("travel", 2))
ROOMS = {"vitals": 4, "lab": 4, "xray": 3, "ecg": 3}
PIN_SHARE = 0.2
"""How often a room gives its PIN instead of pressing Complete."""
SERVICE_MINUTES = {"vitals": 2.5, "lab": 3.0, "xray": 4.0, "ecg": 4.0}
ARRIVAL_HOURS = 5


@dataclass(order=True)
class Event:
    at: dt.datetime
    seq: int
    kind: str = field(compare=False)
    data: dict[str, str] = field(compare=False, default_factory=dict)


class Day:
    def __init__(self, store_root: Path, patients: int, seed: int) -> None:
        self.store = open_store(store_root)
        init_site(self.store.db)
        self.rng = random.Random(seed)
        self.kiosk = Actor("K-demo", "kiosk")
        self.events: list[Event] = []
        self.seq = 0
        today = dt.datetime.now(SITE_ZONE).date()
        self.opening = dt.datetime.combine(today, dt.time(7, 0), SITE_ZONE)
        self.patients = patients
        self.mistyped = 0
        self.no_shows = 0
        self.idle_rooms: dict[str, list[str]] = {}
        self.holder: dict[str, tuple[str, str]] = {}
        self.pins: dict[str, int] = {}

    def schedule(self, at: dt.datetime, kind: str, **data: str) -> None:
        self.seq += 1
        heapq.heappush(self.events, Event(at, self.seq, kind, data))

    def minutes(self, mean: float) -> dt.timedelta:
        return dt.timedelta(minutes=max(0.5, self.rng.gauss(mean, mean / 3)))

    def run(self) -> None:
        at = self.opening
        for n in range(self.patients):
            at += dt.timedelta(minutes=self.rng.expovariate(self.patients / (ARRIVAL_HOURS * 60)))
            gender = self.rng.choice(("male", "female"))
            exam = self.rng.choices([e for e, _ in EXAM_MIX], [w for _, w in EXAM_MIX])[0]
            self.schedule(at, "arrive", id_number=f"{28400000000 + n * 7919:011d}", gender=gender, exam=exam)
        for clinic in CLINICS:
            for room in range(1, ROOMS.get(clinic.code, 2) + 1):
                self.schedule(self.opening, "room_free", clinic=clinic.code, room=f"{clinic.room}-{room}")
        while self.events:
            event = heapq.heappop(self.events)
            getattr(self, f"on_{event.kind}")(event.at, **event.data)

    def joined(self, at: dt.datetime, place: QueuePlace, id_number: str, visit_id: str) -> None:
        """A patient joined a clinic's queue: remember whose ticket it is, wake an idle room."""
        self.holder[place.ticket_id] = (id_number, visit_id)
        idle = self.idle_rooms.get(place.clinic)
        if idle:
            self.schedule(at, "room_free", clinic=place.clinic, room=idle.pop())

    def on_arrive(self, at: dt.datetime, id_number: str, gender: str, exam: str) -> None:
        done = check_in(self.store.db, self.kiosk, id_number=id_number, gender=gender, exam_type=exam, now=at)
        self.joined(at, done.place, id_number, done.visit_id)

    def on_room_free(self, at: dt.datetime, clinic: str, room: str) -> None:
        staff = Actor(f"staff-{room}", "staff")
        try:
            called = queue.call_next(self.store.db, staff, clinic=clinic, room=room, now=at)
        except QueueEmpty:
            self.idle_rooms.setdefault(clinic, []).append(room)
            return
        if self.rng.random() < 0.03:
            self.no_shows += 1
            gone = at + dt.timedelta(minutes=3)
            queue.no_show(self.store.db, staff, ticket_id=called.ticket_id, now=gone)
            self.schedule(gone + dt.timedelta(minutes=10), "requeue", ticket_id=called.ticket_id, clinic=clinic)
            self.schedule(gone, "room_free", clinic=clinic, room=room)
            return
        started = at + dt.timedelta(minutes=1)
        queue.start(self.store.db, staff, ticket_id=called.ticket_id, now=started)
        done = started + self.minutes(SERVICE_MINUTES.get(clinic, 5.0))
        self.schedule(done, "complete", clinic=clinic, room=room, ticket_id=called.ticket_id)

    def on_complete(self, at: dt.datetime, clinic: str, room: str, ticket_id: str) -> None:
        patient, visit_id = self.holder[ticket_id]
        if self.rng.random() < PIN_SHARE:
            place = self.confirm_with_pin(at, clinic, visit_id)
        else:
            place = queue.complete(
                self.store.db, Actor(f"staff-{room}", "staff"), ticket_id=ticket_id, now=at
            ).next_place
        if place is not None:
            self.joined(at, place, patient, visit_id)
        self.schedule(at + dt.timedelta(seconds=40), "room_free", clinic=clinic, room=room)

    def on_requeue(self, at: dt.datetime, ticket_id: str, clinic: str) -> None:
        patient, visit_id = self.holder[ticket_id]
        place = enter_queue(self.store.db, self.kiosk, id_number=patient, clinic=clinic, now=at)
        self.joined(at, place, patient, visit_id)

    def confirm_with_pin(self, at: dt.datetime, clinic: str, visit_id: str) -> QueuePlace | None:
        """The room gives the patient its PIN, which they type at a kiosk while still
        called there; the kiosk gives them their next clinic."""
        if clinic not in self.pins:
            self.pins[clinic] = visits.todays_pin(self.store.db, SYSTEM, clinic=clinic, now=at)
        pin = self.pins[clinic]
        if self.rng.random() < 0.1:
            self.mistyped += 1
            wrong = 10 + (pin - 9) % 90
            with contextlib.suppress(WrongPin):
                visits.confirm_clinic(self.store.db, self.kiosk, visit_id=visit_id, pin=wrong, now=at)
            at += dt.timedelta(seconds=20)
        return visits.confirm_clinic(self.store.db, self.kiosk, visit_id=visit_id, pin=pin, now=at).next_place


def run_headless_day(*, patients: int, seed: int, report_path: Path, data_root: Path | None) -> int:
    with tempfile.TemporaryDirectory(prefix="mmc-demo-") as scratch:
        day = Day(data_root or Path(scratch), patients, seed)
        started = dt.datetime.now()
        day.run()
        elapsed = (dt.datetime.now() - started).total_seconds()
        store = day.store
        figures = clinic_stats(store.db, day=day.opening.date().isoformat())
        with store.db.read() as session:
            statuses = Counter(session.scalars(select(Visit.status)))
            numbers = session.execute(select(Ticket.clinic, Ticket.station, Ticket.number)).all()
            ops = Counter(session.scalars(select(OpRecord.kind)))
        duplicates = len(numbers) - len(set(numbers))
        print(f"MMC-MMS headless demo: {patients} examinees, one clinic day, {elapsed:.1f} s")
        print(f"{'clinic':<16}{'tickets':>8}{'served':>8}{'no-show':>9}{'avg wait':>10}{'avg service':>13}")
        for f in figures:
            print(
                f"{f.clinic:<16}{f.total:>8}{f.served:>8}{f.no_show:>9}{f.avg_wait_s / 60:>7.1f} min"
                f"{f.avg_service_s / 60:>9.1f} min"
            )
        print(
            f"visits: {dict(statuses)}; ops in the log: {sum(ops.values())}; "
            f"wrong PINs typed: {day.mistyped}; no-shows: {day.no_shows}; duplicate numbers: {duplicates}"
        )
        ok = (
            statuses.get(VisitStatus.ACTIVE, 0) == 0
            and statuses.get(VisitStatus.COMPLETED, 0) == patients
            and duplicates == 0
        )
        report = {
            "patients": patients,
            "seed": seed,
            "day": day.opening.date().isoformat(),
            "seconds": round(elapsed, 2),
            "visits": dict(statuses),
            "ops": dict(ops),
            "duplicate_numbers": duplicates,
            "wrong_pins": day.mistyped,
            "no_shows": day.no_shows,
            "clinics": [asdict(f) for f in figures],
            "ok": ok,
        }
        report_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"{'all visits completed' if ok else 'PROBLEM: see the report'}; report written to {report_path}")
        store.close()
        return 0 if ok else 1
