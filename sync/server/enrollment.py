"""One-time enrollment codes, device tokens, and who a request comes from."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.clock import to_iso, utc_now
from core.database import Database
from core.errors import MmcError
from core.permissions import SYSTEM
from core.schema import Device, DeviceToken, EnrollmentCode
from core.services.call import service_call
from core.services.config import log_in, register_device
from core.store import STATION_LETTER

TOKEN_DAYS = 365


class EnrollmentRefused(MmcError):
    code = "enrollment_refused"
    template = "This enrollment code is unknown, used or expired."


class NotAuthenticated(MmcError):
    code = "not_authenticated"
    template = "A valid device token is required."


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def add_code(session: Session, *, hours: float, at: dt.datetime) -> tuple[str, str]:
    """Record a new one-time code (only its digest is kept); answers the code and when it
    expires."""
    code = "-".join(secrets.token_hex(3).upper() for _ in range(3))
    expires = to_iso(at + dt.timedelta(hours=hours))
    session.add(EnrollmentCode(code_hash=_digest(code), created_at=to_iso(at), expires_at=expires))
    return code, expires


def create_code(db: Database, *, hours: float = 24, now: dt.datetime | None = None) -> str:
    """A new one-time code for IT to type on a device being installed."""
    with db.write() as session:
        code, _ = add_code(session, hours=hours, at=now or utc_now())
    return code


def code_for_admin(db: Database, *, username: str, password: str, hours: float) -> tuple[str, str]:
    """A code asked for from a staff console: the admin's password is checked against the
    server's own accounts, and the request is in the server's audit log either way."""
    actor = log_in(db, username=username, password=password)
    with service_call(db, actor, "enrollment_code", "configure", target=f"{hours:g} h") as call:
        return add_code(call.session, hours=hours, at=call.now)


@dataclass(frozen=True)
class DeviceAuth:
    device_id: str
    kind: str
    station: str


def _next_station(db: Database, kind: str) -> str:
    letter = STATION_LETTER[kind]
    with db.read() as session:
        taken = session.scalar(select(func.count()).select_from(Device).where(Device.station.like(f"{letter}%")))
    return f"{letter}{(taken or 0) + 1}"


def enroll(
    db: Database, *, code: str, device_id: str, kind: str, name: str, now: dt.datetime | None = None
) -> tuple[DeviceAuth, str]:
    """Spend a code: register the device (an op every device pulls) and issue its token."""
    at = now or utc_now()
    with db.write() as session:
        row = session.get(EnrollmentCode, _digest(code.strip().upper()))
        if row is None or row.used_at is not None or dt.datetime.fromisoformat(row.expires_at) < at:
            raise EnrollmentRefused()
        row.used_at, row.used_by = to_iso(at), device_id
    station = _next_station(db, kind)
    register_device(db, SYSTEM, device_id=device_id, kind=kind, station=station, name=name)
    token = secrets.token_urlsafe(32)
    with db.write() as session:
        session.add(
            DeviceToken(
                token_hash=_digest(token),
                device_id=device_id,
                kind=kind,
                station=station,
                created_at=to_iso(at),
                expires_at=to_iso(at + dt.timedelta(days=TOKEN_DAYS)),
                revoked=False,
            )
        )
    return DeviceAuth(device_id, kind, station), token


def authenticate(db: Database, token: str | None, now: dt.datetime | None = None) -> DeviceAuth:
    if not token:
        raise NotAuthenticated()
    with db.read() as session:
        row = session.get(DeviceToken, _digest(token))
    if row is None or row.revoked or dt.datetime.fromisoformat(row.expires_at) < (now or utc_now()):
        raise NotAuthenticated()
    return DeviceAuth(row.device_id, row.kind, row.station)
