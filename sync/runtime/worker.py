"""The one way a screen acts on the store: its core call runs on the store's worker thread
(core.database.Database.worker), the thread sync's store work runs on too, and the screen
gets back the call's result or its typed error.

The screen waits for the answer: a tap queues behind at most one transaction of sync
(a pulled batch is applied in transactions of at most APPLY_CHUNK ops), instead of
polling SQLite's write lock while sync keeps taking it. What the call wrote reaches the
windows through the change signal (sync.runtime.changes) before the screen goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from core.database import Database
from sync.runtime.changes import deliver_now

T = TypeVar("T")


def on_store(db: Database, work: Callable[[], T]) -> T:
    """Run `work` (a core call on `db`) on the store's worker and return what it returns;
    its MmcError (or any error) is raised here."""
    if db.on_worker():
        return work()
    answer = db.worker.submit(work).result()
    deliver_now(db)
    return answer
