"""The two-digit code the clinic gave, proving it is done."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.screens.keypad_screen import KeypadScreen


class PinScreen(KeypadScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pin", max_length=2, secret=True, parent=parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Enter the clinic's code"))
        self.hint.setText(self.tr("The clinic staff give you a two-digit code when you are done"))
        self.back_button.setText(self.tr("Back"))
