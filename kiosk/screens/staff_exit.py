"""Leaving the fullscreen lockdown: only with the staff exit code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.screens.keypad_screen import KeypadScreen
from sync.runtime.about import about_text
from sync.runtime.widgets import label


class StaffExitScreen(KeypadScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("exit", max_length=8, secret=True, parent=parent)
        self.about = label("about", name="exit-about")
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.about)
        self.retranslate()

    def refuse(self) -> None:
        self.show_error(self.tr("Wrong code."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff: enter the exit code"))
        self.hint.setText(self.tr("Only for the committee's staff"))
        self.back_button.setText(self.tr("Back"))
        self.about.setText(about_text())
