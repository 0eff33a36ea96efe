"""A kiosk window on a real store (offscreen), with the shipped fonts and translations."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from core.permissions import Actor
from core.store import Store
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter, TicketPrinter
from kiosk.window import KioskWindow
from resources.qt import Languages, install_fonts

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(qapp_args)
    assert isinstance(app, QApplication)
    install_fonts(app)
    return app


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[Languages]:
    chosen = Languages(qapp, "ar")
    yield chosen
    chosen.use("ar")
    chosen.deleteLater()


KioskFactory = Callable[..., KioskWindow]


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, languages: Languages, tmp_path: Path, make_store: Callable[..., Store], morning: dt.datetime
) -> KioskFactory:
    def make(
        store: Store | None = None,
        *,
        printer: TicketPrinter | None = None,
        now: Callable[[], dt.datetime] = lambda: morning,
        idle_s: int | None = None,
        language: str = "ar",
    ) -> KioskWindow:
        chosen = store or make_store()
        languages.use(language)
        flow = KioskFlow(chosen.db, Actor("K1", "kiosk"), now=now)
        window = KioskWindow(flow, languages, printer or PdfPrinter(tmp_path / "tickets"), locked=False, idle_s=idle_s)
        qtbot.addWidget(window)
        window.resize(1080, 1500)
        window.show()
        return window

    return make


def tap(qtbot: QtBot, window: QWidget, name: str) -> None:
    """Touch the button called `name` (its objectName), as a finger would."""
    shown = [b for b in window.findChildren(QPushButton, name) if b.isVisible()]
    assert len(shown) == 1, f"{len(shown)} buttons {name} on screen"
    assert shown[0].isEnabled(), f"button {name} is disabled"
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)


def type_digits(qtbot: QtBot, window: QWidget, digits: str) -> None:
    for digit in digits:
        tap(qtbot, window, f"key-{digit}")
