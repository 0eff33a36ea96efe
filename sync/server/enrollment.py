"""One-time enrollment codes, device tokens, and who a request comes from."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.clock import to_iso, utc_now
from core.database import Database
from core.errors import MmcError
from core.ops.envelope import DeviceRegistered
from core.passwords import no_such_secret
from core.permissions import SYSTEM
from core.schema import AuditEntry, Device, DeviceToken, EnrollmentCode
from core.services.call import service_call
from core.services.config import log_in
from core.settings import setting
from core.store import STATION_LETTER

TOKEN_DAYS = 365


class EnrollmentRefused(MmcError):
    code = "enrollment_refused"
    template = "This enrollment code is unknown, used or expired."


class NotAuthenticated(MmcError):
    code = "not_authenticated"
    template = "A valid device token is required."


class DeviceExists(MmcError):
    code = "device_exists"
    template = "Device {device_id} is already enrolled; a device installed again enrolls with a new id."


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


class LockedOut(MmcError):
    code = "locked_out"
    template = "Too many wrong passwords for {username}; try again in {minutes} minutes."


LOCKOUT_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)


def _recent_failures(db: Database, username: str, at: dt.datetime) -> int:
    with db.read() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(
                    AuditEntry.actor == (username[:80] or "?"),
                    AuditEntry.action == "log_in",
                    AuditEntry.outcome == "refused",
                    AuditEntry.at > to_iso(at - LOCKOUT),
                )
            )
            or 0
        )


def code_for_admin(
    db: Database, *, username: str, password: str, hours: float, now: dt.datetime | None = None
) -> tuple[str, str]:
    """A code asked for from a staff console: the admin's password is checked against the
    server's own accounts, and the request is in the server's audit log either way. After
    LOCKOUT_FAILURES wrong passwords in LOCKOUT the account is locked for that long (the
    failures are the audit log's, so every server process counts the same)."""
    at = now or utc_now()
    if _recent_failures(db, username, at) >= LOCKOUT_FAILURES:
        no_such_secret(password)
        raise LockedOut(username=username[:80], minutes=int(LOCKOUT.total_seconds() // 60))
    actor = log_in(db, username=username, password=password, now=at)
    with service_call(db, actor, "enrollment_code", "configure", target=f"{hours:g} h") as call:
        return add_code(call.session, hours=hours, at=call.now)


@dataclass(frozen=True)
class DeviceAuth:
    device_id: str
    kind: str
    station: str


def _next_station(session: Session, kind: str) -> str:
    """The next free station code of the kind: one above the highest in use."""
    letter = STATION_LETTER[kind]
    numbers = [
        int(station[1:])
        for station in session.scalars(select(Device.station).where(Device.station.like(f"{letter}%")))
        if station[1:].isdigit()
    ]
    return f"{letter}{max(numbers, default=0) + 1}"


def _store_token(session: Session, token: str, device_id: str, kind: str, station: str, at: dt.datetime) -> None:
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


def _issue_token(session: Session, device_id: str, kind: str, station: str, at: dt.datetime) -> str:
    token = secrets.token_urlsafe(32)
    _store_token(session, token, device_id, kind, station, at)
    return token


ANSWER_AGAIN_FOR = dt.timedelta(hours=1)
"""How long after an enrollment the same code and device id are answered again (the
device never got the first answer); after that the spent code is refused."""


def _enrollment_token(session: Session, code_hash: str, device_id: str) -> str:
    """The token an enrollment issues: derived from the spent code with the site secret,
    so a retry whose first answer was lost is given the same token, and nobody without
    the one-time code can compute it."""
    secret = bytes.fromhex(setting(session, "site_secret"))
    digest = hmac.new(secret, f"enrollment-token|{code_hash}|{device_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _answer_again(session: Session, row: EnrollmentCode, device_id: str, at: dt.datetime) -> tuple[DeviceAuth, str]:
    """The answer already given for this code to this device, if it may be given again."""
    device = session.get(Device, device_id)
    token = _enrollment_token(session, row.code_hash, device_id)
    issued = session.get(DeviceToken, _digest(token))
    used_at = dt.datetime.fromisoformat(row.used_at or "")
    if device is None or device.revoked or issued is None or issued.revoked or at - used_at > ANSWER_AGAIN_FOR:
        raise EnrollmentRefused()
    return DeviceAuth(device_id, device.kind, device.station), token


def enroll(
    db: Database, *, code: str, device_id: str, kind: str, name: str, now: dt.datetime | None = None
) -> tuple[DeviceAuth, str]:
    """Spend a code: register the device (an op every device pulls) and issue its token.

    A device id already enrolled is refused: every install makes a new id, so an id seen
    before is a copy or an impostor, never a reinstall. The one exception is the device
    that spent this very code asking again within ANSWER_AGAIN_FOR (its answer was lost):
    it gets the same answer. The code, the station and the token are one service
    call, so enrollments (and every other numbering transaction) take stations and
    sequences one after another."""
    at = now or utc_now()
    with service_call(db, SYSTEM, "enroll_device", "configure", target=device_id, now=at) as call:
        session = call.session
        row = session.get(EnrollmentCode, _digest(code.strip().upper()))
        if row is None or dt.datetime.fromisoformat(row.expires_at) < at:
            raise EnrollmentRefused()
        if row.used_at is not None:
            if row.used_by != device_id:
                raise EnrollmentRefused()
            call.target = f"{device_id} (answered again)"
            return _answer_again(session, row, device_id, at)
        if session.get(Device, device_id) is not None or session.scalar(
            select(func.count()).select_from(DeviceToken).where(DeviceToken.device_id == device_id)
        ):
            raise DeviceExists(device_id=device_id)
        row.used_at, row.used_by = to_iso(at), device_id
        station = _next_station(session, kind)
        call.emit("device.registered", DeviceRegistered(device_id=device_id, kind=kind, station=station, name=name))
        token = _enrollment_token(session, row.code_hash, device_id)
        _store_token(session, token, device_id, kind, station, at)
        return DeviceAuth(device_id, kind, station), token


def rotate_token(db: Database, device: DeviceAuth, old_token: str, now: dt.datetime | None = None) -> str:
    """A new token for the device; the one it used to ask stops working."""
    at = now or utc_now()
    with db.write() as session:
        old = session.get(DeviceToken, _digest(old_token))
        if old is None or old.revoked:
            raise NotAuthenticated()
        old.revoked = True
        return _issue_token(session, device.device_id, device.kind, device.station, at)


def authenticate(db: Database, token: str | None, now: dt.datetime | None = None) -> DeviceAuth:
    """The device a token belongs to, as the server knows it now: its kind and station
    from its registration (an admin may have changed them), refused once it is revoked."""
    if not token:
        raise NotAuthenticated()
    with db.read() as session:
        row = session.get(DeviceToken, _digest(token))
        device = session.get(Device, row.device_id) if row is not None else None
    if row is None or row.revoked or dt.datetime.fromisoformat(row.expires_at) < (now or utc_now()):
        raise NotAuthenticated()
    if device is None or device.revoked or device.kind not in ("kiosk", "staff", "display"):
        raise NotAuthenticated()
    return DeviceAuth(row.device_id, device.kind, device.station)
