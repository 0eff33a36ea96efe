"""Each device's last health report, kept by the server for its admins."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.clock import from_iso, to_iso
from core.database import Database
from core.schema import Device, DeviceHealth
from sync.protocol import DeviceHealthRow, HealthReport
from sync.server.enrollment import DeviceAuth


def record_health(db: Database, device: DeviceAuth, report: HealthReport, at: dt.datetime) -> None:
    with db.write() as session:
        session.merge(DeviceHealth(device_id=device.device_id, reported_at=to_iso(at), report=report.model_dump_json()))


def devices_health(db: Database, at: dt.datetime) -> list[DeviceHealthRow]:
    """Every registered device with its last report and how long it has been silent."""
    with db.read() as session:
        reports = {row.device_id: row for row in session.scalars(select(DeviceHealth))}
        devices = list(session.scalars(select(Device).order_by(Device.station)))
    rows = []
    for device in devices:
        last = reports.get(device.id)
        rows.append(
            DeviceHealthRow(
                device_id=device.id,
                station=device.station,
                kind=device.kind,
                name=device.name,
                revoked=device.revoked,
                reported_at=last.reported_at if last else None,
                silent_s=(at - from_iso(last.reported_at)).total_seconds() if last else None,
                report=HealthReport.model_validate_json(last.report) if last else None,
            )
        )
    return rows
