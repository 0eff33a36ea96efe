"""Two server processes on one PostgreSQL, and devices that enroll, push, lease and pull
at once on both: no 500, no two ops under one server sequence, no station twice, and an
enrollment whose answer was lost is answered again."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import shutil
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from core.ops.log import accepted_after
from core.schema import Device, OpRecord
from core.services.checkin import check_in
from core.store import device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.link import ServerLink
from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db, start_server_process
from tests.conftest import postgres_schema

pytestmark = pytest.mark.postgres

DEVICES = 8
ROUNDS = 6


class CountingTransport(httpx.AsyncHTTPTransport):
    """Counts the answers by status, so a 500 that the client would retry is still seen."""

    def __init__(self, seen: collections.Counter[int]) -> None:
        super().__init__()
        self.seen = seen

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        self.seen[response.status_code] += 1
        return response


@pytest.mark.anyio
async def test_enrollments_pushes_and_leases_at_once_on_two_processes(tmp_path: Path, migrated_template: Path) -> None:
    with postgres_schema() as url:
        db = open_server_db(url)
        codes = [create_code(db) for _ in range(DEVICES)]
        ports = [free_port(), free_port()]
        servers = [start_server_process(tmp_path / f"server{i}", port, url) for i, port in enumerate(ports)]
        seen: collections.Counter[int] = collections.Counter()
        clients: list[SyncClient] = []
        try:
            for i in range(DEVICES):
                folder = tmp_path / f"kiosk{i}"
                folder.mkdir()
                shutil.copyfile(migrated_template, folder / "mmc.sqlite3")
                link = ServerLink(f"http://127.0.0.1:{ports[i % 2]}", transport=CountingTransport(seen))
                clients.append(SyncClient(open_store(folder, kind="kiosk"), link, lease_size=5, long_poll_s=0.2))

            stations = await asyncio.gather(
                *(enroll_device(c.store, c.link, code=code) for c, code in zip(clients, codes, strict=True))
            )
            assert len(set(stations)) == DEVICES, f"stations given twice: {sorted(stations)}"

            async def day_of(index: int, client: SyncClient) -> None:
                await client.pull_new()
                for round_ in range(ROUNDS):
                    await client.refill_leases()
                    for n in range(3):
                        number = f"{index:02d}{round_:02d}{n:07d}"
                        await asyncio.to_thread(
                            check_in,
                            client.store.db,
                            device_actor(client.store.db),
                            id_number=number,
                            gender="male",
                            exam_type="travel",
                        )
                    await client.push_pending()
                    await client.pull_new()

            await asyncio.gather(*(day_of(i, c) for i, c in enumerate(clients)))
        finally:
            for client in clients:
                await client.link.aclose()
                client.store.close()
            for server in servers:
                server.kill()
                server.wait()

        assert not [status for status in seen if status >= 500], f"answers by status: {dict(seen)}"
        with db.read() as session:
            sequences = [seq for seq, _ in accepted_after(session, 0)]
            registered = session.scalar(select(func.count()).select_from(Device).where(Device.kind == "kiosk"))
            refused = session.scalar(select(func.count()).select_from(OpRecord).where(OpRecord.outcome != "applied"))
        assert sequences == list(range(1, len(sequences) + 1))
        assert registered == DEVICES
        assert refused == 0
        db.dispose()


@pytest.mark.anyio
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_an_enrollment_whose_answer_was_lost_is_answered_again(tmp_path: Path, backend: str) -> None:
    with postgres_schema() if backend == "postgres" else contextlib.nullcontext() as url:
        db = open_server_db(url, root=tmp_path / "data" / "server")
        port = free_port()
        server = start_server_process(tmp_path / "data", port, url)
        try:
            code = create_code(db)
            asked = {"code": code, "device_id": "0193a000-0000-7000-8000-00000000abcd", "kind": "kiosk", "name": "k"}
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                first = await http.post("/v1/enroll", json=asked)
                again = await http.post("/v1/enroll", json=asked)
                other_device = await http.post(
                    "/v1/enroll", json={**asked, "device_id": asked["device_id"][:-4] + "ffff"}
                )
                assert first.status_code == again.status_code == 200, again.text
                assert again.json()["station"] == first.json()["station"]
                assert again.json()["token"] == first.json()["token"]
                assert other_device.status_code == 403
                pulled = await http.get("/v1/ops", headers={"authorization": f"Bearer {first.json()['token']}"})
                assert pulled.status_code == 200
        finally:
            server.kill()
            server.wait()
            db.dispose()
