"""An admin chooses the clinics of one hall display in the console; the choice reaches
that display through the server and no other display."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.database import Database
from core.ops.log import identity
from core.permissions import SYSTEM
from core.services.config import save_user
from core.store import Store, open_store
from staffdesk.desk import Desk
from staffdesk.display.announcer import Announcer
from staffdesk.display.window import DisplayWindow
from staffdesk.window import StaffWindow
from sync.runtime.qt import Languages
from sync.server.enrollment import create_code
from sync.server.run import RunningServer
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import enroll, log_in, sync_round


def enrolled(root: Path, kind: str, server: tuple[RunningServer, Database]) -> Store:
    running, server_db = server
    store = open_store(root, kind=kind)
    enroll(store, running.url, create_code(server_db))
    return store


def board_clinics(qtbot: QtBot, store: Store) -> list[str]:
    display = DisplayWindow(store.db, Announcer(speech=False, chime_ms=10), language="en", rows=16)
    qtbot.addWidget(display)
    display.show()
    settle(qtbot)
    return [row[0].text().split("<br>")[0] for row in display.rows if row[0].text()]


def test_the_admin_chooses_a_displays_clinics_and_only_that_display_follows(
    qtbot: QtBot, tmp_path: Path, server: tuple[RunningServer, Database], languages: Languages
) -> None:
    running, server_db = server
    save_user(server_db, SYSTEM, username="boss", password="boss-pass-1", role="admin")
    hall_a = enrolled(tmp_path / "hall-a", "display", server)
    hall_b = enrolled(tmp_path / "hall-b", "display", server)
    console = enrolled(tmp_path / "console", "staff", server)
    try:
        with hall_a.db.read() as session:
            station = identity(session).station
        languages.use("en")
        window = StaffWindow(Desk(console.db), languages)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        settle(qtbot)
        log_in(qtbot, window, "boss", "boss-pass-1")
        admin = window.page("admin")
        admin.tabs.setCurrentWidget(admin.devices)
        settle(qtbot)
        devices = admin.devices
        row = next(r for r in range(devices.list.rowCount()) if devices.list.item(r, 0).text() == station)
        devices.list.setCurrentCell(row, 0)
        assert devices.board_clinics.isVisible() and station in devices.board_title.text()
        assert devices.board_clinics.count() == 16
        for index in range(devices.board_clinics.count()):
            item = devices.board_clinics.item(index)
            if item.text() in ("X-Ray", "Laboratory"):
                item.setCheckState(Qt.CheckState.Checked)
        tap(qtbot, window, "admin_display_save")
        assert admin.message.text() == f"2 clinics chosen for {station}."
        sync_round(console, running.url)
        sync_round(hall_a, running.url)
        sync_round(hall_b, running.url)

        assert board_clinics(qtbot, hall_a) == ["Laboratory", "X-Ray"]
        assert len(board_clinics(qtbot, hall_b)) == 16, "the other display still shows every clinic"

        kiosk_row = next(r for r in range(devices.list.rowCount()) if devices.list.item(r, 1).text() == "Staff console")
        devices.list.setCurrentCell(kiosk_row, 0)
        assert not devices.board_clinics.isVisible(), "only a hall display has clinics to choose"
    finally:
        for store in (hall_a, hall_b, console):
            store.close()
