"""After check-in: the patient's number and route, to print or to photograph."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from core.services.catalog import Catalog
from kiosk.flow import TicketCard
from kiosk.ticket_view import TicketView
from sync.runtime.widgets import Screen, button, label


class TicketScreen(Screen):
    print_requested = Signal()
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.view = TicketView()
        self.result = label("hint", name="print-result")
        self.print_button = button("ticket-print", "primary")
        self.done_button = button("ticket-done")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.result)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self.print_button.clicked.connect(self.print_requested)
        self.done_button.clicked.connect(self.done)
        self.retranslate()

    def show_card(self, card: TicketCard, catalog: Catalog, language: str) -> None:
        self.language = language
        self.result.clear()
        self.result.setProperty("role", "hint")
        self.print_button.setEnabled(True)
        self.view.show_card(card, catalog, language)

    def show_print_result(self, text: str, ok: bool) -> None:
        self.result.setProperty("role", "hint" if ok else "error")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text)
        self.print_button.setEnabled(not ok)

    def retranslate(self) -> None:
        self.title.setText(self.tr("You are checked in"))
        self.print_button.setText(self.tr("Print my ticket"))
        self.done_button.setText(self.tr("Done"))
