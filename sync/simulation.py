"""A site of several devices syncing through one server, with network cuts: the headless
demo runs it, and the multi-device test checks what it leaves behind.

Kiosks check patients in, consoles (all at the same clinic, so they compete) call and
complete them (which sends them on), some patients confirm a clinic that called them
with its PIN at a kiosk instead, a display follows.
Between rounds each device may lose its network; a cut device keeps working on its own
store. At the end the network comes back and every device syncs until all agree.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import func, select

from core.clock import SimulatedClock
from core.database import Database
from core.digest import StateView, state_digest, view_at_acceptance_point
from core.errors import MmcError
from core.ops.log import pending_ops
from core.permissions import SYSTEM, Actor
from core.schema import OpRecord, Ticket, Visit
from core.services import queue, visits
from core.services.checkin import check_in
from core.services.config import log_in, save_user
from core.statuses import OpOutcome, TicketStatus, VisitStatus
from core.store import Store, device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.link import Refused, ServerLink, Unreachable
from sync.server.enrollment import create_code

SERVED = ("vitals", "lab", "xray")
GIVES_PIN = "xray"
"""The clinic whose room gives patients its PIN instead of pressing Complete."""
STRAY_CALL = 0.05
NURSE_PASSWORD = "nurse-pass-1"
ROUND = dt.timedelta(minutes=15)
"""What a round is on a simulated clock: check-ins through its first ten minutes, then the
consoles call and complete, patients confirm, and every device syncs."""
CHECK_INS_FOR = ROUND * 2 / 3


class CuttableTransport(httpx.AsyncHTTPTransport):
    """A device's network: `cut` makes every request fail before it leaves the device."""

    def __init__(self) -> None:
        super().__init__()
        self.cut = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.cut:
            raise httpx.ConnectError("network cut (simulated)")
        return await super().handle_async_request(request)


@dataclass
class Device:
    name: str
    kind: str
    client: SyncClient
    network: CuttableTransport
    actor: Actor

    @property
    def store(self) -> Store:
        return self.client.store


@dataclass
class Outcome:
    devices: int
    patients: int
    rounds: int
    outages: int
    """Single devices that lost the network for a round or more (the whole-site blackout apart)."""
    refused_ops: int
    server_ops: int
    digests_equal: bool
    outboxes_empty: bool
    duplicate_numbers: int
    ops_applied_twice: int
    visits: int
    digest: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def converged(self) -> bool:
        return (
            self.digests_equal and self.outboxes_empty and self.duplicate_numbers == 0 and self.ops_applied_twice == 0
        )


