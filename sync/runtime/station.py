"""How every window program of the product runs: its store, the Qt event loop shared
with asyncio (qasync), and sync with the central server in the background.

The window is shown first; the network code is imported and started after, so a station
is usable at once and keeps working when the server cannot be reached.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from core.clock import DeviceClock, install_device_clock
from core.ops.log import identity
from core.services.config import init_site
from core.store import Store, clock_offset, data_dir, open_store

if TYPE_CHECKING:
    from sync.client import SyncClient, SyncStatus

log = logging.getLogger(__name__)
ENROLL_RETRY_S = 10.0


def qt_app() -> QApplication:
    """The process's QApplication (made on first use)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def open_station_store(args: argparse.Namespace, kind: str) -> Store:
    """A networked station keeps its own store (one per program on a machine); without a
    server, every program of the machine shares one one-machine site."""
    if args.server:
        root = Path(args.data_dir) if args.data_dir else data_dir() / kind
        return open_store(root, kind=kind)
    store = open_store(Path(args.data_dir) if args.data_dir else data_dir(), kind="standalone")
    init_site(store.db)
    return store


def station_code(store: Store) -> str:
    with store.db.read() as session:
        return identity(session).station


@dataclass
class Station:
    app: QApplication
    store: Store
    window: QWidget
    name: str
    on_status: Callable[[SyncStatus], None] = lambda status: None
    client: SyncClient | None = None
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    def poke(self) -> None:
        """A local change was made: push it now."""
        if self.client is not None:
            self.client.poke()


async def attach_sync(station: Station, server: str, enroll_code: str | None) -> SyncClient:
    """The network side, imported and started after the first window is shown. From here
    the process goes by the device's corrected clock (core.clock.DeviceClock)."""
    from sync.client import SyncClient, enroll_device
    from sync.credentials import load_token
    from sync.link import ServerLink

    with station.store.db.read() as session:
        device_id = identity(session).device_id
    clock = DeviceClock(clock_offset(station.store.db))
    install_device_clock(clock)
    client = SyncClient(station.store, ServerLink(server, token=load_token(device_id)), clock=clock)
    client.on_status = station.on_status
    station.client = client
    if enroll_code:
        code = await enroll_device(station.store, client.link, code=enroll_code, name=station.name)
        log.info("%s enrolled as station %s", station.name, code)
    return client


async def keep_syncing(station: Station, server: str, enroll_code: str | None) -> None:
    """Sync until the station stops; an unreachable server at start is retried."""
    from sync.link import Refused, Unreachable

    while not station.stop.is_set():
        try:
            client = await attach_sync(station, server, enroll_code)
        except ValueError as error:
            log.error("the enrollment code is not valid, so this %s will not sync: %s", station.name, error)
            return
        except (Unreachable, Refused) as error:
            log.warning("cannot reach the server to start syncing: %s", error)
            if station.client is not None:
                await station.client.link.aclose()
            station.client = None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(station.stop.wait(), ENROLL_RETRY_S)
            continue
        await client.run(station.stop)


class GuiThreadCollector(QObject):
    """Python's cyclic garbage collection, run on the GUI thread only. Left automatic, it
    runs on whichever thread allocates when a threshold is crossed (the store's worker,
    sync's threads), and a Qt object caught in a cycle would be destroyed from the wrong
    thread. Anki's main window does the same."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.enable()

    def started(self) -> None:
        """Once the window is up: what the program made to start (modules, Qt's wrappers,
        the mappers) lives as long as the program, so it is moved out of the collector's
        sight (`gc.freeze`). A full collection then looks only at what came after it:
        on a kiosk pulling a day's log it took about 130 ms with everything in sight, a
        stall a patient's tap would wait behind."""
        gc.collect()
        gc.freeze()

    def collect(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)


def run_station(station: Station, args: argparse.Namespace, *, size: tuple[int, int], started: float) -> int:
    """Show the window, run the Qt loop with sync beside it, and close cleanly on
    SIGINT/SIGTERM (a stop from the session manager, or Ctrl+C in development)."""
    app = station.app
    collector = GuiThreadCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    app.aboutToQuit.connect(station.stop.set)
    for ending in (signal.SIGINT, signal.SIGTERM):
        signal.signal(ending, lambda *_: app.exit(0))
    if args.windowed:
        station.window.resize(*size)
        station.window.show()
    else:
        station.window.showFullScreen()
    collector.started()
    if args.run_for:
        QTimer.singleShot(int(args.run_for * 1000), lambda: app.exit(0))
    if args.exit_after_shown:

        def shown() -> None:
            print(f"shown {1000 * (time.perf_counter() - started):.1f} ms", flush=True)
            app.exit(0)

        QTimer.singleShot(0, shown)
    with loop:
        task = None
        if args.server and not args.exit_after_shown:
            task = loop.create_task(keep_syncing(station, args.server, args.enroll))
        loop.run_forever()
        station.stop.set()
        if task is not None:
            (ended,) = loop.run_until_complete(asyncio.gather(asyncio.wait_for(task, 10), return_exceptions=True))
            if isinstance(ended, BaseException):
                log.error("sync did not stop cleanly: %r", ended)
        if station.client is not None:
            loop.run_until_complete(station.client.link.aclose())
    station.store.close()
    collector.stop()
    return 0
