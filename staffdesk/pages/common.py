"""What the console's pages share: a message line, an inline confirmation, tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.changes import Changes
from core.database import Database
from core.errors import MmcError
from core.permissions import Actor
from staffdesk.desk import Desk
from staffdesk.messages import explain, tr
from sync.runtime.widgets import Screen, button, label, restyle

T = TypeVar("T")


class MessageLine(QLabel):
    """One line under a page's controls: what just happened, or why it was refused."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)

    def info(self, text: str) -> None:
        restyle(self, "info")
        self.setText(text)

    def error(self, text: str) -> None:
        restyle(self, "error")
        self.setText(text)


class ConfirmBar(QWidget):
    """Asks before an action that cannot be undone, inside the page (no modal dialog to
    hide the queue): the action runs on Yes, and is dropped on No."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", "confirm")
        self.question = label("confirm", name=f"{name}_question")
        self.yes = button(f"{name}_yes", "danger")
        self.no = button(f"{name}_no")
        row = QHBoxLayout(self)
        row.addWidget(self.question, 1)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        self.yes.clicked.connect(self._accept)
        self.no.clicked.connect(self.hide)
        self._pending: Callable[[], None] | None = None
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.yes.setText(tr("Yes, do it"))
        self.no.setText(tr("No"))

    def ask(self, question: str, action: Callable[[], None]) -> None:
        self.question.setText(question)
        self._pending = action
        self.show()

    def _accept(self) -> None:
        action, self._pending = self._pending, None
        self.hide()
        if action is not None:
            action()


class Page(Screen):
    """A tab of the console. `refresh` reads what it shows again, on the store's worker,
    and shows it when the answer comes; `act` makes a change the same way; `retranslate`
    sets texts."""

    permission = ""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.busy = False
        """An action is under way: the page takes no second one until it answers."""

    def refresh(self) -> None:
        """Read the store again (when what it shows changed and the page is shown, and
        when it is opened). The sync page keeps this no-op: it shows what the sync client
        reports."""

    def shows(self, changes: Changes) -> bool:
        """Whether this page shows something `changes` changed."""
        return bool(changes)

    def store_changed(self, changes: Changes, *, shown: bool) -> None:
        if shown and self.shows(changes):
            self.refresh()

    def read(self, query: Callable[[Database], T], show: Callable[[T], None]) -> None:
        """Run `query` on the store's worker and `show` its answer here."""
        self.desk.read(query).success(show).run(self)

    def act(
        self,
        message: MessageLine,
        work: Callable[[Database, Actor], T],
        said: Callable[[T], str | None] = lambda _: None,
    ) -> None:
        """Make a change as the logged-in user; show what `said` makes of its result, or
        the refusal in the user's language. What the change touched refreshes the page
        through the change signal; a refusal reads the page again, as others may have
        changed what it shows."""
        if self.busy:
            return
        self.busy = True
        self.setCursor(Qt.CursorShape.BusyCursor)

        def answered() -> None:
            self.busy = False
            self.unsetCursor()

        def done(result: T) -> None:
            text = said(result)
            if text:
                message.info(text)

        def refused(error: MmcError) -> None:
            message.error(explain(error, lambda code: self.desk.catalog.clinic_name(code, self.language)))
            self.refresh()

        self.desk.act(work).answered(answered).success(done).failure(refused).run(self)


def table(name: str, columns: int) -> QTableWidget:
    widget = QTableWidget(0, columns)
    widget.setObjectName(name)
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    widget.verticalHeader().hide()
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    widget.setAlternatingRowColors(True)
    return widget


def fill(widget: QTableWidget, rows: Sequence[Sequence[object]], keys: Sequence[str] | None = None) -> None:
    """Replace the table's rows; `keys` are kept on each row's first cell (UserRole)."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if keys is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            widget.setItem(r, c, item)


def headers(widget: QTableWidget, names: Sequence[str]) -> None:
    widget.setHorizontalHeaderLabels(list(names))


def chosen_row(widget: QTableWidget) -> int:
    """The selected row, else the current one, else -1. (`selectRow` selects nothing in a
    right-to-left table, so the code moves the current cell instead.)"""
    rows = widget.selectionModel().selectedRows()
    return rows[0].row() if rows else widget.currentRow()


def selected_key(widget: QTableWidget) -> str | None:
    row = chosen_row(widget)
    item = widget.item(row, 0) if row >= 0 else None
    return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
