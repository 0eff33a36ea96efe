"""A staff console and a hall display on real stores (offscreen), with a clinic morning:
three staff accounts and patients already checked in."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from core.database import Database
from core.ops.log import identity
from core.permissions import SYSTEM
from core.services.checkin import check_in
from core.services.config import save_user
from core.store import Store, open_store
from staffdesk.app import build_staffdesk
from staffdesk.desk import Desk
from staffdesk.window import StaffWindow
from sync.client import SyncClient, SyncStatus, enroll_device
from sync.credentials import MemoryKeyring, load_token
from sync.link import ServerLink
from sync.runtime.qt import Languages
from sync.server.app import create_app
from sync.server.enrollment import create_code
from sync.server.run import RunningServer, open_server_db, serve_in_thread
from tests.qtsupport import languages, no_store_call_on_the_gui_thread, no_window_outlives_its_test, qapp, settle, tap

__all__ = ["languages", "no_store_call_on_the_gui_thread", "no_window_outlives_its_test", "qapp"]

PASSWORDS = {"boss": "boss-pass-1", "chief": "chief-pass-1", "nurse": "nurse-pass-1"}
ROLES = {"boss": "admin", "chief": "supervisor", "nurse": "staff"}


@pytest.fixture
def clinic_store(make_store: Callable[..., Store], morning: dt.datetime) -> Store:
    store = make_store()
    for username, password in PASSWORDS.items():
        save_user(store.db, SYSTEM, username=username, password=password, role=ROLES[username])
    for i, gender in enumerate(("male", "female", "male")):
        check_in(
            store.db,
            SYSTEM,
            id_number=f"2870000000{i}",
            gender=gender,
            exam_type="recruitment",
            now=morning + dt.timedelta(minutes=i),
        )
    return store


def fill_in(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type `text`; Arabic comes from an input method, which QTest cannot drive, so it is
    put in the field as the input method would."""
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def log_in(qtbot: QtBot, window: StaffWindow, username: str, password: str | None = None) -> None:
    if not window.login.username.isReadOnly():
        fill_in(qtbot, window.login.username, username)
    fill_in(qtbot, window.login.password, password if password is not None else PASSWORDS[username])
    tap(qtbot, window, "login_submit")


ConsoleFactory = Callable[..., StaffWindow]


@pytest.fixture
def make_console(qtbot: QtBot, languages: Languages, clinic_store: Store, morning: dt.datetime) -> ConsoleFactory:
    def make(
        user: str | None = "nurse",
        *,
        language: str = "en",
        store: Store | None = None,
        at: dt.datetime | None = None,
    ) -> StaffWindow:
        languages.use(language)
        desk = Desk((store or clinic_store).db)
        moment = at or morning + dt.timedelta(minutes=30)
        desk.now = lambda: moment
        window = StaffWindow(desk, languages)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        settle(qtbot)
        if user is not None:
            log_in(qtbot, window, user)
            assert window.stack.currentWidget() is window.work
        return window

    return make


def press(qtbot: QtBot, window: StaffWindow, key: Qt.Key) -> None:
    """A function key pressed while the console has the focus."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.queue.list, key)
    settle(qtbot)


def shots(tmp: Path) -> Path:
    folder = tmp / "shots"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[RunningServer, Database]]:
    """A real server on 127.0.0.1 (SQLite), with the nurse's account; device tokens are
    kept in a keyring in memory."""
    db = open_server_db(root=tmp_path / "server")
    save_user(db, SYSTEM, username="nurse", password=PASSWORDS["nurse"], role="staff")
    running = serve_in_thread(create_app(db))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield running, db
    finally:
        keyring.set_keyring(previous)
        running.stop()
        db.dispose()


def enroll(store: Store, url: str, code: str, *, pull: bool = True) -> None:
    """Enroll a device store with the server and (with `pull`) pull the site into it."""

    async def run() -> None:
        link = ServerLink(url)
        try:
            await enroll_device(store, link, code=code, name="console")
            if pull:
                await SyncClient(store, link).pull_new()
        finally:
            await link.aclose()

    asyncio.run(run())


def sync_round(store: Store, url: str, on_status: Callable[[SyncStatus], None] | None = None) -> int:
    """One push and pull of an enrolled store, as its sync task does; returns how many ops
    the server answered."""

    async def run() -> int:
        with store.db.read() as session:
            device_id = identity(session).device_id
        link = ServerLink(url, token=load_token(device_id))
        client = SyncClient(store, link, on_status=on_status)
        try:
            answered = await client.push_pending()
            await client.pull_new()
            return answered
        finally:
            await link.aclose()

    return asyncio.run(run())


@contextlib.contextmanager
def networked_console(
    qtbot: QtBot, qapp: QApplication, root: Path, server: tuple[RunningServer, Database], language: str = "en"
) -> Iterator[tuple[StaffWindow, qasync.QEventLoop]]:
    """A console enrolled with `server`, started as the program starts (`build_staffdesk`),
    on the Qt loop through qasync, with its sync client; closed afterwards."""
    running, server_db = server
    store = open_store(root, kind="staff")
    enroll(store, running.url, create_code(server_db))
    with store.db.read() as session:
        device_id = identity(session).device_id
    store.close()
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        args = argparse.Namespace(language=language, server=running.url, data_dir=str(root))
        station = build_staffdesk(args, qapp)
        window = station.window
        assert isinstance(window, StaffWindow)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        station.client = SyncClient(station.store, ServerLink(running.url, token=load_token(device_id)))
        yield window, loop
        loop.run_until_complete(station.client.link.aclose())
        station.store.close()
    finally:
        loop.close()
        asyncio.set_event_loop(None)
