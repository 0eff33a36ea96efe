"""Starting the staff console and the hall display."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from core.logs import configure_logging
from sync.runtime.qt import Languages, install_fonts
from sync.runtime.station import Station, open_station_store, qt_app, run_station

if TYPE_CHECKING:
    from sync.protocol import DevicesHealthResponse

STARTED = time.perf_counter()


def build_staffdesk(args: argparse.Namespace, app: QApplication) -> Station:
    from staffdesk.desk import Desk
    from staffdesk.window import StaffWindow

    install_fonts(app, 11)
    languages = Languages(app, args.language)
    store = open_station_store(args, "staff")
    station: Station

    def poke() -> None:
        station.poke()

    window = StaffWindow(Desk(store.db, on_change=poke), languages)
    window.show_notices(store.notices)
    station = Station(app, store, window, "staff console", on_status=window.show_sync_status)
    if args.server:

        async def enrollment_code(username: str, password: str, hours: int) -> tuple[str, str]:
            from sync.link import Unreachable
            from sync.protocol import CodeRequest

            if station.client is None:
                raise Unreachable("not connected yet")
            answer = await station.client.link.enrollment_code(
                CodeRequest(username=username, password=password, hours=hours)
            )
            return answer.code, answer.expires_at

        async def devices_health() -> DevicesHealthResponse:
            from sync.link import Unreachable

            if station.client is None:
                raise Unreachable("not connected yet")
            return await station.client.link.devices_health()

        window.admin.code_maker = enrollment_code
        window.admin.health_reader = devices_health
    return station


def build_display(args: argparse.Namespace, app: QApplication) -> Station:
    from staffdesk.display.announcer import Announcer
    from staffdesk.display.window import DisplayWindow

    install_fonts(app)
    languages = Languages(app, args.language)
    store = open_station_store(args, "display")
    clinics = frozenset(c.strip() for c in (args.clinics or "").split(",") if c.strip())
    window = DisplayWindow(
        store.db,
        Announcer(speech=not args.no_speech),
        clinics=clinics,
        language=languages.current,
        rows=args.rows,
    )
    if args.screen is not None:
        screens = app.screens()
        if not 0 <= args.screen < len(screens):
            raise SystemExit(f"there is no screen {args.screen}; this machine has {len(screens)}")
        window.setScreen(screens[args.screen])
        window.move(screens[args.screen].geometry().topLeft())
    return Station(app, store, window, "hall display", on_status=window.show_sync_status)


def run_staffdesk(args: argparse.Namespace) -> int:
    configure_logging("staffdesk")
    return run_station(build_staffdesk(args, qt_app()), args, size=(1280, 800), started=STARTED)


def run_display(args: argparse.Namespace) -> int:
    configure_logging("display")
    return run_station(build_display(args, qt_app()), args, size=(1280, 720), started=STARTED)
