"""'I finished a clinic' with the clinic's PIN, and 'Where am I?', by ID or scanned ticket."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.permissions import SYSTEM
from core.services.checkin import check_in, where_am_i
from core.services.queue import call_next, complete
from core.services.visits import todays_pin
from core.store import Store
from kiosk.qr import visit_code
from kiosk.window import KioskWindow
from tests.conftest import KIOSK, STAFF, digest
from tests.kiosk.conftest import KioskFactory, tap, type_digits
from tests.kiosk.test_check_in import is_arabic
from tests.qtsupport import settle

PATIENT = "28400000011"


def finish(qtbot: QtBot, window: KioskWindow, pin: str, patient: str = PATIENT) -> None:
    tap(qtbot, window, "start-finished")
    type_digits(qtbot, window, patient)
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.pin
    type_digits(qtbot, window, pin)
    tap(qtbot, window, "keypad-ok")


def called(store: Store, clinic: str, at: dt.datetime) -> None:
    call_next(store.db, STAFF, clinic=clinic, room="7", now=at)


def wrong(pin: int) -> str:
    return str(10 + (pin - 10 + 1) % 90)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_right_pin_gives_the_next_clinic_and_its_number(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime, language: str
) -> None:
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    window = make_kiosk(store, language=language)
    called(store, visit.route[0], morning)
    finish(qtbot, window, str(todays_pin(store.db, SYSTEM, clinic=visit.route[0], now=morning)))
    assert window.current_screen() is window.place
    assert is_arabic(window.place.headline.text()) == (language == "ar")
    assert window.card is not None and window.card.clinic == visit.route[1]
    assert window.place.view.isVisible() and window.place.view.number.text() == "1"
    found = where_am_i(store.db, SYSTEM, id_number=PATIENT, now=morning)
    assert found.completed == [visit.route[0]] and found.current_clinic == visit.route[1]


def test_a_wrong_pin_is_explained_counted_and_then_locked(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    pin = todays_pin(store.db, SYSTEM, clinic=visit.route[0], now=morning)
    called(store, visit.route[0], morning)
    window = make_kiosk(store, language="en")
    finish(qtbot, window, wrong(pin))
    assert window.current_screen() is window.pin
    assert "4 attempts left" in window.pin.error.text()
    for _ in range(4):
        type_digits(qtbot, window, wrong(pin))
        tap(qtbot, window, "keypad-ok")
    assert "Too many wrong codes" in window.pin.error.text()
    type_digits(qtbot, window, str(pin))
    tap(qtbot, window, "keypad-ok")
    assert "Too many wrong codes" in window.pin.error.text()
    assert where_am_i(store.db, SYSTEM, id_number=PATIENT, now=morning).completed == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_pin_before_the_call_is_explained_and_counts_nothing(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime, language: str
) -> None:
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    window = make_kiosk(store, language=language)
    before = digest(store)
    finish(qtbot, window, str(todays_pin(store.db, SYSTEM, clinic=visit.route[0], now=morning)))
    assert window.current_screen() is window.pin
    expected = {
        "en": "You have not been called at Vital Signs yet. Please wait for your number on the hall screen.",
        "ar": "لم يحن دورك في العلامات الحيوية بعد. يرجى انتظار ظهور رقمك على شاشة القاعة.",
    }[language]
    assert window.pin.error.text() == expected
    assert digest(store) == before


def test_after_staff_complete_where_am_i_shows_the_next_clinics_ticket(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    ticket = call_next(store.db, STAFF, clinic=visit.route[0], room="7", now=morning)
    done = complete(store.db, STAFF, ticket_id=ticket.ticket_id, now=morning + dt.timedelta(minutes=3))
    assert done.next_place is not None
    window = make_kiosk(store, language="en")
    tap(qtbot, window, "start-where")
    type_digits(qtbot, window, PATIENT)
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.place
    assert window.card is not None and window.card.clinic == visit.route[1]
    assert window.place.view.number.text() == done.next_place.label
    assert "being served" not in window.place.headline.text()


def test_a_pin_for_someone_who_never_checked_in_is_explained(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    window = make_kiosk(store, language="en")
    before = digest(store)
    finish(qtbot, window, "42", patient="28499999999")
    assert window.current_screen() is window.place
    assert "No visit was found" in window.place.headline.text()
    assert not window.place.view.isVisible()
    assert digest(store) == before


def test_the_last_clinic_completes_the_route(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime
) -> None:
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="female", exam_type="periodic", now=morning)
    window = make_kiosk(store, language="en")
    for clinic in visit.route:
        called(store, clinic, morning)
        finish(qtbot, window, str(todays_pin(store.db, SYSTEM, clinic=clinic, now=morning)))
        tap(qtbot, window, "place-done")
    assert window.current_screen() is window.welcome
    assert where_am_i(store.db, SYSTEM, id_number=PATIENT, now=morning).status == "completed"
    tap(qtbot, window, "start-where")
    type_digits(qtbot, window, PATIENT)
    tap(qtbot, window, "keypad-ok")
    assert window.place.headline.text() == "Your route is complete."


@pytest.mark.parametrize("language", ["ar", "en"])
def test_where_am_i_by_a_scanned_ticket_shows_the_place_in_the_queue(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime, language: str
) -> None:
    for n in range(3):
        check_in(store.db, KIOSK, id_number=f"2840000002{n}", gender="male", exam_type="travel", now=morning)
    visit = check_in(store.db, KIOSK, id_number=PATIENT, gender="male", exam_type="travel", now=morning)
    window = make_kiosk(store, language=language)
    tap(qtbot, window, "start-where")
    qtbot.keyClicks(window.id_screen.field, visit_code(visit.visit_id))
    qtbot.keyClick(window.id_screen.field, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.current_screen() is window.place
    assert window.place.view.number.text() == "4"
    assert "3" in window.place.view.ahead.text()
    assert is_arabic(window.place.view.ahead.text()) == (language == "ar")


def test_where_am_i_for_an_unknown_id_is_explained(qtbot: QtBot, make_kiosk: KioskFactory, store: Store) -> None:
    window = make_kiosk(store, language="ar")
    tap(qtbot, window, "start-where")
    type_digits(qtbot, window, "28499999998")
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.id_screen
    assert is_arabic(window.id_screen.error.text())
