"""Monitoring: the server's /metrics, named and labelled by Prometheus's conventions, with
each enrolled device's health as it last reported it, scraped from a real server with the
metrics token Prometheus uses; the alert rules shipped in resources/monitoring pass
`promtool check rules`, and `promtool test rules` shows each alert firing on a bad
synthetic series and quiet on a healthy one."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample
from sqlalchemy import select

from core.clock import to_iso, utc_now
from core.ids import new_id
from core.ops.log import identity
from core.permissions import SYSTEM
from core.schema import NotifyDelivery
from core.services.config import revoke_device
from core.version import build_info
from sync.client import SyncClient
from sync.protocol import HealthReport
from sync.server.app import create_app
from sync.server.notify.events import Derived
from sync.server.notify.queue import DELIVERED, enqueue, settle
from sync.server.run import RunningServer, serve_in_thread
from tests.sync.conftest import Site

MONITORING = Path(__file__).resolve().parents[2] / "resources" / "monitoring"
TOKEN = "scrape-token-for-prometheus"


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("promtool must be installed in CI (scripts/bootstrap.sh installs Debian's prometheus)")
        pytest.skip("promtool is not installed (Debian: apt-get install prometheus)")
    return found


def run(*command: str | Path, cwd: Path = MONITORING) -> str:
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_alert_rules_pass_promtool_check_rules() -> None:
    said = run(promtool(), "check", "rules", "alerts.yml")
    assert "SUCCESS: 10 rules found" in said


def test_each_alert_fires_on_a_bad_series_and_not_on_a_healthy_one() -> None:
    run(promtool(), "test", "rules", "alerts_test.yml")
    rules = yaml.safe_load((MONITORING / "alerts.yml").read_text())
    alerts = {rule["alert"] for group in rules["groups"] for rule in group["rules"]}
    tests = yaml.safe_load((MONITORING / "alerts_test.yml").read_text())["tests"]
    fired = {case["alertname"] for test in tests for case in test["alert_rule_test"] if case.get("exp_alerts")}
    quiet = {case["alertname"] for test in tests for case in test["alert_rule_test"] if not case.get("exp_alerts")}
    assert fired == alerts, "every alert is shown firing"
    healthy_beside_bad = {"MmcCircuitBreakerOpen", "MmcOutboxStale", "MmcClockOff", "MmcDiskLow"}
    assert quiet | healthy_beside_bad == alerts, "every alert is shown quiet on a healthy series"


def test_the_sample_prometheus_configuration_passes_promtool(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN)
    shutil.copy(MONITORING / "alerts.yml", tmp_path)
    sample = (MONITORING / "prometheus.yml").read_text()
    assert "/usr/share/mmc-mms/monitoring/alerts.yml" in sample and "credentials_file" in sample
    local = sample.replace("/usr/share/mmc-mms/monitoring/alerts.yml", "alerts.yml")
    (tmp_path / "prometheus.yml").write_text(local.replace("/etc/prometheus/mmc-metrics-token", str(token)))
    said = run(promtool(), "check", "config", "prometheus.yml", cwd=tmp_path)
    assert "SUCCESS" in said


@pytest.fixture
def scraped(site: Site) -> Iterator[RunningServer]:
    """A second server over the site's database that takes the metrics token, as
    `mmc server run` does with MMC_METRICS_TOKEN."""
    running = serve_in_thread(create_app(site.db, metrics_token=TOKEN))
    yield running
    running.stop()


def scrape(server: RunningServer) -> list[Sample]:
    answer = httpx.get(f"{server.url}/metrics", headers={"authorization": f"Bearer {TOKEN}"}, timeout=10)
    assert answer.status_code == 200, answer.text
    return [sample for family in text_string_to_metric_families(answer.text) for sample in family.samples]


def value(samples: list[Sample], name: str, **labels: str) -> float | None:
    found = [s.value for s in samples if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())]
    assert len(found) <= 1, f"{name}{labels} is not one series"
    return found[0] if found else None


def station_of(client: SyncClient) -> str:
    with client.store.db.read() as session:
        return identity(session).station


@pytest.mark.anyio
async def test_each_devices_health_is_on_metrics_after_it_reports(site: Site, scraped: RunningServer) -> None:
    kiosk = await site.device("kiosk", "kiosk")
    display = await site.device("display", "display")
    retired = await site.device("retired", "kiosk")
    await kiosk.report_health(now=True)
    await display.link.report_health(
        HealthReport(
            version="0.0.9",
            clock_skew_s=-95.5,
            free_disk_bytes=100 * 1024 * 1024,
            storage_full=False,
            ops_waiting=7,
            oldest_waiting_s=420.0,
            breaker="open",
        )
    )
    await retired.report_health(now=True)
    with retired.store.db.read() as session:
        revoke_device(site.db, SYSTEM, device_id=identity(session).device_id)
    k, d, gone = station_of(kiosk), station_of(display), station_of(retired)

    scrape(scraped)
    samples = scrape(scraped)

    assert value(samples, "mmc_database_up") == 1
    assert value(samples, "mmc_device_info", station=k, kind="kiosk", version=build_info().version) == 1
    assert value(samples, "mmc_device_info", station=d, kind="display", version="0.0.9") == 1
    assert value(samples, "mmc_device_breaker_open", station=k) == 0
    assert value(samples, "mmc_device_breaker_open", station=d) == 1
    assert value(samples, "mmc_device_clock_skew_seconds", station=d) == -95.5
    assert value(samples, "mmc_device_free_disk_bytes", station=d) == 100 * 1024 * 1024
    assert value(samples, "mmc_device_storage_full", station=d) == 0
    assert value(samples, "mmc_device_outbox_ops", station=d) == 7
    assert value(samples, "mmc_device_outbox_oldest_seconds", station=d) == 420
    reported = value(samples, "mmc_device_last_report_timestamp_seconds", station=k)
    assert reported is not None and abs(reported - time.time()) < 60
    assert not [s for s in samples if s.labels.get("station") == gone], "a revoked device is not watched"
    assert value(samples, "mmc_device_enrolled", station=d, kind="display") == 1
    used = set(re.findall(r"mmc_[a-z_]+", (MONITORING / "alerts.yml").read_text())) - NOTIFY_SERIES
    assert used <= {s.name for s in samples}, "the alert rules watch series the server exposes"


NOTIFY_SERIES = {"mmc_notify_oldest_pending_seconds"}
"""Series there only while the site sends patient messages (shown by the test below)."""


@pytest.mark.anyio
async def test_the_notification_queue_is_on_metrics(site: Site, scraped: RunningServer) -> None:
    now = utc_now()
    late, fresh, sent = (
        Derived(new_id(), "called", new_id(), to_iso(now - dt.timedelta(minutes=minutes)), {})
        for minutes in (15, 1, 20)
    )
    with site.db.write() as session:
        enqueue(session, [], [late, fresh, sent], ["sms"], due_ms=0)
        enqueue(session, [], [fresh], ["webhook"], due_ms=0)
        delivered = session.scalar(select(NotifyDelivery.id).where(NotifyDelivery.event_id == sent.event_id))
        assert delivered is not None
        settle(session, delivered, DELIVERED, at=to_iso(now))
    samples = scrape(scraped)
    assert value(samples, "mmc_notify_deliveries", notifier="sms", status="pending") == 2
    assert value(samples, "mmc_notify_deliveries", notifier="sms", status="delivered") == 1
    assert value(samples, "mmc_notify_deliveries", notifier="webhook", status="pending") == 1
    oldest = value(samples, "mmc_notify_oldest_pending_seconds", notifier="sms")
    assert oldest is not None and 15 * 60 <= oldest < 16 * 60
    assert {s.name for s in samples} >= NOTIFY_SERIES


@pytest.mark.anyio
async def test_requests_are_counted_by_route_template_and_status_class(site: Site, scraped: RunningServer) -> None:
    kiosk = await site.device("kiosk", "kiosk")
    device = {"authorization": f"Bearer {kiosk.link.token}"}
    with httpx.Client(base_url=scraped.url, headers=device, timeout=10) as http:
        before = scrape(scraped)
        assert http.get("/v1/ops", params={"after": 0}).status_code == 200
        assert http.get("/v1/ops", params={"after": 10**6, "wait": 0.3}).status_code == 200
        assert http.get("/v1/devices/health").status_code == 403
        assert http.get("/v1/no/such/path/12345").status_code == 404
    after = scrape(scraped)

    def grew(name: str, **labels: str) -> float:
        return (value(after, name, **labels) or 0) - (value(before, name, **labels) or 0)

    assert grew("mmc_requests_total", route="/v1/ops", method="GET", status_class="2xx") == 2
    assert grew("mmc_request_seconds_count", route="/v1/ops") == 1, "the pull that waited is not timed"
    assert grew("mmc_requests_total", route="/v1/devices/health", method="GET", status_class="4xx") == 1
    assert grew("mmc_requests_total", route="unmatched", method="GET", status_class="4xx") == 1
    routes = {s.labels["route"] for s in after if s.name == "mmc_requests_total"}
    assert not any("12345" in route for route in routes), "a raw path never becomes a label"
    assert {s.labels["status_class"] for s in after if s.name == "mmc_requests_total"} <= {"2xx", "4xx", "5xx"}
    assert value(after, "mmc_database_errors_total") == 0
