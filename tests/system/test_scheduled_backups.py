"""The scheduled backups the .deb's timers run: the units pass `systemd-analyze verify` in
a root where every program they start exists, and the very command lines they run (read
from the unit files) make a checked backup, remove those past the keep window, flag a
damaged one, and take the server's every backup_interval_h; PostgreSQL's by pg_dump,
checked by pg_restore --list."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.backups import (
    FLAGGED_SUFFIX,
    backup_now,
    integrity_problem,
    list_backups,
    newest_good_backup,
    shape_problem,
)
from core.services.config import init_site
from core.store import open_store
from sync.server.run import open_server_db
from sync.server.scheduled_backups import dump_problem
from tests.conftest import postgres_schema

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "scripts" / "release" / "debian"
HOST_UNITS = Path("/usr/lib/systemd/system")
DAY = 86400


def needs(tool: str) -> str:
    """The tool's path; the test is skipped without it, except in CI (scripts/test installs it)."""
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} must be installed in CI (scripts/bootstrap.sh installs it)")
        pytest.skip(f"{tool} is not installed (Debian: apt-get install systemd / prometheus)")
    return found


def unit_command(unit: str, instance: str = "") -> tuple[list[str], dict[str, str]]:
    """The unit's ExecStart as this checkout runs it (the packaged /opt/mmc-mms/mmc and
    mmc-server are `mmc` and `mmc server`), and the environment its Environment= lines set."""
    command: list[str] = []
    env: dict[str, str] = {}
    for line in (UNITS / unit).read_text().splitlines():
        key, _, value = line.partition("=")
        if key == "Environment":
            name, _, setting = value.partition("=")
            env[name] = setting
        elif key == "ExecStart":
            command = value.replace("%i", instance).split()
    program = {
        "/opt/mmc-mms/mmc": [sys.executable, "-m", "core.cli"],
        "/opt/mmc-mms/mmc-server": [sys.executable, "-m", "core.cli", "server"],
    }[command[0]]
    return [*program, *command[1:]], env


def run_unit(unit: str, data: Path, instance: str = "") -> subprocess.CompletedProcess[str]:
    command, env = unit_command(unit, instance)
    env = {**os.environ, **env, "MMC_DATA_DIR": str(data), "MMC_LOG_DIR": str(data / "logs")}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


