"""What every screen of the product shares: styled labels and buttons, and live retranslation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from core.clock import SITE_ZONE

if TYPE_CHECKING:
    from sync.client import SyncStatus


class Texts:
    """The texts of one translation context used outside a widget of that name, the ones
    with a count among them: `Sync.tr("%n waiting to send", None, count)`.

    pyside6-lupdate files `Sync.tr(...)` under the context "Sync" and, with a third
    argument, as a text with plural forms. `QCoreApplication.translate(context, text,
    None, count)` would not do: lupdate reads a name in the fourth place as the old
    encoding argument, so the text loses its plural forms, and with an attribute there
    (`card.ahead`) the text is not found at all."""

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.context, text, disambiguation, n)


Sync = Texts("Sync")


def label(role: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    widget = QLabel()
    widget.setWordWrap(wrap)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    return widget


def button(name: str, role: str = "") -> QPushButton:
    widget = QPushButton()
    widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if role:
        widget.setProperty("role", role)
    return widget


class Screen(QWidget):
    """A screen sets its texts in `retranslate`, called at build and on a language switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "ar"

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def restyle(widget: QWidget, role: str) -> None:
    """Give `widget` another style role and have the style sheet apply it now."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.updateGeometry()


def show_offline_mark(mark: QLabel, status: SyncStatus | None) -> None:
    """What patients and the hall see of sync: a small "Offline" while the station works
    on its own, nothing otherwise (their screens go on working either way)."""
    mark.setText(QCoreApplication.translate("Sync", "Offline"))
    mark.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    restyle(mark, "badge-offline")
    mark.setVisible(status is not None and not status.online)


def show_sync_badge(badge: QLabel, status: SyncStatus) -> None:
    """The small sync indicator every station shows: online, or offline since when with
    how much waits to be sent; a full disk first of all, and a clock that is off."""
    role = "badge-offline"
    if status.storage_full:
        text = Sync.tr("Disk full: nothing new can be saved \u00b7 %n waiting to send", None, status.ops_waiting)
    elif status.online:
        text, role = QCoreApplication.translate("Sync", "Online"), "badge-online"
    else:
        since = status.offline_since.astimezone(SITE_ZONE).strftime("%H:%M") if status.offline_since else ""
        text = Sync.tr("Offline since {time} \u00b7 %n waiting to send", None, status.ops_waiting).format(time=since)
    if status.clock_is_off:
        minutes = max(1, round(abs(status.clock_skew_s) / 60))
        warning = QCoreApplication.translate("Sync", "this computer's clock is off by {offset} (hours:minutes)").format(
            offset=f"{minutes // 60}:{minutes % 60:02d}"
        )
        text, role = (
            QCoreApplication.translate("Sync", "{state} \u00b7 warning: {warning}").format(state=text, warning=warning),
            "badge-offline",
        )
    badge.setText(text)
    badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    restyle(badge, role)
    badge.show()
