"""End to end across processes: a call made on a staff console reaches a hall display
that runs as its own program against the same server, which shows and announces it."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.database import Database
from core.services.checkin import check_in
from core.store import open_store
from staffdesk.desk import Desk
from staffdesk.window import StaffWindow
from sync.runtime.qt import Languages
from sync.server.enrollment import create_code
from sync.server.run import RunningServer
from tests.qtsupport import tap
from tests.staffdesk.conftest import enroll, log_in, sync_round

ENV = {
    **os.environ,
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHON_KEYRING_BACKEND": "sync.credentials.MemoryKeyring",
}


def _clinics_in(store_file: Path) -> int:
    if not store_file.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{store_file}?mode=ro", uri=True, timeout=1)) as db:
            return int(db.execute("select count(*) from clinics").fetchone()[0])
    except sqlite3.Error:
        return 0


def _announced(log_file: Path) -> list[str]:
    if not log_file.exists():
        return []
    lines = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line["message"] for line in lines if line["message"].startswith("announcing ")]


def test_a_call_on_a_console_is_shown_and_announced_by_a_display_process(
    qtbot: QtBot, languages: Languages, tmp_path: Path, server: tuple[RunningServer, Database]
) -> None:
    running, server_db = server
    console_store = open_store(tmp_path / "console", kind="staff")
    enroll(console_store, running.url, create_code(server_db))
    logs = tmp_path / "display-logs"
    display = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "core.cli",
            "--data-dir",
            str(tmp_path / "display"),
            "display",
            "--windowed",
            "--language",
            "en",
            "--no-speech",
            "--server",
            running.url,
            "--enroll",
            create_code(server_db),  # type: ignore[arg-type]
            "--run-for",
            "60",
        ],
        env={**ENV, "MMC_LOG_DIR": str(logs)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while _clinics_in(tmp_path / "display" / "mmc.sqlite3") < 16:
            assert display.poll() is None, display.communicate()[1]
            assert time.monotonic() < deadline, "the display did not enroll and pull the site"
            time.sleep(0.2)

        languages.use("en")
        window = StaffWindow(Desk(console_store.db), languages)
        qtbot.addWidget(window)
        window.show()
        log_in(qtbot, window, "nurse")
        check_in(console_store.db, window.desk.actor, id_number="28700000001", gender="male", exam_type="travel")
        window.queue.refresh()
        window.queue.room.setText("5")
        tap(qtbot, window, "queue_call_next")
        called = window.queue.tickets[0]
        assert called.status == "CALLED"
        assert sync_round(console_store, running.url) == 2

        deadline = time.monotonic() + 30
        while not _announced(logs / "display.jsonl"):
            assert display.poll() is None, display.communicate()[1]
            assert time.monotonic() < deadline, "the display did not announce the call"
            time.sleep(0.2)
        assert _announced(logs / "display.jsonl") == [f"announcing {called.label} at Vital Signs, room 5"]
    finally:
        display.send_signal(signal.SIGTERM)
        _, err = display.communicate(timeout=20)
        console_store.close()
    assert display.returncode == 0, err
