"""An exam type's route for one gender, edited as a list: its clinics by name, in the
order patients go through them; clinics added from those not in it yet, removed, moved
up or down (or dragged). The core still decides what a route may hold (ExamTypeUpserted)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.services.directory import ClinicRow
from staffdesk.messages import tr
from sync.runtime.widgets import button, label

LEADING = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


def clinic_name(code: str, clinics: Sequence[ClinicRow], language: str) -> str:
    """The clinic's name in `language`, marked when it is closed; its code when no clinic has it."""
    for clinic in clinics:
        if clinic.code == code:
            name = clinic.name_ar if language == "ar" else clinic.name_en
            return name if clinic.active else tr("{name} (closed)").format(name=name)
    return code


def route_text(codes: Sequence[str], clinics: Sequence[ClinicRow], language: str) -> str:
    """A route on one line, its clinics by name with arrows pointing the reading way."""
    arrow = " \u2190 " if language == "ar" else " \u2192 "
    return arrow.join(clinic_name(code, clinics, language) for code in codes)


def route_lines(codes: Sequence[str], clinics: Sequence[ClinicRow], language: str) -> str:
    """A route as a numbered list, one clinic a line (a tooltip's full route)."""
    return "\n".join(f"{n}. {clinic_name(code, clinics, language)}" for n, code in enumerate(codes, 1))


class RouteDialog(QDialog):
    """Edits one route; `chosen` carries its clinic codes in order when the admin keeps it."""

    chosen = Signal(list)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("route_dialog")
        self.setMinimumSize(720, 520)
        self.clinics: list[ClinicRow] = []
        self.gender = "any"
        self.language = "en"
        self.title = label("page-title", name="route_title")
        self.title.setAlignment(LEADING)
        self.hint = label(name="route_hint")
        self.hint.setAlignment(LEADING)
        self.route_caption = label(wrap=False, name="route_caption")
        self.route_caption.setAlignment(LEADING)
        self.others_caption = label(wrap=False, name="route_others_caption")
        self.others_caption.setAlignment(LEADING)
        self.route = QListWidget()
        self.route.setObjectName("route_list")
        self.route.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.route.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.others = QListWidget()
        self.others.setObjectName("route_others")
        self.others.setSortingEnabled(False)
        self.up = button("route_up")
        self.down = button("route_down")
        self.remove = button("route_remove")
        self.add = button("route_add")
        self.save = button("route_save", "primary")
        self.cancel = button("route_cancel")

        lists = QGridLayout()
        lists.addWidget(self.route_caption, 0, 0)
        lists.addWidget(self.others_caption, 0, 1)
        lists.addWidget(self.route, 1, 0)
        lists.addWidget(self.others, 1, 1)
        moves = QHBoxLayout()
        for widget in (self.up, self.down, self.remove):
            moves.addWidget(widget)
        moves.addStretch(1)
        lists.addLayout(moves, 2, 0)
        adds = QHBoxLayout()
        adds.addWidget(self.add)
        adds.addStretch(1)
        lists.addLayout(adds, 2, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        ends = QHBoxLayout()
        ends.addStretch(1)
        ends.addWidget(self.cancel)
        ends.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(lists, 1)
        layout.addLayout(ends)

        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove.clicked.connect(self._remove)
        self.add.clicked.connect(self._add)
        self.route.itemDoubleClicked.connect(lambda _: self._remove())
        self.others.itemDoubleClicked.connect(lambda _: self._add())
        self.route.currentRowChanged.connect(lambda _: self._enable())
        self.others.currentRowChanged.connect(lambda _: self._enable())
        self.route.model().rowsMoved.connect(lambda *_: self._renumber())
        self.save.clicked.connect(self._keep)
        self.cancel.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(
            tr("Patients go through these clinics in this order. Add the clinics they need, remove the others.")
        )
        self.route_caption.setText(tr("The route, in order"))
        self.others_caption.setText(tr("Clinics not in the route"))
        self.up.setText(tr("Move up"))
        self.down.setText(tr("Move down"))
        self.remove.setText(tr("Remove"))
        self.add.setText(tr("Add to the route"))
        self.save.setText(tr("Use this route"))
        self.cancel.setText(tr("Cancel"))

    def edit(self, title: str, route: Sequence[str], clinics: Sequence[ClinicRow], gender: str, language: str) -> None:
        """Open (window-modal, not blocking) on `route` for `gender`'s patients, with the
        site's `clinics` named in `language`."""
        self.clinics, self.gender, self.language = list(clinics), gender, language
        self.setWindowTitle(title)
        self.title.setText(title)
        self.route.clear()
        for code in route:
            self.route.addItem(self._item(code))
        self._renumber()
        self._fill_others()
        self.route.setCurrentRow(0 if route else -1)
        self._enable()
        self.open()

    def codes(self) -> list[str]:
        return [self._code(self.route.item(row)) for row in range(self.route.count())]

    def _item(self, code: str) -> QListWidgetItem:
        item = QListWidgetItem(clinic_name(code, self.clinics, self.language))
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setToolTip(code)
        return item

    @staticmethod
    def _code(item: QListWidgetItem) -> str:
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _renumber(self) -> None:
        for row in range(self.route.count()):
            item = self.route.item(row)
            item.setText(f"{row + 1}. {clinic_name(self._code(item), self.clinics, self.language)}")
        self._enable()

    def _fill_others(self) -> None:
        """The clinics that receive this route's patients and are not in it, in the site's order."""
        taken = set(self.codes())
        self.others.clear()
        for clinic in self.clinics:
            if clinic.code not in taken and clinic.gender in ("any", self.gender):
                self.others.addItem(self._item(clinic.code))

    def _enable(self) -> None:
        row, last = self.route.currentRow(), self.route.count() - 1
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < last)
        self.remove.setEnabled(row >= 0)
        self.add.setEnabled(self.others.currentRow() >= 0)

    def _move(self, step: int) -> None:
        row = self.route.currentRow()
        if not 0 <= row + step < self.route.count() or row < 0:
            return
        item = self.route.takeItem(row)
        self.route.insertItem(row + step, item)
        self._renumber()
        self.route.setCurrentRow(row + step)

    def _remove(self) -> None:
        row = self.route.currentRow()
        if row < 0:
            return
        self.route.takeItem(row)
        self._renumber()
        self._fill_others()
        self.route.setCurrentRow(min(row, self.route.count() - 1))
        self._enable()

    def _add(self) -> None:
        row = self.others.currentRow()
        if row < 0:
            return
        code = self._code(self.others.item(row))
        self.route.addItem(self._item(code))
        self._renumber()
        self._fill_others()
        self.route.setCurrentRow(self.route.count() - 1)
        self.others.setCurrentRow(min(row, self.others.count() - 1))
        self._enable()

    def _keep(self) -> None:
        self.chosen.emit(self.codes())
        self.accept()


