"""Administration: clinics, exam types and their routes per gender, staff accounts,
devices and enrollment codes, and the site's settings. Every change is an op, so it
reaches every device; input is checked here first, in the admin's language."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.changes import Changes
from core.clock import SITE_ZONE, from_iso
from core.database import Database
from core.digits import western_digits
from core.permissions import Actor
from core.services import directory
from core.services.config import (
    EXIT_CODE,
    MIN_PASSWORD,
    choose_display_clinics,
    revoke_device,
    save_user,
    set_kiosk_exit_code,
    set_settings,
    set_without_console,
    upsert_clinic,
    upsert_exam_type,
)
from core.services.directory import DeviceRow
from core.settings import COUNT_RANGES, DEFAULTS, setting_problem
from staffdesk.desk import Desk
from staffdesk.messages import health_text, role_name, tr
from staffdesk.pages.common import ConfirmBar, MessageLine, Page, fill, headers, selected_key, table
from staffdesk.pages.id_format import IdFormatField
from staffdesk.pages.route_editor import RouteField, route_lines, route_text
from sync.runtime.widgets import button, label

if TYPE_CHECKING:
    from sync.protocol import DevicesHealthResponse

CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")
USERNAME = re.compile(r"[A-Za-z0-9_.-]{2,80}")
ROUTE_LINES_SHOWN = 3
"""A route longer than this many lines is cut short in the exam types table (its tooltip
holds it all)."""


CodeMaker = Callable[[str, str, int], Awaitable[tuple[str, str]]]
"""(admin user name, password, hours) -> (code, expiry time): the server's answer."""
HealthReader = Callable[[], Awaitable["DevicesHealthResponse"]]
"""Asks the server how every device is doing (their last health reports)."""


class BadField(Exception):
    """Input the form refuses before anything is sent to the core, with its message."""


def _line(name: str, max_length: int = 120) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    return edit


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setLocale(QLocale.c())
    spin.setRange(low, high)
    return spin


def _code(edit: QLineEdit) -> str:
    text = edit.text().strip()
    if not CODE.fullmatch(text):
        raise BadField(tr("A code is small English letters, digits and _, starting with a letter (e.g. lab_2)."))
    return text


def _names(ar: QLineEdit, en: QLineEdit) -> tuple[str, str]:
    if not ar.text().strip() or not en.text().strip():
        raise BadField(tr("Both the Arabic and the English name are needed."))
    return ar.text().strip(), en.text().strip()


class _Section(QWidget):
    """One admin tab: a list of what exists, and a form that creates or changes one."""

    def __init__(self, page: AdminPage, name: str, columns: int) -> None:
        super().__init__()
        self.page = page
        self.desk = page.desk
        self.list = table(f"admin_{name}_list", columns)
        self.form = QFormLayout()
        self.save = button(f"admin_{name}_save", "primary")
        self.labels: list[tuple[Any, Callable[[], str]]] = []
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 3)
        self.side = QVBoxLayout()
        self.side.addLayout(self.form)
        self.side.addWidget(self.save)
        self.side.addStretch(1)
        layout.addLayout(self.side, 2)
        self.list.itemSelectionChanged.connect(self._picked)
        self.save.clicked.connect(lambda: self.page.submit(self.submit))

    def row(self, text: Callable[[], str], widget: QWidget) -> None:
        caption = label(wrap=False)
        self.form.addRow(caption, widget)
        self.labels.append((caption, text))

    def retranslate(self) -> None:
        for caption, text in self.labels:
            caption.setText(text())
        self.save.setText(tr("Save"))

    def _picked(self) -> None:
        key = selected_key(self.list)
        if key is not None:
            self.load(key)

    def load(self, key: str) -> None:
        """Fill the form from the picked row (by its key). Devices and settings have no
        row to edit in a form, and keep this: a pick there changes nothing."""

    def refresh(self) -> None:
        """Read the section's rows again; every section overrides it."""
        raise NotImplementedError

    def submit(self) -> None:
        """Check the form (BadField) and make the change through the core (AdminPage.act);
        every section overrides it."""
        raise NotImplementedError


