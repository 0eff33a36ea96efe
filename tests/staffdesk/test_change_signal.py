"""One signal for change: a pulled op refreshes the views that show its clinic and no
others; a console that starts before the site's configuration has arrived fills its
clinic lists when it does; a local action refreshes its page once."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.database import Database
from core.defaults import CLINICS
from core.ops.log import identity
from core.services.checkin import check_in
from core.services.config import log_in as sign_in
from core.services.queue import call_next
from core.store import Store, device_actor, open_store
from staffdesk.desk import Desk
from staffdesk.display.announcer import Announcer
from staffdesk.display.window import DisplayWindow
from staffdesk.window import StaffWindow
from sync.client import SyncClient
from sync.credentials import load_token
from sync.link import ServerLink
from sync.runtime.qt import Languages
from sync.server.enrollment import create_code
from sync.server.run import RunningServer
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import PASSWORDS, ConsoleFactory, enroll, log_in, sync_round


def pull_in_the_background(store: Store, url: str) -> threading.Thread:
    """Pull as the sync task does, its store work on worker threads (not the GUI's)."""

    async def pull() -> None:
        with store.db.read() as session:
            device_id = identity(session).device_id
        link = ServerLink(url, token=load_token(device_id))
        try:
            await SyncClient(store, link).pull_new()
        finally:
            await link.aclose()

    thread = threading.Thread(target=asyncio.run, args=(pull(),))
    thread.start()
    return thread


def enrolled(root: Path, kind: str, server: tuple[RunningServer, Database], *, pulled: bool = True) -> Store:
    running, server_db = server
    store = open_store(root, kind=kind)
    enroll(store, running.url, create_code(server_db), pull=pulled)
    return store


def board(qtbot: QtBot, store: Store, clinics: frozenset[str]) -> DisplayWindow:
    window = DisplayWindow(store.db, Announcer(speech=False, chime_ms=10), clinics=clinics, language="en")
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    return window


def test_a_pulled_call_refreshes_the_boards_showing_its_clinic_and_no_other(
    qtbot: QtBot, tmp_path: Path, server: tuple[RunningServer, Database], languages: Languages
) -> None:
    running, _ = server
    kiosk = enrolled(tmp_path / "kiosk", "kiosk", server)
    console = enrolled(tmp_path / "console", "staff", server)
    display = enrolled(tmp_path / "display", "display", server)
    try:
        check_in(kiosk.db, device_actor(kiosk.db), id_number="28700000001", gender="male", exam_type="recruitment")
        sync_round(kiosk, running.url)
        sync_round(console, running.url)
        sync_round(display, running.url)
        vitals, lab = board(qtbot, display, frozenset({"vitals"})), board(qtbot, display, frozenset({"lab"}))
        before = (vitals.repainted_after_change, lab.repainted_after_change)

        nurse = sign_in(console.db, username="nurse", password=PASSWORDS["nurse"])
        call_next(console.db, nurse, clinic="vitals", room="7")
        sync_round(console, running.url)
        pull_in_the_background(display, running.url).join()

        qtbot.waitUntil(lambda: (vitals.number_label("vitals") or lab.title).text().endswith("-1"), timeout=5000)
        qtbot.wait(100)
        assert vitals.repainted_after_change == before[0] + 1, "once for one pulled call"
        assert lab.repainted_after_change == before[1], "a board without that clinic reads nothing"
    finally:
        for store in (kiosk, console, display):
            store.close()


def test_a_new_console_fills_its_clinic_lists_when_the_configuration_arrives(
    qtbot: QtBot, tmp_path: Path, server: tuple[RunningServer, Database], languages: Languages
) -> None:
    running, _ = server
    store = enrolled(tmp_path / "console", "staff", server, pulled=False)
    try:
        languages.use("en")
        window = StaffWindow(Desk(store.db), languages)
        qtbot.addWidget(window)
        window.show()
        assert window.queue.clinic.count() == 0, "nothing has arrived yet"

        pull_in_the_background(store, running.url).join()
        qtbot.waitUntil(lambda: window.queue.clinic.count() == len(CLINICS), timeout=5000)
        log_in(qtbot, window, "nurse")
        assert window.stack.currentWidget() is window.work
        assert window.queue.clinic_code == "vitals"
    finally:
        store.close()


def test_a_local_action_refreshes_its_page_once(
    qtbot: QtBot, make_console: ConsoleFactory, monkeypatch: pytest.MonkeyPatch, morning: dt.datetime
) -> None:
    window = make_console("nurse")
    queue_reads = dashboard_reads = 0
    read_queue, read_dashboard = window.queue.refresh, window.dashboard.refresh

    def count_queue() -> None:
        nonlocal queue_reads
        queue_reads += 1
        read_queue()

    def count_dashboard() -> None:
        nonlocal dashboard_reads
        dashboard_reads += 1
        read_dashboard()

    monkeypatch.setattr(window.queue, "refresh", count_queue)
    monkeypatch.setattr(window.dashboard, "refresh", count_dashboard)
    tap(qtbot, window, "queue_call_next")
    qtbot.wait(300)
    assert window.queue.list.item(0, 1).text() == "Called"
    assert queue_reads == 1
    assert dashboard_reads == 0, "a hidden page reads nothing"
