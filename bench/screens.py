"""Render every screen of the kiosk, the staff console and the hall display in Arabic and
English to PNG files (offscreen), so a reviewer sees them without running them:
`python bench/screens.py kiosk|kiosk-large|staffdesk|display [--out docs/screenshots]`.
`kiosk-large` is the kiosk in its large-text mode, on a portrait 1080x1920 screen.

Prints one JSON object as its last line: the files written.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from core.clock import SITE_ZONE
from core.database import Database
from core.errors import MmcError
from core.ids import new_id
from core.permissions import SYSTEM, Actor
from core.schema import OpRecord
from core.services.checkin import Whereabouts, check_in, where_am_i
from core.services.config import init_site, register_device, save_user
from core.services.phones import set_phone_format
from core.services.queue import call_next, call_ticket, clinic_queue, complete, park, prioritise
from core.services.visits import todays_pin
from core.statuses import TicketStatus
from core.store import open_store
from kiosk.flow import KioskFlow, TicketCard
from kiosk.printing import PdfPrinter, render_ticket
from kiosk.window import KioskWindow
from sync.client import RefusedOp, SyncStatus
from sync.runtime.qt import Languages, install_fonts
from sync.runtime.station import qt_app
from sync.runtime.widgets import restyle
from sync.runtime.worker import answer_all

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
        answer_all()

    def choose_exam() -> None:
        window.exam.buttons["recruitment"].click()

    def phone_refused() -> None:
        window.phone.keypad.press("12")
        window.phone.keypad.ok_button.click()

    def countdown() -> None:
        text = window.tr("No one there? Back to the start in %n seconds. Touch the screen to stay.", None, 7)
        window.countdown.setText(text)
        window.countdown.show()

    def pin() -> None:
        visit = where_am_i(store_db, SYSTEM, id_number=patient, now=MORNING)
        assert visit.place is not None
        call_ticket(store_db, Actor("nurse", "staff"), ticket_id=visit.place.ticket_id, room="2", now=MORNING)
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

    def checked_in_before() -> None:
        window.go_home()
        window.welcome.check_in_button.click()
        window.id_screen.keypad.press("28400000104")
        ok.click()

    return [
        ("welcome", window.go_home),
        ("id", id_entered),
        ("id-error", id_error),
        ("gender", gender),
        ("exam", window.gender.male.click),
        ("phone", choose_exam),
        ("phone-refused", phone_refused),
        ("ticket", window.phone.skip_button.click),
        ("printed", window.ticket.print_button.click),
        ("idle-countdown", countdown),
        ("pin", pin),
        ("pin-wrong", pin_wrong),
        ("next-clinic", next_clinic),
        ("where", where),
        ("checked-in-before", checked_in_before),
        ("staff-exit", window.ask_staff_exit),
    ]


def _qt(point_size: int = 14) -> Languages:
    """The application with the shipped fonts, in Arabic to begin with (the languages
    object holds the application)."""
    app = qt_app()
    install_fonts(app, point_size)
    return Languages(app, "ar")


def save_shot(window: QWidget, path: Path, written: list[str]) -> None:
    """Let the window settle, then save it as a PNG file."""
    answer_all()
    window.grab().save(str(path))
    written.append(str(path))


def kiosk_screens(out: Path, *, large_text: bool = False) -> list[str]:
    languages = _qt()
    written: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(Path(scratch) / "store")
        init_site(store.db)
        set_phone_format(store.db, SYSTEM, r"[569][0-9]{7}")
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
        window.resize(1080, 1920)
        window.show()
        prefix = "kiosk-large" if large_text else "kiosk"

        def shot(name: str, language: str) -> None:
            window.large_text_button.setChecked(large_text)
            save_shot(window, out / f"{prefix}-{name}-{language}.png", written)

        for language in ("ar", "en"):
            languages.use(language)
            window.home_language = language
            patient = "28400000200" if language == "ar" else "28400000300"
            for name, step in kiosk_steps(window, patient):
                step()
                shot(name, language)
            if large_text:
                continue
            found: list[tuple[Whereabouts, TicketCard | None]] = []
            flow.where(flow.patient("28400000105")).success(found.append).run(window)
            answer_all()
            card = window.card or found[0][1]
            assert card is not None
            path = out / f"kiosk-printed-ticket-{language}.png"
            render_ticket(card, flow.catalog, language).save(str(path))
            written.append(str(path))
        window.locked = False
        window.close()
        store.close()
    return written


def clinic_morning(db: Database) -> None:
    """A morning of a committee: 60 check-ins from 07:30, patients called, served and
    sent on (Complete) through the clinics until 10:30, so the console and the board have something
    to show."""
    kiosk, nurse = Actor("K1", "kiosk"), Actor("nurse", "staff")
    start = MORNING.replace(hour=7, minute=30)
    kinds = ("recruitment", "periodic", "promotion", "travel")
    for n in range(60):
        check_in(
            db,
            kiosk,
            id_number=f"2850000{n:04d}",
            gender="male" if n % 3 else "female",
            exam_type=kinds[n % 4],
            now=start + dt.timedelta(minutes=2 * n),
        )
    rooms = {"vitals": 2, "lab": 2, "xray": 1, "ecg": 1, "eyes": 1, "women_eyes": 1, "internal": 1}
    for minute in range(0, 145, 5):
        at = start + dt.timedelta(minutes=30 + minute)
        for clinic, count in rooms.items():
            for room in range(1, count + 1):
                try:
                    called = call_next(db, nurse, clinic=clinic, room=str(room), now=at)
                except MmcError:
                    continue
                complete(db, nurse, ticket_id=called.ticket_id, now=at + dt.timedelta(minutes=4))
    for clinic, room in (("lab", "3"), ("xray", "1"), ("ecg", "2"), ("eyes", "4"), ("vitals", "2")):
        with contextlib.suppress(MmcError):
            call_next(db, nurse, clinic=clinic, room=room, now=MORNING.replace(hour=10, minute=25))
    aside = call_next(db, nurse, clinic="audio", room="1", now=MORNING.replace(hour=10, minute=26))
    park(db, nurse, ticket_id=aside.ticket_id, now=MORNING.replace(hour=10, minute=27))
    waiting = [t for t in clinic_queue(db, clinic="audio", now=MORNING) if t.status == TicketStatus.WAITING]
    prioritise(db, nurse, ticket_id=waiting[-1].ticket_id, priority=True, now=MORNING.replace(hour=10, minute=28))


def _last_call_op(db: Database, back: int = 0) -> str:
    """A call of the morning (the last, or `back` before it): the one a conflict is about."""
    with db.read() as session:
        last = session.scalar(
            select(OpRecord.op_id)
            .where(OpRecord.kind == "ticket.called")
            .order_by(OpRecord.local_order.desc())
            .offset(back)
        )
        assert last is not None
        return last


def staff_screens(out: Path) -> list[str]:
    from staffdesk.desk import Desk
    from staffdesk.window import StaffWindow

    languages = _qt(11)
    written: list[str] = []
    late_morning = MORNING.replace(hour=10, minute=30)
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(Path(scratch) / "store")
        init_site(store.db)
        save_user(store.db, SYSTEM, username="boss", password="boss-pass-1", role="admin", display_name="Admin")
        for kind, station, name in (
            ("kiosk", "K1", "Entrance kiosk 1"),
            ("kiosk", "K2", "Entrance kiosk 2"),
            ("staff", "C1", "Vital signs room 1"),
            ("display", "D1", "Hall A board"),
        ):
            register_device(store.db, SYSTEM, device_id=new_id(), kind=kind, station=station, name=name)
        clinic_morning(store.db)
        desk = Desk(store.db)
        desk.now = lambda: late_morning
        window = StaffWindow(desk, languages)
        window.resize(1280, 800)
        window.show()

        def shot(name: str, language: str) -> None:
            save_shot(window, out / f"staffdesk-{name}-{language}.png", written)

        for language in ("ar", "en"):
            languages.use(language)
            window.switch_user()
            shot("login", language)
            window.login.username.setText("boss")
            window.login.password.setText("wrong-password")
            window.login.log_in()
            shot("login-refused", language)
            window.login.password.setText("boss-pass-1")
            window.login.log_in()
            answer_all()
            queue = window.page("queue")
            window.queue.choose_clinic("xray", "1")
            queue.refresh()
            shot("queue", language)
            window.queue.list.setCurrentCell(2, 0)
            window.queue.buttons["no_show"].click()
            shot("queue-confirm", language)
            window.queue.confirm.no.click()
            window.queue.choose_clinic("audio", "1")
            queue.refresh()
            window.queue.list.setCurrentCell(0, 0)
            shot("queue-aside-and-priority", language)
            for name in ("dashboard", "audit"):
                window.page(name).refresh()
                shot(name, language)
            window.show_sync_status(
                SyncStatus(
                    online=False,
                    offline_since=late_morning - dt.timedelta(minutes=4),
                    ops_waiting=3,
                    last_push=late_morning - dt.timedelta(minutes=5),
                    last_pull=late_morning - dt.timedelta(minutes=5),
                    refused=(
                        RefusedOp(
                            _last_call_op(store.db, back=0 if language == "ar" else 1),
                            "ticket.called",
                            "transition_refused",
                            "Ticket 31 is CALLED, it cannot be called (called by 2).",
                        ),
                    ),
                )
            )
            shot("conflict", language)
            window.page("sync")
            shot("sync", language)
            reports = window.page("reports")
            reports.day.setDate(MORNING.date())
            reports.show_report()
            shot("reports", language)
            admin = window.page("admin")
            for section in admin.sections:
                admin.tabs.setCurrentWidget(section)
                section.list.setCurrentCell(0, 0)
                shot(f"admin-{section.list.objectName().split('_')[1]}", language)
            admin.tabs.setCurrentWidget(admin.exams)
            admin.exams.list.setCurrentCell(0, 0)
            admin.exams.male.change.click()
            save_shot(admin.exams.male.dialog, out / f"staffdesk-admin-route-editor-{language}.png", written)
            admin.exams.male.dialog.reject()
            admin.tabs.setCurrentWidget(admin.settings)
            admin.settings.id_format.change.click()
            save_shot(admin.settings.id_format.dialog, out / f"staffdesk-admin-id-format-{language}.png", written)
            admin.settings.id_format.dialog.reject()
            admin.tabs.setCurrentWidget(admin.devices)
            board_row = next(
                r for r in range(admin.devices.list.rowCount()) if admin.devices.list.item(r, 0).text() == "D1"
            )
            admin.devices.list.setCurrentCell(board_row, 0)
            for index in (0, 1, 2):
                admin.devices.board_clinics.item(index).setCheckState(Qt.CheckState.Checked)
            shot("admin-devices-display", language)
            admin.devices.list.setCurrentCell(1, 0)
            admin.devices.revoke.click()
            shot("admin-devices-revoke", language)
            admin.devices.confirm.no.click()
            admin.tabs.setCurrentWidget(admin.clinics)
            admin.clinics.code.setText("Bad Code")
            admin.clinics.save.click()
            shot("admin-refused", language)
            window.page("about")
            shot("about", language)
            window.lock()
            shot("locked", language)
        window.close()
        store.close()
    return written


def display_screens(out: Path) -> list[str]:
    from staffdesk.display.announcer import Announcer
    from staffdesk.display.window import DisplayWindow

    languages = _qt()
    written: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(Path(scratch) / "store")
        init_site(store.db)
        clinic_morning(store.db)
        for language in ("ar", "en"):
            languages.use(language)
            window = DisplayWindow(
                store.db,
                Announcer(speech=False),
                language=language,
                now=lambda: MORNING.replace(hour=10, minute=30),
            )
            window.resize(1920, 1080)
            window.show()
            window.refresh()
            window.show_sync_status(SyncStatus(online=True))
            save_shot(window, out / f"display-board-{language}.png", written)
            with contextlib.suppress(MmcError):
                call_next(
                    store.db, Actor("nurse", "staff"), clinic="audio", room="5", now=MORNING.replace(hour=10, minute=29)
                )
            window.refresh()
            restyle_flash = window.number_label("audio")
            if restyle_flash is not None:
                restyle(restyle_flash, "board-flash")
            window.show_sync_status(
                SyncStatus(online=False, offline_since=MORNING.replace(hour=10, minute=20), ops_waiting=0)
            )
            save_shot(window, out / f"display-new-call-offline-{language}.png", written)
            window._next_page()
            save_shot(window, out / f"display-second-page-{language}.png", written)
            window.close()
        store.close()
    return written


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("app", choices=["kiosk", "kiosk-large", "staffdesk", "display"])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    screens: dict[str, Callable[[Path], list[str]]] = {
        "kiosk": kiosk_screens,
        "kiosk-large": lambda folder: kiosk_screens(folder, large_text=True),
        "staffdesk": staff_screens,
        "display": display_screens,
    }
    written = screens[args.app](out)
    print(json.dumps({"app": args.app, "files": len(written), "folder": str(out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
