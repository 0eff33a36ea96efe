"""The kiosk's large-text, high-contrast mode: one tap in the header on any screen, the
whole kiosk in larger type, white and yellow on black, every screen still on a portrait
1080x1920 screen; the next person starts in everyday text again."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from core.defaults import CLINICS
from core.permissions import SYSTEM
from core.services.checkin import check_in, where_am_i
from core.services.config import upsert_clinic, upsert_exam_type
from core.services.queue import call_ticket
from core.services.visits import todays_pin
from core.store import Store
from kiosk.style import BLACK, LARGE_TEXT_STYLE_SHEET, WHITE
from kiosk.window import KioskWindow
from tests.conftest import ADMIN, KIOSK, STAFF
from tests.kiosk.conftest import KioskFactory, choose_exam, tap, type_digits
from tests.qtsupport import settle

PORTRAIT = QSize(1080, 1920)
NEW_PATIENT = "28400000071"
QUEUED = "28400000072"
"""Checked in before the walk, on the same route: the kiosk finds them at "Where am I?"."""


def portrait_kiosk(qtbot: QtBot, make_kiosk: KioskFactory, store: Store, language: str) -> KioskWindow:
    window = make_kiosk(store, language=language)
    window.resize(PORTRAIT)
    settle(qtbot)
    return window


def large_text(qtbot: QtBot, window: KioskWindow) -> None:
    """Turn the mode on, as the patient at the kiosk would."""
    if not window.large_text_button.isChecked():
        tap(qtbot, window, "large-text")
    assert window.large_text_button.isChecked()


def assert_fits(window: KioskWindow, screen: str) -> None:
    """The window kept its size, every button is on it, and every text shows whole."""
    QApplication.processEvents()  # the layouts' pending requests: sizes as the screen shows them
    assert window.size() == PORTRAIT, f"{screen}: the window grew to {window.size()} to hold the screen"
    assert window.large_text_button.isVisible() and window.large_text_button.isChecked(), screen
    on_screen = QRect(0, 0, PORTRAIT.width(), PORTRAIT.height())
    for button in window.findChildren(QPushButton):
        if button.isVisible():
            where = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
            assert on_screen.contains(where), f"{screen}: {button.objectName() or button.text()} at {where}"
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, f"{screen}: {label.objectName() or label.text()!r} is cut off"


def background(window: KioskWindow) -> QColor:
    return window.grab().toImage().pixelColor(2, window.height() - 2)


def test_the_switch_turns_the_whole_kiosk_to_large_high_contrast_text_and_back(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    window = make_kiosk(store, language="en")
    title, hint = window.welcome.title.font().pointSizeF(), window.welcome.hint.font().pointSizeF()
    everyday = background(window)
    assert not window.large_text_button.isChecked() and window.large_text_button.text() == "Large text"
    tap(qtbot, window, "large-text")
    assert window.large_text_button.isChecked()
    assert window.welcome.title.font().pointSizeF() >= 1.3 * title
    assert window.welcome.hint.font().pointSizeF() >= 1.3 * hint
    assert background(window) == QColor(BLACK)
    tap(qtbot, window, "large-text")
    assert not window.large_text_button.isChecked()
    assert window.welcome.title.font().pointSizeF() == title and background(window) == everyday


def test_the_switch_is_in_arabic_and_never_takes_the_scanners_keyboard(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store
) -> None:
    window = make_kiosk(store, language="ar")
    window.activateWindow()
    assert window.large_text_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    tap(qtbot, window, "start-check-in")
    tap(qtbot, window, "large-text")
    assert QApplication.focusWidget() is window.id_screen.field
    assert window.large_text_button.text() == "خط كبير"


def test_the_next_person_starts_in_everyday_text(qtbot: QtBot, make_kiosk: KioskFactory, store: Store) -> None:
    window = make_kiosk(store, language="ar")
    title = window.welcome.title.font().pointSizeF()
    large_text(qtbot, window)
    tap(qtbot, window, "start-where")
    tap(qtbot, window, "id-back")
    assert not window.large_text_button.isChecked()
    assert window.welcome.title.font().pointSizeF() == title


def test_an_idle_kiosk_goes_back_to_everyday_text(qtbot: QtBot, make_kiosk: KioskFactory, store: Store) -> None:
    window = make_kiosk(store, idle_s=1, language="en")
    title = window.id_screen.title.font().pointSizeF()
    tap(qtbot, window, "start-check-in")
    large_text(qtbot, window)
    with qtbot.waitSignal(window.went_home, timeout=5000):
        pass
    assert not window.large_text_button.isChecked()
    assert window.id_screen.title.font().pointSizeF() == title


def walk(
    qtbot: QtBot, window: KioskWindow, store: Store, morning: dt.datetime, exam: str
) -> list[tuple[str, Callable[[], None]]]:
    """Each screen of the kiosk and the taps that reach it from the one before."""

    def id_error() -> None:
        tap(qtbot, window, "start-check-in")
        type_digits(qtbot, window, "12")
        tap(qtbot, window, "keypad-ok")

    def gender() -> None:
        tap(qtbot, window, "id-back")
        large_text(qtbot, window)
        tap(qtbot, window, "start-check-in")
        type_digits(qtbot, window, NEW_PATIENT)
        tap(qtbot, window, "keypad-ok")

    def countdown() -> None:
        text = window.tr("No one there? Back to the start in %n seconds. Touch the screen to stay.", None, 7)
        window.countdown.setText(text)
        window.countdown.show()

    def pin() -> None:
        called = where_am_i(store.db, SYSTEM, id_number=NEW_PATIENT, now=morning).place
        assert called is not None
        call_ticket(store.db, STAFF, ticket_id=called.ticket_id, room="2", now=morning)
        tap(qtbot, window, "ticket-done")
        large_text(qtbot, window)
        tap(qtbot, window, "start-finished")
        type_digits(qtbot, window, NEW_PATIENT)
        tap(qtbot, window, "keypad-ok")

    def pin_wrong() -> None:
        type_digits(qtbot, window, "00")
        tap(qtbot, window, "keypad-ok")

    def next_clinic() -> None:
        type_digits(qtbot, window, str(todays_pin(store.db, SYSTEM, clinic="vitals", now=morning)))
        tap(qtbot, window, "keypad-ok")

    def ask(start: str, patient: str) -> Callable[[], None]:
        def step() -> None:
            tap(qtbot, window, "place-done")
            large_text(qtbot, window)
            tap(qtbot, window, start)
            type_digits(qtbot, window, patient)
            tap(qtbot, window, "keypad-ok")

        return step

    return [
        ("welcome", lambda: None),
        ("id-error", id_error),
        ("gender", gender),
        ("exam", lambda: tap(qtbot, window, "gender-male")),
        ("ticket", lambda: choose_exam(qtbot, window, exam)),
        ("printed", lambda: tap(qtbot, window, "ticket-print")),
        ("idle-countdown", countdown),
        ("pin", pin),
        ("pin-wrong", pin_wrong),
        ("next-clinic", next_clinic),
        ("where", ask("start-where", QUEUED)),
        ("checked-in-before", ask("start-check-in", QUEUED)),
        ("staff-exit", window.ask_staff_exit),
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_screen_fits_a_portrait_kiosk_in_large_text(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime, language: str
) -> None:
    for n in range(5):
        check_in(store.db, KIOSK, id_number=f"2840000008{n}", gender="male", exam_type="travel", now=morning)
    check_in(store.db, KIOSK, id_number=QUEUED, gender="male", exam_type="travel", now=morning)
    window = portrait_kiosk(qtbot, make_kiosk, store, language)
    large_text(qtbot, window)
    for screen, step in walk(qtbot, window, store, morning, "travel"):
        step()
        settle(qtbot)
        assert_fits(window, screen)


@pytest.mark.parametrize("large", [True, False], ids=["large-text", "everyday"])
@pytest.mark.parametrize("screen", ["ticket", "next-clinic"])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_16_clinic_route_fits_a_portrait_kiosk(
    qtbot: QtBot,
    make_kiosk: KioskFactory,
    store: Store,
    morning: dt.datetime,
    language: str,
    screen: str,
    large: bool,
) -> None:
    for clinic in CLINICS:
        if clinic.gender == "female":
            upsert_clinic(store.db, ADMIN, **{**clinic.model_dump(), "gender": "any"})
    every = [c.code for c in CLINICS]
    assert len(every) == 16
    upsert_exam_type(
        store.db, ADMIN, code="full", name_ar="فحص شامل", name_en="Full examination", routes={"male": every}
    )
    window = portrait_kiosk(qtbot, make_kiosk, store, language)
    if large:
        large_text(qtbot, window)
    steps = dict(walk(qtbot, window, store, morning, "full"))
    for name in ("id-error", "gender", "exam", "ticket"):
        steps[name]()
    if screen == "next-clinic":
        for name in ("pin", "next-clinic"):
            steps[name]()
    settle(qtbot)
    assert_fits(window, screen)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_sixteen_exam_types_fit_a_portrait_kiosk_in_large_text(
    qtbot: QtBot, make_kiosk: KioskFactory, store: Store, morning: dt.datetime, language: str
) -> None:
    for n in range(5, 17):
        upsert_exam_type(
            store.db,
            ADMIN,
            code=f"kind{n}",
            name_ar=f"فحص اللياقة الطبية {n}",
            name_en=f"Medical fitness {n}",
            routes={"male": ["vitals", "lab"]},
        )
    window = portrait_kiosk(qtbot, make_kiosk, store, language)
    large_text(qtbot, window)
    steps = dict(walk(qtbot, window, store, morning, "travel"))
    for name in ("id-error", "gender", "exam"):
        steps[name]()
    assert len(window.exam.buttons) == 16
    assert_fits(window, "exam")


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_of_the_large_text_mode_contrasts_at_least_7_to_1() -> None:
    """Each rule's text colour on its own background, or on the black of the whole kiosk."""
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", LARGE_TEXT_STYLE_SHEET)
    assert len(rules) > 20
    for selector, body in rules:
        text = re.search(r"(?<![-\w])color:\s*(#[0-9a-f]{6})", body)
        behind = re.search(r"background:\s*(#[0-9a-f]{6})", body)
        colour, ground = text.group(1) if text else WHITE, behind.group(1) if behind else BLACK
        assert contrast(colour, ground) >= 7, f"{selector.strip()}: {colour} on {ground}"
