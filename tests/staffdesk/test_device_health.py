"""The console's Devices page shows each device's health as the server heard it: a kiosk
whose machine clock is two days off is flagged, a device that never reported says so."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.clock import DeviceClock, utc_now
from core.database import Database
from core.ops.log import identity
from core.permissions import SYSTEM
from core.services.config import save_user
from core.store import open_store
from sync.client import SyncClient
from sync.credentials import load_token
from sync.link import ServerLink
from sync.server.enrollment import create_code
from sync.server.run import RunningServer
from tests.staffdesk.conftest import enroll, log_in, networked_console


def _report_from_a_kiosk(url: str, server_db: Database, root: Path, ahead: dt.timedelta) -> str:
    """Enroll a kiosk whose clock runs `ahead`, sync it once and have it report; its station."""
    store = open_store(root, kind="kiosk")
    enroll(store, url, create_code(server_db))
    with store.db.read() as session:
        me = identity(session)

    async def run() -> None:
        machine = DeviceClock(system=lambda: utc_now() + ahead)
        client = SyncClient(store, ServerLink(url, token=load_token(me.device_id)), clock=machine)
        await client.sync_once()
        await client.report_health(now=True)
        await client.link.aclose()

    asyncio.run(run())
    store.close()
    return me.station


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_devices_page_flags_a_kiosk_whose_clock_is_off(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, server: tuple[RunningServer, Database], language: str
) -> None:
    running, server_db = server
    save_user(server_db, SYSTEM, username="boss", password="boss-pass-1", role="admin")
    wrong = _report_from_a_kiosk(running.url, server_db, tmp_path / "wrong", dt.timedelta(days=2))
    right = _report_from_a_kiosk(running.url, server_db, tmp_path / "right", dt.timedelta(0))
    with networked_console(qtbot, qapp, tmp_path / "console", server, language) as (window, loop):
        log_in(qtbot, window, "boss", "boss-pass-1")
        admin = window.page("admin")
        admin.tabs.setCurrentWidget(admin.devices)

        async def refreshed() -> None:
            admin.devices.refresh()
            assert admin.devices.health_pending is not None
            await admin.devices.health_pending

        loop.run_until_complete(refreshed())
        shown = {
            admin.devices.list.item(r, 0).text(): admin.devices.list.item(r, 4).text()
            for r in range(admin.devices.list.rowCount())
        }
        clock_off = {"en": "Clock off by 48:00", "ar": "فرق الساعة 48:00"}[language]
        assert shown[wrong].startswith(clock_off), shown
        assert shown[right].startswith({"en": "OK (version", "ar": "سليم"}[language]), shown
        console = next(key for key in shown if key.startswith("C"))
        assert shown[console] == {"en": "Never reported", "ar": "لم يُبلِغ قط"}[language]
        window.grab().save(str(tmp_path / f"devices-health-{language}.png"))