class ClinicsSection(_Section):
    def __init__(self, page: AdminPage) -> None:
        super().__init__(page, "clinics", 5)
        self.code = _line("admin_clinic_code", 40)
        self.name_ar = _line("admin_clinic_name_ar")
        self.name_en = _line("admin_clinic_name_en")
        self.room = _line("admin_clinic_room", 40)
        self.interval = _spin("admin_clinic_interval", 10, 7200)
        self.gender = QComboBox()
        self.gender.setObjectName("admin_clinic_gender")
        self.order = _spin("admin_clinic_order", 0, 999)
        self.active = QCheckBox()
        self.active.setObjectName("admin_clinic_active")
        self.no_console = QCheckBox()
        self.no_console.setObjectName("admin_clinic_no_console")
        self.row(lambda: tr("Code"), self.code)
        self.row(lambda: tr("Arabic name"), self.name_ar)
        self.row(lambda: tr("English name"), self.name_en)
        self.row(lambda: tr("Room"), self.room)
        self.row(lambda: tr("Call interval (s)"), self.interval)
        self.row(lambda: tr("Receives"), self.gender)
        self.row(lambda: tr("Order"), self.order)
        self.row(lambda: tr("Open"), self.active)
        self.row(lambda: tr("No console (its PIN confirms patients nobody called)"), self.no_console)
        self.interval.setValue(300)
        self.active.setChecked(True)
        self.rows: dict[str, directory.ClinicRow] = {}
        self.without_console: frozenset[str] = frozenset()
        sizes = self.list.horizontalHeader()
        for column in range(4):
            sizes.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        sizes.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def retranslate(self) -> None:
        super().retranslate()
        chosen = self.gender.currentIndex()
        self.gender.clear()
        for value, text in (("any", tr("Everyone")), ("male", tr("Men only")), ("female", tr("Women only"))):
            self.gender.addItem(text, value)
        self.gender.setCurrentIndex(max(chosen, 0))
        headers(self.list, [tr("Code"), tr("Name"), tr("Room"), tr("Call interval (s)"), tr("Open")])

    def refresh(self) -> None:
        self.page.read(lambda db: (directory.clinics(db), directory.clinics_without_console(db)), self._show)

    def _show(self, found: tuple[list[directory.ClinicRow], frozenset[str]]) -> None:
        rows, self.without_console = found
        self.rows = {c.code: c for c in rows}
        ar = self.page.language == "ar"
        fill(
            self.list,
            [
                (c.code, c.name_ar if ar else c.name_en, c.room, c.call_interval_s, "✓" if c.active else "—")
                for c in rows
            ],
            [c.code for c in rows],
        )
        for r, c in enumerate(rows):
            cell = self.list.item(r, 1)
            if cell is not None:
                cell.setToolTip(f"{c.name_ar}\n{c.name_en}" if ar else f"{c.name_en}\n{c.name_ar}")

    def load(self, key: str) -> None:
        c = self.rows[key]
        self.code.setText(c.code)
        self.name_ar.setText(c.name_ar)
        self.name_en.setText(c.name_en)
        self.room.setText(c.room)
        self.interval.setValue(c.call_interval_s)
        self.gender.setCurrentIndex(self.gender.findData(c.gender))
        self.order.setValue(c.sort_order)
        self.active.setChecked(c.active)
        self.no_console.setChecked(c.code in self.without_console)

    def submit(self) -> None:
        code = _code(self.code)
        name_ar, name_en = _names(self.name_ar, self.name_en)
        room, interval, gender = self.room.text().strip(), self.interval.value(), str(self.gender.currentData())
        order, active, without = self.order.value(), self.active.isChecked(), self.no_console.isChecked()

        def save(db: Database, actor: Actor) -> None:
            upsert_clinic(
                db,
                actor,
                code=code,
                name_ar=name_ar,
                name_en=name_en,
                room=room,
                call_interval_s=interval,
                gender=gender,
                sort_order=order,
                active=active,
            )
            set_without_console(db, actor, clinic=code, without=without)

        self.page.act(self.page.message, save, lambda _: tr("Clinic {code} saved.").format(code=code))


