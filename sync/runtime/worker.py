"""The one way a screen acts on the store: its core call runs on the store's worker thread
(core.database.Database.worker), the thread sync's store work runs on too, and the screen
gets back the call's result or its typed error.

`start_on_store` returns at once and brings the answer back to the GUI thread later
(the kiosk's check-in); `on_store` waits for it (the console's actions, the kiosk's other
steps). Either way a tap queues behind at most one turn of sync (a pulled batch is applied
50 ops per turn) instead of polling SQLite's write lock while sync keeps taking it, and
what the call wrote reaches the windows through the change signal (sync.runtime.changes)
before the screen goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal

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


class _Answer(QObject):
    arrived = Signal(object)


_under_way: set[_Answer] = set()


def start_on_store(
    db: Database,
    work: Callable[[], T],
    *,
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Start `work` on the store's worker and return at once; `done` (with its result)
    or `failed` (with its error) runs later on the GUI thread, after the change signal
    of what it wrote. The screen shows that it is busy meanwhile and takes no second tap."""
    answer = _Answer()
    _under_way.add(answer)

    def arrived(future: Future[T]) -> None:
        _under_way.discard(answer)
        deliver_now(db)
        error = future.exception()
        if error is not None:
            failed(error)
        else:
            done(future.result())

    answer.arrived.connect(arrived, Qt.ConnectionType.QueuedConnection)
    db.worker.submit(work).add_done_callback(answer.arrived.emit)
