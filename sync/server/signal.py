"""Wakes long-polling pulls when new ops are accepted: within one server process, and
across processes on PostgreSQL through LISTEN/NOTIFY."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading

import psycopg

log = logging.getLogger(__name__)


class NewOps:
    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._event = asyncio.Event()

    def notify_threadsafe(self) -> None:
        """Call from any thread after a commit that accepted ops."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._fire)

    def _fire(self) -> None:
        if self._event is not None:
            self._event.set()
            self._event = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        event = self._event
        if event is None:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)


CHANNEL = "mmc_ops"


class PostgresListener:
    """Wakes this process's long-polls when another server process on the same PostgreSQL
    database accepts ops (they `NOTIFY mmc_ops` in the committing transaction)."""

    def __init__(self, conninfo: str, new_ops: NewOps) -> None:
        self.conninfo = conninfo
        self.new_ops = new_ops
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="mmc-pg-listen", daemon=True)
        self.ready = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.ready.set()
                    while not self._stop.is_set():
                        for _ in connection.notifies(timeout=0.5, stop_after=1):
                            self.new_ops.notify_threadsafe()
            except psycopg.Error as error:
                log.warning("listening for new ops failed (%s); retrying", error)
                self._stop.wait(1.0)
