"""The hall display: for each of its clinics, in the admin's order, the number it serves
now, the room and how many wait, with the latest calls beside; a new call (or a recall)
flashes and is announced. More clinics than fit take turns in pages; a page with a new
call comes up at once and stays long enough to read. It reads only its own store, so it
goes on showing the last known state when the network is down, with a small offline mark."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.changes import Changes
from core.database import Database
from core.errors import MmcError
from core.services.board import Board, BoardCall, BoardRow, board
from core.version import build_info
from core.voice.settings import voice_settings
from staffdesk.display.announcer import Announcement, Announcer
from staffdesk.messages import tr
from staffdesk.style import board_sizes, board_style
from sync.runtime.changes import StoreChanges
from sync.runtime.qt import Phrasebook
from sync.runtime.widgets import label, restyle, show_offline_mark
from sync.runtime.worker import StoreCall

if TYPE_CHECKING:
    from sync.client import SyncStatus

log = logging.getLogger(__name__)

ROWS = 8
RECENT = 6
FLASHES = 6
FLASH_MS = 400
PAGE_MS = 10_000
"""How long each page of clinics stays up when more clinics than fit take turns."""
HOLD_MS = 15_000
"""How long a page that came up for a new call stays before the turns go on."""
WATCH_MS = 50
CONTEXT = "Board"
HEADINGS = tuple(
    str(text)
    for text in (
        QT_TRANSLATE_NOOP("Board", "Clinic"),
        QT_TRANSLATE_NOOP("Board", "Number"),
        QT_TRANSLATE_NOOP("Board", "Room"),
        QT_TRANSLATE_NOOP("Board", "Waiting"),
    )
)
LAST_CALLS = str(QT_TRANSLATE_NOOP("Board", "Last calls"))
PAUSED = str(QT_TRANSLATE_NOOP("Board", "Paused"))
CALL_IN_ROOM = str(QT_TRANSLATE_NOOP("Board", "{number} \u00b7 {clinic} \u00b7 room {room}"))
CALL = str(QT_TRANSLATE_NOOP("Board", "{number} \u00b7 {clinic}"))
CALLED_AGAIN = str(QT_TRANSLATE_NOOP("Board", "{call} (called again)"))
NOBODY = "\u2014"


def _cell(role: str, name: str = "", *, row: bool = False) -> QLabel:
    """A board label that is cut, never wrapped or grown, when its text is too long: the
    board keeps its rows where the hall expects them. A clinic's row takes its share of
    the height whatever its text."""
    cell = label(role, wrap=False, name=name)
    vertical = QSizePolicy.Policy.Ignored if row else QSizePolicy.Policy.Preferred
    cell.setSizePolicy(QSizePolicy.Policy.Ignored, vertical)
    return cell


def _direction(language: str) -> str:
    return "rtl" if language == "ar" else "ltr"


def _number_role(call: BoardCall | None, paused: str) -> str:
    if call is None:
        return "board-paused" if paused else "board-idle"
    return "board-recall" if call.is_recall else "board-number"


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
        self.sizes = board_sizes(720, rows)
        self.setStyleSheet(board_style(720, rows))
        self.db = db
        self.announcer = announcer
        self.clinics = clinics
        self.now = now
        self.language = language
        self.phrases = Phrasebook(self)
        self.title = label("board-title", wrap=False, name="display_title")
        self.page_mark = label("board-page", wrap=False, name="display_page")
        self.offline = label("board-offline", wrap=False, name="display_offline")
        self.sync_status: SyncStatus | None = None
        self.heads = [_cell("board-head") for _ in HEADINGS]
        self.rows = [
            (
                _cell("board-clinic", f"display_clinic_{i}", row=True),
                _cell("board-idle", f"display_number_{i}", row=True),
                _cell("board-room", f"display_room_{i}", row=True),
                _cell("board-waiting", f"display_waiting_{i}", row=True),
            )
            for i in range(rows)
        ]
        self.recent_title = _cell("board-head")
        self.recent = [_cell("board-recent", f"display_recent_{i}") for i in range(RECENT)]
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.page_mark)
        top.addWidget(self.offline, 0, Qt.AlignmentFlag.AlignVCenter)
        grid = QGridLayout()
        for column, head in enumerate(self.heads):
            grid.addWidget(head, 0, column)
        for row, cells in enumerate(self.rows, start=1):
            grid.setRowStretch(row, 1)
            for column, cell in enumerate(cells):
                grid.addWidget(cell, row, column)
        for column, stretch in enumerate((4, 3, 1, 1)):
            grid.setColumnStretch(column, stretch)
        side = QVBoxLayout()
        side.addWidget(self.recent_title)
        for line in self.recent:
            side.addWidget(line)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(grid, 5)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        log.info("hall display: %s", build_info().line("mmc display"))

        self.shown: Board = Board([], [])
        self.page = 0
        self._seen: set[tuple[str, int]] | None = None
        self._flashing: dict[str, int] = {}
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._flash)
        self._page_timer = QTimer(self)
        self._page_timer.setSingleShot(True)
        self._page_timer.timeout.connect(self._next_page)
        self.repainted_after_change = 0
        self.changes = StoreChanges(db, self, poll_ms=WATCH_MS)
        self.changes.changed.connect(self._store_changed)
        self._reading = False
        self._read_again = False
        self.retranslate()

    @property
    def rows_per_page(self) -> int:
        return len(self.rows)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.shown.rows) // self.rows_per_page))

    def retranslate(self) -> None:
        self.setWindowTitle(tr("MMC-MMS hall display"))
        self._show_title()
        for head, source in zip(self.heads, HEADINGS, strict=True):
            head.setText("\n".join(self._both(source)))
        self.recent_title.setText("\n".join(self._both(LAST_CALLS)))
        show_offline_mark(self.offline, self.sync_status)
        self._paint()

    def _show_title(self) -> None:
        """The site's name in both languages, the display's first."""
        settings = self.changes.catalog.settings
        other = "en" if self.language == "ar" else "ar"
        names = [settings.name(self.language), settings.name(other)]
        self.title.setText(" \u00b7 ".join(dict.fromkeys(n for n in names if n)))

    def _both(self, source: str) -> tuple[str, str]:
        """The text in the display's language first, then in the other."""
        arabic, english = self.phrases.both(CONTEXT, source)
        return (arabic, english) if self.language == "ar" else (english, arabic)

    @property
    def _other(self) -> str:
        return "en" if self.language == "ar" else "ar"

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().height() != event.oldSize().height():
            self.sizes = board_sizes(event.size().height(), self.rows_per_page)
            self.setStyleSheet(board_style(event.size().height(), self.rows_per_page))
            self._paint()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shows(self, changes: Changes) -> bool:
        """Whether `changes` touch what this board shows: its clinics, or which they are."""
        if changes.everything or changes.config:
            return True
        shown = self.clinics or frozenset(row.clinic for row in self.shown.rows)
        return bool(changes.queues & shown) if shown else changes.touches_any_queue()

    def _store_changed(self, changes: Changes) -> None:
        if changes.config or changes.everything:
            self._show_title()
            self._follow_voice()
        if self.shows(changes):
            self.refresh()

    def _follow_voice(self) -> None:
        """The announcer follows the site's voice settings and says every clinic's
        present name (made on this station for a clinic added or renamed since the pack)."""
        clinics = self.changes.catalog.clinics
        self.announcer.name_clinics({code: (c.name_ar, c.name_en) for code, c in clinics.items()})
        StoreCall(self.db, lambda: voice_settings(self.db)).success(self.announcer.use_settings).run(self)

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
        """Flash and announce the calls not seen before, and bring up the page of the
        newest. The calls already on the board when the display starts are shown, not
        announced again."""
        keys = {c.key for c in now_showing.latest} | {c.key for c in now_showing.serving}
        self.shown = now_showing
        fresh: list[BoardCall] = []
        if self._seen is None:
            self._seen = keys
        else:
            fresh = [c for c in reversed(now_showing.latest) if c.key not in self._seen]
            self._seen |= keys
            for call in fresh:
                self._flashing[call.clinic] = FLASHES
                self.announcer.announce(Announcement(call.label, call.name_ar, call.name_en, call.room, call.clinic))
            if fresh and not self._flash_timer.isActive():
                self._flash_timer.start()
        page = now_showing.page_of(fresh[-1].clinic, self.rows_per_page) if fresh else None
        if page is not None:
            self.page = page
            self._page_timer.start(HOLD_MS)
        elif self.page >= self.pages:
            self.page = 0
        if self.pages > 1 and not self._page_timer.isActive():
            self._page_timer.start(PAGE_MS)
        self._paint()
        self.repaint()
        self.repainted_after_change += 1

    def _next_page(self) -> None:
        self.page = (self.page + 1) % self.pages
        self._paint()
        if self.pages > 1:
            self._page_timer.start(PAGE_MS)

    def _paint(self) -> None:
        first = self.page * self.rows_per_page
        page_rows = self.shown.rows[first : first + self.rows_per_page]
        for index, cells in enumerate(self.rows):
            self._paint_row(cells, page_rows[index] if index < len(page_rows) else None)
        self.page_mark.setText(f"{self.page + 1}/{self.pages}" if self.pages > 1 else "")
        self.page_mark.setVisible(self.pages > 1)
        for line, recent in zip(self.recent, [*self.shown.latest, *([None] * RECENT)], strict=False):
            line.setText(self._recent_text(recent) if recent is not None else "")

    def _paint_row(self, cells: tuple[QLabel, QLabel, QLabel, QLabel], row: BoardRow | None) -> None:
        clinic, number, room, waiting = cells
        call = row.call if row else None
        number.setProperty("clinic", row.clinic if row else "")
        if row is None:
            for cell in cells:
                cell.setText("")
            restyle(number, "board-idle")
            return
        clinic.setText(
            f"{html.escape(row.name(self.language))}<br><span style='font-size:{self.sizes['second']}px;"
            f" font-weight:normal; color:#b0bec5'>{html.escape(row.name(self._other))}</span>"
        )
        number.setText(call.label if call else "\n".join(self._both(PAUSED)) if row.paused else NOBODY)
        room.setText(call.room if call else row.paused if row.paused else row.room)
        waiting.setText(str(row.waiting))
        if row.clinic not in self._flashing:
            restyle(number, _number_role(call, row.paused))

    def _recent_text(self, call: BoardCall) -> str:
        """The call in the display's language, and under it, smaller, in the other; each
        line in its own direction."""
        first, second = (html.escape(self._call_in(call, language)) for language in (self.language, self._other))
        return (
            f"<div dir='{_direction(self.language)}'>{first}</div><div dir='{_direction(self._other)}'"
            f" style='font-size:{self.sizes['second']}px; color:#b0bec5'>{second}</div>"
        )

    def _call_in(self, call: BoardCall, language: str) -> str:
        line = self.phrases.text(language, CONTEXT, CALL_IN_ROOM if call.room else CALL)
        text = line.format(number=call.label, clinic=call.name(language), room=call.room)
        if call.is_recall:
            text = self.phrases.text(language, CONTEXT, CALLED_AGAIN).format(call=text)
        return text

    def _flash(self) -> None:
        for _, number, _, _ in self.rows:
            clinic = str(number.property("clinic") or "")
            left = self._flashing.get(clinic, 0)
            if left:
                restyle(number, "board-flash" if left % 2 else "board-number")
                self._flashing[clinic] = left - 1
        self._flashing = {c: n for c, n in self._flashing.items() if n}
        if not self._flashing:
            self._flash_timer.stop()
            self._paint()

    def show_sync_status(self, status: SyncStatus) -> None:
        """Only a small mark when offline: the hall has no use for sync's details."""
        self.sync_status = status
        show_offline_mark(self.offline, status)

    def number_label(self, clinic: str) -> QLabel | None:
        """The number cell of `clinic` if its row is on the page shown now."""
        for _, number, _, _ in self.rows:
            if number.property("clinic") == clinic:
                return number
        return None
