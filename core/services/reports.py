"""Per-clinic figures of a day, and the daily, weekly, monthly and annual reports.

Both read the clinics' running day counters (kept by the ticket transitions), so a
dashboard refresh costs one row per clinic and day, not a scan of the tickets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from core.clock import SITE_ZONE, from_iso, utc_now
from core.database import Database
from core.errors import InvalidInput
from core.permissions import Actor
from core.schema import Clinic, QueueCounter, Ticket, Visit
from core.services.call import service_call
from core.services.days import current_day, day_now, is_closed
from core.statuses import TicketStatus, VisitStatus

Period = Literal["daily", "weekly", "monthly", "annual"]
PERIODS: tuple[Period, ...] = ("daily", "weekly", "monthly", "annual")


@dataclass(frozen=True)
class ClinicFigures:
    clinic: str
    name_en: str
    name_ar: str
    total: int
    waiting: int
    called: int
    in_service: int
    served: int
    no_show: int
    cancelled: int
    avg_wait_s: int
    avg_service_s: int
    carried_over: int
    """Tickets still open when their day was closed and carried to the next day."""
    transferred: int = 0
    """Tickets closed by a transfer to another clinic."""
    longest_wait_s: int = 0
    """The longest wait, arrival to call, of the tickets that left the queue."""


def _figures(session: Session, first_day: str, last_day: str) -> list[ClinicFigures]:
    sums = (
        func.coalesce(func.sum(QueueCounter.issued), 0),
        func.coalesce(func.sum(QueueCounter.waiting), 0),
        func.coalesce(func.sum(QueueCounter.called), 0),
        func.coalesce(func.sum(QueueCounter.in_progress), 0),
        func.coalesce(func.sum(QueueCounter.served), 0),
        func.coalesce(func.sum(QueueCounter.no_show), 0),
        func.coalesce(func.sum(QueueCounter.cancelled), 0),
        func.coalesce(func.sum(QueueCounter.wait_total_s), 0),
        func.coalesce(func.sum(QueueCounter.wait_count), 0),
        func.coalesce(func.sum(QueueCounter.service_total_s), 0),
        func.coalesce(func.sum(QueueCounter.service_count), 0),
        func.coalesce(func.sum(QueueCounter.carried_over), 0),
        func.coalesce(func.sum(QueueCounter.transferred), 0),
        func.coalesce(func.max(QueueCounter.wait_max_s), 0),
    )
    rows = session.execute(
        select(Clinic.code, Clinic.name_en, Clinic.name_ar, *sums)
        .outerjoin(
            QueueCounter,
            (QueueCounter.clinic == Clinic.code) & QueueCounter.day.between(first_day, last_day),
        )
        .group_by(Clinic.code, Clinic.name_en, Clinic.name_ar, Clinic.sort_order)
        .order_by(Clinic.sort_order, Clinic.code)
    ).all()
    figures = []
    for code, en, ar, total, waiting, called, in_service, served, no_show, cancelled, *rest in rows:
        wait_total, wait_n, service_total, service_n, carried, transferred, wait_max = rest
        figures.append(
            ClinicFigures(
                clinic=code,
                name_en=en,
                name_ar=ar,
                total=total,
                waiting=waiting,
                called=called,
                in_service=in_service,
                served=served,
                no_show=no_show,
                cancelled=cancelled,
                avg_wait_s=wait_total // wait_n if wait_n else 0,
                avg_service_s=service_total // service_n if service_n else 0,
                carried_over=carried,
                transferred=transferred,
                longest_wait_s=wait_max,
            )
        )
    return figures


def clinic_stats(db: Database, *, day: str | None = None) -> list[ClinicFigures]:
    """Each clinic's figures for one day (today by default)."""
    with db.read() as session:
        target = day or current_day(session, utc_now())
        return _figures(session, target, target)


