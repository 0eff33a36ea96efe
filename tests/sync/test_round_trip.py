from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest
from sqlalchemy import func, select

from core.errors import TransitionRefused
from core.ops.log import identity, pending_ops
from core.permissions import Actor
from core.schema import Device, NumberLease, OpRecord, Ticket
from core.services import queue
from core.services.checkin import check_in
from core.services.config import set_setting
from sync.link import ServerLink
from sync.server.run import free_port
from tests.sync.conftest import MemoryKeyring, Site, converged, sync_all, user_actor

KIOSK = Actor("K1", "kiosk")

pytestmark = pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])


@pytest.mark.anyio
async def test_enrollment_gives_a_station_and_keeps_the_token_in_the_keyring(
    site: Site, memory_keyring: MemoryKeyring
) -> None:
    kiosk = await site.device("kiosk", "kiosk")
    console = await site.device("console", "staff")
    stations = []
    for client in (kiosk, console):
        with client.store.db.read() as session:
            me = identity(session)
        stations.append(me.station)
        assert memory_keyring.secrets[("mmc-mms", me.device_id)] == client.link.token
    assert stations == ["K1", "C1"]
    with site.db.read() as session:
        registered = {d.id: d.station for d in session.scalars(select(Device))}
    assert {"K1", "C1"} <= set(registered.values())


@pytest.mark.anyio
async def test_an_enrollment_code_works_once(site: Site) -> None:
    from sync.server.enrollment import create_code

    code = create_code(site.db)
    response = httpx.post(
        f"{site.url}/v1/enroll",
        json={"code": code, "device_id": "0" * 36, "kind": "kiosk", "name": "a"},
    )
    assert response.status_code == 200
    again = httpx.post(f"{site.url}/v1/enroll", json={"code": code, "device_id": "1" * 36, "kind": "kiosk"})
    assert again.status_code == 403 and again.json()["error"] == "enrollment_refused"


