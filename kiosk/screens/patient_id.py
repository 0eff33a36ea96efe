"""The ID number on the keypad, or a ticket's QR code from the scanner (it types)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QWidget

from kiosk.screens.keypad_screen import KeypadScreen


class Purpose(Enum):
    CHECK_IN = "check_in"
    FINISHED = "finished"
    WHERE = "where"


class IdScreen(KeypadScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("id", max_length=60, secret=False, parent=parent)
        self.purpose = Purpose.CHECK_IN
        self.retranslate()

    def start_for(self, purpose: Purpose) -> None:
        self.purpose = purpose
        self.start()
        self.retranslate()

    def show_error(self, text: str) -> None:
        """Keeps what was typed, so a patient can correct one digit on the keypad; a
        scanner's next code replaces it."""
        self.error.setText(text)
        self.refused = True
        self.field.setFocus()

    def retranslate(self) -> None:
        if self.purpose is Purpose.CHECK_IN:
            self.title.setText(self.tr("Enter your ID number"))
            self.hint.setText(self.tr("Use the keys below, then touch OK"))
        else:
            self.title.setText(self.tr("Enter your ID number or scan your ticket"))
            self.hint.setText(self.tr("Hold the QR code of your ticket under the scanner, or type your ID"))
        self.back_button.setText(self.tr("Back"))