def period_bounds(period: Period, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the period containing `day`; weeks start on Sunday, as in Qatar."""
    if period == "daily":
        return day, day
    if period == "weekly":
        first = day - dt.timedelta(days=(day.weekday() + 1) % 7)
        return first, first + dt.timedelta(days=6)
    if period == "monthly":
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    return day.replace(month=1, day=1), day.replace(month=12, day=31)


@dataclass(frozen=True)
class ExamTypeFigures:
    exam_type: str
    visits: int
    completed: int
    cancelled: int


@dataclass(frozen=True)
class Report:
    period: Period
    first_day: str
    last_day: str
    clinics: list[ClinicFigures]
    exam_types: list[ExamTypeFigures]

    @property
    def total_tickets(self) -> int:
        return sum(c.total for c in self.clinics)

    @property
    def total_served(self) -> int:
        return sum(c.served for c in self.clinics)


def report(db: Database, actor: Actor, *, period: str, day: str | None = None) -> Report:
    chosen = next((p for p in PERIODS if p == period), None)
    if chosen is None:
        raise InvalidInput(detail=f"the period is one of {', '.join(PERIODS)}")
    try:
        anchor = dt.date.fromisoformat(day or day_now(db))
    except ValueError:
        raise InvalidInput(detail=f"{day!r} is not a date (YYYY-MM-DD)") from None
    first, last = period_bounds(chosen, anchor)
    with service_call(db, actor, "report", "view_reports", target=f"{period} {anchor}") as call:
        session = call.session
        clinics = _figures(session, first.isoformat(), last.isoformat())
        visit_rows = session.execute(
            select(
                Visit.exam_type,
                func.count(),
                func.sum(case((Visit.status == VisitStatus.COMPLETED, 1), else_=0)),
                func.sum(case((Visit.status == VisitStatus.CANCELLED, 1), else_=0)),
            )
            .where(Visit.day.between(first.isoformat(), last.isoformat()))
            .group_by(Visit.exam_type)
            .order_by(Visit.exam_type)
        ).all()
        exam_types = [
            ExamTypeFigures(exam_type=code, visits=n, completed=int(done or 0), cancelled=int(gone or 0))
            for code, n, done, gone in visit_rows
        ]
        return Report(chosen, first.isoformat(), last.isoformat(), clinics, exam_types)


@dataclass(frozen=True)
class Dashboard:
    day: str
    clinics: list[ClinicFigures]
    closed: bool
    """Whether staff (or the closing hour) closed this service day already."""
    longest_wait_s: dict[str, int]
    """Per clinic, the longest wait of the day: of those called, or of one still waiting."""
    served_per_hour: dict[int, int]
    """Patients served (tickets completed) in each local hour of the day, 0 to 23."""


def dashboard(db: Database, *, now: dt.datetime | None = None) -> Dashboard:
    """The supervisors' live view of today: the counters, plus the two figures they do not
    hold: how long each clinic's first waiting patient has waited (found through the queue
    index, one row per clinic) and completions per local hour (grouped by UTC hour in the
    database, a couple of dozen groups; the site's offsets are whole hours)."""
    at = now or utc_now()
    with db.read() as session:
        day = current_day(session, at)
        closed = is_closed(session, day)
        clinics = _figures(session, day, day)
        first_waiting = (
            select(Ticket.entered_at)
            .where(Ticket.clinic == bindparam("clinic"), Ticket.day == day, Ticket.status == TicketStatus.WAITING)
            .order_by(Ticket.order_key)
            .limit(1)
        )
        longest = {}
        for figures in clinics:
            longest[figures.clinic] = figures.longest_wait_s
            if figures.waiting:
                entered = session.scalar(first_waiting, {"clinic": figures.clinic})
                if entered is not None:
                    waiting_now = int((at - from_iso(entered)).total_seconds())
                    longest[figures.clinic] = max(longest[figures.clinic], waiting_now)
        utc_hour = func.substr(Ticket.completed_at, 1, 13)
        hourly = session.execute(
            select(utc_hour, func.count())
            .where(
                Ticket.clinic.in_([c.clinic for c in clinics if c.served]),
                Ticket.day == day,
                Ticket.status == TicketStatus.COMPLETED,
            )
            .group_by(utc_hour)
        ).all()
    per_hour: dict[int, int] = {}
    for hour, count in hourly:
        local = dt.datetime.fromisoformat(f"{hour}:00+00:00").astimezone(SITE_ZONE).hour
        per_hour[local] = per_hour.get(local, 0) + count
    return Dashboard(day, clinics, closed, longest, per_hour)
