"""The staff console's window: login, then the pages the user's role allows, the sync
badge, and the lock after idle time."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from core.changes import Changes
from core.clock import SITE_ZONE, from_iso
from core.services.help import HelpCall, answer_help, open_calls
from core.services.queue import TicketView, ticket_of_op
from core.store import Notice
from staffdesk.desk import Desk
from staffdesk.messages import explain_notice, explain_refused, role_name, tr
from staffdesk.pages.about import AboutPage
from staffdesk.pages.admin import AdminPage
from staffdesk.pages.audit import AuditPage
from staffdesk.pages.common import MessageLine, Page
from staffdesk.pages.dashboard import DashboardPage
from staffdesk.pages.login import LoginPage
from staffdesk.pages.queue import QueuePage
from staffdesk.pages.reports import ReportsPage
from staffdesk.pages.sync_status import SyncPage
from staffdesk.style import CONSOLE_STYLE
from sync.runtime.changes import StoreChanges
from sync.runtime.qt import Languages
from sync.runtime.widgets import button, label, restyle, show_sync_badge

if TYPE_CHECKING:
    from sync.client import RefusedOp, SyncStatus

ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}


HELP_POLL_MS = 3000
"""How often the console looks for calls for help from the kiosks."""


class StaffWindow(QMainWindow):
    def __init__(self, desk: Desk, languages: Languages) -> None:
        super().__init__()
        self.desk = desk
        self.languages = languages
        self.setObjectName("staff_window")
        self.setStyleSheet(CONSOLE_STYLE)
        self.stack = QStackedWidget()
        self.notice = QWidget()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.notice)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.login = LoginPage(desk, languages, self._logged_in)
        self.stack.addWidget(self.login)

        self.work = QWidget()
        self.who = label(wrap=False, name="staff_who")
        self.badge = label(wrap=False, name="staff_sync_badge")
        self.badge.hide()
        self.sync_status: SyncStatus | None = None
        self.conflict = label("conflict", name="staff_conflict")
        self.conflict.hide()
        self.help_bar = QWidget()
        self.help_text = label("conflict", name="staff_help")
        self.help_answer = button("staff_help_answer", "primary")
        help_row = QHBoxLayout(self.help_bar)
        help_row.addWidget(self.help_text, 1)
        help_row.addWidget(self.help_answer)
        self.help_bar.hide()
        self.help_calls: list[HelpCall] = []
        self.help_answer.clicked.connect(self._answer_help)
        self.notice_text = label("conflict", name="staff_notice")
        self.notice_ok = button("staff_notice_ok")
        notice_row = QHBoxLayout(self.notice)
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(self.notice_ok)
        self.notice_ok.clicked.connect(self.notice.hide)
        self.notice.hide()
        self.notices: list[Notice] = []
        self.language_button = button("staff_language")
        self.lock_button = button("staff_lock")
        self.switch_button = button("staff_switch_user")
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("staff_tabs")
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.badge)
        top.addWidget(self.language_button)
        top.addWidget(self.lock_button)
        top.addWidget(self.switch_button)
        layout = QVBoxLayout(self.work)
        layout.addLayout(top)
        layout.addWidget(self.conflict)
        layout.addWidget(self.help_bar)
        layout.addWidget(self.tabs, 1)
        self.stack.addWidget(self.work)

        self.queue = QueuePage(desk)
        self.dashboard = DashboardPage(desk)
        self.reports = ReportsPage(desk)
        self.admin = AdminPage(desk)
        self.sync = SyncPage(desk)
        self.audit = AuditPage(desk)
        self.about = AboutPage(desk)
        self.pages: list[Page] = [
            self.queue,
            self.dashboard,
            self.reports,
            self.admin,
            self.sync,
            self.audit,
            self.about,
        ]
        for page in self.pages:
            self.tabs.addTab(page, "")

        self.language_button.clicked.connect(self._toggle_language)
        self.lock_button.clicked.connect(self.lock)
        self.switch_button.clicked.connect(self.switch_user)
        self.tabs.currentChanged.connect(self._refresh_current)
        languages.changed.connect(self._language_changed)
        self._language_changed(languages.current)

        self.changes = StoreChanges(desk.db, self)
        self.changes.changed.connect(self._store_changed)
        self._last_activity = time.monotonic()
        self.idle_s = desk.catalog.settings.staff_lock_idle_s
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(1000)
        self.idle_timer.timeout.connect(self._check_idle)
        self.idle_timer.start()
        self.help_timer = QTimer(self)
        self.help_timer.setInterval(HELP_POLL_MS)
        self.help_timer.timeout.connect(self.look_for_help_calls)
        self.help_timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._seen_refused: set[str] = set()
        self._conflict: tuple[RefusedOp, int] | None = None
        """The latest action the server refused and how many came with it; the banner
        tells where its ticket stands now, so it is rewritten as news arrives."""
        self.stack.setCurrentWidget(self.login)

    # calls for help from the kiosks
    def look_for_help_calls(self) -> None:
        if self.desk.user is None:
            return
        now = self.desk.now()
        self.desk.read(lambda db: open_calls(db, now=now)).success(self._show_help_calls).run(self)

    def _show_help_calls(self, calls: list[HelpCall]) -> None:
        self.help_calls = calls
        self.help_bar.setVisible(bool(calls))
        if calls:
            first = calls[0]
            at = from_iso(first.at).astimezone(SITE_ZONE).strftime("%H:%M")
            text = tr("Kiosk {station} asks for staff (since {time}).").format(station=first.station, time=at)
            if len(calls) > 1:
                text += " " + tr("%n calls in all.", None, len(calls))
            self.help_text.setText(text)
            self.help_answer.setText(tr("I am going"))

    def _answer_help(self) -> None:
        if not self.help_calls:
            return
        call, now = self.help_calls[0], self.desk.now()
        self.desk.act(lambda db, actor: answer_help(db, actor, request_id=call.request_id, now=now)).answered(
            self.look_for_help_calls
        ).run(self)

    # language
    def _language_changed(self, language: str) -> None:
        for page in (self.login, *self.pages):
            page.language = language
            page.retranslate()
            for line in page.findChildren(MessageLine):
                line.clear()
        self.retranslate()

    def _toggle_language(self) -> None:
        self.languages.use("en" if self.languages.current == "ar" else "ar")

    def retranslate(self) -> None:
        self.setWindowTitle(tr("MMC-MMS staff console"))
        self.login.show_site(self.desk.catalog.settings.name(self.languages.current))
        self.language_button.setText(tr("English") if self.languages.current == "ar" else tr("العربية"))
        self.lock_button.setText(tr("Lock (Ctrl+L)"))
        self.switch_button.setText(tr("Switch user"))
        self.notice_ok.setText(tr("OK"))
        if self.sync_status is not None:
            show_sync_badge(self.badge, self.sync_status)
        if self.notices:
            self.notice_text.setText("\n".join(explain_notice(n) for n in self.notices))
        self._show_tabs()
        if self.desk.user is not None:
            self.who.setText(
                tr("{user} · {role}").format(user=self.desk.user.name, role=role_name(self.desk.user.role))
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # who is at the console
    def _page_title(self, page: Page) -> str:
        titles = {
            id(self.queue): tr("Queue"),
            id(self.dashboard): tr("Dashboard"),
            id(self.reports): tr("Reports"),
            id(self.admin): tr("Administration"),
            id(self.sync): tr("Sync"),
            id(self.audit): tr("Audit log"),
            id(self.about): tr("About"),
        }
        return titles[id(page)]

    def _show_tabs(self) -> None:
        """Every page stays in the tab bar (so it lives and dies with the window); the
        user's role decides which tabs are visible."""
        chosen = self.tabs.currentWidget()
        self.tabs.blockSignals(True)
        for index, page in enumerate(self.pages):
            self.tabs.setTabText(index, self._page_title(page))
            self.tabs.setTabVisible(index, not page.permission or self.desk.can(page.permission))
        if chosen is None or not self.tabs.isTabVisible(self.tabs.indexOf(chosen)):
            self.tabs.setCurrentIndex(self._first_visible_tab())
        self.tabs.blockSignals(False)

    def _first_visible_tab(self) -> int:
        return next((i for i in range(self.tabs.count()) if self.tabs.isTabVisible(i)), 0)

    def _logged_in(self) -> None:
        """After a login the first page opens; after an unlock, the page that was open."""
        unlocked = bool(self.login.locked_for)
        self.login.locked_for = ""
        self._last_activity = time.monotonic()
        self.retranslate()
        if not unlocked:
            self.tabs.setCurrentIndex(self._first_visible_tab())
        self.stack.setCurrentWidget(self.work)
        for page in self.pages:
            page.refresh()

    def lock(self) -> None:
        if self.desk.user is not None:
            self.login.lock(self.desk.user.name)
            self.desk.forget_key()
            self._show_login()

    def switch_user(self) -> None:
        self.desk.log_out()
        self.login.unlock_as_anyone()
        self._show_login()

    def _show_login(self) -> None:
        self.login.show_site(self.desk.catalog.settings.name(self.languages.current))
        self.stack.setCurrentWidget(self.login)

    def page(self, name: str) -> Page:
        """Open a page by its name (queue, dashboard, reports, admin, sync, audit, about)."""
        chosen: Page = getattr(self, name)
        self.tabs.setCurrentWidget(chosen)
        return chosen

    def _store_changed(self, changes: Changes) -> None:
        """Each page reads again only what it shows, and only while it is shown; the
        clinic lists follow the configuration even while hidden."""
        self.desk.catalog = self.changes.catalog
        current = self.tabs.currentWidget()
        working = self.desk.user is not None and self.stack.currentWidget() is self.work
        for page in self.pages:
            page.store_changed(changes, shown=working and page is current)
        if changes.config or changes.everything:
            self.login.show_site(self.desk.catalog.settings.name(self.languages.current))
            self.idle_s = self.desk.catalog.settings.staff_lock_idle_s

    def _refresh_current(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.sync:
            self.conflict.hide()
        if self.desk.user is not None and isinstance(current, Page) and self.stack.currentWidget() is self.work:
            current.refresh()

    # idle lock
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._last_activity = time.monotonic()
        return False

    def _check_idle(self) -> None:
        if self.stack.currentWidget() is self.work and time.monotonic() - self._last_activity >= self.idle_s:
            self.lock()

    # sync
    def show_notices(self, notices: list[Notice]) -> None:
        """Tell staff how the console's data was opened (a damaged file, a restore)."""
        self.notices = list(notices)
        if self.notices:
            self.notice_text.setText("\n".join(explain_notice(n) for n in self.notices))
            self.notice.show()

    def show_sync_status(self, status: SyncStatus) -> None:
        self.sync_status = status
        show_sync_badge(self.badge, status)
        self.sync.show_status(status)
        fresh = [r for r in status.refused if r.op_id not in self._seen_refused]
        if fresh:
            self._seen_refused.update(r.op_id for r in fresh)
            self._conflict = (fresh[-1], len(fresh))
            restyle(self.conflict, "conflict")
            self.conflict.show()
        if self._conflict is not None and self.conflict.isVisible():
            refused, count = self._conflict

            def explain(ticket: TicketView | None) -> None:
                clinic = self.desk.catalog.clinic_name(ticket.clinic, self.languages.current) if ticket else ""
                self.conflict.setText(explain_refused(refused, ticket, clinic, count))

            self.desk.read(lambda db: ticket_of_op(db, refused.op_id)).success(explain).run(self)
