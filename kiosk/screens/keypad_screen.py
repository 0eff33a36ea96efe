"""A screen that asks for digits: a title, a field, the keypad, an error line and Back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.keypad import Keypad
from sync.runtime.widgets import Screen, button, label


class KeypadScreen(Screen):
    submitted = Signal(str)
    back = Signal()

    def __init__(self, name: str, *, max_length: int, secret: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.hint = label("hint")
        self.field = QLineEdit()
        self.field.setObjectName(f"{name}-field")
        self.field.setMaxLength(max_length)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        if secret:
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = label("error", name=f"{name}-error")
        self.keypad = Keypad(self.field)
        self.back_button = button(f"{name}-back", "quiet")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        pad = QHBoxLayout()
        pad.addStretch()
        pad.addWidget(self.keypad, 3)
        pad.addStretch()
        layout.addLayout(pad, 1)
        layout.addWidget(self.back_button)
        self.keypad.submitted.connect(self.submitted)
        self.back_button.clicked.connect(self.back)

    def start(self) -> None:
        self.field.clear()
        self.error.clear()
        self.field.setFocus()

    def show_error(self, text: str) -> None:
        self.field.clear()
        self.error.setText(text)
