"""Starting the kiosk: Qt with the shipped fonts and the language, the store, the
printer, and sync running in the background on the Qt loop (qasync)."""

from __future__ import annotations

import argparse
import time

from PySide6.QtWidgets import QApplication

from core.logs import configure_logging
from core.permissions import Actor
from kiosk.flow import KioskFlow
from kiosk.printing import make_printer
from kiosk.window import KioskWindow
from sync.runtime.qt import Languages, install_fonts
from sync.runtime.station import Station, open_station_store, qt_app, run_station, station_code

STARTED = time.perf_counter()


def build_kiosk(args: argparse.Namespace, app: QApplication) -> Station:
    """Everything but sync, which starts once the window is up."""
    install_fonts(app)
    languages = Languages(app, args.language)
    store = open_station_store(args, "kiosk")
    station: Station

    def poke() -> None:
        station.poke()

    flow = KioskFlow(store.db, lambda: Actor(station_code(store) or "kiosk", "kiosk"), on_change=poke)
    printer = make_printer(args.printer, store.paths.root / "tickets")
    window = KioskWindow(flow, languages, printer, locked=not args.windowed)
    station = Station(app, store, window, "kiosk", on_status=window.show_sync_status)
    return station


def run(args: argparse.Namespace) -> int:
    configure_logging("kiosk")
    return run_station(build_kiosk(args, qt_app()), args, size=(1080, 1500), started=STARTED)
