"""Restores lose nothing that anyone still holds. With a real server process and real
store files: a kiosk restored from its backup (by `mmc restore`, and after its file was
damaged) sends what it had acknowledged exactly once, without being enrolled again; a
server restored from its backup (`mmc server restore`) while devices hold later work gets
all of it back, and every device converges with it, with no number given twice."""

from __future__ import annotations

import collections
import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from core.database import Database
from core.ops.log import accepted_after, identity
from core.permissions import SYSTEM, Actor
from core.schema import OpRecord, Ticket, Visit
from core.services import queue
from core.services.checkin import check_in
from core.services.config import log_in, save_user
from core.store import Store, device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.credentials import MemoryKeyring
from sync.link import ServerLink
from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db, start_server_process
from tests.conftest import postgres_schema
from tests.sync.conftest import converged
from tests.sync.test_postgres_concurrency import CountingTransport

PASSWORD = "nurse-pass-1"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def mmc(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "core.cli", *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def patients_on(where: Store | Database) -> list[str]:
    db = where.db if isinstance(where, Store) else where
    with db.read() as session:
        return sorted(session.scalars(select(Visit.patient_id)))


def numbers_unique(db: Database) -> bool:
    with db.read() as session:
        taken = session.execute(select(Ticket.clinic, Ticket.day, Ticket.station, Ticket.number)).all()
    return len(taken) == len(set(taken))


class Kiosk:
    def __init__(self, root: Path, url: str, statuses: collections.Counter[int]) -> None:
        self.root, self.url, self.statuses = root, url, statuses
        self.store = open_store(root, kind="kiosk")
        self.client = SyncClient(self.store, self._link(None), long_poll_s=0.1)

    def _link(self, token: str | None) -> ServerLink:
        return ServerLink(self.url, token=token, transport=CountingTransport(self.statuses))

    async def enroll(self, code: str) -> None:
        await enroll_device(self.store, self.client.link, code=code)

    def check_in(self, patient: str) -> str:
        return check_in(
            self.store.db, device_actor(self.store.db), id_number=patient, gender="male", exam_type="travel"
        ).place.label

    async def close(self) -> None:
        await self.client.link.aclose()
        self.store.close()

    async def reopen(self) -> None:
        """The kiosk program starts again on its (restored) store, with the token it had."""
        token = self.client.link.token
        await self.close()
        self.store = open_store(self.root, kind="kiosk")
        self.client = SyncClient(self.store, self._link(token), long_poll_s=0.1)


@contextlib.asynccontextmanager
async def server_and_kiosk(
    tmp_path: Path,
) -> collections.abc.AsyncIterator[tuple[Path, int, Kiosk, collections.Counter[int]]]:
    data = tmp_path / "server-data"
    db = open_server_db(root=data / "server")
    code = create_code(db)
    db.dispose()
    port = free_port()
    server = start_server_process(data, port)
    statuses: collections.Counter[int] = collections.Counter()
    kiosk = Kiosk(tmp_path / "kiosk", f"http://127.0.0.1:{port}", statuses)
    try:
        await kiosk.enroll(code)
        await kiosk.client.sync_once()
        yield data, port, kiosk, statuses
    finally:
        await kiosk.close()
        server.kill()
        server.wait()


@pytest.mark.anyio
async def test_a_kiosk_restored_by_mmc_restore_sends_what_it_had_acknowledged_once(tmp_path: Path) -> None:
    async with server_and_kiosk(tmp_path) as (data, _, kiosk, statuses):
        labels = {"P1": kiosk.check_in("28400000001")}
        await kiosk.client.sync_once()
        kiosk.store.backup()
        labels["P2"] = kiosk.check_in("28400000002")
        await kiosk.client.sync_once()
        labels |= {"P3": kiosk.check_in("28400000003"), "P4": kiosk.check_in("28400000004")}
        with kiosk.store.db.read() as session:
            device_before = identity(session).device_id
        token = kiosk.client.link.token
        await kiosk.client.link.aclose()
        kiosk.store.close()

        said = mmc("--data-dir", str(kiosk.root), "restore")
        assert "3 changes made here after that backup were taken back" in said, said

        kiosk.store = open_store(kiosk.root, kind="kiosk")
        kiosk.client = SyncClient(kiosk.store, kiosk._link(token), long_poll_s=0.1)
        with kiosk.store.db.read() as session:
            assert identity(session).device_id == device_before, "no new enrollment is needed"
        assert patients_on(kiosk.store) == ["28400000001", "28400000002", "28400000003", "28400000004"]
        await kiosk.client.sync_once()
        labels["P5"] = kiosk.check_in("28400000005")
        await kiosk.client.sync_once()
        assert kiosk.client.status.ops_waiting == 0 and kiosk.client.status.refused == ()

        server_db = open_server_db(root=data / "server")
        try:
            assert patients_on(server_db) == [f"2840000000{n}" for n in range(1, 6)]
            with server_db.read() as session:
                kinds = collections.Counter(
                    session.scalars(select(OpRecord.kind).where(OpRecord.device_id == device_before))
                )
                shown = dict(
                    session.execute(
                        select(Visit.patient_id, Ticket.number).join(Ticket, Ticket.visit_id == Visit.id)
                    ).all()
                )
            assert kinds["visit.checked_in"] == 5, "each check-in applied once"
            assert numbers_unique(server_db)
            assert {f"P{n}": str(shown[f"2840000000{n}"]) for n in range(1, 6)} == {
                k: v.rsplit("-", 1)[-1] for k, v in labels.items()
            }
            assert converged(server_db, kiosk.client)
        finally:
            server_db.dispose()
        assert not [s for s in statuses if s >= 500]


@pytest.mark.anyio
async def test_a_kiosk_whose_file_was_damaged_tells_the_truth_and_never_reuses_a_number(tmp_path: Path) -> None:
    async with server_and_kiosk(tmp_path) as (data, _, kiosk, statuses):
        kiosk.check_in("28400000001")
        await kiosk.client.sync_once()
        kiosk.store.backup()
        sent = kiosk.check_in("28400000002")
        await kiosk.client.sync_once()
        lost = {kiosk.check_in("28400000003"), kiosk.check_in("28400000004")}
        token = kiosk.client.link.token
        await kiosk.client.link.aclose()
        kiosk.store.close()
        _damage(kiosk.root / "mmc.sqlite3")

        kiosk.store = open_store(kiosk.root, kind="kiosk")
        kiosk.client = SyncClient(kiosk.store, kiosk._link(token), long_poll_s=0.1)
        (notice,) = kiosk.store.notices
        assert "could not be read" in notice.text and "lost" in notice.text
        await kiosk.client.sync_once()
        assert "28400000002" in patients_on(kiosk.store), "what reached the server comes back from it"
        new = kiosk.check_in("28400000005")
        assert new not in lost | {sent}
        await kiosk.client.sync_once()
        assert kiosk.client.status.ops_waiting == 0 and kiosk.client.status.refused == ()
        server_db = open_server_db(root=data / "server")
        try:
            assert patients_on(server_db) == ["28400000001", "28400000002", "28400000005"]
            assert numbers_unique(server_db) and converged(server_db, kiosk.client)
        finally:
            server_db.dispose()
        assert not [s for s in statuses if s >= 500]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("backend", "how"),
    [
        ("sqlite", "mmc server restore"),
        ("sqlite", "damaged file"),
        pytest.param("postgres", "pg_restore", marks=pytest.mark.postgres),
    ],
)
async def test_a_server_restored_from_its_backup_gets_back_what_the_devices_hold(
    tmp_path: Path, backend: str, how: str
) -> None:
    with postgres_schema() if backend == "postgres" else contextlib.nullcontext() as pg_url:
        await _server_restore(tmp_path, pg_url, damaged=how == "damaged file")


