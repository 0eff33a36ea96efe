"""The server is killed (SIGKILL) in the middle of a batch and restarted: nothing the
device sent is lost or applied twice."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.digest import StateView, state_digest, view_at_acceptance_point
from core.ops.log import pending_ops
from core.schema import OpRecord
from core.services.checkin import check_in
from core.store import Store, device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.link import ServerLink, Unreachable
from sync.server.run import free_port, open_server_db, start_server_process

pytestmark = pytest.mark.slow
PATIENTS = 1500


def _waiting(store: Store) -> int:
    with store.db.read() as session:
        return len(pending_ops(session))


@pytest.mark.anyio
async def test_server_killed_mid_batch_and_restarted_loses_and_doubles_nothing(tmp_path: Path) -> None:
    data, port = tmp_path / "data", free_port()
    code = subprocess.run(
        [sys.executable, "-m", "core.cli", "--data-dir", str(data), "server", "enroll-code"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    server = start_server_process(data, port)
    store = open_store(tmp_path / "kiosk", kind="kiosk")
    link = ServerLink(f"http://127.0.0.1:{port}")
    client = SyncClient(store, link, batch=500)
    try:
        await enroll_device(store, link, code=code)
        await client.pull_new()
        kiosk = device_actor(store.db)
        for n in range(PATIENTS):
            check_in(store.db, kiosk, id_number=f"{28400000000 + n}", gender="male", exam_type="travel")
        push = asyncio.ensure_future(client.push_pending())
        while _waiting(store) == PATIENTS and not push.done():
            await asyncio.sleep(0.005)
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        with pytest.raises(Unreachable):
            await push
        left = _waiting(store)
        assert 0 < left < PATIENTS, "the server must die with part of the outbox answered and part not"
        server = start_server_process(data, port)
        await client.push_pending()
        await client.pull_new()
        with store.db.read() as session:
            assert pending_ops(session) == []
    finally:
        await link.aclose()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    db = open_server_db(root=data / "server")
    with db.read() as session:
        accepted = session.scalar(select(func.count()).select_from(OpRecord).where(OpRecord.kind == "visit.checked_in"))
    assert accepted == PATIENTS
    with db.read() as session:
        expected = state_digest(session, view_at_acceptance_point(session, "kiosk"))
    db.dispose()
    with store.db.read() as session:
        assert state_digest(session, StateView("kiosk")) == expected
    store.close()
