"""A report as CSV (for spreadsheets) and as PDF (for printing and filing, with its
charts), in the language of the console."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QMarginsF, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene

from core.services.reports import Report
from staffdesk.charts import bar_chart
from staffdesk.messages import tr

CHART_SIZE = QSizeF(1000, 560)


def clinic_columns() -> list[str]:
    return [
        tr("Clinic"),
        tr("Tickets"),
        tr("Served"),
        tr("No-show"),
        tr("Cancelled"),
        tr("Transferred"),
        tr("Carried over"),
        tr("Average wait (min)"),
        tr("Longest wait (min)"),
        tr("Average service (min)"),
    ]


def exam_columns() -> list[str]:
    return [tr("Exam type"), tr("Visits"), tr("Completed"), tr("Cancelled")]


def clinic_rows(report: Report, language: str) -> list[list[str]]:
    return [
        [
            c.name_ar if language == "ar" else c.name_en,
            str(c.total),
            str(c.served),
            str(c.no_show),
            str(c.cancelled),
            str(c.transferred),
            str(c.carried_over),
            f"{c.avg_wait_s / 60:.1f}",
            f"{c.longest_wait_s / 60:.1f}",
            f"{c.avg_service_s / 60:.1f}",
        ]
        for c in report.clinics
    ]


def exam_rows(report: Report, exam_names: dict[str, str]) -> list[list[str]]:
    return [
        [exam_names.get(e.exam_type, e.exam_type), str(e.visits), str(e.completed), str(e.cancelled)]
        for e in report.exam_types
    ]


def period_name(period: str) -> str:
    names = {"daily": tr("Daily"), "weekly": tr("Weekly"), "monthly": tr("Monthly"), "annual": tr("Annual")}
    return names.get(period, period)


def report_title(report: Report) -> str:
    return tr("{period} report, {first} to {last}").format(
        period=period_name(report.period), first=report.first_day, last=report.last_day
    )


def write_csv(report: Report, path: Path, language: str, exam_names: dict[str, str]) -> None:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Arabic right."""
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow([report_title(report)])
        writer.writerow(clinic_columns())
        writer.writerows(clinic_rows(report, language))
        writer.writerow([])
        writer.writerow(exam_columns())
        writer.writerows(exam_rows(report, exam_names))


def report_charts(report: Report, language: str, exam_names: dict[str, str]) -> list[QChart]:
    """Tickets and served of the clinics that had any, and visits per exam type."""
    busy = [c for c in report.clinics if c.total]
    return [
        bar_chart(
            tr("Tickets and served per clinic"),
            [c.name_ar if language == "ar" else c.name_en for c in busy],
            [(tr("Tickets"), [c.total for c in busy]), (tr("Served"), [c.served for c in busy])],
            horizontal=True,
        ),
        bar_chart(
            tr("Visits per exam type"),
            [exam_names.get(e.exam_type, e.exam_type) for e in report.exam_types],
            [(tr("Visits"), [e.visits for e in report.exam_types])],
        ),
    ]


class _Sheet:
    """Writes lines and tables down A4 pages, right to left for Arabic."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, rtl: bool) -> None:
        self.writer, self.painter, self.rtl = writer, painter, rtl
        self.area = writer.pageLayout().paintRectPixels(writer.resolution())
        self.y = 0
        self.line = int(writer.resolution() * 0.22)

    def _room(self, height: int) -> None:
        if self.y + height > self.area.height():
            self.writer.newPage()
            self.y = 0

    def text(self, text: str, *, bold: bool = False, size: int = 10) -> None:
        font = QFont(self.painter.font())
        font.setPointSize(size)
        font.setBold(bold)
        self.painter.setFont(font)
        height = int(self.line * size / 10 * 1.3)
        self._room(height)
        align = Qt.AlignmentFlag.AlignRight if self.rtl else Qt.AlignmentFlag.AlignLeft
        self.painter.drawText(QRect(0, self.y, self.area.width(), height), align | Qt.AlignmentFlag.AlignVCenter, text)
        self.y += height

    def table(self, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        widths = [3] + [1] * (len(columns) - 1)
        unit = self.area.width() / sum(widths)
        for index, row in enumerate([list(columns), *rows]):
            font = QFont(self.painter.font())
            font.setPointSize(8)
            font.setBold(index == 0)
            self.painter.setFont(font)
            height = self.line * (2 if index == 0 else 1)
            self._room(height)
            x = 0.0
            for cell, width in zip(row, widths, strict=True):
                left = self.area.width() - x - width * unit if self.rtl else x
                box = QRectF(left, self.y, width * unit, height).toRect()
                self.painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, cell)
                x += width * unit
            self.y += height
            self.painter.drawLine(0, self.y, self.area.width(), self.y)
        self.y += self.line

    def chart(self, chart: QChart) -> None:
        """Draw `chart` laid out at a screen size, scaled onto the page (as vectors)."""
        height = int(self.area.height() * 0.38)
        self._room(height)
        scene = QGraphicsScene()
        scene.addItem(chart)
        chart.resize(QSizeF(CHART_SIZE))
        scene.render(self.painter, QRectF(0, self.y, self.area.width(), height), QRectF(QPointF(0, 0), CHART_SIZE))
        scene.removeItem(chart)
        chart.deleteLater()
        self.y += height + self.line


def write_pdf(report: Report, path: Path, language: str, exam_names: dict[str, str], site: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15))
    )
    writer.setResolution(150)
    writer.setTitle(report_title(report))
    writer.setCreator("MMC-MMS")
    painter = QPainter(writer)
    try:
        sheet = _Sheet(writer, painter, language == "ar")
        sheet.text(site, bold=True, size=14)
        sheet.text(report_title(report), bold=True, size=12)
        sheet.text(
            tr("Tickets: {tickets} · served: {served}").format(tickets=report.total_tickets, served=report.total_served)
        )
        sheet.table(clinic_columns(), clinic_rows(report, language))
        sheet.table(exam_columns(), exam_rows(report, exam_names))
        for chart in report_charts(report, language, exam_names):
            sheet.chart(chart)
    finally:
        painter.end()
