"""Midnight with a real server process whose clock is at the committee's midnight
(libfaketime): a patient checked in at 23:59 is called at 00:01, confirms with the PIN
the console shows and gets the next clinic on their day; at the closing hour the server
closes the day by itself and every device sees the patients still open settled."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from core.clock import SITE_ZONE, SimulatedClock
from core.permissions import SYSTEM
from core.schema import ClosedDay, Ticket
from core.services import queue, visits
from core.services.checkin import check_in
from core.services.config import log_in, save_user
from core.store import device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.credentials import MemoryKeyring
from sync.link import ServerLink
from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db, start_server_process
from tests.sync.conftest import converged
from tests.sync.test_postgres_concurrency import CountingTransport
from tests.system.faketime import faketime_env


def local(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SITE_ZONE)


def utc_text(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("@%Y-%m-%d %H:%M:%S")


@pytest.mark.anyio
async def test_checked_in_at_2359_called_at_0001_and_closed_at_the_closing_hour(tmp_path: Path) -> None:
    keyring.set_keyring(MemoryKeyring())
    data = tmp_path / "server-data"
    db = open_server_db(root=data / "server")
    save_user(db, SYSTEM, username="nurse", password="nurse-pass-1", role="staff")
    codes = [create_code(db), create_code(db)]
    db.dispose()
    port = free_port()
    server = start_server_process(data, port, env=faketime_env(utc_text(local(4, 23, 58))))
    url = f"http://127.0.0.1:{port}"
    clock = SimulatedClock(local(4, 23, 58))
    statuses: collections.Counter[int] = collections.Counter()
    kiosk_store = open_store(tmp_path / "kiosk", kind="kiosk")
    console_store = open_store(tmp_path / "console", kind="staff")
    kiosk = SyncClient(kiosk_store, ServerLink(url, transport=CountingTransport(statuses)), now=clock.now)
    console = SyncClient(console_store, ServerLink(url, transport=CountingTransport(statuses)), now=clock.now)
    try:
        for client, code in ((kiosk, codes[0]), (console, codes[1])):
            await enroll_device(client.store, client.link, code=code)
            await client.sync_once()
        nurse = log_in(console_store.db, username="nurse", password="nurse-pass-1")

        visit = check_in(
            kiosk_store.db,
            device_actor(kiosk_store.db),
            id_number="28400000001",
            gender="male",
            exam_type="travel",
            now=local(4, 23, 59),
        ).visit_id
        await kiosk.sync_once()
        await console.sync_once()
        clock.set(local(5, 0, 1))
        called = queue.call_next(console_store.db, nurse, clinic="vitals", room="1", now=local(5, 0, 1))
        pin = visits.todays_pin(console_store.db, nurse, clinic="vitals", now=local(5, 0, 2))
        await console.sync_once()
        await kiosk.sync_once()
        done = visits.confirm_clinic(
            kiosk_store.db, device_actor(kiosk_store.db), visit_id=visit, pin=pin, now=local(5, 0, 2)
        )
        assert done.next_place is not None
        await kiosk.sync_once()
        await console.sync_once()
        assert kiosk.status.refused == () and console.status.refused == ()
        with console_store.db.read() as session:
            next_ticket = session.scalar(select(Ticket).where(Ticket.visit_id == visit, Ticket.clinic == "lab"))
            assert next_ticket is not None and next_ticket.day == "2026-12-04"
            assert session.get(Ticket, called.ticket_id) is not None

        server.kill()
        server.wait()
        server = start_server_process(data, port, env=faketime_env(utc_text(local(5, 4, 0) + dt.timedelta(seconds=30))))
        clock.set(local(5, 4, 1))
        for _ in range(2):
            await console.sync_once()
            await kiosk.sync_once()
        final = open_server_db(root=data / "server")
        try:
            with final.read() as session:
                closed = session.get(ClosedDay, "2026-12-04")
                lab = session.scalar(select(Ticket.status).where(Ticket.visit_id == visit, Ticket.clinic == "lab"))
            assert closed is not None and closed.closed_by == "system" and lab == "NO_SHOW"
            assert converged(final, kiosk, console)
        finally:
            final.dispose()
        assert not [status for status in statuses if status >= 500], dict(statuses)
    finally:
        for client in (kiosk, console):
            await client.link.aclose()
            client.store.close()
        server.kill()
        server.wait()
