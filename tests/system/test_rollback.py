"""Going back to the previous release: a store that a newer build migrated is put back,
by the older program that opens it, from the backup taken before that migration, with a
clear notice; its own changes since are taken back from the newer file and sent again,
and nothing the server acknowledged is lost.

The newer build is real code run in its own process: a copy of this checkout's `core`
with one more (test-only) Alembic revision after the head, and HEAD_REVISION moved to it.
A PostgreSQL server is rolled back the same way, from the dump taken before the newer
build migrated it.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select, text

from core.backups import prune_backups
from core.database import make_engine
from core.errors import StoreError
from core.migrate import (
    MIGRATIONS,
    NewerSchema,
    alembic_head,
    current_revision,
    file_revision,
    head_revision,
    upgrade,
)
from core.ops.log import accepted_after, identity
from core.recovery import VOID_DEVICE
from core.schema import NumberLease, OutboxEntry
from core.store import STORE_FILE, open_store
from sync.credentials import MemoryKeyring
from sync.server.backups import DUMPS, dump_problem
from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db, start_server_process
from tests.conftest import postgres_schema
from tests.system.test_restores import Kiosk, patients_on

ROOT = Path(__file__).resolve().parents[2]
NEWER = "9001"

MIGRATION = '''\
"""a newer release's change (test only)