def age(path: Path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def test_the_backup_timers_and_services_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    """In a root holding the system's own units, the package's units and an executable at
    every path their ExecStart names (so a wrong path fails too)."""
    analyze = needs("systemd-analyze")
    root = tmp_path / "root"
    system = root / "lib/systemd/system"
    shutil.copytree(HOST_UNITS, system, symlinks=True)
    for unit in UNITS.glob("*.service"):
        shutil.copy(unit, system)
    for unit in UNITS.glob("*.timer"):
        shutil.copy(unit, system)
    launchers = {
        "opt/mmc-mms/mmc": f'exec {sys.executable} -m core.cli "$@"',
        "opt/mmc-mms/mmc-server": f'exec {sys.executable} -m core.cli server "$@"',
        "opt/mmc-mms/mmc-kiosk": f'exec {sys.executable} -m core.cli kiosk "$@"',
        "usr/bin/cage": 'exec "$@"',
        "usr/bin/dbus-run-session": 'exec "$@"',
    }
    for path, body in launchers.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(f"#!/bin/sh\n{body}\n")
        (root / path).chmod(0o755)
    units = [
        "mmc-server.service",
        "mmc-server-backup.service",
        "mmc-server-backup.timer",
        "mmc-station@kiosk.service",
        "mmc-station-backup@kiosk.service",
        "mmc-station-backup@kiosk.timer",
    ]
    checked = subprocess.run(
        [analyze, "verify", "--man=no", f"--root={root}", *(f"lib/systemd/system/{unit}" for unit in units)],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert checked.returncode == 0 and not checked.stdout + checked.stderr, checked.stdout + checked.stderr
    (root / "opt/mmc-mms/mmc").unlink()
    missing = subprocess.run(
        [analyze, "verify", "--man=no", f"--root={root}", "lib/systemd/system/mmc-station-backup@kiosk.service"],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert missing.returncode != 0 and "/opt/mmc-mms/mmc" in missing.stderr, "the check must see the programs"


def test_the_timers_run_the_server_hourly_and_each_station_daily() -> None:
    server = (UNITS / "mmc-server-backup.timer").read_text()
    station = (UNITS / "mmc-station-backup@.timer").read_text()
    assert "OnCalendar=hourly" in server and "Persistent=true" in server
    assert "OnCalendar=daily" in station and "Persistent=true" in station
    assert "mmc-server-backup.timer" in (UNITS / "mmc-server.service").read_text()
    assert "mmc-station-backup@%i.timer" in (UNITS / "mmc-station@.service").read_text()


def test_a_stations_scheduled_backup_is_checked_and_old_ones_are_removed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(data / "kiosk", kind="kiosk")
    init_site(store.db)
    folder = store.paths.backups
    old = [store.backup() for _ in range(5)]
    store.close()
    for path in old[:4]:
        age(path, 40)

    done = run_unit("mmc-station-backup@.service", data, "kiosk")

    assert done.returncode == 0, done.stderr
    kept = list_backups(folder)
    assert kept[1:] == [old[4], old[3]], "the new one and the newest two, old or not"
    assert "backed up and checked" in done.stdout and "removed 3 backups older than 30 days" in done.stdout
    assert integrity_problem(kept[0]) is None


def test_a_damaged_backup_is_flagged_and_never_restored(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = open_store(data / "kiosk", kind="kiosk")
    init_site(store.db)
    good = store.backup()
    store.close()
    time.sleep(0.01)
    cut = open_store(data / "kiosk", kind="kiosk").backup()
    with cut.open("r+b") as file:
        file.truncate(cut.stat().st_size - 1000)

    done = run_unit("mmc-station-backup@.service", data, "kiosk")

    assert done.returncode == 1, "the unit shows failed until IT has looked"
    assert f"DAMAGED backup flagged (it will not be restored): {cut}{FLAGGED_SUFFIX}" in done.stderr
    assert Path(f"{cut}{FLAGGED_SUFFIX}").exists() and cut not in list_backups(data / "kiosk" / "backups")
    assert newest_good_backup(data / "kiosk" / "backups") != cut
    assert good in list_backups(data / "kiosk" / "backups")
    again = run_unit("mmc-station-backup@.service", data, "kiosk")
    assert again.returncode == 0, again.stderr


def test_the_full_check_finds_damage_a_header_check_cannot(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    init_site(store.db)
    copy = store.backup()
    store.close()
    connection = sqlite3.connect(copy)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with copy.open("r+b") as file:
        for page in range(1, 8):
            file.seek(page_size * page)
            file.write(b"\xff" * 64)
    assert shape_problem(copy) is None
    assert integrity_problem(copy) is not None


def test_a_station_without_a_store_yet_has_nothing_to_back_up(tmp_path: Path) -> None:
    done = run_unit("mmc-station-backup@.service", tmp_path / "data", "display")
    assert done.returncode == 0 and "nothing to back up" in done.stdout
    assert not (tmp_path / "data" / "display" / "mmc.sqlite3").exists()


def test_the_server_is_backed_up_every_backup_interval_h(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_server_db(root=data / "server").dispose()

    first = run_unit("mmc-server-backup.service", data)
    assert first.returncode == 0, first.stderr
    (taken,) = list_backups(data / "server" / "backups")
    assert integrity_problem(taken) is None

    soon = run_unit("mmc-server-backup.service", data)
    assert soon.returncode == 0 and "No backup due" in soon.stdout
    assert list_backups(data / "server" / "backups") == [taken]

    age(taken, 6 / 24)
    due = run_unit("mmc-server-backup.service", data)
    assert due.returncode == 0 and "backed up and checked" in due.stdout
    assert len(list_backups(data / "server" / "backups")) == 2


@pytest.mark.postgres
def test_a_postgresql_server_is_dumped_and_the_dump_checked_by_pg_restore(tmp_path: Path) -> None:
    needs("pg_dump")
    with postgres_schema() as url:
        open_server_db(url).dispose()
        data = tmp_path / "data"
        command, env = unit_command("mmc-server-backup.service")
        env = {**os.environ, **env, "MMC_DATA_DIR": str(data), "MMC_DB_URL": url}

        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)

        assert done.returncode == 0, done.stderr
        (dump,) = (data / "server" / "backups").glob("mmc-server-*.pgdump")
        assert dump_problem(dump) is None
        old = dump.with_name("mmc-server-20200101T000000Z.pgdump")
        shutil.copy(dump, old)
        age(old, 40)
        bad = dump.with_name("mmc-server-20200102T000000Z.pgdump")
        bad.write_bytes(dump.read_bytes()[:200])
        assert dump_problem(bad) is not None
        age(dump, 7 / 24)
        time.sleep(1)

        again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)

        assert again.returncode == 1 and "DAMAGED backup flagged" in again.stderr
        kept = sorted(p.name for p in (data / "server" / "backups").iterdir())
        assert bad.name + FLAGGED_SUFFIX in kept and old.name in kept, "the newest three are kept whatever their age"
        assert len([name for name in kept if name.endswith(".pgdump")]) == 3


def test_backups_of_a_day_ago_are_kept(tmp_path: Path) -> None:
    """The keep window counts days: a day-old backup stays (30 days by default)."""
    store = open_store(tmp_path / "data" / "kiosk", kind="kiosk")
    init_site(store.db)
    backups = [store.backup() for _ in range(4)]
    store.close()
    age(backups[0], 1)
    done = run_unit("mmc-station-backup@.service", tmp_path / "data", "kiosk")
    assert done.returncode == 0 and backups[0] in list_backups(tmp_path / "data" / "kiosk" / "backups")


def test_the_newest_backup_taken_before_a_migration_outlives_the_keep_window(tmp_path: Path) -> None:
    """It is the one the previous release goes back to (tests/system/test_rollback.py)."""
    data = tmp_path / "data"
    store = open_store(data / "kiosk", kind="kiosk")
    init_site(store.db)
    store.close()
    folder = data / "kiosk" / "backups"
    older_migration = backup_now(data / "kiosk" / "mmc.sqlite3", folder, label="before-0010")
    migration = backup_now(data / "kiosk" / "mmc.sqlite3", folder, label="before-0011")
    later = [backup_now(data / "kiosk" / "mmc.sqlite3", folder) for _ in range(4)]
    for path in (older_migration, migration, *later):
        age(path, 45)

    done = run_unit("mmc-station-backup@.service", data, "kiosk")

    assert done.returncode == 0, done.stderr
    kept = list_backups(folder)
    assert migration in kept and older_migration not in kept
    assert len(kept) == 4, "the new one, the two newest old ones, and the pre-migration one"
