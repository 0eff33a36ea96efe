"""A patient's place as a card on screen: number, clinic and room, people ahead, the
route, and the QR code of the visit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.services.catalog import Catalog
from kiosk.flow import TicketCard
from kiosk.printing import ticket_lines
from kiosk.qr import qr_image
from sync.runtime.widgets import label


class TicketView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.card: TicketCard | None = None
        self.catalog: Catalog | None = None
        self.language = "ar"
        self.caption = label("hint")
        self.number = label("number", name="ticket-number")
        self.clinic = label("big", name="ticket-clinic")
        self.ahead = label(name="ticket-ahead")
        self.route = label("hint", name="ticket-route")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QVBoxLayout()
        for widget in (self.caption, self.number, self.clinic, self.ahead, self.route):
            text.addWidget(widget)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 3)
        layout.addWidget(self.qr, 1)

    def show_card(self, card: TicketCard, catalog: Catalog, language: str) -> None:
        self.card, self.catalog, self.language = card, catalog, language
        self.qr.setPixmap(QPixmap.fromImage(qr_image(card.qr, scale=6)))
        self.retranslate()

    def retranslate(self) -> None:
        card, catalog = self.card, self.catalog
        if card is None or catalog is None:
            return
        lines = ticket_lines(card, catalog, self.language)
        self.caption.setText(lines.number_caption)
        self.number.setText(lines.number)
        self.clinic.setText(lines.clinic)
        if card.called:
            self.ahead.setText(self.tr("Your number has been called. Please go to the clinic now."))
        elif card.on_hold:
            self.ahead.setText(
                self.tr("The clinic has set your number aside. Stay near it: staff will call you again.")
            )
        elif card.ahead == 0:
            self.ahead.setText(self.tr("Nobody is ahead of you. Wait near the clinic until your number is called."))
        else:
            self.ahead.setText(
                " \u00b7 ".join(
                    [
                        self.tr("%n people ahead of you", None, card.ahead),
                        self.tr("about %n minutes", None, card.wait_minutes),
                    ]
                )
            )
        self.route.setText("\n".join([lines.route_caption, *lines.route]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
