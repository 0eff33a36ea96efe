"""A real server on 127.0.0.1 (uvicorn on a free port) and devices enrolled with it."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import pytest

from core.database import Database
from core.digest import StateView, state_digest, view_at_acceptance_point
from core.ops.log import identity
from core.permissions import SYSTEM, Actor
from core.services.config import log_in, save_user
from core.store import Store, device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.credentials import MemoryKeyring
from sync.link import ServerLink
from sync.server.app import create_app
from sync.server.enrollment import create_code
from sync.server.run import RunningServer, open_server_db, serve_in_thread
from tests.conftest import postgres_schema

PASSWORDS = {"nurse": "nurse-pass-1", "boss": "boss-pass-1"}


def kiosk_actor(client: SyncClient) -> Actor:
    """The kiosk as itself, by its station code, as the kiosk program acts."""
    return device_actor(client.store.db)


def user_actor(client: SyncClient, username: str = "nurse") -> Actor:
    """A site user logged in on this console (offline, against the synced hash): the
    actor that signs their ops."""
    return log_in(client.store.db, username=username, password=PASSWORDS[username])


def kind_of(client: SyncClient) -> str:
    with client.store.db.read() as session:
        return identity(session).kind


async def sync_all(*clients: SyncClient) -> None:
    """Each device pushes and pulls once, then each pulls again (what the others sent)."""
    for client in clients:
        await client.sync_once()
    for client in clients:
        await client.pull_new()


def converged(site_db: Database, *clients: SyncClient) -> bool:
    """Whether each device holds exactly its kind's projection of the server's state."""
    for client in clients:
        kind = kind_of(client)
        with site_db.read() as session:
            expected = state_digest(session, view_at_acceptance_point(session, kind))
        with client.store.db.read() as session:
            if state_digest(session, StateView(kind)) != expected:
                return False
    return True


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@dataclass
class Site:
    server: RunningServer
    db: Database
    root: Path
    template: Path
    clients: list[SyncClient] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    def store(self, name: str, kind: str) -> Store:
        folder = self.root / name
        folder.mkdir()
        shutil.copyfile(self.template, folder / "mmc.sqlite3")
        return open_store(folder, kind=kind)

    async def device(self, name: str, kind: str, *, transport: object = None, snapshots: bool = True) -> SyncClient:
        """A new device store, enrolled with the server and holding the site's configuration
        (from the server's snapshot, or with `snapshots` False by replaying its whole log)."""
        store = self.store(name, kind)
        link = ServerLink(self.url, transport=transport)  # type: ignore[arg-type]
        await enroll_device(store, link, code=create_code(self.db), name=name)
        client = SyncClient(store, link, long_poll_s=0.5, snapshots=snapshots)
        self.clients.append(client)
        await client.pull_new()
        return client

    async def close(self) -> None:
        for client in self.clients:
            await client.link.aclose()
            client.store.close()


@pytest.fixture
def backend() -> str:
    """The server's database; a module parametrizes it to run on PostgreSQL too."""
    return "sqlite"


@pytest.fixture
async def site(tmp_path: Path, migrated_template: Path, backend: str) -> AsyncIterator[Site]:
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(postgres_schema()) if backend == "postgres" else None
        db = open_server_db(url, root=tmp_path / "server")
        save_user(db, SYSTEM, username="nurse", password=PASSWORDS["nurse"], role="staff")
        save_user(db, SYSTEM, username="boss", password=PASSWORDS["boss"], role="admin")
        running = serve_in_thread(create_app(db, rate=1000, burst=2000))
        place = Site(running, db, tmp_path, migrated_template)
        try:
            yield place
        finally:
            await place.close()
            running.stop()
            db.dispose()


@pytest.fixture
def site_sync(tmp_path: Path, migrated_template: Path) -> Iterator[Site]:
    """The same site for tests that run their own event loop (the Qt one)."""
    db = open_server_db(root=tmp_path / "server")
    running = serve_in_thread(create_app(db))
    try:
        yield Site(running, db, tmp_path, migrated_template)
    finally:
        running.stop()
        db.dispose()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
