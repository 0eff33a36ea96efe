"""Render every kiosk screen in Arabic and English to PNG files (offscreen), so a reviewer
sees the kiosk without running it: `python bench/screens.py kiosk [--out docs/screenshots]`.

Prints one JSON object as its last line: the files written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from core.clock import SITE_ZONE
from core.permissions import SYSTEM, Actor
from core.services.checkin import check_in
from core.services.config import init_site
from core.services.visits import todays_pin
from core.store import open_store
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter, render_ticket
from kiosk.window import KioskWindow
from resources.qt import Languages, install_fonts

MORNING = dt.datetime(2026, 11, 22, 9, 30, tzinfo=SITE_ZONE)


def kiosk_steps(window: KioskWindow, patient: str) -> list[tuple[str, Callable[[], None]]]:
    """Each screen's name and the taps that lead to it from the one before."""
    store_db = window.flow.db
    ok = window.id_screen.keypad.ok_button

    def id_entered() -> None:
        window.welcome.check_in_button.click()
        window.id_screen.keypad.press(patient)

    def id_error() -> None:
        window.id_screen.field.setText("12")
        ok.click()

    def gender() -> None:
        window.id_screen.field.setText(patient)
        ok.click()

    def choose_exam() -> None:
        window.exam.buttons["travel"].click()

    def countdown() -> None:
        text = window.tr("No one there? Back to the start in {seconds} s. Touch the screen to stay.")
        window.countdown.setText(text.format(seconds=7))
        window.countdown.show()

    def pin() -> None:
        window.go_home()
        window.welcome.finished_button.click()
        window.id_screen.keypad.press(patient)
        ok.click()

    def pin_wrong() -> None:
        window.pin.keypad.press("00")
        window.pin.keypad.ok_button.click()

    def next_clinic() -> None:
        window.pin.keypad.press(str(todays_pin(store_db, SYSTEM, clinic="vitals", now=MORNING)))
        window.pin.keypad.ok_button.click()

    def where() -> None:
        window.go_home()
        window.welcome.where_button.click()
        window.id_screen.keypad.press("28400000105")
        ok.click()

    return [
        ("welcome", window.go_home),
        ("id", id_entered),
        ("id-error", id_error),
        ("gender", gender),
        ("exam", window.gender.male.click),
        ("ticket", choose_exam),
        ("printed", window.ticket.print_button.click),
        ("idle-countdown", countdown),
        ("pin", pin),
        ("pin-wrong", pin_wrong),
        ("next-clinic", next_clinic),
        ("where", where),
        ("staff-exit", window.ask_staff_exit),
    ]


def kiosk_screens(out: Path) -> list[str]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_fonts(app)
    languages = Languages(app, "ar")
    written: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(Path(scratch) / "store")
        init_site(store.db)
        for n in range(6):
            check_in(
                store.db,
                Actor("K1", "kiosk"),
                id_number=f"2840000010{n}",
                gender="male",
                exam_type="travel",
                now=MORNING,
            )
        flow = KioskFlow(store.db, Actor("K1", "kiosk"), now=lambda: MORNING)
        window = KioskWindow(flow, languages, PdfPrinter(Path(scratch) / "pdf"), locked=False)
        window.resize(1080, 1500)
        window.show()

        def shot(name: str, language: str) -> None:
            app.processEvents()
            path = out / f"kiosk-{name}-{language}.png"
            window.grab().save(str(path))
            written.append(str(path))

        for language in ("ar", "en"):
            languages.use(language)
            patient = "28400000200" if language == "ar" else "28400000300"
            for name, step in kiosk_steps(window, patient):
                step()
                shot(name, language)
            card = window.card or flow.where(flow.patient("28400000105"))[1]
            assert card is not None
            path = out / f"kiosk-printed-ticket-{language}.png"
            render_ticket(card, flow.catalog, language).save(str(path))
            written.append(str(path))
        window.locked = False
        window.close()
        store.close()
    return written


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("app", choices=["kiosk"])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = kiosk_screens(out)
    print(json.dumps({"app": args.app, "files": len(written), "folder": str(out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
