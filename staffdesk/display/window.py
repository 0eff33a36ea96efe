"""The hall display: the number each clinic serves now with its room, and the latest
calls; a new call (or a recall) flashes and is announced. It reads only its own store,
so it goes on showing the last known state when the network is down."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.changes import Changes
from core.database import Database
from core.errors import MmcError
from core.services.board import Board, BoardCall, board
from staffdesk.display.announcer import Announcement, Announcer
from staffdesk.messages import tr
from staffdesk.style import board_style
from sync.runtime.about import about_text
from sync.runtime.changes import StoreChanges
from sync.runtime.qt import rtl_safe
from sync.runtime.widgets import label, restyle, show_sync_badge
from sync.runtime.worker import StoreCall

if TYPE_CHECKING:
    from sync.client import SyncStatus

log = logging.getLogger(__name__)

ROWS = 6
RECENT = 6
FLASHES = 6
FLASH_MS = 400
WATCH_MS = 50


def _cell(role: str, name: str = "") -> QLabel:
    """A board label that is cut, never wrapped or grown, when its text is too long: the
    board keeps its rows where the hall expects them."""
    cell = label(role, wrap=False, name=name)
    cell.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return cell


class DisplayWindow(QWidget):
    def __init__(
        self,
        db: Database,
        announcer: Announcer,
        *,
        clinics: frozenset[str] = frozenset(),
        language: str = "ar",
        rows: int = ROWS,
        now: Callable[[], dt.datetime | None] = lambda: None,
    ) -> None:
        super().__init__()
        self.setObjectName("display_window")
        self.setStyleSheet(board_style(720, rows))
        self.db = db
        self.announcer = announcer
        self.clinics = clinics
        self.now = now
        self.language = language
        self.title = label("board-title", wrap=False, name="display_title")
        self.badge = label(wrap=False, name="display_sync_badge")
        self.badge.hide()
        self.heads = [_cell("board-head") for _ in range(3)]
        self.rows = [
            (_cell("board-clinic"), _cell("board-number", f"display_number_{i}"), _cell("board-room"))
            for i in range(rows)
        ]
        self.recent_title = _cell("board-head")
        self.recent = [_cell("board-recent", f"display_recent_{i}") for i in range(RECENT)]
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.badge)
        grid = QGridLayout()
        for column, head in enumerate(self.heads):
            grid.addWidget(head, 0, column)
        for row, cells in enumerate(self.rows, start=1):
            for column, cell in enumerate(cells):
                grid.addWidget(cell, row, column)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        side = QVBoxLayout()
        side.addWidget(self.recent_title)
        for line in self.recent:
            side.addWidget(line)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(grid, 5)
        body.addLayout(side, 2)
        self.about = label("board-about", wrap=False, name="display_about")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.about)

        self.shown: Board = Board([], [])
        self._seen: set[tuple[str, int]] | None = None
        self._flashing: dict[str, int] = {}
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._flash)
        self.repainted_after_change = 0
        self.changes = StoreChanges(db, self, poll_ms=WATCH_MS)
        self.changes.changed.connect(self._store_changed)
        self._reading = False
        self._read_again = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("MMC-MMS hall display"))
        self.title.setText(self.changes.catalog.settings.site_name)
        for head, text in zip(self.heads, (tr("Clinic"), tr("Number"), tr("Room")), strict=True):
            head.setText(text)
        self.recent_title.setText(tr("Last calls"))
        self.about.setText(about_text())
        self._paint(self.shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().height() != event.oldSize().height():
            self.setStyleSheet(board_style(event.size().height(), len(self.rows)))
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shows(self, changes: Changes) -> bool:
        """Whether `changes` touch what this board shows (its clinics, or all of them)."""
        if not self.clinics:
            return changes.touches_any_queue()
        return changes.everything or changes.config or bool(changes.queues & self.clinics)

    def _store_changed(self, changes: Changes) -> None:
        if changes.config or changes.everything:
            self.title.setText(self.changes.catalog.settings.site_name)
        if self.shows(changes):
            self.refresh()

    def refresh(self) -> None:
        """Read the board on the store's worker, and show it. While a read is under way,
        the changes that come meanwhile ask for one more read after it, not one each."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        clinics, now = self.clinics, self.now()

        def read_done(now_showing: Board) -> None:
            self._reading = False
            self._show(now_showing)
            if self._read_again:
                self._read_again = False
                self.refresh()

        def read_failed(error: MmcError) -> None:
            self._reading = False
            log.error("the board could not be read: %s", error)

        StoreCall(self.db, lambda: board(self.db, clinics=clinics, last=RECENT, now=now)).success(read_done).failure(
            read_failed
        ).run(self)

    def _show(self, now_showing: Board) -> None:
        """Flash and announce the calls not seen before. The calls already on the board
        when the display starts are shown, not announced again."""
        keys = {c.key for c in now_showing.latest} | {c.key for c in now_showing.serving}
        if self._seen is None:
            self._seen = keys
        else:
            fresh = [c for c in reversed(now_showing.latest) if c.key not in self._seen]
            self._seen |= keys
            for call in fresh:
                self._flashing[call.clinic] = FLASHES
                self.announcer.announce(Announcement(call.label, call.name_ar, call.name_en, call.room))
            if fresh and not self._flash_timer.isActive():
                self._flash_timer.start()
        self.shown = now_showing
        self._paint(now_showing)
        self.repaint()
        self.repainted_after_change += 1

    def _paint(self, shown: Board) -> None:
        for index, (clinic, number, room) in enumerate(self.rows):
            call: BoardCall | None = shown.serving[index] if index < len(shown.serving) else None
            clinic.setText(call.name(self.language) if call else "")
            number.setText(call.label if call else "")
            room.setText(call.room if call else "")
            number.setProperty("clinic", call.clinic if call else "")
        for line, recent in zip(self.recent, [*shown.latest, *([None] * RECENT)], strict=False):
            text = ""
            if recent is not None:
                line_format = (
                    tr("{number} \u00b7 {clinic} \u00b7 room {room}") if recent.room else tr("{number} \u00b7 {clinic}")
                )
                text = rtl_safe(
                    line_format.format(number=recent.label, clinic=recent.name(self.language), room=recent.room),
                    self.language,
                )
            line.setText(text)

    def _flash(self) -> None:
        for _, number, _ in self.rows:
            clinic = str(number.property("clinic") or "")
            left = self._flashing.get(clinic, 0)
            restyle(number, "board-flash" if left % 2 else "board-number")
            if left:
                self._flashing[clinic] = left - 1
        self._flashing = {c: n for c, n in self._flashing.items() if n}
        if not self._flashing:
            self._flash_timer.stop()
            for _, number, _ in self.rows:
                restyle(number, "board-number")

    def show_sync_status(self, status: SyncStatus) -> None:
        show_sync_badge(self.badge, status)

    def number_label(self, clinic: str) -> QLabel | None:
        for _, number, _ in self.rows:
            if number.property("clinic") == clinic:
                return number
        return None
