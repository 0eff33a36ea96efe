"""Run in a child process by test_qt_loop: sync a kiosk through the server on the Qt event
loop (qasync), then print what happened as JSON. Kept out of the test process so the Qt
loop it creates and closes cannot disturb the other tests' event loops."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import keyring
import qasync
from PySide6.QtCore import QCoreApplication

from core.permissions import Actor
from core.services.checkin import check_in
from core.store import open_store
from sync.client import SyncClient, enroll_device
from sync.credentials import MemoryKeyring
from sync.link import ServerLink


async def scenario(url: str, code: str, root: Path) -> dict[str, object]:
    store = open_store(root, kind="kiosk")
    link = ServerLink(url)
    await enroll_device(store, link, code=code)
    client = SyncClient(store, link)
    await client.pull_new()
    check_in(store.db, Actor("K1", "kiosk"), id_number="28400000001", gender="male", exam_type="travel")
    ticks: list[str] = []
    asyncio.get_running_loop().call_soon(ticks.append, "loop ran while pushing")
    answered = await client.push_pending()
    await link.aclose()
    return {"answered": answered, "ticks": ticks, "loop": type(asyncio.get_running_loop()).__name__}


def main() -> None:
    url, code, root = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    keyring.set_keyring(MemoryKeyring())
    app = QCoreApplication([])
    loop = qasync.QEventLoop(app)
    try:
        result = loop.run_until_complete(scenario(url, code, root))
    finally:
        loop.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
