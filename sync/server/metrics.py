"""What the server's /metrics says (Prometheus), named by Prometheus's conventions.

Labels are bounded: a route is its template (`/v1/ops`, never a raw path; `unmatched`
for a path no route has), a status is its class (`2xx`, `4xx`, `5xx`), and a device is its
station code (as many as the site enrolled). The rules that watch these are in
resources/monitoring/alerts.yml.

- `mmc_requests_total{route, method, status_class}`: requests answered (a client that hung
  up counts as 499, in 4xx);
- `mmc_request_seconds{route}`: time to answer, a histogram; a pull that asked to wait
  (long polling) is left out, since waiting is what it asked for;
- `mmc_ops_total{outcome}`: pushed ops by the server's answer;
- `mmc_database_errors_total`: requests and health checks that failed on the database
  (connection refused or lost, locked, read-only...); `mmc_database_up`: 1 when the
  database answered `SELECT 1` at this scrape;
- per enrolled device (revoked ones left out), from its last health report: its last
  report's time, circuit breaker, clock skew, free disk, disk full, outbox size and age,
  and its version (`mmc_device_info`);
- patient notifications (sync.server.notify), per notifier: deliveries by state
  (`mmc_notify_deliveries{notifier, status}`: pending, delivered, failed, expired) and the
  age of the oldest still pending (`mmc_notify_oldest_pending_seconds`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import exc, func, select, text

from core.clock import from_iso, utc_now
from core.database import Database
from core.schema import NotifyDelivery, NotifyEvent
from sync.server.health import devices_health
from sync.server.notify.queue import PENDING

DATABASE_ERRORS = (exc.OperationalError, exc.InterfaceError)
"""Errors that say the database cannot be reached or used, not that a statement was wrong."""


def status_class(status: int) -> str:
    return f"{status // 100}xx"


def is_long_poll(method: str, route: str, wait: str | None) -> bool:
    """A pull that asked the server to wait for new ops (`GET /v1/ops?wait=S`, S > 0)."""
    if method != "GET" or route != "/v1/ops" or not wait:
        return False
    try:
        return float(wait) > 0
    except ValueError:
        return False


@dataclass
class Metrics:
    registry: CollectorRegistry
    requests: Counter
    ops: Counter
    latency: Histogram
    database_errors: Counter

    @classmethod
    def create(cls, db: Database) -> Metrics:
        registry = CollectorRegistry()
        registry.register(ServerAndDevices(db))
        return cls(
            registry,
            Counter(
                "mmc_requests",
                "HTTP requests answered, by route template, method and status class",
                ["route", "method", "status_class"],
                registry=registry,
            ),
            Counter("mmc_ops", "Pushed ops by the server's answer", ["outcome"], registry=registry),
            Histogram(
                "mmc_request_seconds",
                "Time to answer a request (pulls that asked to wait are left out)",
                ["route"],
                registry=registry,
            ),
            Counter(
                "mmc_database_errors",
                "Requests and health checks that failed on the database (unreachable, lost, locked)",
                registry=registry,
            ),
        )

    def request(self, route: str, method: str, status: int, seconds: float, *, long_poll: bool) -> None:
        self.requests.labels(route, method, status_class(status)).inc()
        if not long_poll:
            self.latency.labels(route).observe(seconds)


class ServerAndDevices(Collector):
    """Read at each scrape: whether the database answers, and each device's last health
    report (the devices report with their syncs, about once a minute)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("mmc_database_up", "1 when the database answered SELECT 1 at this scrape")
        try:
            with self.db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            up.add_metric([], 1)
        except exc.DBAPIError:
            up.add_metric([], 0)
            yield up
            return
        yield up
        now = utc_now()
        yield from device_metrics(self.db, now)
        yield from notify_metrics(self.db, now)


def _gauge(name: str, documentation: str, labels: tuple[str, ...] = ("station",)) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, labels=list(labels))


def device_metrics(db: Database, now: dt.datetime) -> Iterator[Metric]:
    """Gauges per enrolled device, labelled by its station code."""
    enrolled = _gauge("mmc_device_enrolled", "1 for each enrolled device, reporting or not", ("station", "kind"))
    info = _gauge("mmc_device_info", "The version a device last reported", ("station", "kind", "version"))
    last = _gauge("mmc_device_last_report_timestamp_seconds", "When the device last reported its health (Unix time)")
    breaker = _gauge("mmc_device_breaker_open", "1 while the device's circuit breaker to the server is open")
    skew = _gauge("mmc_device_clock_skew_seconds", "The device's clock minus the server's, before it corrects it")
    free = _gauge("mmc_device_free_disk_bytes", "Free space under the device's store")
    full = _gauge("mmc_device_storage_full", "1 while the device refuses new work for a full disk")
    outbox = _gauge("mmc_device_outbox_ops", "Ops the device holds that the server has not answered")
    oldest = _gauge("mmc_device_outbox_oldest_seconds", "Age of the oldest op in the device's outbox (0: empty)")
    for row in devices_health(db, now):
        if row.revoked:
            continue
        enrolled.add_metric([row.station, row.kind], 1)
        report = row.report
        if report is None or row.reported_at is None:
            continue
        station = [row.station]
        info.add_metric([row.station, row.kind, report.version], 1)
        last.add_metric(station, from_iso(row.reported_at).timestamp())
        breaker.add_metric(station, 0 if report.breaker == "closed" else 1)
        skew.add_metric(station, report.clock_skew_s)
        if report.free_disk_bytes is not None:
            free.add_metric(station, report.free_disk_bytes)
        full.add_metric(station, 1 if report.storage_full else 0)
        outbox.add_metric(station, report.ops_waiting)
        oldest.add_metric(station, report.oldest_waiting_s or 0)
    yield from (enrolled, info, last, breaker, skew, free, full, outbox, oldest)


def notify_metrics(db: Database, now: dt.datetime) -> Iterator[Metric]:
    """Gauges of the notification queue, per notifier (as many as the site configured)."""
    deliveries = _gauge("mmc_notify_deliveries", "Notification deliveries by state", ("notifier", "status"))
    oldest = _gauge(
        "mmc_notify_oldest_pending_seconds", "Age of the oldest notification not yet delivered", ("notifier",)
    )
    with db.read() as session:
        for notifier, status, count in session.execute(
            select(NotifyDelivery.notifier, NotifyDelivery.status, func.count()).group_by(
                NotifyDelivery.notifier, NotifyDelivery.status
            )
        ):
            deliveries.add_metric([notifier, status], count)
        for notifier, created in session.execute(
            select(NotifyDelivery.notifier, func.min(NotifyEvent.created_at))
            .join(NotifyEvent, NotifyEvent.event_id == NotifyDelivery.event_id)
            .where(NotifyDelivery.status == PENDING)
            .group_by(NotifyDelivery.notifier)
        ):
            oldest.add_metric([notifier], max(0.0, (now - from_iso(created)).total_seconds()))
    yield from (deliveries, oldest)
