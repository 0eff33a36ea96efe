"""A patient's mobile number: only the kiosk that took it and the server ever hold it, the
server re-checks it, and it is forgotten everywhere once it has served."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import select

from core.clock import to_iso, utc_now
from core.ids import new_id
from core.ops.log import accepted_after, identity
from core.permissions import SYSTEM
from core.schema import NotifyContact, NotifyDelivery, OpRecord, Visit
from core.services.checkin import check_in
from core.services.days import close_day, day_now
from core.services.phones import forget_sent_phones, set_phone_format
from core.store import Store
from sync.client import SyncClient
from sync.server.notify.config import parse_config
from sync.server.notify.events import EventReader
from sync.server.notify.service import Notifications, build_notifiers
from sync.server.run import free_port
from tests.sync.conftest import Site, converged, kiosk_actor, sync_all
from tests.sync.test_notifications import Receiver

pytestmark = pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
PHONE = "0501234567"


def logged_payloads(store: Store) -> str:
    with store.db.read() as session:
        return " ".join(session.scalars(select(OpRecord.payload)))


def raw(client: SyncClient, site: Site, path: str, **params: Any) -> str:
    with httpx.Client(base_url=site.url, headers={"authorization": f"Bearer {client.link.token}"}) as http:
        answer = http.get(path, params=params)
        assert answer.status_code == 200, answer.text
        return answer.text


@pytest.mark.anyio
async def test_the_number_reaches_no_display_no_other_kiosk_and_no_console(site: Site, backend: str) -> None:
    set_phone_format(site.db, SYSTEM, "05[0-9]{8}")
    taker = await site.device("k1", "kiosk")
    other = await site.device("k2", "kiosk")
    display = await site.device("d1", "display")
    console = await site.device("c1", "staff")
    await sync_all(taker, other, display, console)
    check_in(
        taker.store.db,
        kiosk_actor(taker),
        id_number="28400000001",
        gender="male",
        exam_type="travel",
        phone=PHONE,
        language="en",
    )
    assert PHONE in logged_payloads(taker.store)
    await sync_all(taker, other, display, console)
    with site.db.read() as session:
        assert PHONE in " ".join(session.scalars(select(OpRecord.payload))), "the server keeps it until the day ends"
    for device in (other, display, console):
        assert PHONE not in logged_payloads(device.store)
        assert PHONE not in raw(device, site, "/v1/ops", after=0, limit=1000)
        assert PHONE not in raw(device, site, "/v1/snapshot")
    assert converged(site.db, taker, other, display, console)
    assert forget_sent_phones(taker.store.db) == 1, "the kiosk forgets it once the server has it"
    assert PHONE not in logged_payloads(taker.store)
    with taker.store.db.read() as session:
        [payload] = session.scalars(select(OpRecord.payload).where(OpRecord.kind == "visit.checked_in"))
    assert orjson.loads(payload)["notify"] == {"phone": "", "language": "en"}


def check_in_op(me: Any, seq: int, phone: str, day: str) -> dict[str, Any]:
    return {
        "op_id": new_id(),
        "device_id": me.device_id,
        "device_seq": seq,
        "hlc": f"{int(utc_now().timestamp() * 1000):013d}.{seq:05d}.{me.device_id}",
        "actor": me.station,
        "kind": "visit.checked_in",
        "proof": "",
        "payload": {
            "visit_id": new_id(),
            "id_number": f"2840000010{seq}",
            "gender": "male",
            "exam_type": "travel",
            "route": ["vitals"],
            "day": day,
            "at": to_iso(utc_now()),
            "ticket": {"ticket_id": new_id(), "clinic": "vitals", "number": seq, "station": me.station},
            "notify": {"phone": phone, "language": "ar"},
        },
    }


@pytest.mark.anyio
async def test_the_server_refuses_a_malformed_number_and_takes_one_of_another_format_without_messages(
    site: Site, backend: str
) -> None:
    """A number of another format (a kiosk offline while the site changed it) never costs
    the patient their check-in: it is taken, and no message is sent for it."""
    set_phone_format(site.db, SYSTEM, "05[0-9]{8}")
    kiosk = await site.device("k1", "kiosk")
    await kiosk.sync_once()
    with kiosk.store.db.read() as session:
        me = identity(session)
    first = me.next_seq
    day = day_now(site.db)
    with httpx.Client(base_url=site.url, headers={"authorization": f"Bearer {kiosk.link.token}"}) as http:
        ops = [check_in_op(me, first, "05x1234567", day), check_in_op(me, first + 1, "0412345678", day)]
        answer = http.post("/v1/ops", json={"protocol": 1, "ops": ops})
    assert answer.status_code == 200
    letters, other_format = answer.json()["answers"]
    assert (letters["outcome"], letters["status"], letters["code"]) == ("rejected", 422, "malformed_op")
    assert "notify.phone" in letters["reason"] and "05x1234567" not in letters["reason"]
    assert other_format["outcome"] == "accepted", other_format
    with site.db.read() as session:
        reader = EventReader(session, few_ahead=3)
        for _, op in accepted_after(session, 0):
            reader.read(op)
        assert reader.contacts == [], "no messages for a number not of the site's format"
        assert session.get(Visit, ops[1]["payload"]["visit_id"]) is not None, "the patient is checked in"


@pytest.mark.anyio
async def test_numbers_are_forgotten_when_their_day_is_closed(site: Site, backend: str) -> None:
    receiver = Receiver(free_port()).start()
    config = parse_config(
        {
            "notifications": {"notifiers": ["webhook"], "phone_format": "05[0-9]{8}", "retry_first_s": 0.05},
            "webhook": {"url": f"http://127.0.0.1:{receiver.port}/hook", "secret": "0123456789abcdef0123"},
        }
    )
    outlets = build_notifiers(config)
    notifications = Notifications(site.db, config, outlets)
    try:
        set_phone_format(site.db, SYSTEM, config.phone_format)
        notifications.follow_once()  # starts following here
        kiosk = await site.device("k1", "kiosk")
        actor = kiosk_actor(kiosk)
        for n, phone in enumerate(("0501110001", "0501110002")):
            check_in(kiosk.store.db, actor, id_number=f"2840000000{n}", gender="male", exam_type="travel", phone=phone)
        await kiosk.sync_once()
        notifications.follow_once()
        assert notifications.deliver_once(outlets[0]) == 2
        receiver.stop()  # what is still queued when the day closes is never sent
        check_in(kiosk.store.db, actor, id_number="28400000003", gender="male", exam_type="travel", phone="0501110003")
        await kiosk.sync_once()
        notifications.follow_once()
        assert notifications.deliver_once(outlets[0]) == 1
        close_day(site.db, SYSTEM)
        notifications.follow_once()
        with site.db.read() as session:
            contacts = session.scalars(select(NotifyContact)).all()
            assert [c.phone for c in contacts] == [None, None, None]
            assert all(c.forgotten_at for c in contacts)
            logged = " ".join(session.scalars(select(OpRecord.payload)))
            assert not [phone for phone in ("0501110001", "0501110002", "0501110003") if phone in logged]
            statuses = sorted(session.scalars(select(NotifyDelivery.status)))
        assert statuses == ["delivered", "delivered", "expired"]
        assert {r.json()["phone"] for r in receiver.requests} == {"0501110001", "0501110002"}
    finally:
        notifications.stop()
        receiver.stop()
