"""All clinics at a glance: waiting, in service, served, average and longest wait, and
patients served per hour; refreshed whenever the store changes."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from core.changes import Changes
from core.services.days import Closing, close_day
from core.services.reports import Dashboard, dashboard
from staffdesk.charts import bar_chart, chart_view, show_chart
from staffdesk.desk import Desk
from staffdesk.messages import tr
from staffdesk.pages.common import ConfirmBar, MessageLine, Page, fill, headers, table
from sync.runtime.widgets import button, label

CHART_CLINICS = 8


def minutes(seconds: int) -> str:
    return f"{seconds / 60:.0f}"


class DashboardPage(Page):
    permission = "view_reports"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.title = label("page-title", name="dashboard_title")
        self.totals = label(name="dashboard_totals")
        self.close_button = button("dashboard_close_day", "danger")
        self.confirm = ConfirmBar("dashboard_close_confirm")
        self.message = MessageLine("dashboard_message")
        self.close_button.clicked.connect(self._ask_close)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.close_button)
        self.grid = table("dashboard_clinics", 8)
        self.by_clinic = chart_view("dashboard_by_clinic")
        self.per_hour = chart_view("dashboard_per_hour")
        charts = QHBoxLayout()
        charts.addWidget(self.by_clinic, 3)
        charts.addWidget(self.per_hour, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addWidget(self.totals)
        layout.addWidget(self.grid, 2)
        layout.addLayout(charts, 3)
        self.figures: Dashboard | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.close_button.setText(tr("Close the day"))
        self.confirm.retranslate()
        headers(
            self.grid,
            [
                tr("Clinic"),
                tr("Waiting"),
                tr("Called"),
                tr("In service"),
                tr("Served"),
                tr("No-show"),
                tr("Average wait (min)"),
                tr("Longest wait (min)"),
            ],
        )
        self.refresh()

    def shows(self, changes: Changes) -> bool:
        return changes.touches_any_queue()

    def refresh(self) -> None:
        if self.desk.user is None:
            return
        now = self.desk.now()
        self.read(lambda db: dashboard(db, now=now), self._show)

    def _show(self, figures: Dashboard) -> None:
        self.figures = figures
        if figures.closed:
            self.title.setText(tr("Service day {day} in all clinics (closed)").format(day=figures.day))
        else:
            self.title.setText(tr("Service day {day} in all clinics").format(day=figures.day))
        name = "name_ar" if self.language == "ar" else "name_en"
        fill(
            self.grid,
            [
                (
                    getattr(c, name),
                    c.waiting,
                    c.called,
                    c.in_service,
                    c.served,
                    c.no_show,
                    minutes(c.avg_wait_s),
                    minutes(figures.longest_wait_s.get(c.clinic, 0)),
                )
                for c in figures.clinics
            ],
            [c.clinic for c in figures.clinics],
        )
        self.totals.setText(
            tr("Waiting {waiting} · called {called} · in service {serving} · served {served}").format(
                waiting=sum(c.waiting for c in figures.clinics),
                called=sum(c.called for c in figures.clinics),
                serving=sum(c.in_service for c in figures.clinics),
                served=sum(c.served for c in figures.clinics),
            )
        )
        busiest = sorted(
            (c for c in figures.clinics if c.waiting + c.called + c.in_service + c.served),
            key=lambda c: (c.waiting, c.served),
        )[-CHART_CLINICS:]
        show_chart(
            self.by_clinic,
            bar_chart(
                tr("Waiting and served, busiest clinics"),
                [getattr(c, name) for c in busiest],
                [
                    (tr("Waiting"), [c.waiting for c in busiest]),
                    (tr("Served"), [c.served for c in busiest]),
                ],
                horizontal=True,
            ),
        )
        hours = sorted(figures.served_per_hour) or [7]
        span = range(min(hours), max(hours) + 1)
        show_chart(
            self.per_hour,
            bar_chart(
                tr("Served per hour"),
                [f"{h:02d}" for h in span],
                [(tr("Served"), [figures.served_per_hour.get(h, 0) for h in span])],
            ),
        )

    def _ask_close(self) -> None:
        figures = self.figures
        if figures is None:
            return
        still_open = sum(c.waiting + c.called + c.in_service for c in figures.clinics)
        if self.closing_outcome() == "carry_over":
            question = tr(
                "Close service day {day}? The %n patients still waiting or in service keep their place "
                "in tomorrow's queues; nobody more can check in today.",
                None,
                still_open,
            )
        else:
            question = tr(
                "Close service day {day}? The %n patients still waiting or in service are marked no-show; "
                "nobody more can check in today.",
                None,
                still_open,
            )
        self.confirm.ask(question.format(day=figures.day), self._close)

    def closing_outcome(self) -> str:
        return self.desk.catalog.settings.open_tickets_at_close

    def _close(self) -> None:
        def said(closing: Closing) -> str:
            if closing.outcome == "carry_over":
                text = tr(
                    "Service day {day} is closed; %n patients were carried over to the next day.", None, closing.settled
                )
            else:
                text = tr(
                    "Service day {day} is closed; %n patients still open were marked no-show.", None, closing.settled
                )
            return text.format(day=closing.day)

        now = self.desk.now()
        self.act(self.message, lambda db, actor: close_day(db, actor, now=now), said)
