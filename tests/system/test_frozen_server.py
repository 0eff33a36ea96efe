"""A server that stops answering without closing its connections (a frozen process, a
hung machine: the kernel still accepts) is seen as offline: a device never goes on
saying "Online" to a server that does not answer, and comes back when it answers again."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from core.permissions import SYSTEM
from core.services.config import save_user
from core.store import open_store
from sync.client import SyncClient, SyncStatus, enroll_device
from sync.credentials import MemoryKeyring
from sync.link import ServerLink
from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db, start_server_process


async def until(check: Callable[[], bool], limit_s: float) -> float:
    """Seconds until `check` holds (pytest fails the test past `limit_s`)."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < limit_s, "never happened"
        await asyncio.sleep(0.1)
    return time.monotonic() - started


@pytest.mark.anyio
async def test_a_frozen_server_is_shown_offline_and_online_again_when_it_answers(tmp_path: Path) -> None:
    keyring.set_keyring(MemoryKeyring())
    data = tmp_path / "server-data"
    db = open_server_db(root=data / "server")
    save_user(db, SYSTEM, username="nurse", password="nurse-pass-1", role="staff")
    code = create_code(db)
    db.dispose()
    port = free_port()
    server = start_server_process(data, port)
    store = open_store(tmp_path / "kiosk", kind="kiosk")
    seen: list[SyncStatus] = []
    client = SyncClient(store, ServerLink(f"http://127.0.0.1:{port}"), on_status=seen.append)
    stop = asyncio.Event()
    try:
        await enroll_device(store, client.link, code=code)
        running = asyncio.ensure_future(client.run(stop))
        await until(lambda: client.status.online, 10)
        os.kill(server.pid, signal.SIGSTOP)
        await until(lambda: not client.status.online, 60)
        assert client.status.offline_since is not None and client.status.problem
        os.kill(server.pid, signal.SIGCONT)
        await until(lambda: client.status.online, 60)
        stop.set()
        await running
    finally:
        os.kill(server.pid, signal.SIGCONT)
        server.kill()
        server.wait()
        await client.link.aclose()
        store.close()
