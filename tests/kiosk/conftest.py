"""A kiosk window on a real store (offscreen), with the shipped fonts and translations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from core.permissions import Actor
from core.store import Store
from core.voice.pack import VoicePack
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter, TicketPrinter
from kiosk.window import KioskWindow
from sync.runtime.qt import Languages
from tests.qtsupport import languages, no_store_call_on_the_gui_thread, no_window_outlives_its_test, qapp, settle, tap
from tests.voicesupport import RecordingOutput, make_pack

__all__ = ["languages", "no_store_call_on_the_gui_thread", "no_window_outlives_its_test", "qapp", "tap"]


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
        settle(qtbot)
        return window

    return make


def type_digits(qtbot: QtBot, window: QWidget, digits: str) -> None:
    for digit in digits:
        tap(qtbot, window, f"key-{digit}")


def choose_exam(qtbot: QtBot, window: KioskWindow, code: str) -> None:
    """Tap an exam type (the confirming tap) and wait for the check-in's answer."""
    tap(qtbot, window, f"exam-{code}")
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)


@pytest.fixture
def pack(tmp_path: Path) -> VoicePack:
    """A small generated voice pack (tests.voicesupport), for a kiosk that speaks."""
    return make_pack(tmp_path / "pack")


@pytest.fixture
def output() -> RecordingOutput:
    """A sound output that records what it is given, playing 8 times faster than life."""
    return RecordingOutput(speed=8)
