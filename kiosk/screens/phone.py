"""The optional mobile-number step: "Get an SMS when it's your turn?", the number on the
keypad, or Skip. Shown after the exam type when the site sends messages (core.phones)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.screens.keypad_screen import KeypadScreen
from sync.runtime.widgets import button, label


class PhoneScreen(KeypadScreen):
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("phone", max_length=20, secret=False, parent=parent)
        self.privacy = label("hint", name="phone-privacy")
        self.skip_button = button("phone-skip", "primary")
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.privacy)
        layout.addWidget(self.skip_button)
        self.skip_button.clicked.connect(self.skipped)
        self.retranslate()

    def show_bad_number(self) -> None:
        """Keeps what was typed, so one wrong digit can be put right."""
        self.error.setText(self.tr("This is not a mobile number we can send to. Please check it, or touch Skip."))
        self.refused = True
        self.field.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Get an SMS when it's your turn?"))
        self.hint.setText(self.tr("Type your mobile number, then touch OK"))
        self.privacy.setText(self.tr("Your number is used only for today's messages, then deleted."))
        self.skip_button.setText(self.tr("Skip"))
        self.back_button.setText(self.tr("Back"))
