"""An admin at a networked console asks the server for an enrollment code (on the Qt
loop through qasync, as the program runs), and the code enrolls a new device."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.database import Database
from core.ops.log import identity
from core.permissions import SYSTEM
from core.services.config import save_user
from core.store import open_store
from sync.server.run import RunningServer
from tests.qtsupport import tap
from tests.staffdesk.conftest import ConsoleFactory, enroll, fill_in, log_in, networked_console


def test_an_admin_gets_an_enrollment_code_from_the_console(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, server: tuple[RunningServer, Database]
) -> None:
    running, server_db = server
    save_user(server_db, SYSTEM, username="boss", password="boss-pass-1", role="admin")
    with networked_console(qtbot, qapp, tmp_path / "console", server) as (window, loop):
        log_in(qtbot, window, "boss", "boss-pass-1")
        admin = window.page("admin")
        devices = admin.devices
        admin.tabs.setCurrentWidget(devices)

        fill_in(qtbot, devices.password, "not-my-password")
        tap(qtbot, window, "admin_devices_save")
        assert devices.pending is not None
        loop.run_until_complete(devices.pending)
        assert admin.message.text() == "Wrong user name or password." and not devices.code.isVisible()

        fill_in(qtbot, devices.password, "boss-pass-1")
        tap(qtbot, window, "admin_devices_save")
        assert admin.message.text() == "Asking the server for a code..." and devices.password.text() == ""
        loop.run_until_complete(devices.pending)
        code = devices.code.text()
        assert devices.code.isVisible() and len(code) == 20
        assert admin.message.text().startswith("Type this code on the new device before ")

        newcomer = open_store(tmp_path / "new-display", kind="display")
        enroll(newcomer, running.url, code)
        with newcomer.db.read() as session:
            assert identity(session).station.startswith("D")
        newcomer.close()


def test_a_console_without_a_server_says_where_codes_come_from(qtbot: QtBot, make_console: ConsoleFactory) -> None:
    window = make_console("boss")
    admin = window.page("admin")
    admin.tabs.setCurrentWidget(admin.devices)
    fill_in(qtbot, admin.devices.password, "boss-pass-1")
    tap(qtbot, window, "admin_devices_save")
    assert admin.message.text() == "This console is not connected to a server, which makes the codes."
