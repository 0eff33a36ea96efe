"""Ops from several devices, duplicated and interleaved in any order that keeps each
device's own order, go through one acceptance point; applying the accepted log on fresh
stores gives identical state everywhere, nothing twice, and no ticket called twice."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.clock import SITE_ZONE
from core.errors import MmcError
from core.ops.envelope import Op
from core.ops.log import accept, pending_ops
from core.schema import OpRecord, Ticket
from core.services import queue, visits
from core.services.checkin import check_in
from core.services.config import init_site
from core.store import Store, open_store
from tests.conftest import KIOSK, STAFF, accepted_ops, digest, replay

MORNING = dt.datetime(2026, 11, 22, 8, 0, tzinfo=SITE_ZONE)
DEVICES = 3
SEEDED = 4

action = st.tuples(
    st.sampled_from(["call_next", "call_first", "complete", "no_show", "cancel", "check_in", "confirm"]),
    st.integers(0, SEEDED - 1),
)
device_scripts = st.lists(st.lists(action, min_size=1, max_size=6), min_size=DEVICES, max_size=DEVICES)
# Each delivery names a device and whether to re-send one of its already sent ops.
deliveries = st.lists(st.tuples(st.integers(0, DEVICES - 1), st.booleans(), st.integers(0, 50)), max_size=80)


class Site:
    def __init__(self, root: Path, template: Path) -> None:
        self.root = root
        self.template = template
        self.count = 0

    def store(self, kind: str) -> Store:
        self.count += 1
        folder = self.root / f"s{self.count}"
        folder.mkdir()
        shutil.copyfile(self.template, folder / "mmc.sqlite3")
        return open_store(folder, kind=kind)


def _act(device: Store, step: int, name: str, index: int, tickets: list[str], visit_ids: list[str]) -> None:
    at = MORNING + dt.timedelta(minutes=10 + step)
    try:
        if name == "call_next":
            queue.call_next(device.db, STAFF, clinic="vitals", room=f"r{step}", now=at)
        elif name == "call_first":
            queue.call_ticket(device.db, STAFF, ticket_id=tickets[0], room=f"r{step}", now=at)
        elif name == "complete":
            queue.complete(device.db, STAFF, ticket_id=tickets[index], now=at)
        elif name == "no_show":
            queue.no_show(device.db, STAFF, ticket_id=tickets[index], now=at)
        elif name == "cancel":
            queue.cancel(device.db, STAFF, ticket_id=tickets[index], now=at)
        elif name == "confirm":
            pin = visits.todays_pin(device.db, STAFF, clinic="vitals", now=at)
            visits.confirm_clinic(device.db, KIOSK, visit_id=visit_ids[index], pin=pin, now=at)
        else:
            check_in(
                device.db,
                KIOSK,
                id_number=f"2849{step:03d}{index:04d}",
                gender="male",
                exam_type="travel",
                now=at,
            )
    except MmcError:
        pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scripts=device_scripts, order=deliveries)
def test_accepted_order_gives_identical_state_everywhere(
    migrated_template: Path, scripts: list[list[tuple[str, int]]], order: list[tuple[int, bool, int]]
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        site = Site(Path(scratch), migrated_template)
        origin = site.store("standalone")
        init_site(origin.db)
        seeded = [
            check_in(
                origin.db,
                KIOSK,
                id_number=f"2840000000{n}",
                gender="male",
                exam_type="travel",
                now=MORNING + dt.timedelta(minutes=n),
            )
            for n in range(SEEDED)
        ]
        tickets = [c.place.ticket_id for c in seeded]
        visit_ids = [c.visit_id for c in seeded]
        base = accepted_ops(origin)

        devices = [site.store("staff") for _ in range(DEVICES)]
        for device in devices:
            replay(device, base, MORNING)
        for device, script in zip(devices, scripts, strict=True):
            for step, (name, index) in enumerate(script):
                _act(device, step, name, index, tickets, visit_ids)
        outboxes: list[list[Op]] = []
        for device in devices:
            with device.db.read() as session:
                outboxes.append(pending_ops(session))

        stream: list[Op] = []
        sent = [0] * DEVICES
        for who, resend, pick in order:
            if resend and sent[who]:
                stream.append(outboxes[who][pick % sent[who]])
            elif sent[who] < len(outboxes[who]):
                stream.append(outboxes[who][sent[who]])
                sent[who] += 1
        for who in range(DEVICES):
            stream.extend(outboxes[who][sent[who] :])

        hub = site.store("server")
        with hub.db.write() as session:
            assert {accept(session, op, MORNING).outcome for op in base} == {"accepted"}
            verdicts = [accept(session, op, MORNING) for op in stream]

        accepted = Counter(v.op_id for v in verdicts if v.outcome == "accepted")
        assert all(n == 1 for n in accepted.values())
        unique_ops = {op.op_id for op in stream}
        assert len(unique_ops) == sum(len(o) for o in outboxes)
        decided = {v.op_id for v in verdicts if v.outcome in ("accepted", "rejected")}
        assert decided == unique_ops

        with hub.db.read() as session:
            calls = Counter(
                json.loads(payload)["ticket_id"]
                for payload in session.scalars(
                    select(OpRecord.payload).where(OpRecord.kind == "ticket.called", OpRecord.outcome == "applied")
                )
            )
            assert all(n == 1 for n in calls.values())
            numbers = session.execute(select(Ticket.clinic, Ticket.day, Ticket.station, Ticket.number)).all()
            assert len(numbers) == len(set(numbers))

        log = accepted_ops(hub)
        replicas = [site.store("display") for _ in range(2)]
        for replica in replicas:
            assert set(replay(replica, log, MORNING)) <= {"applied"}
        assert digest(replicas[0]) == digest(replicas[1]) == digest(hub)
        for store in (origin, hub, *devices, *replicas):
            store.close()
