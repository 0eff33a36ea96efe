"""The exam types of the site, by name in the patient's language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from core.services.catalog import ExamChoice
from sync.runtime.widgets import Screen, button, label


class ExamScreen(Screen):
    chosen = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.error = label("error", name="exam-error")
        self.grid = QGridLayout()
        self.grid.setSpacing(32)
        self.buttons: dict[str, QPushButton] = {}
        self.choices: list[ExamChoice] = []
        self.back_button = button("exam-back", "quiet")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addStretch()
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        layout.addStretch()
        layout.addWidget(self.back_button)
        self.back_button.clicked.connect(self.back)
        self.retranslate()

    def set_choices(self, choices: list[ExamChoice], language: str) -> None:
        self.language = language
        for existing in self.buttons.values():
            self.grid.removeWidget(existing)
            existing.hide()
            existing.deleteLater()
        self.buttons = {}
        self.choices = choices
        for index, choice in enumerate(choices):
            widget = button(f"exam-{choice.code}", "primary")
            widget.clicked.connect(lambda _=False, code=choice.code: self.chosen.emit(code))
            self.grid.addWidget(widget, index // 2, index % 2)
            self.buttons[choice.code] = widget
        self.error.clear()
        self.retranslate()

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose your examination"))
        self.back_button.setText(self.tr("Back"))
        for choice in self.choices:
            self.buttons[choice.code].setText(choice.name(self.language))
