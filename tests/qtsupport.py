"""What the Qt tests share: one QApplication with the shipped fonts, the language, and
clicking a named button as a user would."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

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
    """The language of the test's windows. At the end the windows are deleted before the
    language goes back to Arabic, so no window of a finished test handles the change."""
    chosen = Languages(qapp, "ar")
    yield chosen
    for window in qapp.topLevelWidgets():
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    chosen.use("ar")
    chosen.deleteLater()


def tap(qtbot: QtBot, window: QWidget, name: str) -> None:
    """Click the button called `name` (its objectName), as a finger or a mouse would."""
    shown = [b for b in window.findChildren(QPushButton, name) if b.isVisible()]
    assert len(shown) == 1, f"{len(shown)} buttons {name} on screen"
    assert shown[0].isEnabled(), f"button {name} is disabled"
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)
