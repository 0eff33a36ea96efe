"""Male or female: routes and some clinics differ."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.style import APART_PX
from sync.runtime.widgets import Screen, button, label


class GenderScreen(Screen):
    chosen = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.male = button("gender-male", "primary")
        self.female = button("gender-female", "primary")
        self.back_button = button("gender-back", "quiet")
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(APART_PX)
        row.addWidget(self.male)
        row.addWidget(self.female)
        layout.addLayout(row)
        layout.addStretch()
        layout.addWidget(self.back_button)
        self.male.clicked.connect(lambda: self.chosen.emit("male"))
        self.female.clicked.connect(lambda: self.chosen.emit("female"))
        self.back_button.clicked.connect(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose your gender"))
        self.male.setText(self.tr("Male"))
        self.female.setText(self.tr("Female"))
        self.back_button.setText(self.tr("Back"))
