"""Where the patient stands: after confirming a clinic, or on "Where am I?"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from core.services.catalog import Catalog
from kiosk.flow import TicketCard
from kiosk.style import APART_PX
from kiosk.ticket_view import TicketView
from sync.runtime.widgets import Screen, button, label


class PlaceScreen(Screen):
    print_requested = Signal()
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = label("title", name="place-headline")
        self.detail = label("big", name="place-detail")
        self.view = TicketView()
        self.result = label("hint", name="place-print-result")
        self.print_button = button("place-print")
        self.done_button = button("place-done", "primary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        buttons.setSpacing(APART_PX)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_requested)
        self.done_button.clicked.connect(self.done)
        self._headline = ""
        self._detail = ""
        self.retranslate()

    def show_place(self, headline: str, detail: str, card: TicketCard | None, catalog: Catalog, language: str) -> None:
        """`headline` and `detail` are already translated; `card` None shows no ticket."""
        self.language = language
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.result.clear()
        self.result.hide()
        self.view.setVisible(card is not None)
        self.print_button.setVisible(card is not None)
        self.print_button.setEnabled(True)
        if card is not None:
            self.view.show_card(card, catalog, language)

    def show_print_result(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.show()
        self.print_button.setEnabled(not ok)

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("Print my ticket"))
        self.done_button.setText(self.tr("Done"))
