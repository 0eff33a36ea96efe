"""Code that tests run in child processes (imported by a forkserver, so it starts fast)."""

from __future__ import annotations

from multiprocessing.connection import Connection
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from core.permissions import Actor
from core.services.checkin import check_in
from core.store import open_store

KIOSK = Actor("K-child", "kiosk")


def check_in_until_killed(root: str, first: int, report: Connection) -> None:
    """Check patients in one after another; report each one only once it is committed."""
    store = open_store(Path(root), kind="kiosk")
    number = first
    while True:
        check_in(store.db, KIOSK, id_number=f"{number:011d}", gender="male", exam_type="travel")
        report.send_bytes(f"{number:011d}".encode())
        number += 1


def check_in_together(root: str, first: int, count: int, start: Barrier, results: Any) -> None:
    """Wait for the others, then check `count` patients into the same clinic; send the labels."""
    store = open_store(Path(root), kind="kiosk")
    start.wait()
    labels = []
    try:
        for n in range(first, first + count):
            done = check_in(store.db, KIOSK, id_number=f"{n:011d}", gender="male", exam_type="travel")
            labels.append(done.place.label)
    except Exception as error:  # the parent asserts on what went wrong
        results.put(("error", repr(error)))
    else:
        results.put(("ok", labels))
    finally:
        store.close()
