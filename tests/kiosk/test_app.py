"""`mmc kiosk` as a process: it starts, shows its window, and syncs on the Qt loop."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
from pathlib import Path

import keyring
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from core.schema import Clinic, OpRecord
from core.store import open_store
from kiosk.app import build_kiosk
from kiosk.window import KioskWindow
from sync.credentials import MemoryKeyring
from sync.runtime.station import attach_sync, station_code
from sync.server.app import create_app
from sync.server.enrollment import create_code
from sync.server.run import open_server_db, serve_in_thread
from tests.kiosk.conftest import choose_exam
from tests.kiosk.test_check_in import walk_to_exam

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


def test_a_kiosk_enrolled_at_start_checks_patients_in_as_the_station_the_server_gave_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """Enrollment names the station after the program has started: the kiosk's check-ins
    must carry that name, or the server refuses them while the patient holds a ticket."""
    db = open_server_db(root=tmp_path / "server")
    server = serve_in_thread(create_app(db))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        args = argparse.Namespace(
            language="en", server=server.url, data_dir=str(tmp_path / "kiosk"), printer="pdf", windowed=True
        )
        station = build_kiosk(args, qapp)
        window = station.window
        assert isinstance(window, KioskWindow)
        qtbot.addWidget(window)
        window.show()
        client = loop.run_until_complete(attach_sync(station, server.url, create_code(db)))
        loop.run_until_complete(client.pull_new())
        walk_to_exam(qtbot, window, "28400000051", "male")
        choose_exam(qtbot, window, "travel")
        assert window.current_screen() is window.ticket
        loop.run_until_complete(client.push_pending())
        assert not client.status.refused, client.status.refused
        with db.read() as session:
            record = session.scalar(select(OpRecord).where(OpRecord.kind == "visit.checked_in"))
            assert record is not None and record.outcome == "applied"
            assert record.actor == station_code(station.store) != ""
        loop.run_until_complete(client.link.aclose())
        station.store.close()
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        keyring.set_keyring(previous)
        server.stop()
        db.dispose()
