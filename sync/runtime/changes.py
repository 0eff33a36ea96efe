"""The one signal for change: what changed in the store, whoever changed it.

On a networked station the store has one writer process: each committed write says what
it changed (core.changes), from the GUI thread or from sync's worker threads, and the
windows hear it once per burst on the GUI thread. On a one-machine site the kiosk, the
console and the display share one file, so other programs' writes are found by looking
at the op log (core.services.watch); a write of this process looks at once.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from core.changes import EVERYTHING, NOTHING, Changes
from core.database import Database
from core.errors import MmcError
from core.ops.log import identity
from core.services.catalog import NOT_READ_YET, Catalog, load_catalog
from core.services.watch import change_mark, changes_since
from sync.runtime.worker import StoreCall, listen

POLL_MS = 250
log = logging.getLogger(__name__)


def _first_look(db: Database) -> tuple[bool, int, Catalog]:
    """Whether other programs write to this store (a one-machine site), the change mark
    to look from, and the catalog."""
    with db.read() as session:
        shared = identity(session).kind == "standalone"
    return shared, change_mark(db) if shared else 0, load_catalog(db)


class StoreChanges(QObject):
    """The windows' one source of what changed, and of the catalog (clinics, exam types,
    settings) as of the last change to the configuration: it is read again on the
    store's worker before `changed` says the configuration changed. The first `changed`
    (everything) comes once the store has first been read."""

    changed = Signal(object)
    """Emitted on the GUI thread with the Changes since the last emission."""
    _arrived = Signal()

    def __init__(self, db: Database, parent: QObject | None = None, *, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.db = db
        self.catalog: Catalog = NOT_READ_YET
        self.started = False
        self.shared = False
        self._mark = 0
        self._looking = False
        self._lock = threading.Lock()
        self._pending: Changes = NOTHING
        self._scheduled = False
        self._gui_thread = threading.get_ident()
        self._arrived.connect(self.deliver, Qt.ConnectionType.QueuedConnection)
        heard = weakref.WeakMethod(self._heard)

        def relay(changes: Changes) -> None:
            """Holds the hub weakly: a store's worker thread must never be the one that
            lets go of the last reference to a Qt object."""
            method = heard()
            if method is not None:
                method(changes)

        self._unwatch: Callable[[], None] = db.watch(relay)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check)
        self.destroyed.connect(self._unwatch)
        listen(self)
        StoreCall(db, lambda: _first_look(db)).success(self._started).run(self)

    def _started(self, look: tuple[bool, int, Catalog]) -> None:
        self.shared, self._mark, self.catalog = look
        self.started = True
        if self.shared:
            self._timer.start()
        self.changed.emit(EVERYTHING)
        self.deliver()

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
        if not self.started:
            return
        with self._lock:
            changes, self._pending, self._scheduled = self._pending, NOTHING, False
        if not changes:
            return
        if self.shared:
            self.check()
        else:
            self._publish(changes)

    def _publish(self, changes: Changes) -> None:
        if not (changes.config or changes.everything):
            self.changed.emit(changes)
            return

        def read(catalog: Catalog) -> None:
            self.catalog = catalog
            self.changed.emit(changes)

        StoreCall(self.db, lambda: load_catalog(self.db)).success(read).run(self)

    def check(self) -> None:
        """On a shared store: what the ops recorded since the last look changed."""
        if not self.shared or self._looking:
            return
        self._looking = True

        def looked(found: tuple[int, Changes]) -> None:
            self._looking = False
            self._mark, changes = found
            if changes:
                self._publish(changes)

        def failed(error: MmcError) -> None:
            self._looking = False
            log.warning("could not look for other programs' changes: %s", error)

        mark = self._mark
        StoreCall(self.db, lambda: changes_since(self.db, mark)).success(looked).failure(failed).run(self)
