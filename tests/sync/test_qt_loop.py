"""The sync client runs on the Qt event loop through qasync, as it will in the apps."""

from __future__ import annotations

import asyncio

import qasync
from PySide6.QtWidgets import QApplication

from core.permissions import Actor
from core.services.checkin import check_in
from sync.client import SyncClient, enroll_device
from sync.link import ServerLink
from sync.server.enrollment import create_code
from tests.sync.conftest import Site


def test_sync_runs_on_the_qt_event_loop(qapp: QApplication, site_sync: Site) -> None:
    loop = qasync.QEventLoop(qapp)
    ticks = []

    async def scenario() -> int:
        store = site_sync.store("k", "kiosk")
        link = ServerLink(site_sync.url)
        await enroll_device(store, link, code=create_code(site_sync.db))
        client = SyncClient(store, link)
        await client.pull_new()
        check_in(store.db, Actor("K1", "kiosk"), id_number="28400000001", gender="male", exam_type="travel")
        timer = asyncio.get_running_loop().call_later(0, lambda: ticks.append("the Qt loop kept running"))
        answered = await client.push_pending()
        await link.aclose()
        timer.cancel()
        return answered

    try:
        answered = loop.run_until_complete(scenario())
    finally:
        loop.close()
    assert answered == 1 and ticks
