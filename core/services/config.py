"""Administration of the site: clinics, exam types, users, devices, settings, leases,
and setting up a new site."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from core.clock import open_day, utc_now
from core.database import Database
from core.errors import BadCredentials, InvalidInput, first_problem
from core.ops.envelope import (
    ClinicUpserted,
    DayKeyIssued,
    DeviceRegistered,
    DeviceRevoked,
    ExamTypeUpserted,
    Op,
    Payload,
    SettingSet,
    UserUpserted,
)
from core.ops.log import identity
from core.passwords import hash_secret, no_such_secret, secret_matches
from core.permissions import SYSTEM, Actor
from core.pins import day_key, has_site_secret
from core.proofs import derive_signing_key, new_signing_salt, public_key_hex
from core.schema import Clinic, DayKey, Device, Setting, User
from core.services.call import service_call, write_audit
from core.services.numbers import grant_lease
from core.settings import DEFAULTS, setting, setting_problem

MIN_PASSWORD = 8


def _payload(model: type[Payload], **fields: Any) -> Any:
    """Build a payload from user input, turning a validation failure into a typed error."""
    try:
        return model(**fields)
    except ValidationError as error:
        raise InvalidInput(detail=first_problem(error)) from None


def upsert_clinic(db: Database, actor: Actor, **fields: Any) -> None:
    clinic = _payload(ClinicUpserted, **fields)
    with service_call(db, actor, "upsert_clinic", "configure", target=clinic.code) as call:
        call.emit("clinic.upserted", clinic)


def upsert_exam_type(db: Database, actor: Actor, **fields: Any) -> None:
    exam_type = _payload(ExamTypeUpserted, **fields)
    with service_call(db, actor, "upsert_exam_type", "configure", target=exam_type.code) as call:
        call.emit("exam_type.upserted", exam_type)


def set_setting(db: Database, actor: Actor, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise InvalidInput(detail=f"there is no setting {key!r}")
    problem = setting_problem(key, value)
    if problem is not None:
        raise InvalidInput(detail=problem)
    item = _payload(SettingSet, key=key, value=value)
    with service_call(db, actor, "set_setting", "configure", target=key) as call:
        call.emit("setting.set", item)


def set_settings(db: Database, actor: Actor, wanted: dict[str, Any]) -> int:
    """Set each of `wanted` whose value differs from the store's (an admin's form);
    how many were set."""
    with db.read() as session:
        changed = {key: value for key, value in wanted.items() if value != setting(session, key)}
    for key, value in changed.items():
        set_setting(db, actor, key, value)
    return len(changed)


def choose_display_clinics(db: Database, actor: Actor, *, station: str, clinics: list[str]) -> None:
    """The clinics the display `station` shows, in the order given; none: every clinic.
    Unknown clinics are refused here; the setting keeps every display's choice."""
    with db.read() as session:
        known = set(session.scalars(select(Clinic.code)))
        chosen = dict(setting(session, "display_clinics"))
    unknown = [code for code in clinics if code not in known]
    if unknown:
        raise InvalidInput(detail=f"there is no clinic {unknown[0]!r}")
    if clinics:
        chosen[station] = list(clinics)
    else:
        chosen.pop(station, None)
    set_settings(db, actor, {"display_clinics": chosen})


def set_without_console(db: Database, actor: Actor, *, clinic: str, without: bool) -> None:
    """Whether `clinic` runs without a console: there its PIN confirms a patient nobody
    called (core.ops.tickets.pin_refusal)."""
    with db.read() as session:
        listed = [code for code in setting(session, "clinics_without_console") if code != clinic]
    set_settings(db, actor, {"clinics_without_console": [*listed, clinic] if without else listed})


EXIT_CODE = re.compile(r"[0-9]{4,8}")


def set_kiosk_exit_code(db: Database, actor: Actor, code: str) -> None:
    """The staff code (4 to 8 digits) that takes a kiosk out of its fullscreen lockdown."""
    if not EXIT_CODE.fullmatch(code):
        raise InvalidInput(detail="the kiosk exit code has 4 to 8 digits")
    set_setting(db, actor, "kiosk_exit_code_hash", hash_secret(code))


