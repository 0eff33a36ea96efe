from __future__ import annotations

import datetime as dt

import pytest

from core.errors import InvalidInput, PermissionDenied
from core.services import queue
from core.services.checkin import check_in
from core.services.reports import clinic_stats, period_bounds, report
from core.store import Store
from tests.conftest import KIOSK, STAFF, SUPERVISOR


@pytest.mark.parametrize(
    ("period", "day", "bounds"),
    [
        ("daily", "2026-11-22", ("2026-11-22", "2026-11-22")),
        ("weekly", "2026-11-25", ("2026-11-22", "2026-11-28")),
        ("weekly", "2026-11-22", ("2026-11-22", "2026-11-28")),
        ("monthly", "2026-02-10", ("2026-02-01", "2026-02-28")),
        ("monthly", "2026-12-31", ("2026-12-01", "2026-12-31")),
        ("annual", "2026-06-15", ("2026-01-01", "2026-12-31")),
    ],
)
def test_period_bounds(period: str, day: str, bounds: tuple[str, str]) -> None:
    first, last = period_bounds(period, dt.date.fromisoformat(day))  # type: ignore[arg-type]
    assert (first.isoformat(), last.isoformat()) == bounds


def _busy_days(store: Store, morning: dt.datetime) -> None:
    for day, count in ((0, 3), (1, 2), (8, 4)):
        at = morning + dt.timedelta(days=day)
        for n in range(count):
            check_in(store.db, KIOSK, id_number=f"284{day:04d}{n:04d}", gender="male", exam_type="travel", now=at)
        called = queue.call_next(store.db, STAFF, clinic="vitals", now=at + dt.timedelta(minutes=10))
        queue.complete(store.db, STAFF, ticket_id=called.ticket_id, now=at + dt.timedelta(minutes=15))


def test_daily_stats_per_clinic(store: Store, morning: dt.datetime) -> None:
    _busy_days(store, morning)
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.total, vitals.waiting, vitals.served, vitals.avg_wait_s, vitals.avg_service_s) == (
        3,
        2,
        1,
        600,
        300,
    )


def test_weekly_monthly_annual_reports_add_up_the_days(store: Store, morning: dt.datetime) -> None:
    _busy_days(store, morning)
    totals = {
        p: report(store.db, SUPERVISOR, period=p, day="2026-11-22").total_tickets
        for p in ("daily", "weekly", "monthly", "annual")
    }
    assert totals == {"daily": 4, "weekly": 7, "monthly": 12, "annual": 12}, "each completion issues the next ticket"
    weekly = report(store.db, SUPERVISOR, period="weekly", day="2026-11-22")
    assert weekly.total_served == 2
    assert [(e.exam_type, e.visits) for e in weekly.exam_types] == [("travel", 5)]


def test_bad_report_requests_are_refused(store: Store) -> None:
    with pytest.raises(InvalidInput):
        report(store.db, SUPERVISOR, period="hourly")
    with pytest.raises(InvalidInput):
        report(store.db, SUPERVISOR, period="daily", day="22/11/2026")
    with pytest.raises(PermissionDenied):
        report(store.db, STAFF, period="daily")
