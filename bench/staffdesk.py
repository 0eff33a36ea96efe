"""The staff console and the hall display on a big store (offscreen).

Prints one JSON object as its last line: dashboard_refresh_ms (the dashboard page read
and drawn again, figures and charts, with --tickets tickets of today in the store),
queue_refresh_ms (the busiest clinic's queue page read and drawn again),
call_to_board_ms (a call made through the core on the display's store until the display
has repainted the board; the display polls the store every 50 ms; the console is closed
first, as in a hall the display runs alone), rss_mb (peak of this process with the
console open on the big store). Medians of --repeat measurements, p95 alongside.
Usage: python bench/staffdesk.py [--tickets 50000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from core.clock import SITE_ZONE, service_day, to_iso, utc_now
from core.database import Database
from core.ids import new_id
from core.ops.envelope import NewTicket, TicketAction, VisitCheckedIn
from core.ops.log import emit
from core.permissions import SYSTEM, Actor
from core.schema import Clinic
from core.services.config import init_site, save_user
from core.services.queue import call_next
from core.store import open_store
from sync.runtime.qt import Languages, install_fonts
from sync.runtime.worker import answer_all

SPREAD = ("vitals", "lab", "xray", "ecg", "audio", "eyes", "internal", "ent", "surgery", "dental")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def fill(db: Database, tickets: int, day_start: dt.datetime) -> None:
    """`tickets` check-ins today across ten clinics, from 07:00 on; about 60 % of them
    called and served within the day, the rest waiting (a very large day: the figures
    are read from all of it)."""
    with db.read() as session:
        open_clinics = set(session.scalars(select(Clinic.code)))
    clinics = [c for c in SPREAD if c in open_clinics]
    day = service_day(day_start)
    with db.write() as session:
        served: list[tuple[str, dt.datetime]] = []
        for n in range(tickets):
            at = day_start + dt.timedelta(seconds=n * 36_000 / tickets)
            clinic = clinics[n % len(clinics)]
            ticket_id = new_id()
            emit(
                session,
                "K-bench",
                "visit.checked_in",
                VisitCheckedIn(
                    visit_id=new_id(),
                    id_number=f"{40000000000 + n}",
                    gender="male",
                    exam_type="travel",
                    route=[clinic],
                    day=day,
                    at=to_iso(at),
                    ticket=NewTicket(ticket_id=ticket_id, clinic=clinic, number=n + 1, station=""),
                ),
                at,
            )
            if (n // len(clinics)) % 10 < 6:
                served.append((ticket_id, at))
        for ticket_id, at in served:
            called, done = at + dt.timedelta(minutes=20), at + dt.timedelta(minutes=26)
            emit(
                session,
                "nurse",
                "ticket.called",
                TicketAction(ticket_id=ticket_id, at=to_iso(called), room="1"),
                called,
            )
            emit(session, "nurse", "ticket.completed", TicketAction(ticket_id=ticket_id, at=to_iso(done)), done)


def timed(action: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(1000 * (time.perf_counter() - started))
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from staffdesk.desk import Desk
    from staffdesk.display.announcer import Announcer
    from staffdesk.display.window import DisplayWindow
    from staffdesk.window import StaffWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_fonts(app, 11)
    languages = Languages(app, "ar")
    now = utc_now().astimezone(SITE_ZONE)
    day_start = now.replace(hour=7, minute=0, second=0, microsecond=0)
    evening = day_start + dt.timedelta(hours=11)
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(Path(scratch) / "store")
        init_site(store.db)
        save_user(store.db, SYSTEM, username="chief", password="chief-pass-1", role="admin")
        started = time.perf_counter()
        fill(store.db, args.tickets, day_start)
        fill_s = time.perf_counter() - started

        desk = Desk(store.db)
        desk.now = lambda: evening
        console = StaffWindow(desk, languages)
        console.resize(1280, 800)
        console.show()
        answer_all()
        console.login.username.setText("chief")
        console.login.password.setText("chief-pass-1")
        console.login.log_in()
        answer_all()
        dashboard = console.page("dashboard")
        answer_all()

        def refresh_dashboard() -> None:
            dashboard.refresh()
            answer_all()
            dashboard.repaint()

        dashboard_ms = timed(refresh_dashboard, args.repeat)
        queue = console.page("queue")
        queue.choose_clinic("vitals", "1")
        answer_all()

        def refresh_queue() -> None:
            queue.refresh()
            answer_all()
            queue.repaint()

        queue_ms = timed(refresh_queue, args.repeat)
        waiting = len(queue.tickets)
        rss_console_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        console.close()  # in a hall the display is a program of its own
        console.changes.blockSignals(True)

        display = DisplayWindow(store.db, Announcer(speech=False, chime_ms=1), language="ar", now=lambda: evening)
        display.resize(1920, 1080)
        display.show()
        answer_all()
        board_ms = []
        nurse = Actor("nurse", "staff")
        for n in range(args.repeat):
            clinic = SPREAD[n % len(SPREAD)]
            before = display.repainted_after_change
            started = time.perf_counter()
            call_next(store.db, nurse, clinic=clinic, room="2", now=evening)
            while display.repainted_after_change == before:
                app.processEvents()
                time.sleep(0.001)
            board_ms.append(1000 * (time.perf_counter() - started))
        display.close()
        store.close()

    result = {
        "tickets": args.tickets,
        "fill_s": round(fill_s, 1),
        "dashboard_refresh_ms": round(statistics.median(dashboard_ms), 1),
        "dashboard_refresh_p95_ms": round(p95(dashboard_ms), 1),
        "queue_refresh_ms": round(statistics.median(queue_ms), 1),
        "queue_refresh_p95_ms": round(p95(queue_ms), 1),
        "queue_rows": waiting,
        "call_to_board_ms": round(statistics.median(board_ms), 1),
        "call_to_board_p95_ms": round(p95(board_ms), 1),
        "rss_mb": round(rss_console_mb, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
