"""A patient's place as a card on screen: number, clinic and room, people ahead, the
route, and the QR code of the visit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.services.catalog import Catalog
from kiosk.flow import TicketCard
from kiosk.printing import ticket_lines
from kiosk.qr import qr_image
from sync.runtime.widgets import label

ROWS_AT_MOST = (5, 7)
"""A route of up to 5 clinics takes one column, up to 14 two, a longer one three: so that
16 clinics fit a portrait screen in large text and in Arabic, whose lines are tall."""


class RouteList(QWidget):
    """The route's steps, down one column or, when long, more (in reading order: the
    first column is on the right in Arabic)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.steps: list[QLabel] = []

    def show_steps(self, steps: list[str]) -> None:
        for old in self.steps:
            self.grid.removeWidget(old)
            old.deleteLater()
        self.steps = [label("hint", name=f"ticket-route-{n}") for n in range(1, len(steps) + 1)]
        if len(steps) <= ROWS_AT_MOST[0]:
            rows = len(steps)
        else:
            columns = 2 if len(steps) <= 2 * ROWS_AT_MOST[1] else 3
            rows = -(-len(steps) // columns)
        for index, (step, text) in enumerate(zip(self.steps, steps, strict=True)):
            step.setText(text)
            self.grid.addWidget(step, index % rows, index // rows)

    def texts(self) -> list[str]:
        return [step.text() for step in self.steps]


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
        self.route_caption = label("hint", name="ticket-route-caption")
        self.route = RouteList()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QVBoxLayout()
        for widget in (self.caption, self.number, self.clinic, self.ahead):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addLayout(text, 3)
        top.addWidget(self.qr, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.route_caption)
        layout.addWidget(self.route)
        layout.addStretch()

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
        self.route_caption.setText(lines.route_caption)
        self.route.show_steps(lines.route)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
