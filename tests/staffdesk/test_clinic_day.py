"""A clinic day from every seat, end to end: a real server process; two kiosks, two
consoles and a hall display with all 16 clinics, each a real window on its own store,
synced through the server. Patients check in by touch and by scanner, staff call, set
aside, transfer and complete, the board shows each clinic's calls, the audit log holds
each step; the morning in Arabic, the afternoon in English."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.defaults import CLINICS
from core.ops.log import identity
from core.permissions import SYSTEM
from core.schema import Ticket, Visit
from core.services.audit import audit_log
from core.services.board import BoardRow
from core.services.config import log_in as sign_in
from core.services.config import save_user
from core.store import Store, device_actor, open_store
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter
from kiosk.window import KioskWindow
from staffdesk.desk import Desk
from staffdesk.display.announcer import Announcer
from staffdesk.display.window import DisplayWindow
from staffdesk.window import StaffWindow
from sync.client import SyncClient
from sync.credentials import MemoryKeyring, load_token
from sync.link import ServerLink
from sync.runtime.qt import Languages
from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db, start_server_process
from tests.kiosk.conftest import choose_exam, type_digits
from tests.kiosk.test_walk_up import scan
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import enroll, log_in, press

USERS = {"nurse": ("nurse-pass-1", "staff"), "chief": ("chief-pass-1", "supervisor")}
KINDS = {"kiosk-1": "kiosk", "kiosk-2": "kiosk", "console-1": "staff", "console-2": "staff", "hall": "display"}
ALL_CLINICS = {c.code for c in CLINICS}


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, dict[str, Store]]]:
    """`mmc server run` in a child process and five enrolled device stores."""
    data = tmp_path / "server"
    db = open_server_db(root=data / "server")
    for username, (password, role) in USERS.items():
        save_user(db, SYSTEM, username=username, password=password, role=role)
    codes = [create_code(db) for _ in KINDS]
    db.dispose()
    port = free_port()
    server = start_server_process(data, port)
    url = f"http://127.0.0.1:{port}"
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    stores: dict[str, Store] = {}
    try:
        for (name, kind), code in zip(KINDS.items(), codes, strict=True):
            stores[name] = open_store(tmp_path / name, kind=kind)
            enroll(stores[name], url, code)
        yield url, stores
    finally:
        for store in stores.values():
            store.close()
        keyring.set_keyring(previous)
        server.kill()
        server.wait()


def sync(url: str, *stores: Store) -> None:
    """One round of each device's sync, in turn, as their sync tasks would."""

    async def run(store: Store) -> None:
        with store.db.read() as session:
            device_id = identity(session).device_id
        client = SyncClient(store, ServerLink(url, token=load_token(device_id)))
        try:
            await client.sync_once()
        finally:
            await client.link.aclose()

    for store in stores:
        asyncio.run(run(store))


def kiosk_window(qtbot: QtBot, languages: Languages, store: Store, folder: Path) -> KioskWindow:
    window = KioskWindow(KioskFlow(store.db, device_actor(store.db)), languages, PdfPrinter(folder), locked=False)
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    settle(qtbot)
    return window


def console_window(qtbot: QtBot, languages: Languages, store: Store, user: str) -> StaffWindow:
    window = StaffWindow(Desk(store.db), languages)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    settle(qtbot)
    log_in(qtbot, window, user, USERS[user][0])
    assert window.stack.currentWidget() is window.work
    return window


def check_in_by_touch(
    qtbot: QtBot, kiosk: KioskWindow, id_number: str, gender: str, exam: str, *, done: bool = True
) -> str:
    tap(qtbot, kiosk, "start-check-in")
    type_digits(qtbot, kiosk, id_number)
    tap(qtbot, kiosk, "keypad-ok")
    tap(qtbot, kiosk, f"gender-{gender}")
    choose_exam(qtbot, kiosk, exam)
    assert kiosk.current_screen() is kiosk.ticket, kiosk.exam.error.text()
    label = kiosk.ticket.view.number.text()
    if done:
        tap(qtbot, kiosk, "ticket-done")
    return label


