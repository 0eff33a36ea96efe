"""The first screen: choose a language, then what to do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from sync.runtime.widgets import Screen, button, label


class WelcomeScreen(Screen):
    check_in = Signal()
    finished_clinic = Signal()
    where = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("title", name="welcome-title")
        self.hint = label("hint")
        self.arabic = button("lang-ar", "quiet")
        self.english = button("lang-en", "quiet")
        self.check_in_button = button("start-check-in", "primary")
        self.finished_button = button("start-finished")
        self.where_button = button("start-where")
        layout = QVBoxLayout(self)
        layout.setSpacing(24)
        languages = QHBoxLayout()
        languages.addStretch()
        languages.addWidget(self.arabic)
        languages.addWidget(self.english)
        languages.addStretch()
        layout.addLayout(languages)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(24)
        for widget in (self.check_in_button, self.finished_button, self.where_button):
            layout.addWidget(widget)
        layout.addStretch()
        self.arabic.clicked.connect(lambda: self.language_chosen.emit("ar"))
        self.english.clicked.connect(lambda: self.language_chosen.emit("en"))
        self.check_in_button.clicked.connect(self.check_in)
        self.finished_button.clicked.connect(self.finished_clinic)
        self.where_button.clicked.connect(self.where)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome"))
        self.hint.setText(self.tr("Touch what you want to do"))
        self.arabic.setText(self.tr("العربية"))
        self.english.setText(self.tr("English"))
        self.check_in_button.setText(self.tr("Check in for my examination"))
        self.finished_button.setText(self.tr("I finished a clinic"))
        self.where_button.setText(self.tr("Where am I?"))
