"""A screen that asks for digits: a title, a field, the keypad, an error line and Back.

The field keeps the keyboard's focus, so a scanner (which types) always reaches it. An
error goes away as soon as the patient changes what was typed; after an error, what a
scanner or keyboard types replaces the refused entry instead of adding to it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
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
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refused = False
        """What the field holds was refused: the next typed key starts afresh."""
        self.tapped = False
        """What the field holds came from the on-screen keys: a scanner's code replaces it."""
        self.keypad.submitted.connect(self.submitted)
        self.keypad.edited.connect(self._tapped)
        self.back_button.clicked.connect(self.back)
        self.field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        typed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.text().isprintable()
        if watched is self.field and typed and isinstance(event, QKeyEvent) and event.text():
            if self.refused or self.tapped:
                self.field.clear()
            self._edited()
            self.tapped = False
        return super().eventFilter(watched, event)

    def _tapped(self) -> None:
        self._edited()
        self.tapped = True

    def _edited(self) -> None:
        self.refused = False
        self.error.clear()

    def start(self) -> None:
        self.field.clear()
        self._edited()
        self.tapped = False
        self.field.setFocus()

    def show_error(self, text: str) -> None:
        self.field.clear()
        self.error.setText(text)
        self.field.setFocus()
