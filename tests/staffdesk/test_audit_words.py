"""The audit log as a supervisor reads it: in their language, clinics by name, no internal
ids, and what patients did at the kiosks of a networked site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.database import Database
from core.errors import WrongPin
from core.ops.log import identity
from core.permissions import SYSTEM
from core.services.checkin import check_in
from core.services.config import log_in as sign_in
from core.services.config import save_user
from core.services.queue import call_next
from core.services.visits import confirm_clinic, todays_pin
from core.store import Store, device_actor, open_store
from staffdesk.desk import Desk
from staffdesk.window import StaffWindow
from sync.runtime.qt import Languages
from sync.server.enrollment import create_code
from sync.server.run import RunningServer
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory, enroll, log_in, sync_round


def rows(window: StaffWindow) -> list[list[str]]:
    entries = window.page("audit").entries
    return [[entries.item(r, c).text() for c in range(6)] for r in range(entries.rowCount())]


def test_a_refusal_reads_in_arabic_with_the_clinic_by_name(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    nurse = make_console("nurse", language="ar")
    nurse.queue.choose_clinic("ecg")
    tap(qtbot, nurse, "queue_call_next")
    chief = make_console("chief", language="ar")
    chief.page("audit")
    tap(qtbot, chief, "audit_apply")
    refused = next(row for row in rows(chief) if row[4] == "مرفوض")
    assert refused[2:4] == ["نداء التالي", "تخطيط القلب"], refused
    assert refused[5] == "لم يكن أحد في الانتظار.", refused
    assert not any("ecg" in cell or "queue_empty" in cell for row in rows(chief) for cell in row)


def test_the_console_shows_what_patients_did_at_the_kiosks(
    qtbot: QtBot, tmp_path: Path, server: tuple[RunningServer, Database], languages: Languages
) -> None:
    running, server_db = server
    save_user(server_db, SYSTEM, username="chief", password="chief-pass-1", role="supervisor")
    kiosk = open_store(tmp_path / "kiosk", kind="kiosk")
    console = open_store(tmp_path / "console", kind="staff")
    try:
        for store in (kiosk, console):
            enroll(store, running.url, create_code(server_db))
        with kiosk.db.read() as session:
            station = identity(session).station
        visit = check_in(kiosk.db, device_actor(kiosk.db), id_number="28400000071", gender="male", exam_type="travel")
        sync_round(kiosk, running.url)
        sync_round(console, running.url)
        nurse = sign_in(console.db, username="chief", password="chief-pass-1")
        call_next(console.db, nurse, clinic="vitals", room="3")
        sync_round(console, running.url)
        sync_round(kiosk, running.url)
        pin = todays_pin(console.db, nurse, clinic="vitals")
        for wrong in (pin % 89 + 10, (pin + 1) % 89 + 10):
            with pytest.raises(WrongPin):
                confirm_clinic(kiosk.db, device_actor(kiosk.db), visit_id=visit.visit_id, pin=wrong)
        sync_round(kiosk, running.url)
        sync_round(console, running.url)
        languages.use("en")
        window = StaffWindow(Desk(console.db), languages)
        qtbot.addWidget(window)
        window.show()
        settle(qtbot)
        log_in(qtbot, window, "chief", "chief-pass-1")
        window.page("audit").refresh()
        settle(qtbot)
        mine = [row for row in rows(window) if row[1] == station]
        assert [row[2:5] for row in mine] == [
            ["Wrong PIN at a kiosk", "Vital Signs", "Done"],
            ["Wrong PIN at a kiosk", "Vital Signs", "Done"],
            ["Check-in", "Vital Signs", "Done"],
        ], rows(window)
    finally:
        kiosk.close()
        console.close()
