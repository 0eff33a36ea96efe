"""Fixtures: real stores in tmp_path, a fixed clinic-day clock, the usual actors."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.clock import SITE_ZONE
from core.database import Database, make_engine, scratch_schema, unreachable
from core.digest import state_digest
from core.migrate import upgrade
from core.ops.envelope import Op
from core.ops.log import accepted_after, apply_remote
from core.permissions import Actor
from core.schema import AuditEntry, OpRecord
from core.services.config import init_site
from core.store import Store, open_store
from tests.postgres_server import describe, server_url

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

KIOSK = Actor("K1", "kiosk")
STAFF = Actor("nurse", "staff")
ADMIN = Actor("boss", "admin")
SUPERVISOR = Actor("chief", "supervisor")


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes to this machine's real data or log folders."""
    monkeypatch.setenv("MMC_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("MMC_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file migrated once; copying it saves each test the migration."""
    path = tmp_path_factory.mktemp("template") / "mmc.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def make_store(tmp_path: Path, migrated_template: Path) -> Iterator[Callable[..., Store]]:
    opened: list[Store] = []

    def make(name: str = "store", *, kind: str = "standalone", site: bool = True) -> Store:
        root = tmp_path / name
        root.mkdir()
        shutil.copyfile(migrated_template, root / "mmc.sqlite3")
        store = open_store(root, kind=kind)
        if site:
            init_site(store.db)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store: Callable[..., Store]) -> Store:
    """A standalone site (its own acceptance point) with the default clinics."""
    return make_store()


@pytest.fixture
def morning() -> dt.datetime:
    return dt.datetime(2026, 11, 22, 8, 0, tzinfo=SITE_ZONE)


def digest(where: Store | Database) -> str:
    db = where.db if isinstance(where, Store) else where
    with db.read() as session:
        return state_digest(session)


def op_count(store: Store) -> int:
    with store.db.read() as session:
        return session.scalar(select(func.count()).select_from(OpRecord)) or 0


def audit_lines(store: Store) -> list[AuditEntry]:
    with store.db.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def accepted_ops(store: Store) -> list[Op]:
    with store.db.read() as session:
        return [op for _, op in accepted_after(session, 0)]


def replay(store: Store, ops: list[Op], at: dt.datetime) -> list[str]:
    """Apply someone else's ops to `store` in the given order, as sync will."""
    with store.db.write() as session:
        return [apply_remote(session, op, at) for op in ops]


PG_URL = server_url()


def pytest_report_header() -> str:
    return describe()


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL to a fresh schema on the test PostgreSQL, dropped afterwards. Skips the test
    when no server is reachable, except in CI, where it fails."""
    problem = unreachable(PG_URL)
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL must be reachable in CI: {problem}")
        pytest.skip(f"no PostgreSQL reachable at {PG_URL}: {problem}")
    with scratch_schema(PG_URL) as url:
        yield url


@dataclass
class SmallDisk:
    """A file system of a few megabytes (tmpfs) that a test fills and frees."""

    root: Path

    def fill(self) -> None:
        """Write a filler file until the file system has no byte left."""
        descriptor = os.open(self.root / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (65536, 4096, 1):
                with contextlib.suppress(OSError):
                    while os.write(descriptor, b"\0" * size):
                        pass
        finally:
            os.close(descriptor)

    def free(self) -> None:
        (self.root / "filler").unlink(missing_ok=True)

    @property
    def free_bytes(self) -> int:
        return shutil.disk_usage(self.root).free


@pytest.fixture
def small_disk(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[SmallDisk]:
    """A 48 MiB tmpfs mounted in tmp_path (the size a test may change with
    `@pytest.mark.parametrize("small_disk", [MiB], indirect=True)`). Mounting needs root:
    elsewhere the test is skipped with that reason, except in CI, where it fails."""
    size_mb = getattr(request, "param", 48)
    root = tmp_path / "small-disk"
    root.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(root)],
        check=False,
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        why = f"cannot mount a small tmpfs here (root is needed): {mounted.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "--lazy", str(root)], check=False)


@pytest.fixture(scope="session")
def voice_pack_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default voice pack for the default clinics, generated with espeak-ng once per run
    (a few seconds). CI installs espeak-ng (scripts/bootstrap.sh) and fails without it;
    elsewhere the tests that need the pack are skipped with the reason."""
    from core.defaults import CLINICS
    from core.voice.espeak import EngineMissing, make_pack

    root = tmp_path_factory.mktemp("voice-pack")
    try:
        make_pack(root, {c.code: (c.name_ar, c.name_en) for c in CLINICS})
    except EngineMissing as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must make the default voice pack: {error}")
        pytest.skip(f"no default voice pack: {error}")
    return root
