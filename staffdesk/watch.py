"""Tells the windows when the store changed, whoever changed it: this console, another
program on the machine, or ops pulled from the server."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from core.database import Database
from core.services.board import change_mark

POLL_MS = 250


class StoreWatch(QObject):
    changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None, *, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._db = db
        self._mark = -1
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Compare the store's change mark (one indexed read) and signal when it moved."""
        mark = change_mark(self._db)
        if mark != self._mark:
            self._mark = mark
            self.changed.emit()