Revision ID: {revision}
Revises: {down}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("newer_notes", sa.Column("id", sa.Integer, primary_key=True), sa.Column("note", sa.Text))
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.add_column(sa.Column("newer_flag", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ops", schema=None) as batch_op:
        batch_op.drop_column("newer_flag")
    op.drop_table("newer_notes")
'''

NEWER_PROGRAM = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path

    from core.migrate import head_revision
    from core.services.checkin import check_in
    from core.store import device_actor, open_store

    root, url, token, *patients = sys.argv[1:]
    store = open_store(Path(root), kind="kiosk")
    assert head_revision() == "{newer}", head_revision()

    def check(patient):
        check_in(store.db, device_actor(store.db), id_number=patient, gender="male", exam_type="travel")

    async def sync():
        from sync.client import SyncClient
        from sync.link import ServerLink

        client = SyncClient(store, ServerLink(url, token=token), long_poll_s=0.1)
        await client.sync_once()
        await client.link.aclose()

    synced = [p for p in patients if not p.startswith("unsent:")]
    for patient in synced:
        check(patient)
    if synced and url != "-":
        asyncio.run(sync())
    for patient in patients:
        if patient.startswith("unsent:"):
            check(patient.removeprefix("unsent:"))
    store.close()
    """
)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def newer_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_newer_build(tmp_path_factory.mktemp("newer-build"))


def make_newer_build(build: Path) -> Path:
    """A copy of this checkout's core in `build` with one more migration: the next
    release; `build/newer.py` is its program (see run_newer)."""
    shutil.copytree(ROOT / "core", build / "core", ignore=shutil.ignore_patterns("__pycache__"))
    versions = build / "core" / "migrations" / "versions"
    head = alembic_head()
    assert head is not None
    (versions / f"{NEWER}_newer_release.py").write_text(MIGRATION.format(revision=NEWER, down=head))
    migrate = build / "core" / "migrate.py"
    migrate.write_text(
        re.sub(r'^HEAD_REVISION = "[^"]+"', f'HEAD_REVISION = "{NEWER}"', migrate.read_text(), flags=re.M)
    )
    (build / "newer.py").write_text(NEWER_PROGRAM.format(newer=NEWER))
    return build


def run_newer(build: Path, root: Path, *patients: str, url: str = "-", token: str = "-") -> None:
    """The newer build opens the kiosk's store (migrating it), checks patients in, syncs
    those not marked `unsent:` and then checks in the unsent ones."""
    env = {**os.environ, "PYTHONPATH": str(build)}
    done = subprocess.run(
        [sys.executable, str(build / "newer.py"), str(root), url, token, *patients],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def start_newer_server(build: Path, data: Path, port: int, url: str) -> subprocess.Popen[bytes]:
    """The newer build's `mmc server run` on the PostgreSQL database at `url` (its `core`
    first on the path, and not the checkout's: no current directory put first)."""
    env = {"PYTHONPATH": f"{build}{os.pathsep}{ROOT}", "PYTHONSAFEPATH": "1"}
    return start_server_process(data, port, url, env=env)


def run_older_server_command(data: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """This version's `mmc server --db URL …` in its own process, as IT runs it."""
    command = [sys.executable, "-m", "core.cli", "--data-dir", str(data), "server", "--db", url, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def revision_at(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def outbox_size(kiosk: Kiosk) -> int:
    with kiosk.store.db.read() as session:
        return len(session.scalars(select(OutboxEntry)).all())


@pytest.mark.anyio
async def test_an_older_program_puts_back_the_store_a_newer_one_migrated_and_loses_nothing(
    tmp_path: Path, newer_build: Path
) -> None:
    data = tmp_path / "server-data"
    db = open_server_db(root=data / "server")
    code = create_code(db)
    db.dispose()
    port = free_port()
    server = start_server_process(data, port)
    url = f"http://127.0.0.1:{port}"
    kiosk = Kiosk(tmp_path / "kiosk", url, collections.Counter())
    try:
        await kiosk.enroll(code)
        await kiosk.client.sync_once()
        kiosk.check_in("28410000001")
        await kiosk.client.sync_once()
        token = kiosk.client.link.token
        assert token is not None
        await kiosk.close()

        # The newer release: migrates the store, two check-ins the server acknowledges,
        # then one made while the server was out of reach.
        run_newer(newer_build, kiosk.root, "28410000002", "28410000003", "unsent:28410000004", url=url, token=token)
        assert file_revision(kiosk.root / STORE_FILE) == NEWER
        (before,) = (kiosk.root / "backups").glob(f"*-before-{NEWER}.sqlite3")
        assert file_revision(before) == head_revision(), "the newer build backed the store up before migrating"

        # Back to this release: the older program opens the store.
        kiosk.store = open_store(kiosk.root, kind="kiosk")
        kiosk.client = type(kiosk.client)(kiosk.store, kiosk._link(token), long_poll_s=0.1)

        (notice,) = kiosk.store.notices
        assert notice.code == "rolled_back"
        assert f"newer version of MMC-MMS (schema {NEWER})" in notice.text and "3 changes" in notice.text
        assert current_revision(kiosk.store.db.engine) == head_revision()
        (kept,) = (kiosk.root / "set-aside").glob(f"*newer-{NEWER}*.sqlite3")
        assert file_revision(kept) == NEWER, "the newer file is kept, untouched"
        assert outbox_size(kiosk) == 3
        assert patients_on(kiosk.store) == [f"2841000000{n}" for n in range(1, 5)]

        for _ in range(3):
            await kiosk.client.sync_once()
        assert outbox_size(kiosk) == 0
        server_db = open_server_db(root=data / "server")
        try:
            assert patients_on(server_db) == [f"2841000000{n}" for n in range(1, 5)]
            with server_db.read() as session:
                accepted = [op for _, op in accepted_after(session, 0, 10_000) if op.kind == "visit.checked_in"]
            assert len(accepted) == 4, "each check-in accepted once: the server said duplicate for two"
        finally:
            server_db.dispose()
        assert patients_on(kiosk.store) == [f"2841000000{n}" for n in range(1, 5)]
    finally:
        await kiosk.close()
        server.kill()
        server.wait()


def test_a_server_store_put_back_after_a_rollback_begins_a_new_epoch(tmp_path: Path, newer_build: Path) -> None:
    root = tmp_path / "server"
    db = open_server_db(root=root)
    with db.read() as session:
        before = identity(session).device_id
    db.dispose()
    run_newer(newer_build, root)
    assert file_revision(root / STORE_FILE) == NEWER

    store = open_store(root, kind="server", authority=True)
    try:
        assert [n.code for n in store.notices] == ["rolled_back"]
        with store.db.read() as session:
            assert identity(session).device_id != before, "a new epoch: devices send what it lacks"
            assert session.scalars(select(NumberLease).where(NumberLease.device_id == VOID_DEVICE)).first()
    finally:
        store.close()


def test_without_a_backup_it_knows_the_older_program_refuses_and_touches_nothing(
    tmp_path: Path, newer_build: Path
) -> None:
    root = tmp_path / "kiosk"
    open_store(root, kind="kiosk").close()
    run_newer(newer_build, root)
    for backup in (root / "backups").iterdir():
        backup.unlink()
    newer_bytes = (root / STORE_FILE).read_bytes()

    with pytest.raises(StoreError, match=f"newer version of MMC-MMS \\(schema {NEWER}\\)"):
        open_store(root, kind="kiosk")

    assert (root / STORE_FILE).read_bytes() == newer_bytes
    assert not (root / "set-aside").exists()


@pytest.mark.postgres
def test_a_postgresql_database_a_newer_version_migrated_is_refused_with_what_to_do(tmp_path: Path) -> None:
    with postgres_schema() as url:
        open_server_db(url, tmp_path / "server").dispose()
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": NEWER})
        try:
            with pytest.raises(NewerSchema, match="put back the backup taken before that upgrade"):
                upgrade(engine)
            assert current_revision(engine) == NEWER, "nothing was changed"

            with pytest.raises(StoreError, match=f"newer version of MMC-MMS \\(schema {NEWER}\\) and no dump"):
                open_server_db(url, tmp_path / "server")
            assert current_revision(engine) == NEWER, "nothing was changed"
            assert not list((tmp_path / "server" / "backups").glob("*.pgdump")), "not even a set-aside dump"
        finally:
            engine.dispose()


@pytest.mark.postgres
def test_a_postgresql_database_is_dumped_before_it_is_migrated_and_not_migrated_without_the_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "server"
    with postgres_schema() as url:
        open_server_db(url, root).dispose()
        assert not (root / "backups").exists(), "an empty database has nothing to dump"
        older = downgrade_one(url)

        monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
        with pytest.raises(StoreError, match=f"not migrated from schema {older} to {head_revision()}.*pg_dump"):
            open_server_db(url, root)
        assert revision_at(url) == older, "nothing was changed"
        monkeypatch.undo()

        open_server_db(url, root).dispose()
        assert revision_at(url) == head_revision()
        (dump,) = (root / "backups").glob(DUMPS)
        assert dump.name.endswith(f"-{older}-before-{head_revision()}.pgdump")
        assert dump_problem(dump) is None

        os.utime(dump, (0, 0))
        assert prune_backups(root / "backups", keep_days=1, keep_at_least=0, pattern=DUMPS) == []
        assert dump.exists(), "the newest pre-migration dump outlives the keep window"


def downgrade_one(url: str) -> str:
    """Take the database at `url` back one migration (as an older release left it); answers
    the revision it is at."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.downgrade(config, "-1")
        older = current_revision(engine)
    finally:
        engine.dispose()
    assert older is not None and older != head_revision()
    return older


@pytest.mark.postgres
@pytest.mark.anyio
async def test_an_older_server_puts_back_the_postgresql_database_a_newer_one_migrated_and_loses_nothing(
    tmp_path: Path, newer_build: Path
) -> None:
    data = tmp_path / "server-data"
    backups = data / "server" / "backups"
    with postgres_schema() as pg:
        db = open_server_db(pg, data / "server")
        code = create_code(db)
        db.dispose()
        port = free_port()
        server = start_server_process(data, port, pg)
        kiosk = Kiosk(tmp_path / "kiosk", f"http://127.0.0.1:{port}", collections.Counter())
        try:
            await kiosk.enroll(code)
            await kiosk.client.sync_once()
            kiosk.check_in("28420000001")
            await kiosk.client.sync_once()
            server.kill()
            server.wait()

            # The newer release's server: dumps the database, migrates it, and acknowledges
            # two check-ins.
            server = start_newer_server(newer_build, data, port, pg)
            assert revision_at(pg) == NEWER and "newer_notes" in tables(pg)
            (before,) = backups.glob(f"mmc-server-*-{head_revision()}-before-{NEWER}.pgdump")
            assert dump_problem(before) is None
            kiosk.check_in("28420000002")
            kiosk.check_in("28420000003")
            await kiosk.client.sync_once()
            assert outbox_size(kiosk) == 0, "the newer server acknowledged both"
            server.kill()
            server.wait()

            # Back to this release: its first command puts the database back and says so.
            done = run_older_server_command(data, pg, "device", "list")
            assert done.returncode == 0, done.stderr
            assert f"newer version of MMC-MMS (schema {NEWER})" in done.stdout
            assert f"restored the dump {before.name}" in done.stdout
            assert "send again at their next sync what the server lost" in done.stdout
            assert revision_at(pg) == head_revision()
            assert "newer_notes" not in tables(pg), "nothing of the newer schema is left in the database"
            (kept,) = backups.glob(f"set-aside-mmc-server-newer-{NEWER}-*.pgdump")
            assert dump_problem(kept) is None, "the newer database is kept, as a dump"
            assert done.stdout.count("newer version of MMC-MMS") == 1, "said once"

            server = start_server_process(data, port, pg)
            for _ in range(3):
                await kiosk.client.sync_once()
            server_db = open_server_db(pg, data / "server")
            try:
                assert patients_on(server_db) == [f"2842000000{n}" for n in range(1, 4)]
                with server_db.read() as session:
                    accepted = [op for _, op in accepted_after(session, 0, 10_000) if op.kind == "visit.checked_in"]
                assert len(accepted) == 3, "each check-in accepted once"
            finally:
                server_db.dispose()
        finally:
            await kiosk.close()
            server.kill()
            server.wait()
