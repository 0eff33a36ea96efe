"""The kiosk's own on-screen numeric keypad (Qt Virtual Keyboard is GPL or commercial)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget


class Keypad(QWidget):
    """Digits 0-9, delete and clear, typing into `field`; `submitted` on OK."""

    submitted = Signal(str)
    edited = Signal()
    """A key other than OK was tapped."""

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # 1-2-3 from the left, as on every phone
        grid = QGridLayout(self)
        grid.setSpacing(14)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            self._add(grid, digit, index // 3, index % 3)
        self.clear_button = self._key(grid, 3, 0)
        self._add(grid, "0", 3, 1)
        self.delete_button = self._key(grid, 3, 2)
        self.ok_button = QPushButton()
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setObjectName("keypad-ok")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        grid.addWidget(self.ok_button, 4, 0, 1, 3)
        self.clear_button.clicked.connect(self.field.clear)
        self.delete_button.clicked.connect(self.field.backspace)
        for key in (self.clear_button, self.delete_button):
            key.clicked.connect(self.edited)
        self.ok_button.clicked.connect(lambda: self.submitted.emit(self.field.text()))
        self.field.returnPressed.connect(lambda: self.submitted.emit(self.field.text()))
        self.retranslate()

    def _key(self, grid: QGridLayout, row: int, column: int) -> QPushButton:
        button = QPushButton()
        button.setProperty("role", "key")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        grid.addWidget(button, row, column)
        return button

    def _add(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        button = self._key(grid, row, column)
        button.setText(digit)
        button.setObjectName(f"key-{digit}")
        button.clicked.connect(lambda: self.field.insert(digit))
        button.clicked.connect(self.edited)
        self.digit_buttons[digit] = button

    def press(self, digits: str) -> None:
        """Tap the digit keys in turn (used by tests and the staff exit screen)."""
        for digit in digits:
            self.digit_buttons[digit].click()

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear"))
        self.delete_button.setText(self.tr("Delete"))
        self.ok_button.setText(self.tr("OK"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
