"""Daily, weekly, monthly and annual reports per clinic and exam type, exported to CSV
and PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStandardPaths
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QVBoxLayout

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
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    start = str(Path(folder) / f"report.{suffix}") if folder else f"report.{suffix}"
    chosen, _ = QFileDialog.getSaveFileName(parent, tr("Save the report"), start, f"*.{suffix}")
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
        self.day_known = False
        self.show_button = button("reports_show", "primary")
        self.csv = button("reports_csv")
        self.pdf = button("reports_pdf")
        self.title = label("page-title", name="reports_title")
        self.clinics = table("reports_clinics", 10)
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

    def refresh(self) -> None:
        """The first time the page is opened, its day is the service day going on."""
        if self.day_known or self.desk.user is None:
            return
        self.day_known = True
        now = self.desk.now()
        self.read(lambda db: day_now(db, now), lambda day: self.day.setDate(QDate.fromString(day, "yyyy-MM-dd")))

    def _exam_names(self) -> dict[str, str]:
        return {e.code: e.name(self.language) for e in self.desk.catalog.exam_types}

    def show_report(self) -> None:
        self._make_report(lambda _: None)

    def _make_report(self, then: Callable[[Report], None]) -> None:
        period, day = str(self.period.currentData()), self.day.date().toString("yyyy-MM-dd")

        def shown(made: Report) -> None:
            self.current = made
            self._show(made)
            then(made)

        self.act(self.message, lambda db, actor: report(db, actor, period=period, day=day), shown)

    def _show(self, shown: Report) -> None:
        self.title.setText(report_title(shown))
        fill(self.clinics, clinic_rows(shown, self.language))
        fill(self.exams, exam_rows(shown, self._exam_names()))

    def export(self, suffix: str) -> None:
        if self.current is None:
            self._make_report(lambda made: self._export(made, suffix))
        else:
            self._export(self.current, suffix)

    def _export(self, shown: Report, suffix: str) -> None:
        path = self.ask_path(self, suffix)
        if path is None:
            return
        if path.suffix != f".{suffix}":
            path = path.with_name(path.name + f".{suffix}")
        try:
            if suffix == "csv":
                write_csv(shown, path, self.language, self._exam_names())
            else:
                site = self.desk.catalog.settings.name(self.language)
                write_pdf(shown, path, self.language, self._exam_names(), site)
        except OSError as error:
            self.message.error(tr("The report could not be saved: {reason}").format(reason=error.strerror or error))
            return
        self.message.info(tr("Saved {path}").format(path=path))
