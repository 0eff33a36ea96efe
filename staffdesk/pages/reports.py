"""Daily, weekly, monthly and annual reports per clinic and exam type, exported to CSV
and PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QVBoxLayout

from core.services.catalog import load_catalog
from core.services.days import day_now
from core.services.reports import PERIODS, Report, report
from staffdesk.desk import Desk
from staffdesk.messages import tr
from staffdesk.pages.common import MessageLine, Page, fill, headers, table
from staffdesk.report_export import (
    clinic_columns,
    clinic_rows,
    exam_columns,
    exam_rows,
    period_name,
    report_title,
    write_csv,
    write_pdf,
)
from sync.runtime.widgets import button, label


def ask_save_path(parent: Page, suffix: str) -> Path | None:
    """The file dialog (the user picks where the export goes)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, tr("Save the report"), f"report.{suffix}", f"*.{suffix}")
    return Path(chosen) if chosen else None


class ReportsPage(Page):
    permission = "view_reports"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.period = QComboBox()
        self.period.setObjectName("reports_period")
        self.day = QDateEdit()
        self.day.setObjectName("reports_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setLocale(QLocale.c())
        self.day.setDate(QDate.fromString(day_now(desk.db), "yyyy-MM-dd"))
        self.show_button = button("reports_show", "primary")
        self.csv = button("reports_csv")
        self.pdf = button("reports_pdf")
        self.title = label("page-title", name="reports_title")
        self.clinics = table("reports_clinics", 8)
        self.exams = table("reports_exams", 4)
        self.message = MessageLine("reports_message")
        controls = QHBoxLayout()
        for widget in (self.period, self.day, self.show_button, self.csv, self.pdf):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.title)
        layout.addWidget(self.clinics, 2)
        layout.addWidget(self.exams, 1)
        layout.addWidget(self.message)
        self.show_button.clicked.connect(self.show_report)
        self.csv.clicked.connect(lambda: self.export("csv"))
        self.pdf.clicked.connect(lambda: self.export("pdf"))
        self.ask_path: Callable[[Page, str], Path | None] = ask_save_path
        self.current: Report | None = None
        self.retranslate()

    def retranslate(self) -> None:
        chosen = self.period.currentIndex()
        self.period.clear()
        for period in PERIODS:
            self.period.addItem(period_name(period), period)
        self.period.setCurrentIndex(max(chosen, 0))
        self.show_button.setText(tr("Show"))
        self.csv.setText(tr("Export CSV"))
        self.pdf.setText(tr("Export PDF"))
        headers(self.clinics, clinic_columns())
        headers(self.exams, exam_columns())
        if self.current is not None:
            self._show(self.current)

    def _exam_names(self) -> dict[str, str]:
        return {e.code: e.name(self.language) for e in load_catalog(self.desk.db).exam_types}

    def show_report(self) -> None:
        def run() -> None:
            self.current = self.desk.act(
                report, period=str(self.period.currentData()), day=self.day.date().toString("yyyy-MM-dd")
            )
            self._show(self.current)

        self.attempt(self.message, run)

    def _show(self, shown: Report) -> None:
        self.title.setText(report_title(shown))
        fill(self.clinics, clinic_rows(shown, self.language))
        fill(self.exams, exam_rows(shown, self._exam_names()))

    def export(self, suffix: str) -> None:
        if self.current is None:
            self.show_report()
        shown = self.current
        if shown is None:
            return
        path = self.ask_path(self, suffix)
        if path is None:
            return
        if path.suffix != f".{suffix}":
            path = path.with_name(path.name + f".{suffix}")
        try:
            if suffix == "csv":
                write_csv(shown, path, self.language, self._exam_names())
            else:
                site = load_catalog(self.desk.db).settings.site_name
                write_pdf(shown, path, self.language, self._exam_names(), site)
        except OSError as error:
            self.message.error(tr("The report could not be saved: {reason}").format(reason=error.strerror or error))
            return
        self.message.info(tr("Saved {path}").format(path=path))