class SimulatedSite:
    def __init__(
        self,
        server_db: Database,
        url: str,
        root: Path,
        *,
        kiosks: int = 3,
        consoles: int = 3,
        displays: int = 1,
        seed: int = 1,
        cut_chance: float = 0.25,
        store_factory: Callable[[Path, str], Store] | None = None,
        clock: SimulatedClock | None = None,
    ) -> None:
        self.server_db, self.url, self.root = server_db, url, root
        self.counts = {"kiosk": kiosks, "staff": consoles, "display": displays}
        self.rng = random.Random(seed)
        self.cut_chance = cut_chance
        self.devices: list[Device] = []
        self.outages = 0
        self.next_patient = 0
        self.store_factory = store_factory or (lambda folder, kind: open_store(folder, kind=kind))
        self.clock = clock
        self.round_start = clock.now() if clock else dt.datetime.now(dt.UTC)

    def _at(self, offset: dt.timedelta) -> None:
        """On a simulated clock, move to `offset` into the current round."""
        if self.clock is not None:
            self.clock.set(self.round_start + offset)

    def _later(self, seconds: float) -> None:
        if self.clock is not None:
            self.clock.advance(seconds)

    async def enroll_all(self) -> None:
        for kind, count in self.counts.items():
            for n in range(count):
                name = f"{kind}{n + 1}"
                if kind == "staff":
                    save_user(self.server_db, SYSTEM, username=f"nurse{n + 1}", password=NURSE_PASSWORD, role="staff")
                network = CuttableTransport()
                store = self.store_factory(self.root / name, kind)
                link = ServerLink(self.url, transport=network)
                await enroll_device(store, link, code=create_code(self.server_db), name=name)
                client = SyncClient(store, link, batch=200, lease_size=100)
                self.devices.append(Device(name, kind, client, network, device_actor(store.db)))
        for device in self.devices:
            await device.client.sync_once()
        for n, console in enumerate(self.of_kind("staff")):
            console.actor = log_in(console.store.db, username=f"nurse{n + 1}", password=NURSE_PASSWORD)

    def of_kind(self, kind: str) -> list[Device]:
        return [d for d in self.devices if d.kind == kind]

    async def close(self) -> None:
        """Close every device's connection to the server and its store."""
        for device in self.devices:
            await device.client.link.aclose()
            device.store.close()

    def _shake_network(self, blackout: bool = False) -> None:
        for device in self.devices:
            was = device.network.cut
            device.network.cut = blackout or self.rng.random() < self.cut_chance
            self.outages += int(device.network.cut and not was and not blackout)

    def _check_ins(self, count: int) -> None:
        kiosks = self.of_kind("kiosk")
        for n in range(count):
            self._at(CHECK_INS_FOR * n / max(1, count))
            kiosk = self.rng.choice(kiosks)
            self.next_patient += 1
            with contextlib.suppress(MmcError):
                check_in(
                    kiosk.store.db,
                    kiosk.actor,
                    id_number=f"{29000000000 + self.next_patient}",
                    gender=self.rng.choice(("male", "female")),
                    exam_type=self.rng.choice(("travel", "periodic")),
                )

    def _serve(self, calls: int) -> None:
        """Each console serves its own clinic; now and then one calls at a neighbour's
        clinic too, so two consoles can call the same patient while cut off."""
        for n, console in enumerate(self.of_kind("staff")):
            clinics = [SERVED[n % len(SERVED)]]
            if self.rng.random() < STRAY_CALL:
                clinics.append(SERVED[(n + 1) % len(SERVED)])
            for clinic in clinics:
                with contextlib.suppress(MmcError):
                    for ticket in queue.clinic_queue(console.store.db, clinic=clinic):
                        if clinic != GIVES_PIN and ticket.status == TicketStatus.CALLED and self.rng.random() < 0.8:
                            self._later(20)
                            queue.complete(console.store.db, console.actor, ticket_id=ticket.ticket_id)
                for _ in range(calls):
                    self._later(20)
                    try:
                        queue.call_next(console.store.db, console.actor, clinic=clinic, room=console.name)
                    except MmcError:
                        break

    def _confirm(self, count: int) -> None:
        """Patients called at the clinic that gives its PIN instead of pressing Complete
        type it at a kiosk and get their next clinic."""
        console = self.of_kind("staff")[0]
        pin = visits.todays_pin(console.store.db, console.actor, clinic=GIVES_PIN)
        kiosks = self.of_kind("kiosk")
        for n, kiosk in enumerate(kiosks):
            with kiosk.store.db.read() as session:
                done = session.execute(
                    select(Visit.id, Visit.patient_id)
                    .select_from(Ticket)
                    .join(Visit, Visit.id == Ticket.visit_id)
                    .where(
                        Ticket.status == TicketStatus.CALLED,
                        Ticket.clinic == GIVES_PIN,
                        Visit.current_clinic == Ticket.clinic,
                        Visit.status == VisitStatus.ACTIVE,
                    )
                    .order_by(Visit.patient_id)
                    .limit(count * len(kiosks))
                ).all()
            for visit_id, patient in done:
                if int(patient) % len(kiosks) != n:
                    continue  # a patient stands at one kiosk at a time
                self._later(30)
                with contextlib.suppress(MmcError):
                    visits.confirm_clinic(kiosk.store.db, kiosk.actor, visit_id=visit_id, pin=pin)

    async def _sync_all(self, wait_s: float = 0.0) -> None:
        for device in self.rng.sample(self.devices, len(self.devices)):
            try:
                await device.client.sync_once(wait_s)
            except (Unreachable, Refused):
                continue

    async def run(
        self,
        patients: int,
        rounds: int,
        on_round: Callable[[int, bool], None] | None = None,
        blackout: range = range(0),
    ) -> Outcome:
        """`rounds` rounds of work and sync; during the `blackout` rounds every device is cut."""
        opening = self.round_start
        for number in range(rounds):
            self.round_start = opening + ROUND * number
            self._at(dt.timedelta(0))
            self._shake_network(number in blackout)
            due = patients * (number + 1) // rounds
            per_round = max(1, patients // rounds)
            self._check_ins(due - self.next_patient)
            self._at(dt.timedelta(minutes=11))
            self._serve(calls=max(2, per_round))
            self._at(dt.timedelta(minutes=13))
            self._confirm(count=max(1, per_round // 6))
            self._at(dt.timedelta(minutes=14))
            await self._sync_all()
            if on_round:
                on_round(number, number in blackout)
        self.round_start = opening + ROUND * rounds
        self._at(dt.timedelta(0))
        for device in self.devices:
            device.network.cut = False
        for _ in range(3):
            await self._sync_all()
        return self.outcome(patients, rounds)

    def outcome(self, patients: int, rounds: int) -> Outcome:
        mismatched = []
        outboxes_empty = True
        refused = 0
        with self.server_db.read() as session:
            expected = {kind: state_digest(session, view_at_acceptance_point(session, kind)) for kind in self.counts}
        for device in self.devices:
            with device.store.db.read() as session:
                if state_digest(session, StateView(device.kind)) != expected[device.kind]:
                    mismatched.append(device.name)
                outboxes_empty &= pending_ops(session) == []
                refused += (
                    session.scalar(
                        select(func.count())
                        .select_from(OpRecord)
                        .where(OpRecord.outcome == OpOutcome.REFUSED_BY_SERVER)
                    )
                    or 0
                )
        with self.server_db.read() as session:
            server_digest = state_digest(session)
            server_ops = session.scalar(select(func.count()).select_from(OpRecord)) or 0
            numbers = session.execute(select(Ticket.clinic, Ticket.day, Ticket.station, Ticket.number)).all()
            doubled = session.execute(
                select(OpRecord.device_id, OpRecord.device_seq)
                .group_by(OpRecord.device_id, OpRecord.device_seq)
                .having(func.count() > 1)
            ).all()
            visit_count = session.scalar(select(func.count()).select_from(Visit)) or 0
        return Outcome(
            devices=len(self.devices),
            patients=patients,
            rounds=rounds,
            outages=self.outages,
            refused_ops=refused,
            server_ops=server_ops,
            digests_equal=not mismatched,
            outboxes_empty=outboxes_empty,
            duplicate_numbers=len(numbers) - len(set(numbers)),
            ops_applied_twice=len(doubled),
            visits=visit_count,
            digest=server_digest[:16],
        )
