"""Two consoles call the same patient, one of them offline: when it syncs, the server
refuses its call and the console says so plainly, in the user's language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.database import Database
from core.permissions import SYSTEM
from core.services.checkin import check_in
from core.store import open_store
from staffdesk.desk import Desk
from staffdesk.window import StaffWindow
from sync.client import SyncStatus
from sync.runtime.qt import Languages
from sync.server.enrollment import create_code
from sync.server.run import RunningServer
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory, enroll, log_in, sync_round


def test_a_call_made_offline_on_a_patient_already_called_is_shown_as_a_conflict(
    qtbot: QtBot, languages: Languages, tmp_path: Path, server: tuple[RunningServer, Database]
) -> None:
    running, server_db = server
    check_in(server_db, SYSTEM, id_number="28700000009", gender="male", exam_type="travel")
    consoles = []
    for name in ("a", "b"):
        store = open_store(tmp_path / name, kind="staff")
        enroll(store, running.url, create_code(server_db))
        window = StaffWindow(Desk(store.db), languages)
        qtbot.addWidget(window)
        window.show()
        log_in(qtbot, window, "nurse")
        consoles.append((store, window))
    (store_a, console_a), (store_b, console_b) = consoles
    languages.use("ar")
    assert [t.label for t in console_a.queue.tickets] == ["1"] == [t.label for t in console_b.queue.tickets]

    tap(qtbot, console_b, "queue_call_next")
    assert sync_round(store_b, running.url) == 1
    tap(qtbot, console_a, "queue_call_next")  # a has not heard of b's call: it is offline
    assert console_a.queue.tickets[0].status == "CALLED"
    assert not console_a.conflict.isVisible()

    sync_round(store_a, running.url, on_status=console_a.show_sync_status)
    settle(qtbot)
    assert console_a.conflict.isVisible()
    assert console_a.conflict.text() == (
        "رفض الخادم النداء للتذكرة 1 (العلامات الحيوية): سبقك إليها شخص آخر. حالتها الآن: تم النداء."
    )
    assert console_a.sync.refused.rowCount() == 1
    assert console_a.sync.refused.item(0, 0).text() == "النداء"
    assert console_a.sync.refused.item(0, 1).text() == "سبقك إليها شخص آخر"
    console_a.page("sync")
    assert not console_a.conflict.isVisible()
    for store, _ in consoles:
        store.close()


def test_the_sync_page_says_since_when_offline_without_a_dangling_colon(
    make_console: ConsoleFactory, morning: dt.datetime
) -> None:
    window = make_console("nurse")
    since = morning.replace(hour=10, minute=26)
    window.show_sync_status(SyncStatus(online=False, offline_since=since))
    assert window.sync.state.text() == "Offline since 10:26:00."
    window.show_sync_status(SyncStatus(online=False, offline_since=since, problem="connection refused"))
    assert window.sync.state.text() == "Offline since 10:26:00: connection refused"
