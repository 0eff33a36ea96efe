"""What the Qt tests share: one QApplication with the shipped fonts, the language, and
clicking a named button as a user would."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from core.database import Database
from sync.runtime.qt import Languages, install_fonts
from sync.runtime.worker import calls_under_way

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(qapp_args)
    assert isinstance(app, QApplication)
    install_fonts(app)
    return app


def delete_windows(app: QApplication) -> None:
    """Close and delete every top-level window now, not at some later event loop."""
    for window in app.topLevelWidgets():
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def no_window_outlives_its_test(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each Qt test starts with no window of an earlier one and leaves none behind, and
    its windows live until then. (pytest-qt keeps only weak references: a window whose
    test had returned was collected by Python in the middle of its own language change,
    deleting the tables a page was refreshing, and the run crashed.)"""
    kept: list[QWidget] = []
    add_widget = QtBot.addWidget

    def keep_and_add(bot: QtBot, widget: QWidget, **options: Any) -> None:
        kept.append(widget)
        add_widget(bot, widget, **options)

    monkeypatch.setattr(QtBot, "addWidget", keep_and_add)
    delete_windows(qapp)
    yield
    delete_windows(qapp)
    kept.clear()
    # What a test leaves in reference cycles (a closed qasync loop's timers, a page's
    # lambdas) is collected here, on the GUI thread: collected later by whichever thread
    # happens to allocate (a server's, a store's worker), a Qt object with running timers
    # would be destroyed from the wrong thread.
    gc.collect()


UI_PACKAGES = ("kiosk", "staffdesk", "sync.runtime")
STARTUP = ("sync.runtime.station", "kiosk.app", "staffdesk.app")
"""Where a program opens its store, before any window is shown."""


def _ui_caller() -> str | None:
    """The first frame of the screens' code on the stack, if any."""
    frame = sys._getframe(2)
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module.startswith(UI_PACKAGES):
            return f"{module}:{frame.f_code.co_name}"
        frame = frame.f_back
    return None


@pytest.fixture(autouse=True)
def no_store_call_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test when the screens' code reads or writes a store on the GUI thread:
    every core call of a screen is a sync.runtime.worker.StoreCall. (A test's own calls,
    standing in for another device or looking at the result, may use the store from the
    test's thread; a program opens its store before any window is shown.)"""
    for name in ("read", "write"):
        use = getattr(Database, name)

        def guarded(self: Database, *, _use: Any = use, _name: str = name) -> Any:
            if threading.current_thread() is threading.main_thread():
                caller = _ui_caller()
                if caller is not None and not caller.startswith(STARTUP):
                    pytest.fail(f"{caller} used the store ({_name}) on the GUI thread", pytrace=False)
            return _use(self)

        monkeypatch.setattr(Database, name, guarded)


def settle(qtbot: QtBot, timeout_ms: int = 10_000) -> None:
    """Wait until every store call the screens started has answered (and those its
    answers started in turn)."""
    qtbot.waitUntil(lambda: calls_under_way() == 0, timeout=timeout_ms)


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[Languages]:
    """The language of the test's windows. At the end the windows are deleted before the
    language goes back to Arabic, so no window of a finished test handles the change."""
    chosen = Languages(qapp, "ar")
    yield chosen
    delete_windows(qapp)
    chosen.use("ar")
    chosen.deleteLater()


def tap(qtbot: QtBot, window: QWidget, name: str) -> None:
    """Click the button called `name` (its objectName), as a finger or a mouse would, and
    wait for what the click asked of the store."""
    settle(qtbot)
    shown = [b for b in window.findChildren(QPushButton, name) if b.isVisible()]
    assert len(shown) == 1, f"{len(shown)} buttons {name} on screen"
    assert shown[0].isEnabled(), f"button {name} is disabled"
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)
    settle(qtbot)