class ExamTypesSection(_Section):
    def __init__(self, page: AdminPage) -> None:
        super().__init__(page, "exams", 4)
        self.code = _line("admin_exam_code", 40)
        self.name_ar = _line("admin_exam_name_ar")
        self.name_en = _line("admin_exam_name_en")
        self.male = RouteField(
            "admin_exam_route_male", "male", lambda: tr("Route for men of {exam}").format(exam=self._exam_name())
        )
        self.female = RouteField(
            "admin_exam_route_female", "female", lambda: tr("Route for women of {exam}").format(exam=self._exam_name())
        )
        self.active = QCheckBox()
        self.active.setObjectName("admin_exam_active")
        self.active.setChecked(True)
        self.row(lambda: tr("Code"), self.code)
        self.row(lambda: tr("Arabic name"), self.name_ar)
        self.row(lambda: tr("English name"), self.name_en)
        self.row(lambda: tr("Route for men"), self.male)
        self.row(lambda: tr("Route for women"), self.female)
        self.row(lambda: tr("Offered"), self.active)
        self.rows: dict[str, directory.ExamTypeRow] = {}
        self.clinic_rows: list[directory.ClinicRow] = []
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        sizes = self.list.horizontalHeader()
        for column in (0, 1):
            sizes.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.list.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMaximumSectionSize(ROUTE_LINES_SHOWN * self.list.fontMetrics().lineSpacing() + 12)

    def retranslate(self) -> None:
        super().retranslate()
        for route in (self.male, self.female):
            route.retranslate()
        headers(self.list, [tr("Code"), tr("Name"), tr("Route for men"), tr("Route for women")])

    def refresh(self) -> None:
        self.page.read(lambda db: (directory.exam_types(db), directory.clinics(db)), self._show)

    def _show(self, found: tuple[list[directory.ExamTypeRow], list[directory.ClinicRow]]) -> None:
        rows, self.clinic_rows = found
        self.rows = {e.code: e for e in rows}
        language = self.page.language
        for route in (self.male, self.female):
            route.set_clinics(self.clinic_rows, language)
        fill(
            self.list,
            [
                (
                    e.code,
                    e.name_ar if language == "ar" else e.name_en,
                    route_text(e.routes.get("male", []), self.clinic_rows, language),
                    route_text(e.routes.get("female", []), self.clinic_rows, language),
                )
                for e in rows
            ],
            [e.code for e in rows],
        )
        for r, e in enumerate(rows):
            for column, gender in ((2, "male"), (3, "female")):
                cell = self.list.item(r, column)
                if cell is not None:
                    cell.setToolTip(route_lines(e.routes.get(gender, []), self.clinic_rows, language))

    def _exam_name(self) -> str:
        """The exam type in the form, by name in the admin's language (its code, or "?", before it has one)."""
        name = self.name_ar if self.page.language == "ar" else self.name_en
        return name.text().strip() or self.code.text().strip() or "?"

    def load(self, key: str) -> None:
        e = self.rows[key]
        self.code.setText(e.code)
        self.name_ar.setText(e.name_ar)
        self.name_en.setText(e.name_en)
        self.male.set_route(e.routes.get("male", []))
        self.female.set_route(e.routes.get("female", []))
        self.active.setChecked(e.active)

    def submit(self) -> None:
        code = _code(self.code)
        name_ar, name_en = _names(self.name_ar, self.name_en)
        routes = {route.gender: route.codes for route in (self.male, self.female) if route.codes}
        if not routes:
            raise BadField(tr("An exam type needs a route for men, for women, or both."))
        active = self.active.isChecked()
        self.page.act(
            self.page.message,
            lambda db, actor: upsert_exam_type(
                db, actor, code=code, name_ar=name_ar, name_en=name_en, active=active, routes=routes
            ),
            lambda _: tr("Exam type {code} saved.").format(code=code),
        )


