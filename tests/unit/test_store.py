from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from core.backups import is_healthy, list_backups, prune_backups
from core.database import make_engine
from core.errors import NoBackup
from core.migrate import _config, alembic_head, current_revision, head_revision
from core.ops.log import identity
from core.schema import OpRecord, Visit
from core.services.checkin import check_in
from core.services.config import init_site
from core.store import STORE_FILE, open_store, restore_store
from tests.conftest import KIOSK, digest


def test_store_runs_with_wal_full_sync_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.db.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    store.close()
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 15000}


def test_data_folder_comes_from_the_environment_when_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MMC_DATA_DIR", str(tmp_path / "here"))
    store = open_store()
    store.close()
    assert (tmp_path / "here" / STORE_FILE).exists()


def test_an_old_store_is_backed_up_then_migrated_at_open(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / STORE_FILE}")
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0001")
    engine.dispose()
    store = open_store(tmp_path)
    revision = current_revision(store.db.engine)
    store.close()
    backups = list_backups(tmp_path / "backups")
    assert revision == head_revision()
    assert len(backups) == 1 and f"before-{head_revision()}" in backups[0].name
    old = make_engine(f"sqlite:///{backups[0]}")
    assert current_revision(old) == "0001"
    old.dispose()


def _store_with_a_patient(root: Path, morning: dt.datetime) -> str:
    store = open_store(root)
    init_site(store.db)
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    store.backup()
    check_in(store.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel", now=morning)
    with store.db.read() as session:
        device = identity(session).device_id
    store.close()
    return device


def _corrupt(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(0)
        handle.write(b"this is no longer a database" * 200)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def test_a_corrupt_store_is_moved_aside_and_restored_from_the_newest_backup(
    tmp_path: Path, morning: dt.datetime
) -> None:
    old_device = _store_with_a_patient(tmp_path, morning)
    _corrupt(tmp_path / STORE_FILE)
    store = open_store(tmp_path)
    with store.db.read() as session:
        patients = set(session.scalars(select(Visit.patient_id)))
        new_device = identity(session).device_id
    notices = store.notices
    store.close()
    assert [n.code for n in notices] == ["corrupt_restored"]
    assert "could not be read" in notices[0].text and "lost" in notices[0].text
    assert patients == {"28400000001"}, "the check-in after the backup was only in the damaged file"
    assert new_device == old_device
    assert [p.name for p in (tmp_path / "set-aside").iterdir() if "corrupt" in p.name]


def test_a_corrupt_store_without_backups_starts_empty_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / STORE_FILE).write_bytes(b"garbage" * 1000)
    store = open_store(tmp_path)
    notices = [n.code for n in store.notices]
    store.close()
    assert notices == ["corrupt_no_backup"]
    assert is_healthy(tmp_path / STORE_FILE)


def test_restore_puts_a_backup_back_and_takes_back_what_it_lacks(tmp_path: Path, morning: dt.datetime) -> None:
    old_device = _store_with_a_patient(tmp_path, morning)
    restored = restore_store(tmp_path)
    store = open_store(tmp_path)
    with store.db.read() as session:
        patients = set(session.scalars(select(Visit.patient_id)))
        me = identity(session)
        sequences = list(session.scalars(select(OpRecord.accepted_seq).order_by(OpRecord.accepted_seq)))
    store.close()
    assert patients == {"28400000001", "28400000002"}
    assert restored.recovery.recovered == 1 and "1 changes made here after that backup" in restored.notice
    assert me.device_id == old_device
    assert sequences == list(range(1, len(sequences) + 1)), "each op accepted once, in one order"
    assert any("replaced" in p.name for p in (tmp_path / "set-aside").iterdir())


def test_restore_without_backups_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    with pytest.raises(NoBackup):
        restore_store(tmp_path)


def test_online_backup_is_a_checked_copy_of_the_state(tmp_path: Path, morning: dt.datetime) -> None:
    store = open_store(tmp_path / "live")
    init_site(store.db)
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    path = store.backup()
    state = digest(store)
    store.close()
    assert is_healthy(path)
    copy_root = tmp_path / "copy"
    copy_root.mkdir()
    (copy_root / STORE_FILE).write_bytes(path.read_bytes())
    copy = open_store(copy_root)
    assert digest(copy) == state
    copy.close()


def test_old_backups_are_pruned_but_the_newest_few_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    month_ago = time.time() - 40 * 86400
    for n in range(6):
        path = folder / f"mmc-2026010{n}T000000000000Z.sqlite3"
        sqlite3.connect(path).close()
        os.utime(path, (month_ago, month_ago))
    removed = prune_backups(folder, keep_days=30, keep_at_least=3)
    assert len(removed) == 3 and len(list_backups(folder)) == 3


def test_the_head_revision_known_without_alembic_is_alembics_head() -> None:
    assert alembic_head() == head_revision()
