"""What a patient at the kiosk meets between people and between tries: a scanner reaches
the field whatever was tapped before, any digits are digits, an error goes when the entry
changes, and the next person starts in the site's language."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.permissions import SYSTEM
from core.services.checkin import check_in
from core.services.queue import call_next
from core.services.visits import todays_pin
from core.store import Store
from kiosk.qr import visit_code
from tests.conftest import KIOSK, STAFF, digest
from tests.kiosk.conftest import KioskFactory, tap, type_digits
from tests.qtsupport import settle

PATIENT = "28400000031"
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def scan(qtbot: QtBot, text: str) -> None:
    """A scanner types into whatever has the keyboard's focus, then Enter: key events
    that carry their text (QTest's key clicks know no Arabic-Indic digit)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard's focus: a scan would be lost"
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(target, Qt.Key.Key_Return)
    settle(qtbot)


def test_after_a_refused_id_a_scanned_ticket_still_reaches_the_field(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    window = make_kiosk(store, language="en")
    window.activateWindow()
    tap(qtbot, window, "start-where")
    type_digits(qtbot, window, "12")
    tap(qtbot, window, "keypad-ok")
    assert window.id_screen.error.text().startswith("This ID number is not valid. Type only the digits")
    assert window.id_screen.field.text() == "12", "kept, to correct one digit on the keys"
    assert QApplication.focusWidget() is window.id_screen.field
    scan(qtbot, visit_code(visit.visit_id))
    assert window.current_screen() is window.place, window.id_screen.error.text()
    assert window.place.view.number.text() == "1"


def test_an_error_goes_as_soon_as_the_entry_changes(qtbot: QtBot, make_kiosk: KioskFactory, store: Store) -> None:
    window = make_kiosk(store, language="en")
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, "1")
    tap(qtbot, window, "keypad-ok")
    assert window.id_screen.error.text()
    type_digits(qtbot, window, "2")
    assert window.id_screen.error.text() == "" and window.id_screen.field.text() == "12"
    tap(qtbot, window, "keypad-ok")
    tap(qtbot, window, "id-back")
    tap(qtbot, window, "start-where")
    assert window.id_screen.error.text() == "", "no old message on a new start"


@pytest.mark.parametrize("digits", [INDIC, PERSIAN], ids=["arabic-indic", "persian"])
def test_arabic_indic_and_persian_digits_are_digits_for_the_id_and_the_pin(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime, digits: dict[int, int]
) -> None:
    window = make_kiosk(store, language="ar")
    window.activateWindow()
    tap(qtbot, window, "start-check-in")
    scan(qtbot, PATIENT.translate(digits))
    assert window.current_screen() is window.gender, window.id_screen.error.text()
    visit = check_in(store.db, KIOSK, id_number="28400000032", gender="male", exam_type="travel", now=morning)
    call_next(store.db, STAFF, clinic=visit.route[0], now=morning)
    pin = str(todays_pin(store.db, SYSTEM, clinic=visit.route[0], now=morning))
    window.go_home()
    tap(qtbot, window, "start-finished")
    scan(qtbot, "28400000032".translate(digits))
    assert window.current_screen() is window.pin
    scan(qtbot, pin.translate(digits))
    assert window.current_screen() is window.place, window.pin.error.text()


def test_a_code_outside_10_to_99_says_what_a_code_is(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    window = make_kiosk(store, language="en")
    before = digest(store)
    tap(qtbot, window, "start-finished")
    type_digits(qtbot, window, PATIENT)
    tap(qtbot, window, "keypad-ok")
    type_digits(qtbot, window, "00")
    tap(qtbot, window, "keypad-ok")
    assert window.pin.error.text() == "The clinic code is a number from 10 to 99. Please ask the clinic staff for it."
    assert digest(store) == before


def test_the_next_person_starts_in_the_sites_language(qtbot: QtBot, make_kiosk: KioskFactory, store: Store) -> None:
    window = make_kiosk(store, language="ar")
    assert not window.language_button.isVisible(), "one language choice on the welcome screen"
    tap(qtbot, window, "lang-en")
    assert window.language == "en"
    tap(qtbot, window, "start-where")
    tap(qtbot, window, "id-back")
    assert window.language == "ar", "back at the welcome screen: the site's language again"


def test_with_nobody_ahead_the_ticket_says_to_wait_for_the_call(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    window = make_kiosk(store, language="ar")
    tap(qtbot, window, "start-where")
    check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    type_digits(qtbot, window, PATIENT)
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.place, window.id_screen.error.text()
    assert window.place.view.ahead.text() == "لا أحد أمامك. انتظر قرب العيادة حتى يُنادى رقمك.", (
        window.place.headline.text()
    )
    assert "حان دورك" not in window.place.view.ahead.text()


def test_a_scan_replaces_digits_tapped_before(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    window = make_kiosk(store, language="en")
    window.activateWindow()
    tap(qtbot, window, "start-where")
    type_digits(qtbot, window, "999")
    scan(qtbot, PATIENT)
    assert window.current_screen() is window.place, window.id_screen.error.text()


def test_where_am_i_after_the_call_says_go_now(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    call_next(store.db, STAFF, clinic=visit.route[0], room="101", now=morning)
    window = make_kiosk(store, language="en")
    tap(qtbot, window, "start-where")
    type_digits(qtbot, window, PATIENT)
    tap(qtbot, window, "keypad-ok")
    assert window.place.headline.text() == "Your number has been called."
    assert window.place.view.ahead.text() == "Your number has been called. Please go to the clinic now."
