"""The optional mobile-number step at the kiosk, in Arabic and in English: the number goes
into the check-in, Skip leaves it out, a wrong number is explained, Arabic-Indic digits
are the same digits, and a site that sends no messages never asks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.permissions import SYSTEM
from core.schema import OpRecord
from core.services.phones import set_phone_format
from core.store import Store
from kiosk.window import KioskWindow
from tests.kiosk.conftest import KioskFactory, choose_exam, tap, type_digits
from tests.kiosk.test_check_in import is_arabic, walk_to_exam
from tests.qtsupport import settle

SAUDI_MOBILE = "05[0-9]{8}"


@pytest.fixture
def kiosk_store(make_store: Callable[..., Store]) -> Store:
    """A kiosk's store (its check-ins wait in its outbox for the server) of a site that
    sends messages to Saudi mobile numbers."""
    store = make_store("kiosk", kind="kiosk")
    set_phone_format(store.db, SYSTEM, SAUDI_MOBILE)
    return store


def check_ins(store: Store) -> list[dict[str, Any]]:
    with store.db.read() as session:
        return [
            orjson.loads(payload)
            for payload in session.scalars(select(OpRecord.payload).where(OpRecord.kind == "visit.checked_in"))
        ]


def to_phone_step(qtbot: QtBot, window: KioskWindow, id_number: str) -> None:
    walk_to_exam(qtbot, window, id_number, "male")
    choose_exam(qtbot, window, "travel")
    assert window.current_screen() is window.phone


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_patient_gives_a_mobile_number_and_it_travels_in_the_check_in(
    qtbot: QtBot, make_kiosk: KioskFactory, kiosk_store: Store, language: str
) -> None:
    window = make_kiosk(kiosk_store, language=language)
    to_phone_step(qtbot, window, "28400000001")
    assert is_arabic(window.phone.title.text()) == (language == "ar")
    assert is_arabic(window.phone.skip_button.text()) == (language == "ar")
    type_digits(qtbot, window, "0501234567")
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.ticket
    [payload] = check_ins(kiosk_store)
    assert payload["notify"] == {"phone": "0501234567", "language": language}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_skip_checks_in_without_a_number(
    qtbot: QtBot, make_kiosk: KioskFactory, kiosk_store: Store, language: str
) -> None:
    window = make_kiosk(kiosk_store, language=language)
    to_phone_step(qtbot, window, "28400000002")
    tap(qtbot, window, "phone-skip")
    assert window.current_screen() is window.ticket
    [payload] = check_ins(kiosk_store)
    assert "notify" not in payload


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_wrong_number_is_explained_keeps_what_was_typed_and_checks_nobody_in(
    qtbot: QtBot, make_kiosk: KioskFactory, kiosk_store: Store, language: str
) -> None:
    window = make_kiosk(kiosk_store, language=language)
    to_phone_step(qtbot, window, "28400000003")
    type_digits(qtbot, window, "0412")
    tap(qtbot, window, "keypad-ok")
    assert window.current_screen() is window.phone
    message = window.phone.error.text()
    assert message and is_arabic(message) == (language == "ar")
    assert window.phone.field.text() == "0412"
    assert check_ins(kiosk_store) == []
    tap(qtbot, window, "key-1")
    assert window.phone.error.text() == "", "the explanation goes once the patient corrects the number"


def test_arabic_indic_digits_and_spaces_are_the_same_number(
    qtbot: QtBot, make_kiosk: KioskFactory, kiosk_store: Store
) -> None:
    window = make_kiosk(kiosk_store, language="ar")
    to_phone_step(qtbot, window, "28400000004")
    window.phone.field.setText("٠٥٠ ١٢٣ ٤٥٦٧")  # as an Arabic keyboard or a paste gives them
    qtbot.keyClick(window.phone.field, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.current_screen() is window.ticket
    [payload] = check_ins(kiosk_store)
    assert payload["notify"] == {"phone": "0501234567", "language": "ar"}


def test_back_returns_to_the_exam_types_and_home_forgets_the_typed_number(
    qtbot: QtBot, make_kiosk: KioskFactory, kiosk_store: Store
) -> None:
    window = make_kiosk(kiosk_store, language="en")
    to_phone_step(qtbot, window, "28400000005")
    type_digits(qtbot, window, "05012")
    tap(qtbot, window, "phone-back")
    assert window.current_screen() is window.exam
    window.go_home()
    assert window.phone.field.text() == ""
    assert check_ins(kiosk_store) == []


def test_a_site_that_sends_no_messages_never_asks(
    qtbot: QtBot, make_kiosk: KioskFactory, make_store: Callable[..., Store]
) -> None:
    store = make_store("quiet", kind="kiosk")
    window = make_kiosk(store, language="en")
    walk_to_exam(qtbot, window, "28400000006", "male")
    choose_exam(qtbot, window, "travel")
    assert window.current_screen() is window.ticket
    [payload] = check_ins(store)
    assert "notify" not in payload