class UsersSection(_Section):
    def __init__(self, page: AdminPage) -> None:
        super().__init__(page, "users", 4)
        self.username = _line("admin_user_name", 80)
        self.display_name = _line("admin_user_display")
        self.role = QComboBox()
        self.role.setObjectName("admin_user_role")
        self.password = _line("admin_user_password", 200)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.active = QCheckBox()
        self.active.setObjectName("admin_user_active")
        self.active.setChecked(True)
        self.row(lambda: tr("User name"), self.username)
        self.row(lambda: tr("Full name"), self.display_name)
        self.row(lambda: tr("Role"), self.role)
        self.row(lambda: tr("Password"), self.password)
        self.row(lambda: tr("Active"), self.active)
        self.rows: dict[str, directory.UserRow] = {}

    def retranslate(self) -> None:
        super().retranslate()
        chosen = self.role.currentIndex()
        self.role.clear()
        for role in ("staff", "supervisor", "admin"):
            self.role.addItem(role_name(role), role)
        self.role.setCurrentIndex(max(chosen, 0))
        self.password.setPlaceholderText(tr("at least %n characters", None, MIN_PASSWORD))
        headers(self.list, [tr("User name"), tr("Full name"), tr("Role"), tr("Active")])

    def refresh(self) -> None:
        self.page.read(directory.users, self._show)

    def _show(self, rows: list[directory.UserRow]) -> None:
        self.rows = {u.username: u for u in rows}
        fill(
            self.list,
            [(u.username, u.display_name, role_name(u.role), "✓" if u.active else "—") for u in rows],
            [u.username for u in rows],
        )

    def load(self, key: str) -> None:
        u = self.rows[key]
        self.username.setText(u.username)
        self.display_name.setText(u.display_name)
        self.role.setCurrentIndex(self.role.findData(u.role))
        self.active.setChecked(u.active)
        self.password.clear()

    def submit(self) -> None:
        username = self.username.text().strip()
        if not USERNAME.fullmatch(username):
            raise BadField(tr("A user name is 2 to 80 English letters, digits, '.', '_' or '-'."))
        if len(self.password.text()) < MIN_PASSWORD:
            raise BadField(tr("The password needs at least %n characters.", None, MIN_PASSWORD))
        password, role = self.password.text(), str(self.role.currentData())
        display_name, active = self.display_name.text().strip(), self.active.isChecked()
        self.password.clear()
        self.page.act(
            self.page.message,
            lambda db, actor: save_user(
                db, actor, username=username, password=password, role=role, display_name=display_name, active=active
            ),
            lambda _: tr("User {name} saved.").format(name=username),
        )