async def _server_restore(tmp_path: Path, pg_url: str | None, *, damaged: bool) -> None:
    """Two kiosks (leasing two numbers at a time, so blocks are leased after the backup
    too) and a console; the server backed up, then six check-ins and a call; the server
    restored; everything back on every side."""
    data = tmp_path / "server-data"
    on_db = ["--db", pg_url] if pg_url else []
    dump = tmp_path / "server.pgdump"
    db = open_server_db(pg_url, root=data / "server")
    save_user(db, SYSTEM, username="nurse", password=PASSWORD, role="staff")
    codes = [create_code(db) for _ in range(3)]
    db.dispose()
    port = free_port()
    server = start_server_process(data, port, pg_url)
    url = f"http://127.0.0.1:{port}"
    statuses: collections.Counter[int] = collections.Counter()
    kiosks = [Kiosk(tmp_path / f"kiosk{n}", url, statuses) for n in range(2)]
    for kiosk in kiosks:
        kiosk.client.lease_size = 2
    console = Kiosk.__new__(Kiosk)
    console.root, console.url, console.statuses = tmp_path / "console", url, statuses
    console.store = open_store(console.root, kind="staff")
    console.client = SyncClient(console.store, console._link(None), long_poll_s=0.1)
    devices = [*kiosks, console]
    try:
        for device, code in zip(devices, codes, strict=True):
            await device.enroll(code)
            await device.client.sync_once()
        nurse = log_in(console.store.db, username="nurse", password=PASSWORD)
        for n, kiosk in enumerate(kiosks):
            kiosk.check_in(f"2841000000{n}")
            await kiosk.client.sync_once()
        mmc("--data-dir", str(data), "server", *on_db, "backup", *(["--to", str(dump)] if pg_url else []))
        await _six_check_ins_and_a_call(kiosks, console, nurse)
        with console.store.db.read() as session:
            held = set(session.scalars(select(Visit.patient_id)))

        server.kill()
        server.wait()
        if damaged:
            _damage(data / "server" / "mmc.sqlite3")
            open_server_db(root=data / "server").dispose()
        else:
            said = mmc("--data-dir", str(data), "server", *on_db, "restore", *([str(dump)] if pg_url else []))
            assert "new epoch" in said
        restored = open_server_db(pg_url, root=data / "server")
        lost_by_server = held - set(patients_on(restored))
        restored.dispose()
        assert len(lost_by_server) == 6, "the backup was taken before six check-ins"

        server = start_server_process(data, port, pg_url)
        started = time.monotonic()
        for _ in range(3):
            for device in devices:
                await device.client.sync_once()
        converge_s = time.monotonic() - started

        final = open_server_db(pg_url, root=data / "server")
        try:
            assert set(patients_on(final)) == held, "every check-in a device held is back"
            with final.read() as session:
                sequences = [seq for seq, _ in accepted_after(session, 0)]
                called = session.scalar(select(func.count()).select_from(Ticket).where(Ticket.status == "CALLED"))
            assert sequences == sorted(set(sequences))
            assert called == 1, "the call made after the backup is back too"
            assert numbers_unique(final)
            for device in devices:
                assert converged(final, device.client), device.root.name
                assert device.client.status.refused == ()
        finally:
            final.dispose()
        assert not [s for s in statuses if s >= 500]
        print(f"server restore: {len(lost_by_server)} check-ins and 1 call sent again, converged in {converge_s:.2f} s")
    finally:
        for device in devices:
            await device.close()
        server.kill()
        server.wait()


async def _six_check_ins_and_a_call(kiosks: list[Kiosk], console: Kiosk, nurse: Actor) -> None:
    for round_ in range(3):
        for n, kiosk in enumerate(kiosks):
            kiosk.check_in(f"284200{round_}{n:04d}")
            await kiosk.client.sync_once()
    await console.client.sync_once()
    queue.call_next(console.store.db, nurse, clinic=_first_clinic(console.store), room="1")
    await console.client.sync_once()
    for kiosk in kiosks:
        await kiosk.client.sync_once()


def _damage(path: Path) -> None:
    with path.open("r+b") as damaged:
        damaged.write(b"\0" * 4096)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _first_clinic(store: Store) -> str:
    with store.db.read() as session:
        return str(session.scalar(select(Ticket.clinic).where(Ticket.status == "WAITING").order_by(Ticket.order_key)))
