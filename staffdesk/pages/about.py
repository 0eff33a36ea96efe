"""About: which build of the console this is, for IT and for a support call."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout

from core.changes import Changes
from staffdesk.desk import Desk
from staffdesk.messages import tr
from staffdesk.pages.common import Page
from sync.runtime.about import about_lines
from sync.runtime.widgets import label


class AboutPage(Page):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.title = label("page-title", name="about_title")
        self.site = label(name="about_site")
        self.lines = [label(name=f"about_line_{i}") for i in range(3)]
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.site, *self.lines):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(widget)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("MMC-MMS staff console"))
        for widget, text in zip(self.lines, about_lines(), strict=True):
            widget.setText(text)
        self.refresh()

    def shows(self, changes: Changes) -> bool:
        return changes.config or changes.everything

    def refresh(self) -> None:
        self.site.setText(self.desk.catalog.settings.name(self.language))
