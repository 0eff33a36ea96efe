"""Printing a patient's ticket: one picture of it, sent to a PDF file, a printer of the
system (Qt's print system) or an ESC/POS thermal printer.

The ticket is drawn once, as an image, in the patient's language: thermal printers have
no Arabic fonts, and the same picture then prints the same everywhere.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter

from core.services.catalog import Catalog
from kiosk.flow import TicketCard
from kiosk.qr import qr_image
from sync.runtime.qt import FONT_FAMILIES, rtl_safe
from sync.runtime.widgets import Texts

log = logging.getLogger(__name__)
TICKET_WIDTH_PX = 576  # 72 mm at 203 dpi, the print width of an 80 mm roll
Ticket = Texts("Ticket")
"""The ticket's texts with a count (the others go through QCoreApplication.translate)."""


class PrintFailed(Exception):
    """The ticket could not be printed; the visit stands, the screen still shows it."""


class TicketPrinter(Protocol):
    def print_ticket(self, image: QImage) -> str:
        """Print and say where it went; raises PrintFailed."""
        ...


@dataclass(frozen=True)
class TicketLines:
    """The ticket's texts in one language, in printing order."""

    site: str
    number_caption: str
    number: str
    clinic: str
    ahead: str
    route_caption: str
    route: list[str]
    issued: str


def ticket_lines(card: TicketCard, catalog: Catalog, language: str) -> TicketLines:
    """The ticket's texts, for the printed ticket and the card on screen alike."""
    clinic = catalog.clinics.get(card.clinic)
    where = clinic.name(language) if clinic else card.clinic
    if clinic and clinic.room:
        where = QCoreApplication.translate("Ticket", "{clinic}, room {room}").format(clinic=where, room=clinic.room)
    route = []
    for index, code in enumerate(card.route, start=1):
        name = catalog.clinic_name(code, language)
        done = " \u2713" if code in card.completed else ""
        current = " \u25cf" if code == card.clinic else ""
        route.append(rtl_safe(f"{index}. {name}{done}{current}", language))
    return TicketLines(
        site=catalog.settings.name(language),
        number_caption=QCoreApplication.translate("Ticket", "Your number"),
        number=card.label,
        clinic=rtl_safe(where, language),
        ahead=" \u00b7 ".join(
            [
                Ticket.tr("%n people ahead", None, card.ahead),
                Ticket.tr("about %n min", None, card.wait_minutes),
            ]
        )
        if card.ahead
        else QCoreApplication.translate("Ticket", "Nobody is ahead of you"),
        route_caption=QCoreApplication.translate("Ticket", "Your route"),
        route=route,
        issued=card.issued_at.strftime("%Y-%m-%d %H:%M"),
    )


def render_ticket(card: TicketCard, catalog: Catalog, language: str, width: int = TICKET_WIDTH_PX) -> QImage:
    """The ticket as a black-on-white picture `width` pixels wide."""
    lines = ticket_lines(card, catalog, language)
    qr = qr_image(card.qr, scale=6)
    image = QImage(width, 2400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    direction = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    painter.setLayoutDirection(direction)
    margin, y = 16, 16

    def write(
        text: str, size: int, *, bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter
    ) -> None:
        nonlocal y
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(size)
        font.setBold(bold)
        painter.setFont(font)
        box = QRect(margin, y, width - 2 * margin, 1000)
        flags = int(align) | int(Qt.TextFlag.TextWordWrap)
        used = painter.boundingRect(box, flags, text)
        painter.drawText(QRect(margin, y, width - 2 * margin, used.height()), flags, text)
        y += used.height() + size // 3

    write(lines.site, 26, bold=True)
    write(lines.number_caption, 28)
    write(lines.number, 120, bold=True)
    write(lines.clinic, 36, bold=True)
    write(lines.ahead, 26)
    y += 8
    write(lines.route_caption, 26, bold=True)
    for step in lines.route:
        write(step, 26, align=Qt.AlignmentFlag.AlignLeading)
    y += 8
    painter.drawImage((width - qr.width()) // 2, y, qr)
    y += qr.height() + 8
    write(lines.issued, 22)
    painter.end()
    return image.copy(0, 0, width, y + margin)


def _paint_full_width(device: QPaintDevice, image: QImage, refusal: str) -> None:
    """Draw `image` across the whole width of a page, keeping its proportions."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintFailed(refusal)
    target = painter.viewport()
    painter.drawImage(QRect(0, 0, target.width(), target.width() * image.height() // image.width()), image)
    painter.end()


class PdfPrinter:
    """Writes each ticket to a PDF file in `folder`: the kiosk's printer when none is set up."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def print_ticket(self, image: QImage) -> str:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PrintFailed(str(error)) from error
        existing = sorted(self.folder.glob("ticket-*.pdf"))
        path = self.folder / f"ticket-{len(existing) + 1:06d}.pdf"
        writer = QPdfWriter(str(path))
        width_mm = 80.0
        height_mm = width_mm * image.height() / image.width()
        writer.setPageSize(QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        writer.setResolution(203)
        _paint_full_width(writer, image, f"cannot write {path}")
        return str(path)


class SystemPrinter:
    """A printer of the operating system, by name (or the default one), through Qt."""

    def __init__(self, name: str = "") -> None:
        self.name = name

    def print_ticket(self, image: QImage) -> str:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        info = QPrinterInfo.printerInfo(self.name) if self.name else QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrintFailed(f"no printer {self.name or '(default)'} on this system")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        _paint_full_width(printer, image, f"printer {info.printerName()} refused the job")
        return info.printerName()


class EscposPrinter:
    """A thermal receipt printer spoken to in ESC/POS (python-escpos): `file:/dev/usb/lp0`,
    `net:HOST[:PORT]` or `usb:VENDOR:PRODUCT` (hex)."""

    def __init__(self, target: str) -> None:
        self.target = target

    def _open(self) -> object:
        from escpos import printer

        kind, _, rest = self.target.partition(":")
        if kind == "file":
            return printer.File(rest)
        if kind == "net":
            host, _, port = rest.partition(":")
            return printer.Network(host, int(port or 9100), timeout=5)
        if kind == "usb":
            vendor, _, product = rest.partition(":")
            return printer.Usb(int(vendor, 16), int(product, 16))
        raise PrintFailed(f"unknown ESC/POS printer {self.target!r}")

    def print_ticket(self, image: QImage) -> str:
        from PIL import Image

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes only str
        picture = Image.open(io.BytesIO(buffer.data().data()))
        try:
            device = self._open()
            device.image(picture)  # type: ignore[attr-defined]
            device.cut()  # type: ignore[attr-defined]
            device.close()  # type: ignore[attr-defined]
        except PrintFailed:
            raise
        except Exception as error:
            log.warning("ticket printer %s failed: %s", self.target, error)
            raise PrintFailed(str(error)) from error
        return self.target


def make_printer(spec: str, pdf_folder: Path) -> TicketPrinter:
    """`pdf` (the default), `system` or `system:NAME`, or `escpos:...` (see EscposPrinter).
    `system` with no printer set up on the machine falls back to PDF files."""
    kind, _, rest = spec.partition(":")
    if kind == "escpos":
        return EscposPrinter(rest)
    if kind == "system":
        from PySide6.QtPrintSupport import QPrinterInfo

        if rest or not QPrinterInfo.defaultPrinter().isNull():
            return SystemPrinter(rest)
    return PdfPrinter(pdf_folder)
