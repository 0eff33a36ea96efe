"""A console that starts on a damaged data file says what came back and what did not, in
the user's language, above its pages."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.services.checkin import check_in
from core.services.config import init_site
from core.store import open_store
from staffdesk.app import build_staffdesk
from staffdesk.window import StaffWindow
from tests.conftest import KIOSK


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_console_on_a_damaged_file_says_what_is_lost(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, language: str
) -> None:
    root = tmp_path / "console"
    store = open_store(root)
    init_site(store.db)
    store.backup()
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel")
    store.close()
    with (root / "mmc.sqlite3").open("r+b") as damaged:
        damaged.write(b"\0" * 4096)
    for suffix in ("-wal", "-shm"):
        Path(f"{root / 'mmc.sqlite3'}{suffix}").unlink(missing_ok=True)

    station = build_staffdesk(argparse.Namespace(language=language, server=None, data_dir=str(root)), qapp)
    window = station.window
    assert isinstance(window, StaffWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    text = window.notice_text.text()
    assert window.notice.isVisible()
    expected = {"en": "could not be read", "ar": "تعذّرت قراءة الملف التالف"}[language]
    assert expected in text and ".sqlite3" in text
    window.grab().save(str(tmp_path / f"restore-notice-{language}.png"))
    window.notice_ok.click()
    assert not window.notice.isVisible()
    station.store.close()