def save_user(
    db: Database,
    actor: Actor,
    *,
    username: str,
    password: str,
    role: str,
    display_name: str = "",
    active: bool = True,
) -> None:
    """Create or update a staff account; only the argon2 hash is stored and synced."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(detail=f"a password has at least {MIN_PASSWORD} characters")
    salt = new_signing_salt()
    user = _payload(
        UserUpserted,
        username=username,
        display_name=display_name,
        password_hash=hash_secret(password),
        role=role,
        active=active,
        signing_salt=salt,
        signing_key=public_key_hex(derive_signing_key(password, salt)),
    )
    with service_call(db, actor, "save_user", "configure", target=username) as call:
        call.emit("user.upserted", user)


def log_in(db: Database, *, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Check a password against the synced hash (works offline); the attempt is audited."""
    at = now or utc_now()
    with db.read() as session:
        user = session.get(User, username)
    ok = no_such_secret(password) if user is None else secret_matches(user.password_hash, password) and user.active
    who = Actor(username[:80] or "?", user.role if user else "staff")
    why = "" if ok else ("bad_credentials: unknown user" if user is None else "bad_credentials")
    with db.write() as session:
        write_audit(session, who, at, "log_in", username[:120], "ok" if ok else "refused", why)
    if not ok:
        raise BadCredentials()
    assert user is not None
    key = derive_signing_key(password, user.signing_salt) if user.signing_salt else None
    return Actor(who.name, who.role, key)


def register_device(db: Database, actor: Actor, *, device_id: str, kind: str, station: str, name: str = "") -> None:
    device = _payload(DeviceRegistered, device_id=device_id, kind=kind, station=station, name=name)
    with service_call(db, actor, "register_device", "configure", target=station) as call:
        call.emit("device.registered", device)


def revoke_device(db: Database, actor: Actor, *, device_id: str) -> None:
    """Take a device out of service (stolen, broken, retired): from the moment the server
    has this op, it refuses the device's token. A revoked device enrolls again as new."""
    with service_call(db, actor, "revoke_device", "configure", target=device_id) as call:
        if call.session.get(Device, device_id) is None:
            raise InvalidInput(detail=f"there is no device {device_id}")
        call.emit("device.revoked", DeviceRevoked(device_id=device_id))


def issue_day_keys(db: Database, actor: Actor = SYSTEM, *, now: dt.datetime | None = None) -> int:
    """Send the PIN keys of the service day going on and of the next to the devices (the
    acceptance point's job; it holds the site secret). Between midnight and the closing
    hour the day going on is still yesterday's, whose PINs the clinics use until then.
    Answers how many it issued (0 when both were out already)."""
    at = now or utc_now()
    with service_call(db, actor, "issue_day_keys", "grant_lease", now=at) as call:
        if not has_site_secret(call.session):
            return 0
        today = dt.date.fromisoformat(open_day(at, str(setting(call.session, "day_closes_at"))))
        secret = bytes.fromhex(setting(call.session, "site_secret"))
        issued = 0
        for day in (today.isoformat(), (today + dt.timedelta(days=1)).isoformat()):
            if call.session.get(DayKey, day) is None:
                call.emit("pin.day_key", DayKeyIssued(day=day, key=day_key(secret, day).hex()))
                issued += 1
        return issued


def lease_numbers(db: Database, actor: Actor, *, device_id: str, clinic: str, day: str, size: int) -> Op:
    """Lease a block of a clinic's numbers for a day to a device (the acceptance point's job)."""
    if not 1 <= size <= 10_000:
        raise InvalidInput(detail="a lease holds 1 to 10000 numbers")
    with service_call(db, actor, "grant_lease", "grant_lease", target=f"{clinic} {day}") as call:
        grant_lease(call, device_id, clinic, day, size)
        return call.ops[-1]


def init_site(db: Database, actor: Actor = SYSTEM) -> bool:
    """Give a new site its secret, default clinics, exam types and this device's record.

    Does nothing on a site that already has clinics; answers whether it set one up.
    """
    with service_call(db, actor, "init_site", "configure") as call:
        session = call.session
        if session.scalar(select(Clinic.code).limit(1)) is not None:
            return False
        from core.defaults import CLINICS, EXAM_TYPES  # only a new site needs them

        if session.get(Setting, "site_secret") is None:
            call.emit("setting.set", SettingSet(key="site_secret", value=secrets.token_hex(32)))
        for clinic in CLINICS:
            call.emit("clinic.upserted", clinic)
        for exam_type in EXAM_TYPES:
            call.emit("exam_type.upserted", exam_type)
        me = identity(session)
        call.emit(
            "device.registered",
            DeviceRegistered(device_id=me.device_id, kind=me.kind, station=me.station, name="this machine"),
        )
        return True
