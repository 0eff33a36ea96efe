"""Printing the ticket (PDF, ESC/POS, a missing printer), going back when idle, and the
fullscreen lockdown that only the staff exit code leaves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.services.config import set_kiosk_exit_code
from core.store import Store
from core.version import build_info
from kiosk.printing import EscposPrinter, PdfPrinter, make_printer
from kiosk.window import KioskWindow
from sync.runtime.about import about_text
from tests.conftest import ADMIN
from tests.kiosk.conftest import KioskFactory, choose_exam, tap, type_digits
from tests.kiosk.test_check_in import walk_to_exam


def check_in_by_touch(qtbot: QtBot, window: KioskWindow, id_number: str = "28400000031") -> None:
    walk_to_exam(qtbot, window, id_number, "male")
    choose_exam(qtbot, window, "travel")
    assert window.current_screen() is window.ticket


def test_without_a_printer_the_ticket_is_saved_as_a_pdf(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "pdf"
    window = make_kiosk(store, printer=make_printer("pdf", folder), language="en")
    check_in_by_touch(qtbot, window)
    tap(qtbot, window, "ticket-print")
    assert "saved" in window.ticket.result.text()
    (pdf,) = folder.glob("ticket-*.pdf")
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and b"/Image" in content
    assert not window.ticket.print_button.isEnabled()


def test_a_thermal_printer_gets_the_ticket_as_escpos(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, tmp_path: Path
) -> None:
    device = tmp_path / "lp0"
    device.touch()
    window = make_kiosk(store, printer=EscposPrinter(f"file:{device}"), language="ar")
    check_in_by_touch(qtbot, window)
    tap(qtbot, window, "ticket-print")
    sent = device.read_bytes()
    raster, cut = b"\x1dv0", b"\x1dV"
    assert raster in sent and cut in sent and sent.index(raster) < sent.rindex(cut)
    assert len(sent) > 5_000


def test_a_missing_printer_is_explained_and_the_ticket_stands(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, tmp_path: Path
) -> None:
    window = make_kiosk(store, printer=EscposPrinter(f"file:{tmp_path / 'no' / 'lp0'}"), language="en")
    check_in_by_touch(qtbot, window)
    tap(qtbot, window, "ticket-print")
    assert "printer is not working" in window.ticket.result.text()
    assert window.ticket.print_button.isEnabled()
    assert window.ticket.view.number.text() == "1"


def test_a_system_printer_that_is_not_there_falls_back_to_pdf(tmp_path: Path) -> None:
    assert isinstance(make_printer("system", tmp_path), PdfPrinter)


def test_an_idle_kiosk_counts_down_and_returns_to_the_welcome_screen(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    window = make_kiosk(store, idle_s=11, language="en")
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, "2840")
    qtbot.waitUntil(window.countdown.isVisible, timeout=5000)
    assert "Back to the start" in window.countdown.text()
    with qtbot.waitSignal(window.went_home, timeout=15000):
        pass
    assert window.current_screen() is window.welcome and not window.countdown.isVisible()
    tap(qtbot, window, "start-check-in")
    assert window.id_screen.field.text() == ""


def test_a_touch_during_the_countdown_keeps_the_patient_where_they_are(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    window = make_kiosk(store, idle_s=11, language="en")
    tap(qtbot, window, "start-check-in")
    qtbot.waitUntil(window.countdown.isVisible, timeout=5000)
    type_digits(qtbot, window, "2")
    assert not window.countdown.isVisible()
    assert window.current_screen() is window.id_screen


def test_the_locked_kiosk_closes_only_with_the_staff_exit_code(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    set_kiosk_exit_code(store.db, ADMIN, "97531")
    window = make_kiosk(store, language="en")
    window.locked = True
    window.HOLD_MS = 50
    assert not window.close() and window.isVisible()
    qtbot.mousePress(window.site, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is window.staff_exit)
    assert window.staff_exit.about.text() == about_text() and build_info().version in about_text()
    type_digits(qtbot, window, "2468")
    tap(qtbot, window, "keypad-ok")
    assert window.staff_exit.error.text() == "Wrong code." and window.isVisible()
    type_digits(qtbot, window, "97531")
    tap(qtbot, window, "keypad-ok")
    assert not window.isVisible()
