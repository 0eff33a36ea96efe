"""A full disk, on a kiosk and on the server: new work is refused with a clear message,
nothing stored is lost, sync goes on trying, and everything resumes by itself once
space returns."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from core.clock import utc_now
from core.errors import StorageFull
from core.ops.log import identity
from core.services.checkin import check_in
from core.store import Store, device_actor, open_store
from kiosk.flow import KioskFlow
from kiosk.messages import explain
from kiosk.printing import PdfPrinter
from kiosk.window import KioskWindow
from sync.client import SyncClient, SyncStatus, enroll_device
from sync.link import ServerLink
from sync.runtime.qt import Languages
from sync.server.enrollment import create_code
from sync.server.health import devices_health
from sync.server.run import free_port, open_server_db, start_server_process
from tests.conftest import SmallDisk, digest
from tests.kiosk.conftest import choose_exam, tap, type_digits
from tests.kiosk.test_check_in import is_arabic, walk_to_exam
from tests.qtsupport import languages, no_window_outlives_its_test, qapp
from tests.sync.conftest import Site, converged

__all__ = ["languages", "no_window_outlives_its_test", "qapp"]


async def wait_for(condition: Callable[[], bool], what: str, seconds: float = 20) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting until {what}")


@pytest.mark.anyio
async def test_a_kiosk_with_a_full_disk_refuses_new_work_loses_nothing_and_resumes(
    qtbot: QtBot, languages: Languages, site: Site, small_disk: SmallDisk, migrated_template: Path, tmp_path: Path
) -> None:
    shutil.copyfile(migrated_template, small_disk.root / "mmc.sqlite3")
    store = open_store(small_disk.root, kind="kiosk")
    link = ServerLink(site.url)
    await enroll_device(store, link, code=create_code(site.db), name="hall kiosk")
    statuses: list[SyncStatus] = []
    client = SyncClient(store, link, long_poll_s=0.3, on_status=statuses.append)
    other = await site.device("other", "kiosk")
    stop = asyncio.Event()
    runner = asyncio.ensure_future(client.run(stop))
    try:
        await wait_for(lambda: client.status.online, "the kiosk is online")
        check_in(store.db, device_actor(store.db), id_number="28400000001", gender="male", exam_type="travel")
        client.poke()
        await wait_for(lambda: client.status.ops_waiting == 0 and client.status.last_push is not None, "sent")

        small_disk.fill()
        before = digest(store)
        languages.use("ar")
        window = KioskWindow(
            KioskFlow(store.db, device_actor(store.db)), languages, PdfPrinter(tmp_path / "tickets"), locked=False
        )
        qtbot.addWidget(window)
        window.show()
        client.on_status = lambda status: (statuses.append(status), window.show_sync_status(status))
        tap(qtbot, window, "start-check-in")
        type_digits(qtbot, window, "28400000002")
        tap(qtbot, window, "keypad-ok")
        assert window.current_screen() is window.id_screen, "refused at the first step, before any choice"
        message = window.id_screen.error.text()
        assert is_arabic(message) and message == explain(StorageFull(), str)
        assert digest(store) == before

        check_in(
            other.store.db, device_actor(other.store.db), id_number="28400000003", gender="male", exam_type="travel"
        )
        await other.push_pending()
        await wait_for(lambda: client.status.storage_full, "the kiosk reports its full disk")
        await wait_for(lambda: "storage_full" in client.status.problem, "the pull that could not be stored is shown")
        assert not runner.done(), "the sync loop must outlive a full disk"
        await client.report_health(now=True)
        reported = {row.device_id: row.report for row in devices_health(site.db, utc_now())}
        mine = reported[_device_id(store)]
        assert mine is not None and mine.storage_full, "the server (and the console's Devices page) knows"
        assert digest(store) == before

        small_disk.free()
        await wait_for(lambda: not client.status.storage_full and client.status.problem == "", "it resumes")
        await wait_for(lambda: converged(site.db, client), "the pulled check-in arrives")
        window.go_home()
        walk_to_exam(qtbot, window, "28400000002", "male")
        choose_exam(qtbot, window, "travel")
        assert window.current_screen() is window.ticket
        client.poke()
        await wait_for(lambda: client.status.ops_waiting == 0 and converged(site.db, client), "all of it is sent")
    finally:
        stop.set()
        await asyncio.wait_for(runner, 10)
        await link.aclose()
        store.close()


@pytest.mark.anyio
async def test_a_server_with_a_full_disk_answers_507_says_so_on_health_and_resumes(
    small_disk: SmallDisk, migrated_template: Path, tmp_path: Path
) -> None:
    data = small_disk.root
    db = open_server_db(root=data / "server")
    port = free_port()
    server = start_server_process(data, port)
    store_root = tmp_path / "kiosk"
    store_root.mkdir()
    shutil.copyfile(migrated_template, store_root / "mmc.sqlite3")
    store = open_store(store_root, kind="kiosk")
    link = ServerLink(f"http://127.0.0.1:{port}")
    client = SyncClient(store, link, long_poll_s=0.3)
    stop = asyncio.Event()
    runner: asyncio.Future[None] | None = None
    try:
        await enroll_device(store, link, code=create_code(db))
        await client.pull_new()
        db.dispose()
        small_disk.fill()
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            health = await http.get("/health")
            assert health.status_code == 503 and health.json()["checks"]["disk"].startswith("failing")
            for n in range(5):
                check_in(
                    store.db, device_actor(store.db), id_number=f"2840000001{n}", gender="male", exam_type="travel"
                )
            pushed = await http.post(
                "/v1/ops",
                headers={"authorization": f"Bearer {link.token}"},
                content=_push_body(client),
            )
            assert pushed.status_code == 507, pushed.text
            assert pushed.json()["error"] == "storage_full" and "disk" in pushed.json()["message"]
            runner = asyncio.ensure_future(client.run(stop))
            await asyncio.sleep(1.0)
            assert client.status.ops_waiting == 5 and not runner.done()

            small_disk.free()
            await wait_for(lambda: client.status.ops_waiting == 0, "the outbox drains once the server has room")
            health = await http.get("/health")
            assert health.status_code == 200 and health.json()["checks"] == {"database": "ok", "disk": "ok"}
            db = open_server_db(root=data / "server")
            await wait_for(lambda: converged(db, client), "the kiosk converges with the server")
    finally:
        stop.set()
        if runner is not None:
            await asyncio.wait_for(runner, 10)
        await link.aclose()
        store.close()
        server.kill()
        server.wait()
        db.dispose()


def _device_id(store: Store) -> str:
    with store.db.read() as session:
        return identity(session).device_id


def _push_body(client: SyncClient) -> bytes:
    from core.ops.log import identity, pending_ops
    from sync.protocol import PushRequest

    with client.store.db.read() as session:
        ops = pending_ops(session, device_id=identity(session).device_id)
    return PushRequest(ops=[op.as_dict() for op in ops]).model_dump_json().encode()
