"""`mmc demo` with windows: the server with the demo accounts, and a kiosk, a staff console
and a hall display as programs of their own, each enrolled and syncing (offscreen here)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def test_the_windowed_demo_runs_a_kiosk_a_console_and_a_display_against_its_server(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "--data-dir", str(tmp_path), "demo", "--run-for", "8"],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "sync.credentials.MemoryKeyring",
            "MMC_LOG_DIR": str(tmp_path / "logs"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "staff console login: nurse / nurse-demo-1 (staff)" in done.stdout
    server_files = list((tmp_path / "server").glob("*.sqlite3"))
    assert len(server_files) == 1
    with contextlib.closing(sqlite3.connect(server_files[0])) as db:
        kinds = sorted(kind for (kind,) in db.execute("select kind from devices"))
        users = sorted(name for (name,) in db.execute("select username from users"))
    assert [k for k in kinds if k != "server"] == ["display", "kiosk", "staff"]
    assert users == ["admin", "nurse", "super"]
    accounts = {"kiosk": 0, "staffdesk": 3, "display": 0}  # staff accounts reach consoles only
    for program, users_there in accounts.items():
        with contextlib.closing(sqlite3.connect(tmp_path / program / "mmc.sqlite3")) as db:
            assert db.execute("select count(*) from clinics").fetchone()[0] == 16, program
            assert db.execute("select count(*) from users").fetchone()[0] == users_there, program
            assert db.execute("select count(*) from settings where key = 'site_secret'").fetchone()[0] == 0
