"""Checking in at the kiosk by touch, in Arabic and in English, and the bad paths."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from core.defaults import CLINICS
from core.permissions import SYSTEM
from core.services.checkin import where_am_i
from core.services.config import upsert_exam_type
from core.store import Store
from kiosk.window import KioskWindow
from tests.conftest import ADMIN, digest
from tests.kiosk.conftest import KioskFactory, choose_exam, tap, type_digits
from tests.qtsupport import settle


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def walk_to_exam(qtbot: QtBot, window: KioskWindow, id_number: str, gender: str) -> None:
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, id_number)
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.gender
    tap(qtbot, window, f"gender-{gender}")
    assert window.current_screen() is window.exam


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_patient_checks_in_by_touch_and_sees_number_route_and_wait(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime, language: str
) -> None:
    window = make_kiosk(store, language=language)
    walk_to_exam(qtbot, window, "28400000001", "male")
    choose_exam(qtbot, window, "travel")
    assert window.current_screen() is window.ticket
    view = window.ticket.view
    assert view.number.text() == "1"
    assert is_arabic(view.clinic.text()) == (language == "ar")
    assert ("101" in view.clinic.text()) and len(view.route.texts()) == len(window.card.route)
    found = where_am_i(store.db, SYSTEM, id_number="28400000001", now=morning)
    assert found.place is not None and found.place.label == "1" and found.current_clinic == window.card.clinic
    assert window.card.qr.endswith(found.visit_id)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_malformed_id_is_explained_keeps_what_was_typed_and_changes_nothing(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, language: str
) -> None:
    window = make_kiosk(store, language=language)
    before = digest(store)
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, "12")
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.id_screen
    message = window.id_screen.error.text()
    assert message and is_arabic(message) == (language == "ar")
    assert window.id_screen.field.text() == "12"
    assert digest(store) == before


def test_an_exam_type_without_a_route_for_the_gender_is_explained(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    upsert_exam_type(
        store.db, ADMIN, code="army", name_ar="فحص عسكري", name_en="Army", routes={"male": ["vitals", "lab"]}
    )
    window = make_kiosk(store, language="en")
    before = digest(store)
    walk_to_exam(qtbot, window, "28400000002", "female")
    choose_exam(qtbot, window, "army")
    assert window.current_screen() is window.exam
    assert "not available for the gender" in window.exam.error.text()
    assert digest(store) == before
    choose_exam(qtbot, window, "travel")
    assert window.current_screen() is window.ticket


def test_checking_in_twice_the_same_day_shows_the_ticket_at_the_id_step(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    window = make_kiosk(store, language="en")
    walk_to_exam(qtbot, window, "28400000003", "male")
    choose_exam(qtbot, window, "travel")
    first = window.ticket.view.number.text()
    tap(qtbot, window, "ticket-done")
    before = digest(store)
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, "28400000003")
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.place, "recognised at the first step"
    assert window.place.headline.text() == "You have already checked in today."
    assert window.place.view.number.text() == first
    tap(qtbot, window, "place-print")
    assert window.place.result.text() == "No printer is set up here: your ticket was saved."
    assert digest(store) == before


def test_a_scanned_ticket_cannot_check_in_again(qtbot: QtBot, make_kiosk: KioskFactory, store: Store) -> None:
    window = make_kiosk(store, language="en")
    tap(qtbot, window, "start-check-in")
    qtbot.keyClicks(window.id_screen.field, "MMC1:01a204ee-bad2-7b6a-8b3f-d34020e1649f")
    qtbot.keyClick(window.id_screen.field, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.current_screen() is window.id_screen
    assert "type your ID number" in window.id_screen.error.text()


def test_switching_language_on_a_screen_retranslates_it_and_mirrors_the_layout(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    window = make_kiosk(store, language="ar")
    walk_to_exam(qtbot, window, "28400000004", "female")
    choose_exam(qtbot, window, "periodic")
    arabic_title = window.ticket.title.text()
    assert is_arabic(arabic_title) and window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    tap(qtbot, window, "switch-language")
    qtbot.waitUntil(lambda: window.ticket.title.text() == "You are checked in")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not is_arabic(window.ticket.view.clinic.text())
    tap(qtbot, window, "switch-language")
    qtbot.waitUntil(lambda: window.ticket.title.text() == arabic_title)


def test_a_check_in_that_fails_unexpectedly_is_explained_and_the_kiosk_takes_taps_again(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("kiosk.flow.check_in", broken)
    window = make_kiosk(store, language="en")
    walk_to_exam(qtbot, window, "28400000061", "male")
    choose_exam(qtbot, window, "travel")
    assert window.current_screen() is window.exam and window.exam.isEnabled()
    assert window.exam.error.text()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_13_clinic_route_fits_a_portrait_kiosk_with_its_buttons_on_screen(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, language: str
) -> None:
    men = [c.code for c in CLINICS if c.gender != "female"]
    assert len(men) == 13
    upsert_exam_type(store.db, ADMIN, code="full", name_ar="فحص شامل", name_en="Full examination", routes={"male": men})
    window = make_kiosk(store, language=language)
    window.resize(1080, 1920)
    settle(qtbot)
    walk_to_exam(qtbot, window, "28400000091", "male")
    choose_exam(qtbot, window, "full")
    assert window.current_screen() is window.ticket
    for name in ("ticket-done", "ticket-print"):
        button = window.findChild(QPushButton, name)
        assert button is not None and button.isVisible()
        bottom = button.mapTo(window, button.rect().bottomLeft()).y()
        assert bottom <= window.height(), f"{name} runs off the screen ({bottom} > {window.height()})"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_male_and_female_are_far_enough_apart_for_a_finger(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, language: str
) -> None:
    window = make_kiosk(store, language=language)
    window.resize(1080, 1920)
    tap(qtbot, window, "start-check-in")
    type_digits(qtbot, window, "28400000001")
    tap(qtbot, window, "keypad-ok")
    male, female = window.gender.male.geometry(), window.gender.female.geometry()
    gap = max(female.left() - male.right(), male.left() - female.right())
    assert gap >= 60, f"{gap} px between Male and Female"
    assert min(male.height(), female.height()) >= 72
