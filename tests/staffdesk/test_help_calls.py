"""A patient stuck at a kiosk touches Help; every console shows the call until a nurse
answers it, and the kiosk says staff are coming without moving a button."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.permissions import Actor
from core.store import Store
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter
from kiosk.window import KioskWindow
from sync.runtime.qt import Languages
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory


def test_a_call_for_help_shows_on_the_consoles_until_a_nurse_answers(
    qtbot: QtBot,
    make_console: ConsoleFactory,
    clinic_store: Store,
    languages: Languages,
    tmp_path: Path,
    morning: dt.datetime,
) -> None:
    languages.use("ar")
    flow = KioskFlow(clinic_store.db, Actor("K1", "kiosk"), now=lambda: morning + dt.timedelta(minutes=30))
    kiosk = KioskWindow(flow, languages, PdfPrinter(tmp_path / "tickets"), locked=False)
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1500)
    kiosk.show()
    settle(qtbot)
    start = kiosk.welcome.check_in_button.mapTo(kiosk, kiosk.welcome.check_in_button.rect().topLeft())
    tap(qtbot, kiosk, "ask-help")
    assert kiosk.help_note.text() == "تم استدعاء الموظفين. يرجى الانتظار هنا."
    assert kiosk.welcome.check_in_button.mapTo(kiosk, kiosk.welcome.check_in_button.rect().topLeft()) == start
    nurse = make_console("nurse")
    second = make_console("chief")
    for console in (nurse, second):
        console.look_for_help_calls()
    settle(qtbot)
    assert nurse.help_text.text() == "Kiosk K1 asks for staff (since 08:30)."
    tap(qtbot, nurse, "staff_help_answer")
    second.look_for_help_calls()
    settle(qtbot)
    assert not nurse.help_bar.isVisible() and not second.help_bar.isVisible()
    kiosk.go_home()
    assert not kiosk.help_note.isVisible() and kiosk.help_button.isEnabled()