class RouteField(QWidget):
    """A route in the exam type form: its clinics by name, wrapped, and a button that opens
    the route's dialog; `codes` is what the form saves."""

    def __init__(self, name: str, gender: str, caption: Callable[[], str]) -> None:
        super().__init__()
        self.setObjectName(name)
        self.gender = gender
        self.caption = caption
        self.codes: list[str] = []
        self.clinics: list[ClinicRow] = []
        self.language = "en"
        self.summary = label(name=f"{name}_summary")
        self.summary.setAlignment(LEADING)
        self.change = button(f"{name}_edit")
        self.dialog = RouteDialog(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary, 1)
        row.addWidget(self.change, 0, Qt.AlignmentFlag.AlignTop)
        self.change.clicked.connect(self._open)
        self.dialog.chosen.connect(self.set_route)

    def retranslate(self) -> None:
        self.change.setText(tr("Edit..."))
        self.dialog.retranslate()
        self._show()

    def set_clinics(self, clinics: Sequence[ClinicRow], language: str) -> None:
        self.clinics, self.language = list(clinics), language
        self._show()

    def set_route(self, codes: Sequence[str]) -> None:
        self.codes = list(codes)
        self._show()

    def _show(self) -> None:
        self.summary.setText(route_text(self.codes, self.clinics, self.language) or tr("No route"))
        self.summary.setToolTip(route_lines(self.codes, self.clinics, self.language))

    def _open(self) -> None:
        self.dialog.edit(self.caption(), self.codes, self.clinics, self.gender, self.language)