def tickets(store: Store, id_number: str) -> dict[str, str]:
    """The patient's tickets today as this store knows them: clinic -> status."""
    with store.db.read() as session:
        rows = session.execute(select(Ticket.clinic, Ticket.status).where(Ticket.patient_id == id_number))
        return {clinic: status for clinic, status in rows}


def clinic_row(board: DisplayWindow, clinic: str) -> BoardRow:
    return next(row for row in board.shown.rows if row.clinic == clinic)


def called_at(board: DisplayWindow, clinic: str) -> str:
    call = clinic_row(board, clinic).call
    return call.label if call is not None else ""


def latest_call(board: DisplayWindow) -> tuple[str, str]:
    call = board.shown.latest[0]
    return call.label, call.clinic


def row_of(console: StaffWindow, label: str) -> int:
    table = console.queue.list
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)


def test_a_clinic_day_from_every_seat(
    qtbot: QtBot, tmp_path: Path, languages: Languages, site: tuple[str, dict[str, Store]]
) -> None:
    url, stores = site
    kiosks, consoles, hall = (
        (stores["kiosk-1"], stores["kiosk-2"]),
        (stores["console-1"], stores["console-2"]),
        stores["hall"],
    )
    sync(url, *stores.values())

    # Morning, in Arabic.
    languages.use("ar")
    kiosk_1 = kiosk_window(qtbot, languages, kiosks[0], tmp_path / "tickets-1")
    kiosk_2 = kiosk_window(qtbot, languages, kiosks[1], tmp_path / "tickets-2")
    board = DisplayWindow(hall.db, Announcer(speech=False, chime_ms=10), language="ar", rows=8)
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    settle(qtbot)
    assert {row.clinic for row in board.shown.rows} == ALL_CLINICS and board.pages == 2

    first = check_in_by_touch(qtbot, kiosk_1, "28400000101", "male", "recruitment")
    assert tickets(kiosks[0], "28400000101") == {"vitals": "WAITING"}
    kiosk_2.activateWindow()
    qtbot.waitUntil(kiosk_2.isActiveWindow)
    tap(qtbot, kiosk_2, "start-check-in")
    scan(qtbot, "28400000102")
    assert kiosk_2.current_screen() is kiosk_2.gender, "the scanner's digits and Enter reached the ID step"
    tap(qtbot, kiosk_2, "gender-male")
    choose_exam(qtbot, kiosk_2, "recruitment")
    second = kiosk_2.ticket.view.number.text()
    assert is_arabic(kiosk_2.ticket.view.clinic.text())
    tap(qtbot, kiosk_2, "ticket-done")
    third = check_in_by_touch(qtbot, kiosk_2, "28400000103", "female", "travel")
    sync(url, *kiosks, *consoles, hall)
    qtbot.waitUntil(lambda: clinic_row(board, "vitals").waiting == 3)

    vitals = console_window(qtbot, languages, consoles[0], "nurse")
    vitals.queue.choose_clinic("vitals", "1")
    settle(qtbot)
    assert [vitals.queue.list.item(r, 0).text() for r in range(3)] == [first, second, third]
    tap(qtbot, vitals, "queue_call_next")
    press(qtbot, vitals, Qt.Key.Key_F5)
    assert is_arabic(vitals.queue.message.text())
    tap(qtbot, vitals, "queue_call_next")
    tap(qtbot, vitals, "queue_park")
    tap(qtbot, vitals, "queue_call_next")
    vitals.queue.list.setCurrentCell(row_of(vitals, third), 0)
    vitals.queue.transfer_to.setCurrentIndex(vitals.queue.transfer_to.findData("xray"))
    press(qtbot, vitals, Qt.Key.Key_F7)
    tap(qtbot, vitals, "queue_confirm_yes")
    vitals.queue.list.setCurrentCell(row_of(vitals, second), 0)
    press(qtbot, vitals, Qt.Key.Key_F9)
    press(qtbot, vitals, Qt.Key.Key_F5)
    assert tickets(consoles[0], "28400000101") == {"vitals": "COMPLETED", "lab": "WAITING"}
    assert tickets(consoles[0], "28400000102") == {"vitals": "COMPLETED", "lab": "WAITING"}
    assert tickets(consoles[0], "28400000103") == {"vitals": "CANCELLED", "xray": "WAITING"}

    sync(url, consoles[0], hall, consoles[1], *kiosks)
    qtbot.waitUntil(lambda: clinic_row(board, "lab").waiting == 2)
    assert called_at(board, "vitals") == "", "nobody in service there now"
    assert latest_call(board) == (second, "vitals"), "called back last"
    assert clinic_row(board, "xray").waiting == 1

    lab = console_window(qtbot, languages, consoles[1], "chief")
    lab.queue.choose_clinic("lab", "7")
    settle(qtbot)
    tap(qtbot, lab, "queue_call_next")
    at_lab = lab.queue.tickets[0].label
    sync(url, consoles[1], hall)
    qtbot.waitUntil(lambda: (board.number_label("lab") or board.title).text() == at_lab)
    assert board.page == board.shown.page_of("lab", board.rows_per_page), "the new call's page is up"
    press(qtbot, lab, Qt.Key.Key_F5)
    sync(url, consoles[1], *kiosks)

    tap(qtbot, kiosk_1, "start-where")
    type_digits(qtbot, kiosk_1, "28400000101")
    tap(qtbot, kiosk_1, "keypad-ok")
    assert kiosk_1.current_screen() is kiosk_1.place
    assert is_arabic(kiosk_1.place.view.clinic.text()) and "X" not in kiosk_1.place.view.clinic.text()
    assert kiosk_1.card is not None and kiosk_1.card.clinic == "xray"
    tap(qtbot, kiosk_1, "place-done")

    audit = lab.page("audit")
    tap(qtbot, lab, "audit_apply")
    morning_rows = [[audit.entries.item(r, c).text() for c in range(6)] for r in range(audit.entries.rowCount())]
    actions = [row[2] for row in morning_rows]
    assert actions.count("تسجيل الحضور") == 3, morning_rows
    assert {"نداء التالي", "إنهاء"} <= set(actions), morning_rows
    assert not any("lab" in cell or "vitals" in cell for row in morning_rows for cell in row)

    # Afternoon, in English: the patient chooses English at the kiosk, and (one process
    # holding every seat here) the consoles and the board follow the language too.
    tap(qtbot, kiosk_1, "lang-en")
    fourth = check_in_by_touch(qtbot, kiosk_1, "28400000104", "male", "periodic", done=False)
    assert "Vital Signs" in kiosk_1.ticket.view.clinic.text()
    sync(url, kiosks[0], consoles[0], hall)
    qtbot.waitUntil(lambda: vitals.queue.list.rowCount() == 1)
    tap(qtbot, vitals, "queue_call_next")
    assert vitals.queue.message.text() == f"Called {fourth}."
    tap(qtbot, vitals, "queue_priority")
    tap(qtbot, vitals, "queue_complete")
    assert vitals.queue.message.text().startswith(f"Completed {fourth}; next: Laboratory")
    sync(url, consoles[0], consoles[1], hall)
    qtbot.waitUntil(lambda: latest_call(board) == (fourth, "vitals"))
    tap(qtbot, lab, "audit_apply")
    afternoon = [[audit.entries.item(r, c).text() for c in range(6)] for r in range(audit.entries.rowCount())]
    assert [row[2] for row in afternoon].count("Check-in") == 4, afternoon
    assert any(row[2:4] == ["Call next", f"Laboratory {at_lab}"] for row in afternoon), [r[2:4] for r in afternoon]

    chief = sign_in(consoles[0].db, username="chief", password=USERS["chief"][0])
    ours = {entry.action for entry in audit_log(consoles[0].db, chief) if entry.outcome == "ok"}
    assert {"call_next", "complete", "park", "transfer", "call", "prioritise"} <= ours
    with consoles[1].db.read() as session:
        visit = session.scalars(select(Visit).where(Visit.patient_id == "28400000104")).one()
        at_next = session.scalars(select(Ticket).where(Ticket.visit_id == visit.id, Ticket.clinic == "lab")).one()
    assert visit.priority and at_next.priority, "the mark set at Vital Signs reached the lab's console"
