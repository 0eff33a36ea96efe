"""The one way a screen reaches the store: `StoreCall`, after Anki's CollectionOp and
QueryOp. The call's core work runs on the store's worker thread
(core.database.Database.worker), the thread sync's store work runs on too; the screen gets
back its result or its typed error later, on the GUI thread, and meanwhile the event loop
goes on painting and taking input.

    StoreCall(db, lambda: call_next(db, actor, clinic=code, room=room)).success(show).failure(explain).run(page)

A tap queues behind at most one turn of sync (a pulled batch is applied in turns of about
20 ms) instead of polling SQLite's write lock while sync keeps taking it. What a
call wrote reaches the windows through the change signal (sync.runtime.changes) before its
`success` runs. An answer whose owner was deleted meanwhile (a closed window) is dropped.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from typing import Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from core.database import Database
from core.errors import MmcError, StoreError

T = TypeVar("T")
log = logging.getLogger(__name__)


class Listener(Protocol):
    db: Database

    def deliver(self) -> None:
        """Tell the windows now what the store's worker wrote."""


_listeners: weakref.WeakSet[Listener] = weakref.WeakSet()


def listen(listener: Listener) -> None:
    """Have `listener` (sync.runtime.changes.StoreChanges) deliver what a call wrote
    before the call's answer runs."""
    _listeners.add(listener)


def deliver_now(db: Database) -> None:
    for listener in list(_listeners):
        if listener.db is db and shiboken6.isValid(listener):
            listener.deliver()


class _Answer(QObject):
    arrived = Signal(object)


_under_way: set[_Answer] = set()


def calls_under_way() -> int:
    """How many store calls have not yet answered (the tests wait for none)."""
    return len(_under_way)


def _typed(error: BaseException) -> MmcError:
    """The core's refusals pass as they are; anything else is a bug or a broken store,
    logged with its traceback and shown as a store error instead of leaving the screen
    waiting."""
    if isinstance(error, MmcError):
        return error
    log.error("a store call failed", exc_info=error)
    return StoreError(detail=f"{type(error).__name__}: {error}")


def _ignore(_: object) -> None:
    return None


def _log_refusal(error: MmcError) -> None:
    log.warning("a store call was refused: %s", error)


class StoreCall(Generic[T]):
    """One call of a screen into the core, run off the GUI thread."""

    def __init__(self, db: Database, work: Callable[[], T], *, after: Callable[[], None] | None = None) -> None:
        """`after` is the first of the `answered` callbacks (the console pokes sync with it)."""
        self.db = db
        self.work = work
        self._answered: list[Callable[[], None]] = [] if after is None else [after]
        self._success: Callable[[T], None] = _ignore
        self._failure: Callable[[MmcError], None] = _log_refusal

    def success(self, then: Callable[[T], None]) -> StoreCall[T]:
        self._success = then
        return self

    def answered(self, then: Callable[[], None]) -> StoreCall[T]:
        """`then` runs once the call has answered, either way, before `success` or
        `failure` (a screen that was busy takes taps again)."""
        self._answered.append(then)
        return self

    def failure(self, then: Callable[[MmcError], None]) -> StoreCall[T]:
        self._failure = then
        return self

    def run(self, owner: QObject) -> None:
        """Start the work on the store's worker and return at once; `success` or
        `failure` runs on the GUI thread while `owner` still exists."""
        answer = _Answer()
        _under_way.add(answer)

        def arrived(future: Future[T]) -> None:
            _under_way.discard(answer)
            answer.deleteLater()
            deliver_now(self.db)
            if not shiboken6.isValid(owner):
                return
            for answered in self._answered:
                answered()
            error = future.exception()
            if error is not None:
                self._failure(_typed(error))
            else:
                self._success(future.result())

        answer.arrived.connect(arrived, Qt.ConnectionType.QueuedConnection)
        self.db.worker.submit(self.work).add_done_callback(answer.arrived.emit)


def answer_all(timeout_s: float = 60.0) -> None:
    """Turn the event loop until every store call has answered, and those their answers
    started: for a script that drives the windows (the screenshots, a benchmark) and
    looks next where a user would look once the screen has answered."""
    deadline = time.monotonic() + timeout_s
    while _under_way:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(_under_way)} store calls did not answer in {timeout_s} s")
        QCoreApplication.processEvents()
        time.sleep(0.001)
    QCoreApplication.processEvents()
