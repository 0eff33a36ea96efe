"""The one signal for change: what changed in the store, whoever changed it.

On a networked station the store has one writer process: each committed write says what
it changed (core.changes), from the GUI thread or from sync's worker threads, and the
windows hear it once per burst on the GUI thread. On a one-machine site the kiosk, the
console and the display share one file, so other programs' writes are found by looking
at the op log (core.services.watch); a write of this process looks at once.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from core.changes import NOTHING, Changes
from core.database import Database
from core.ops.log import identity
from core.services.watch import change_mark, changes_since

POLL_MS = 250
_hubs: weakref.WeakSet[StoreChanges] = weakref.WeakSet()


def deliver_now(db: Database) -> None:
    """On the GUI thread: tell the windows at once what the store's worker just wrote
    (instead of at the next turn of the event loop)."""
    for hub in list(_hubs):
        if hub.db is db and shiboken6.isValid(hub):
            hub.deliver()


def shares_its_store(db: Database) -> bool:
    """Whether other programs may write to this store (a one-machine site)."""
    with db.read() as session:
        return identity(session).kind == "standalone"


class StoreChanges(QObject):
    changed = Signal(object)
    """Emitted on the GUI thread with the Changes since the last emission."""
    _arrived = Signal()

    def __init__(self, db: Database, parent: QObject | None = None, *, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.db = db
        self._lock = threading.Lock()
        self._pending: Changes = NOTHING
        self._scheduled = False
        self._gui_thread = threading.get_ident()
        self._arrived.connect(self.deliver, Qt.ConnectionType.QueuedConnection)
        self.shared = shares_its_store(db)
        self._mark = change_mark(db) if self.shared else 0
        heard = weakref.WeakMethod(self._heard)

        def relay(changes: Changes) -> None:
            """Holds the hub weakly: a store's worker thread must never be the one that
            lets go of the last reference to a Qt object."""
            method = heard()
            if method is not None:
                method(changes)

        self._unwatch: Callable[[], None] = db.watch(relay)
        self._timer = QTimer(self)
        if self.shared:
            self._timer.setInterval(poll_ms)
            self._timer.timeout.connect(self.check)
            self._timer.start()
        self.destroyed.connect(self._unwatch)
        _hubs.add(self)

    def _heard(self, changes: Changes) -> None:
        """A write committed, on whatever thread wrote."""
        with self._lock:
            self._pending |= changes
            schedule = not self._scheduled
            self._scheduled = True
        if threading.get_ident() == self._gui_thread:
            self.deliver()
        elif schedule and shiboken6.isValid(self):
            self._arrived.emit()

    def deliver(self) -> None:
        with self._lock:
            changes, self._pending, self._scheduled = self._pending, NOTHING, False
        if self.shared:
            self.check()
        elif changes:
            self.changed.emit(changes)

    def check(self) -> None:
        """On a shared store: what the ops recorded since the last look changed."""
        if not self.shared:
            return
        self._mark, changes = changes_since(self.db, self._mark)
        if changes:
            self.changed.emit(changes)
