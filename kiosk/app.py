"""Starting the kiosk: Qt with the shipped fonts and the language, the store, the
printer, and sync running in the background on the Qt loop (qasync)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from core.logs import configure_logging
from core.ops.log import identity
from core.permissions import Actor
from core.services.config import init_site
from core.store import Store, data_dir, open_store
from kiosk.flow import KioskFlow
from kiosk.printing import make_printer
from kiosk.window import KioskWindow
from resources.qt import Languages, install_fonts

if TYPE_CHECKING:
    from sync.client import SyncClient

log = logging.getLogger(__name__)
STARTED = time.perf_counter()
ENROLL_RETRY_S = 10.0


@dataclass
class Kiosk:
    app: QApplication
    store: Store
    window: KioskWindow
    client: SyncClient | None = None


def _store(args: argparse.Namespace) -> Store:
    root = Path(args.data_dir) if args.data_dir else data_dir()
    if args.server:
        return open_store(root, kind="kiosk")
    store = open_store(root, kind="standalone")
    init_site(store.db)
    return store


def build_kiosk(args: argparse.Namespace, app: QApplication) -> Kiosk:
    """Everything but sync, which `attach_sync` adds once the window is up."""
    install_fonts(app)
    languages = Languages(app, args.language)
    store = _store(args)
    with store.db.read() as session:
        station = identity(session).station
    kiosk: Kiosk

    def poke() -> None:
        if kiosk.client is not None:
            kiosk.client.poke()

    flow = KioskFlow(store.db, Actor(station or "kiosk", "kiosk"), on_change=poke)
    printer = make_printer(args.printer, store.paths.root / "tickets")
    window = KioskWindow(flow, languages, printer, locked=not args.windowed)
    kiosk = Kiosk(app, store, window)
    return kiosk


async def attach_sync(kiosk: Kiosk, server: str, enroll_code: str | None) -> SyncClient:
    """The network side, imported and started after the first screen is shown."""
    from sync.client import SyncClient, enroll_device
    from sync.credentials import load_token
    from sync.link import ServerLink

    with kiosk.store.db.read() as session:
        device_id = identity(session).device_id
    client = SyncClient(kiosk.store, ServerLink(server, token=load_token(device_id)))
    client.on_status = kiosk.window.show_sync_status
    kiosk.client = client
    if enroll_code:
        station = await enroll_device(kiosk.store, client.link, code=enroll_code, name="kiosk")
        log.info("kiosk enrolled as station %s", station)
    return client


def run(args: argparse.Namespace) -> int:
    configure_logging("kiosk")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    kiosk = build_kiosk(args, app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    stop = asyncio.Event()
    app.aboutToQuit.connect(stop.set)
    for ending in (signal.SIGINT, signal.SIGTERM):
        # The lockdown keeps patients in, not the system out: a stop from the session
        # manager (or Ctrl+C in development) ends the kiosk cleanly.
        signal.signal(ending, lambda *_: app.exit(0))
    if args.windowed:
        kiosk.window.resize(1080, 1500)
        kiosk.window.show()
    else:
        kiosk.window.showFullScreen()
    if args.run_for:
        QTimer.singleShot(int(args.run_for * 1000), lambda: app.exit(0))
    if args.exit_after_shown:

        def shown() -> None:
            print(f"shown {1000 * (time.perf_counter() - STARTED):.1f} ms", flush=True)
            app.exit(0)

        QTimer.singleShot(0, shown)
    with loop:
        task = None
        if args.server and not args.exit_after_shown:

            async def sync() -> None:
                from sync.link import Refused, Unreachable

                while not stop.is_set():
                    try:
                        client = await attach_sync(kiosk, args.server, args.enroll)
                    except ValueError as error:
                        log.error("the enrollment code is not valid, so this kiosk will not sync: %s", error)
                        return
                    except (Unreachable, Refused) as error:
                        log.warning("cannot reach the server to start syncing: %s", error)
                        if kiosk.client is not None:
                            await kiosk.client.link.aclose()
                        kiosk.client = None
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(stop.wait(), ENROLL_RETRY_S)
                        continue
                    await client.run(stop)

            task = loop.create_task(sync())
        loop.run_forever()
        stop.set()
        if task is not None:
            (ended,) = loop.run_until_complete(asyncio.gather(asyncio.wait_for(task, 10), return_exceptions=True))
            if isinstance(ended, BaseException):
                log.error("sync did not stop cleanly: %r", ended)
        if kiosk.client is not None:
            loop.run_until_complete(kiosk.client.link.aclose())
    kiosk.store.close()
    return 0