@pytest.mark.anyio
async def test_a_check_in_reaches_the_console_and_a_call_reaches_the_display(site: Site) -> None:
    kiosk, console, display = [await site.device(n, k) for n, k in (("k", "kiosk"), ("c", "staff"), ("d", "display"))]
    await sync_all(kiosk, console, display)
    done = check_in(kiosk.store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel")
    await sync_all(kiosk, console, display)
    called = queue.call_next(console.store.db, user_actor(console), clinic="vitals", room="101-1")
    assert called.ticket_id == done.place.ticket_id
    await sync_all(console, display, kiosk)
    with display.store.db.read() as session:
        ticket = session.get(Ticket, done.place.ticket_id)
        assert ticket is not None and (ticket.status, ticket.room) == ("CALLED", "101-1")
    for client in (kiosk, console, display):
        with client.store.db.read() as session:
            assert pending_ops(session) == []
    assert converged(site.db, kiosk, console, display)


@pytest.mark.anyio
async def test_kiosk_numbers_come_from_leases_once_online(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    await kiosk.pull_new()
    offline = check_in(kiosk.store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel")
    assert offline.place.label == "K1-1"
    await kiosk.sync_once()
    online = check_in(kiosk.store.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel")
    assert online.place.label == "1"


@pytest.mark.anyio
async def test_first_call_wins_and_the_other_console_is_told(site: Site) -> None:
    kiosk, one, two = [await site.device(n, k) for n, k in (("k", "kiosk"), ("c1", "staff"), ("c2", "staff"))]
    check_in(kiosk.store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel")
    await sync_all(kiosk, one, two)
    first = queue.call_next(one.store.db, user_actor(one), clinic="vitals", room="101-1")
    second = queue.call_next(two.store.db, user_actor(two), clinic="vitals", room="101-2")
    assert first.ticket_id == second.ticket_id
    await one.sync_once()
    await two.sync_once()
    assert [r.kind for r in two.status.refused] == ["ticket.called"]
    assert two.status.refused[0].code == "transition_refused" and "101-1" in two.status.refused[0].detail
    with two.store.db.read() as session:
        ticket = session.get(Ticket, first.ticket_id)
        assert ticket is not None and ticket.room == "101-1"
    with pytest.raises(TransitionRefused):
        queue.call_ticket(two.store.db, user_actor(two), ticket_id=first.ticket_id, room="101-2")
    await sync_all(one, two, kiosk)
    assert converged(site.db, one, two, kiosk)


@pytest.mark.anyio
async def test_a_response_lost_after_the_commit_is_answered_as_a_duplicate(site: Site) -> None:
    class LoseNextResponse(httpx.AsyncHTTPTransport):
        lose = 0

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            response = await super().handle_async_request(request)
            if self.lose and request.method == "POST" and request.url.path == "/v1/ops":
                self.lose -= 1
                await response.aread()
                raise httpx.ReadError("connection dropped after the server answered")
            return response

    transport = LoseNextResponse()
    kiosk = await site.device("k", "kiosk", transport=transport)
    for n in range(3):
        check_in(kiosk.store.db, KIOSK, id_number=f"2840000000{n}", gender="male", exam_type="travel")
    transport.lose = 1
    with pytest.raises(Exception, match="dropped"):
        await kiosk.push_pending()
    with kiosk.store.db.read() as session:
        assert len(pending_ops(session)) == 3
    assert await kiosk.push_pending() == 3
    with site.db.read() as session:
        applied = session.scalar(select(func.count()).select_from(OpRecord).where(OpRecord.kind == "visit.checked_in"))
    assert applied == 3
    await kiosk.pull_new()
    assert converged(site.db, kiosk)


@pytest.mark.anyio
async def test_the_status_tells_offline_since_and_what_waits(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    await kiosk.link.aclose()
    kiosk.link = ServerLink(f"http://127.0.0.1:{free_port()}", token=kiosk.link.token)
    check_in(kiosk.store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel")
    stop = asyncio.Event()

    async def briefly() -> None:
        task = asyncio.ensure_future(kiosk.run(stop))
        await asyncio.sleep(0.5)
        stop.set()
        await task

    await briefly()
    assert not kiosk.status.online and kiosk.status.offline_since is not None
    assert kiosk.status.problem
    assert isinstance(kiosk.status.offline_since, dt.datetime)


@pytest.mark.anyio
async def test_staff_log_in_on_a_console_with_the_server_gone(site: Site) -> None:
    from core.errors import BadCredentials
    from core.services.config import log_in

    console = await site.device("c", "staff")
    await console.link.aclose()
    site.server.stop()
    assert log_in(console.store.db, username="nurse", password="nurse-pass-1").role == "staff"
    with pytest.raises(BadCredentials):
        log_in(console.store.db, username="nurse", password="wrong-pass-1")


@pytest.mark.anyio
async def test_batches_sent_twice_or_out_of_order(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    for n in range(4):
        check_in(kiosk.store.db, KIOSK, id_number=f"2840000000{n}", gender="male", exam_type="travel")
    with kiosk.store.db.read() as session:
        ops = [op.as_dict() for op in pending_ops(session)]
    async with httpx.AsyncClient(base_url=site.url, headers={"authorization": f"Bearer {kiosk.link.token}"}) as http:

        async def push(batch: list[dict[str, object]]) -> dict[str, object]:
            return dict((await http.post("/v1/ops", json={"protocol": 1, "ops": batch})).json())

        late = await push(ops[2:])
        assert [a["outcome"] for a in late["answers"]] == ["not_processed", "not_processed"]
        assert late["expected_seq"] == ops[0]["device_seq"]
        first = await push(ops[:2])
        again = await push(ops[:2])
        assert [a["outcome"] for a in first["answers"]] == ["accepted", "accepted"]
        assert [a["outcome"] for a in again["answers"]] == ["duplicate", "duplicate"]
        assert [a["accepted_seq"] for a in again["answers"]] == [a["accepted_seq"] for a in first["answers"]]
        mixed = await push(ops)
        assert [a["outcome"] for a in mixed["answers"]] == ["duplicate", "duplicate", "accepted", "accepted"]
    with site.db.read() as session:
        count = session.scalar(select(func.count()).select_from(OpRecord).where(OpRecord.kind == "visit.checked_in"))
    assert count == 4


@pytest.mark.anyio
async def test_leases_are_refilled_before_they_run_out(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    kiosk.lease_size = 4
    await kiosk.sync_once()
    labels = []
    for n in range(10):
        labels.append(
            check_in(kiosk.store.db, KIOSK, id_number=f"2840000000{n}", gender="male", exam_type="travel").place.label
        )
        await kiosk.sync_once()
    assert labels == [str(n) for n in range(1, 11)]


@pytest.mark.anyio
async def test_a_batch_too_large_for_the_server_is_sent_in_smaller_ones(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sync.server.app.MAX_BODY_BYTES", 3_000)
    kiosk = await site.device("k", "kiosk")
    for n in range(12):
        check_in(kiosk.store.db, KIOSK, id_number=f"2850000000{n:02d}", gender="male", exam_type="travel")
    assert kiosk.batch == 1000
    answered = await kiosk.push_pending()
    assert answered == 12 and kiosk.status.ops_waiting == 0 and not kiosk.status.refused
    assert kiosk.batch < 12
    with site.db.read() as session:
        count = session.scalar(select(func.count()).select_from(OpRecord).where(OpRecord.kind == "visit.checked_in"))
    assert count == 12


@pytest.mark.anyio
async def test_a_device_leases_blocks_of_the_size_the_site_sets(site: Site) -> None:
    console = await site.device("c", "staff")
    set_setting(console.store.db, user_actor(console, "boss"), key="lease_block", value=7)
    await console.sync_once()
    kiosk = await site.device("k", "kiosk")
    await kiosk.sync_once()
    with kiosk.store.db.read() as session:
        me = identity(session).device_id
        sizes = {lease.last - lease.first + 1 for lease in session.scalars(select(NumberLease))}
        assert session.scalar(select(func.count()).select_from(NumberLease).where(NumberLease.device_id == me))
    assert sizes == {7}