class DevicesSection(_Section):
    """The enrolled devices, and one-time codes for new ones: the server makes a code for
    an admin who types their password again (the console keeps no passwords)."""

    def __init__(self, page: AdminPage) -> None:
        super().__init__(page, "devices", 5)
        self.revoke = button("admin_device_revoke", "danger")
        self.confirm = ConfirmBar("admin_device_confirm")
        self.revoke.clicked.connect(self._ask_revoke)
        self.rows: dict[str, DeviceRow] = {}
        self.hint = label(name="admin_devices_hint")
        self.password = _line("admin_code_password", 200)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.hours = _spin("admin_code_hours", 1, 336)
        self.hours.setValue(24)
        self.code = label("pin", wrap=False, name="admin_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.hint)
        self.row(lambda: tr("Your password"), self.password)
        self.row(lambda: tr("Valid for (hours)"), self.hours)
        self.form.addRow(self.code)
        self.code.hide()
        self.side.addSpacing(24)
        self.side.addWidget(self.revoke)
        self.side.addWidget(self.confirm)
        self.board_title = label("confirm", name="admin_display_title")
        self.board_hint = label(name="admin_display_hint")
        self.board_clinics = QListWidget()
        self.board_clinics.setObjectName("admin_display_clinics")
        self.board_save = button("admin_display_save")
        self.board_save.clicked.connect(self._save_board)
        self.board_clinics.setFlow(QListView.Flow.LeftToRight)
        self.board_clinics.setWrapping(True)
        self.board_clinics.setResizeMode(QListView.ResizeMode.Adjust)
        self.board_clinics.setSpacing(4)
        self.side.addStretch(2)
        columns = self.layout()
        assert isinstance(columns, QHBoxLayout)
        columns.removeWidget(self.list)
        left = QVBoxLayout()
        left.addWidget(self.list, 3)
        for widget in (self.board_title, self.board_hint, self.board_clinics, self.board_save):
            left.addWidget(widget, 2 if widget is self.board_clinics else 0)
            widget.hide()
        columns.insertLayout(0, left, 3)
        self.clinic_rows: list[directory.ClinicRow] = []
        self.boards: dict[str, list[str]] = {}
        self.chosen: DeviceRow | None = None
        self.pending: asyncio.Future[None] | None = None
        self.health: dict[str, str] = {}
        self.health_pending: asyncio.Future[None] | None = None
        for column in (0, 1, 3):
            self.list.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def retranslate(self) -> None:
        super().retranslate()
        self.save.setText(tr("New enrollment code"))
        self.hint.setText(
            tr(
                "A new kiosk, console or display enrolls with a one-time code. Ask the server for one "
                "here, or IT makes one on the server with: mmc server enroll-code"
            )
        )
        headers(self.list, [tr("Station"), tr("Kind"), tr("Name"), tr("State"), tr("Health")])
        self.revoke.setText(tr("Revoke the chosen device"))
        self.confirm.retranslate()
        self.board_hint.setText(
            tr("Tick the clinics this display shows, in the order of the Clinics tab. None ticked: every clinic.")
        )
        self.board_save.setText(tr("Show these clinics on this display"))
        self._fill_board()

    @staticmethod
    def kind_name(kind: str) -> str:
        kinds = {
            "kiosk": tr("Kiosk"),
            "staff": tr("Staff console"),
            "display": tr("Hall display"),
            "server": tr("Server"),
            "standalone": tr("One-machine site"),
        }
        return kinds.get(kind, kind)

    def refresh(self) -> None:
        self.page.read(directory.devices, self._show)
        self.page.read(lambda db: (directory.clinics(db), directory.display_clinics(db)), self._show_boards)
        reader = self.page.health_reader
        if reader is None or (self.health_pending is not None and not self.health_pending.done()):
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # the console's loop is not running yet (or any more): the next refresh asks
        self.health_pending = loop.create_task(self._read_health(reader))

    def _show(self, rows: list[DeviceRow]) -> None:
        self.rows = {d.device_id: d for d in rows}
        self._fill_list()

    def _show_boards(self, found: tuple[list[directory.ClinicRow], dict[str, list[str]]]) -> None:
        self.clinic_rows, self.boards = found
        self._fill_board()

    def load(self, key: str) -> None:
        self.chosen = self.rows.get(key)
        self._fill_board()

    def _fill_board(self) -> None:
        """The chosen hall display's clinics, ticked; hidden for other devices."""
        device = self.chosen
        is_board = device is not None and device.kind == "display" and not device.revoked
        for widget in (self.board_title, self.board_hint, self.board_clinics, self.board_save):
            widget.setVisible(is_board)
        if device is None or not is_board:
            return
        self.board_title.setText(
            tr("Clinics on the display {station} ({name})").format(station=device.station, name=device.name)
        )
        shown = set(self.boards.get(device.station, ()))
        self.board_clinics.clear()
        for clinic in self.clinic_rows:
            item = QListWidgetItem(clinic.name_ar if self.page.language == "ar" else clinic.name_en)
            item.setData(Qt.ItemDataRole.UserRole, clinic.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if clinic.code in shown else Qt.CheckState.Unchecked)
            self.board_clinics.addItem(item)

    def _save_board(self) -> None:
        device = self.chosen
        if device is None:
            return
        items = [self.board_clinics.item(i) for i in range(self.board_clinics.count())]
        codes = [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]
        self.page.act(
            self.page.message,
            lambda db, actor: choose_display_clinics(db, actor, station=device.station, clinics=codes),
            lambda _: (
                tr("%n clinics chosen for {station}.", None, len(codes)).format(station=device.station)
                if codes
                else tr("{station} shows every clinic.").format(station=device.station)
            ),
        )

    def _fill_list(self) -> None:
        rows = list(self.rows.values())
        fill(
            self.list,
            [
                (
                    d.station,
                    self.kind_name(d.kind),
                    d.name,
                    tr("Revoked") if d.revoked else tr("In service"),
                    self._health_of(d),
                )
                for d in rows
            ],
            [d.device_id for d in rows],
        )
        for row in range(self.list.rowCount()):
            cell = self.list.item(row, 4)
            if cell is not None:
                cell.setToolTip(cell.text())

    def _health_of(self, device: DeviceRow) -> str:
        if device.kind in ("server", "standalone"):
            return "\u2014"
        return self.health.get(device.device_id, "" if self.page.health_reader else tr("Not connected"))

    async def _read_health(self, reader: HealthReader) -> None:
        from sync.link import Refused, Unreachable

        try:
            answer = await reader()
        except (Refused, Unreachable):
            self.health = dict.fromkeys(self.rows, tr("Unknown: the server cannot be reached"))
        else:
            self.health = {row.device_id: health_text(row) for row in answer.devices}
        self._fill_list()

    def _ask_revoke(self) -> None:
        key = selected_key(self.list)
        device = self.rows.get(key) if key else None
        if device is None:
            self.page.message.error(tr("Choose a device in the list first."))
            return
        if device.revoked or device.kind in ("server", "standalone"):
            self.page.message.error(tr("{station} cannot be revoked.").format(station=device.station))
            return
        self.confirm.ask(
            tr(
                "Revoke {station} ({kind})? The server refuses it from its next request; to work again it "
                "must be enrolled as a new device. This cannot be undone."
            ).format(station=device.station, kind=self.kind_name(device.kind)),
            lambda: self._revoke(device),
        )

    def _revoke(self, device: DeviceRow) -> None:
        self.page.act(
            self.page.message,
            lambda db, actor: revoke_device(db, actor, device_id=device.device_id),
            lambda _: tr("{station} is revoked; the server refuses it once this console has synced.").format(
                station=device.station
            ),
        )

    def submit(self) -> None:
        maker = self.page.code_maker
        if maker is None:
            raise BadField(tr("This console is not connected to a server, which makes the codes."))
        if not self.password.text():
            raise BadField(tr("Type your password to ask for a code."))
        self.pending = asyncio.ensure_future(self._ask(maker, self.password.text(), self.hours.value()))
        self.password.clear()
        self.page.message.info(tr("Asking the server for a code..."))

    async def _ask(self, maker: CodeMaker, password: str, hours: int) -> None:
        from sync.link import Refused, Unreachable

        try:
            code, expires = await maker(self.desk.actor.name, password, hours)
        except Refused as refusal:
            if refusal.code == "bad_credentials":
                self.page.message.error(tr("Wrong user name or password."))
            else:
                self.page.message.error(tr("The server refused: {reason}").format(reason=refusal.message))
            return
        except Unreachable:
            self.page.message.error(tr("The server cannot be reached now; try again when the console is online."))
            return
        self.code.setText(code)
        self.code.show()
        until = from_iso(expires).astimezone(SITE_ZONE).strftime("%Y-%m-%d %H:%M")
        self.page.message.info(tr("Type this code on the new device before {time}; it works once.").format(time=until))


class SettingsSection(_Section):
    def __init__(self, page: AdminPage) -> None:
        super().__init__(page, "settings", 2)
        self.edits: dict[str, QLineEdit] = {}
        captions = {
            "site_name": lambda: tr("Site name (English)"),
            "site_name_ar": lambda: tr("Site name (Arabic)"),
            "kiosk_idle_s": lambda: tr("Kiosk returns to start after (s)"),
            "staff_lock_idle_s": lambda: tr("Console locks after (s)"),
            "lease_block": lambda: tr("Numbers per lease block"),
            "day_closes_at": lambda: tr("The service day closes at (HH:MM, night or morning)"),
            "recall_limit": lambda: tr("Recalls before a no-show (0: no limit)"),
            "priority_every": lambda: tr("Priority patients: one in every N calls (1: always first, 0: none)"),
        }
        self.id_format = IdFormatField()
        self.id_format.chosen.connect(self._save_id_format)
        for key in directory.EDITABLE_SETTINGS:
            if key == "id_format":
                self.row(lambda: tr("ID number format"), self.id_format)
            elif key in captions:
                self.edits[key] = _line(f"admin_setting_{key}", 200)
                self.row(captions[key], self.edits[key])
        self.at_close = QComboBox()
        self.at_close.setObjectName("admin_setting_open_tickets_at_close")
        self.row(lambda: tr("Patients still open when the day closes"), self.at_close)
        self.exit_code = _line("admin_setting_exit_code", 8)
        self.exit_code.setEchoMode(QLineEdit.EchoMode.Password)
        self.row(lambda: tr("New kiosk exit code (4 to 8 digits; empty: keep it)"), self.exit_code)
        self.voice_languages = QComboBox()
        self.voice_languages.setObjectName("admin_setting_voice_languages")
        self.row(lambda: tr("The hall display says each call in"), self.voice_languages)
        self.voice_volume = _spin("admin_setting_voice_volume", *COUNT_RANGES["voice_volume"])
        self.voice_volume.setSuffix("%")
        self.row(lambda: tr("Volume of the calls"), self.voice_volume)
        self.voice_repeat = _spin("admin_setting_voice_repeat", *COUNT_RANGES["voice_repeat"])
        self.row(lambda: tr("Times each call is said"), self.voice_repeat)
        self.voice_chime = QCheckBox()
        self.voice_chime.setObjectName("admin_setting_voice_chime")
        self.row(lambda: tr("A chime before each call"), self.voice_chime)
        self.list.hide()

    def retranslate(self) -> None:
        super().retranslate()
        self.id_format.retranslate()
        chosen = self.at_close.currentData()
        self.at_close.clear()
        self.at_close.addItem(tr("are marked no-show"), "no_show")
        self.at_close.addItem(tr("keep their place in the next day's queues"), "carry_over")
        if chosen is not None:
            self.at_close.setCurrentIndex(self.at_close.findData(chosen))
        said_in = self.voice_languages.currentData()
        self.voice_languages.clear()
        self.voice_languages.addItem(tr("Arabic, then English"), "ar,en")
        self.voice_languages.addItem(tr("English, then Arabic"), "en,ar")
        self.voice_languages.addItem(tr("Arabic only"), "ar")
        self.voice_languages.addItem(tr("English only"), "en")
        if said_in is not None:
            self.voice_languages.setCurrentIndex(self.voice_languages.findData(said_in))

    def refresh(self) -> None:
        self.page.read(directory.editable_settings, self._show)

    def _show(self, settings: dict[str, Any]) -> None:
        for key, value in settings.items():
            if key == "id_format":
                self.id_format.show_pattern(str(value))
            elif key in self.edits:
                self.edits[key].setText(str(value))
            elif key == "voice_languages":
                self.voice_languages.setCurrentIndex(self.voice_languages.findData(",".join(value)))
            elif key == "voice_volume":
                self.voice_volume.setValue(int(value))
            elif key == "voice_repeat":
                self.voice_repeat.setValue(int(value))
            elif key == "voice_chime":
                self.voice_chime.setChecked(bool(value))
            else:
                self.at_close.setCurrentIndex(self.at_close.findData(value))

    def submit(self) -> None:
        wanted: dict[str, Any] = {}
        for key, edit in self.edits.items():
            text = edit.text().strip()
            if isinstance(DEFAULTS[key], int):
                text = western_digits(text)
                low, high = COUNT_RANGES.get(key, (1, 100_000))
                if not text.isdigit() or not low <= int(text) <= high:
                    raise BadField(
                        tr("This setting is a whole number from {low} to {high}: {value}").format(
                            low=low, high=high, value=text
                        )
                    )
                value: Any = int(text)
            else:
                if not text:
                    raise BadField(tr("A setting cannot be left empty."))
                value = text
            if key == "day_closes_at" and setting_problem(key, value):
                raise BadField(tr("The day closes at a time from 00:00 to 11:59, written HH:MM."))
            wanted[key] = value
        wanted["open_tickets_at_close"] = self.at_close.currentData()
        wanted["voice_languages"] = str(self.voice_languages.currentData()).split(",")
        wanted["voice_volume"] = self.voice_volume.value()
        wanted["voice_repeat"] = self.voice_repeat.value()
        wanted["voice_chime"] = self.voice_chime.isChecked()
        exit_code = western_digits(self.exit_code.text().strip())
        if exit_code and not EXIT_CODE.fullmatch(exit_code):
            raise BadField(tr("The kiosk exit code has 4 to 8 digits."))
        self.exit_code.clear()

        def save(db: Database, actor: Actor) -> int:
            saved = set_settings(db, actor, wanted)
            if exit_code:
                set_kiosk_exit_code(db, actor, exit_code)
                saved += 1
            return saved

        self.page.act(self.page.message, save, lambda n: tr("%n settings saved.", None, n))

    def _save_id_format(self, pattern: str) -> None:
        self.page.act(
            self.page.message,
            lambda db, actor: set_settings(db, actor, {"id_format": pattern}),
            lambda n: tr("The ID number format is saved.") if n else tr("The ID number format is unchanged."),
        )


class AdminPage(Page):
    permission = "configure"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.code_maker: CodeMaker | None = None
        """Asks the server for an enrollment code; set when the console syncs with one."""
        self.health_reader: HealthReader | None = None
        """Asks the server for the devices' health; set when the console syncs with one."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        self.clinics = ClinicsSection(self)
        self.exams = ExamTypesSection(self)
        self.users = UsersSection(self)
        self.devices = DevicesSection(self)
        self.settings = SettingsSection(self)
        self.sections: list[_Section] = [self.clinics, self.exams, self.users, self.devices, self.settings]
        for section in self.sections:
            self.tabs.addTab(section, "")
        self.message = MessageLine("admin_message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        for index, text in enumerate((tr("Clinics"), tr("Exam types"), tr("Users"), tr("Devices"), tr("Settings"))):
            self.tabs.setTabText(index, text)
        for section in self.sections:
            section.retranslate()
        self.refresh()

    def shows(self, changes: Changes) -> bool:
        return changes.config or changes.everything

    def refresh(self) -> None:
        if self.desk.user is None:
            return
        for section in self.sections:
            section.refresh()

    def submit(self, action: Callable[[], None]) -> None:
        try:
            action()
        except BadField as problem:
            self.message.error(str(problem))
