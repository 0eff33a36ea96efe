"""`mmc kiosk` as a process: it starts, shows its window, and syncs on the Qt loop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from core.schema import Clinic, OpRecord
from core.store import open_store
from sync.server.app import create_app
from sync.server.enrollment import create_code
from sync.server.run import open_server_db, serve_in_thread

ENV = {
    **os.environ,
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHON_KEYRING_BACKEND": "sync.credentials.MemoryKeyring",
}


def mmc(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args], env=ENV, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_the_kiosk_starts_locked_fullscreen_and_shows_its_window(tmp_path: Path) -> None:
    done = mmc("--data-dir", str(tmp_path / "kiosk"), "kiosk", "--exit-after-shown", "--printer", "pdf")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("shown ")


def test_an_enrolled_kiosk_syncs_on_the_qt_loop(tmp_path: Path) -> None:
    db = open_server_db(root=tmp_path / "server")
    server = serve_in_thread(create_app(db))
    try:
        done = mmc(
            "--data-dir",
            str(tmp_path / "kiosk"),
            "kiosk",
            "--windowed",
            "--server",
            server.url,
            "--enroll",
            create_code(db),
            "--run-for",
            "4",
        )
        assert done.returncode == 0, done.stderr
    finally:
        server.stop()
    store = open_store(tmp_path / "kiosk", kind="kiosk")
    with store.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Clinic)) == 16
        assert session.scalar(select(func.count()).select_from(OpRecord).where(OpRecord.kind == "lease.granted"))
    store.close()
    db.dispose()
