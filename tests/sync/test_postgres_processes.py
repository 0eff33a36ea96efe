"""On PostgreSQL the server scales out as several processes: a call accepted by one wakes
the long-polls waiting on another at once (LISTEN/NOTIFY), not at the end of their wait."""

from __future__ import annotations

import asyncio
import time

import pytest

from core.schema import Ticket
from core.services import queue
from core.services.checkin import check_in
from sync.link import ServerLink
from sync.server.app import create_app
from sync.server.run import serve_in_thread
from tests.sync.conftest import Site, kiosk_actor, user_actor

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("backend", ["postgres"])]


@pytest.mark.anyio
async def test_a_push_to_one_server_wakes_a_pull_waiting_on_another(site: Site) -> None:
    other = serve_in_thread(create_app(site.db))
    try:
        kiosk = await site.device("k", "kiosk")
        console = await site.device("c", "staff")
        display = await site.device("d", "display")
        await display.link.aclose()
        display.link = ServerLink(other.url, token=display.link.token)
        check_in(kiosk.store.db, kiosk_actor(kiosk), id_number="28400000001", gender="male", exam_type="travel")
        await kiosk.sync_once()
        await console.pull_new()
        await display.pull_new()
        waiting = asyncio.ensure_future(display.pull_new(8.0))
        await asyncio.sleep(0.3)
        started = time.monotonic()
        called = queue.call_next(console.store.db, user_actor(console), clinic="vitals", room="1")
        await console.push_pending()
        await waiting
        elapsed = time.monotonic() - started
        with display.store.db.read() as session:
            ticket = session.get(Ticket, called.ticket_id)
            assert ticket is not None and ticket.status == "CALLED"
        assert elapsed < 4, f"the other process's long-poll woke after {elapsed:.1f} s"
    finally:
        other.stop()
