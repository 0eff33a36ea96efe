"""With the server out of reach the kiosk still issues tickets, and says it is offline."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

import keyring
from pytestqt.qtbot import QtBot

from core.ops.log import pending_ops
from core.store import Store
from sync.client import SyncClient, SyncStatus
from sync.credentials import MemoryKeyring
from sync.link import ServerLink
from sync.server.run import free_port
from tests.conftest import accepted_ops, replay
from tests.kiosk.conftest import KioskFactory, choose_exam, tap
from tests.kiosk.test_check_in import walk_to_exam


async def sync_until(client: SyncClient, done: Callable[[SyncStatus], bool]) -> None:
    stop = asyncio.Event()
    runner = asyncio.ensure_future(client.run(stop))
    for _ in range(200):
        if done(client.status):
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(runner, 10)
    await client.link.aclose()


def test_with_the_server_unreachable_the_kiosk_still_issues_tickets_and_shows_offline(
    qtbot: QtBot, make_kiosk: KioskFactory, make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    keyring.set_keyring(MemoryKeyring())
    hub = make_store("hub")
    device = make_store("kiosk", kind="kiosk", site=False)
    replay(device, accepted_ops(hub), morning)
    window = make_kiosk(device, language="ar")
    client = SyncClient(device, ServerLink(f"http://127.0.0.1:{free_port()}"), on_status=window.show_sync_status)
    walk_to_exam(qtbot, window, "28400000041", "male")
    choose_exam(qtbot, window, "travel")
    assert window.current_screen() is window.ticket
    assert window.ticket.view.number.text().endswith("-1")
    asyncio.run(sync_until(client, lambda status: status.offline_since is not None))
    badge = window.badge
    assert badge.isVisible() and badge.property("role") == "badge-offline"
    assert badge.text() == "غير متصل", "a small mark for patients, no sync words"
    tap(qtbot, window, "switch-language")
    assert badge.text() == "Offline", "the mark follows the language"
    assert client.status.ops_waiting == 1
    with device.db.read() as session:
        assert [op.kind for op in pending_ops(session)] == ["visit.checked_in"]
