"""Four stores cut off from each other issue tickets for the same clinics; when their ops
are merged into each other every store holds the same state and no number repeats."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import func, select

from core.ops.log import identity, pending_ops
from core.permissions import SYSTEM
from core.schema import Ticket
from core.services.checkin import check_in
from core.services.config import lease_numbers
from core.services.places import ticket_label
from core.store import Store
from tests.conftest import KIOSK, accepted_ops, digest, replay

STORES = 4
PATIENTS_EACH = 60
LEASE = 25


def test_partitioned_stores_merge_to_one_state_without_duplicate_numbers(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    hub = make_store("hub")
    kiosks = [make_store(f"kiosk{n}", kind="kiosk", site=False) for n in range(STORES)]
    day = morning.date().isoformat()
    for kiosk in kiosks:
        with kiosk.db.read() as session:
            device = identity(session).device_id
        for clinic in ("vitals", "women_internal"):
            lease_numbers(hub.db, SYSTEM, device_id=device, clinic=clinic, day=day, size=LEASE)
    config = accepted_ops(hub)
    for kiosk in kiosks:
        replay(kiosk, config, morning)

    rng = random.Random(4)
    for n, kiosk in enumerate(kiosks):
        for p in range(PATIENTS_EACH):
            check_in(
                kiosk.db,
                KIOSK,
                id_number=f"28{n}{p:08d}",
                gender=rng.choice(("male", "female")),
                exam_type="travel",
                now=morning + dt.timedelta(seconds=37 * p + n),
            )

    own_ops = []
    for kiosk in kiosks:
        with kiosk.db.read() as session:
            own_ops.append([op for op in pending_ops(session) if op.kind == "visit.checked_in"])
    for n, kiosk in enumerate(kiosks):
        queues = [list(ops) for m, ops in enumerate(own_ops) if m != n]
        merged = []
        while any(queues):
            merged.append(rng.choice([q for q in queues if q]).pop(0))
        assert set(replay(kiosk, merged, morning)) == {"applied"}

    digests = {digest(kiosk) for kiosk in kiosks}
    assert len(digests) == 1
    with kiosks[0].db.read() as session:
        total = session.scalar(select(func.count()).select_from(Ticket))
        labels = session.execute(select(Ticket.clinic, Ticket.station, Ticket.number)).all()
        fallback = session.scalar(select(func.count()).select_from(Ticket).where(Ticket.station != ""))
    assert total == STORES * PATIENTS_EACH
    assert len({(c, ticket_label(s, n)) for c, s, n in labels}) == total
    assert fallback and fallback > 0, "some stores ran out of leased numbers and used their station"
