"""A new device catches up from the server's snapshot and ends where a device that
replayed the whole log ends, and stays there as the day goes on."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.digest import StateView, state_digest
from core.ops.replica import pull_cursor, rebuild_view, take_epoch
from core.schema import OpRecord, SnapshotBase, Ticket
from core.services import queue
from core.services.checkin import check_in
from core.services.visits import rotate_pin
from sync.client import SyncClient
from tests.sync.conftest import Site, converged, kind_of, kiosk_actor, sync_all, user_actor

pytestmark = pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])


def _digest(client: SyncClient) -> str:
    with client.store.db.read() as session:
        return state_digest(session, StateView(kind_of(client)))


def _ops_held(client: SyncClient) -> int:
    with client.store.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(OpRecord)) or 0)


async def _a_morning(site: Site) -> tuple[SyncClient, SyncClient]:
    kiosk = await site.device("kiosk", "kiosk")
    console = await site.device("console", "staff")
    nurse = user_actor(console)
    for n in range(12):
        check_in(kiosk.store.db, kiosk_actor(kiosk), id_number=f"2840000{n:04d}", gender="male", exam_type="travel")
    await sync_all(kiosk, console)
    for _ in range(5):
        queue.call_next(console.store.db, nurse, clinic="vitals", room="1")
    called = queue.call_next(console.store.db, nurse, clinic="vitals", room="1")
    queue.start(console.store.db, nurse, ticket_id=called.ticket_id)
    queue.complete(console.store.db, nurse, ticket_id=called.ticket_id)
    rotate_pin(console.store.db, user_actor(console, "boss"), clinic="vitals")
    await sync_all(kiosk, console)
    return kiosk, console


@pytest.mark.anyio
@pytest.mark.parametrize("kind", ["kiosk", "staff", "display"])
async def test_a_snapshot_and_the_whole_log_give_the_same_state(site: Site, kind: str) -> None:
    kiosk, console = await _a_morning(site)
    replayed = await site.device("replayed", kind, snapshots=False)
    caught_up = await site.device("caught-up", kind)
    await replayed.pull_new()  # the other's enrollment

    assert _digest(caught_up) == _digest(replayed)
    assert converged(site.db, replayed, caught_up)
    assert _ops_held(caught_up) < _ops_held(replayed)
    with caught_up.store.db.read() as session:
        assert session.get(SnapshotBase, 1) is not None

    for n in range(12, 16):
        check_in(kiosk.store.db, kiosk_actor(kiosk), id_number=f"2840000{n:04d}", gender="male", exam_type="travel")
    await sync_all(kiosk, console, replayed, caught_up)
    queue.call_next(console.store.db, user_actor(console), clinic="vitals", room="2")
    await sync_all(console, kiosk, replayed, caught_up)
    assert _digest(caught_up) == _digest(replayed)
    assert converged(site.db, kiosk, console, replayed, caught_up)

    with caught_up.store.db.write() as session:
        rebuild_view(session, caught_up.now())
    assert _digest(caught_up) == _digest(replayed), "a rebuild starts from the snapshot and keeps the state"


@pytest.mark.anyio
async def test_a_console_that_caught_up_works_the_queue(site: Site) -> None:
    kiosk, _ = await _a_morning(site)
    late = await site.device("late-console", "staff")
    called = queue.call_next(late.store.db, user_actor(late), clinic="vitals", room="3")
    await sync_all(late, kiosk)
    assert converged(site.db, late, kiosk)
    with site.db.read() as session:
        ticket = session.get(Ticket, called.ticket_id)
        assert ticket is not None and (ticket.status, ticket.room) == ("CALLED", "3")


@pytest.mark.anyio
async def test_a_server_gone_back_before_the_snapshot_makes_the_device_read_the_state_again(site: Site) -> None:
    """The server's new epoch begins before the sequence the device's snapshot holds: the
    snapshot is void, the device starts over from the server and ends where it is."""
    kiosk, console = await _a_morning(site)
    late = await site.device("late", "staff")
    with late.store.db.read() as session:
        base = session.get(SnapshotBase, 1)
        assert base is not None and base.seq > 1
    with late.store.db.write() as session:
        assert take_epoch(session, "0" * 36, 1, late.now())
        assert session.get(SnapshotBase, 1) is None and pull_cursor(session) == 0
    await sync_all(late, kiosk, console)
    assert converged(site.db, late)
    assert converged(site.db, kiosk, console)
