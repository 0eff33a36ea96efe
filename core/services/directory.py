"""What the administration screens list: clinics, exam types with their routes, staff
accounts and devices, and the settings an admin may change. Reads only; changes go
through core.services.config."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from core.database import Database
from core.schema import Clinic, Device, ExamRouteStep, ExamType, User
from core.settings import setting

EDITABLE_SETTINGS = (
    "site_name",
    "site_name_ar",
    "id_format",
    "kiosk_idle_s",
    "staff_lock_idle_s",
    "lease_block",
    "day_closes_at",
    "open_tickets_at_close",
    "recall_limit",
    "priority_every",
    "voice_languages",
    "voice_volume",
    "voice_repeat",
    "voice_chime",
)
"""The settings the console offers; the secret and the exit-code hash have their own ways."""


@dataclass(frozen=True)
class ClinicRow:
    code: str
    name_ar: str
    name_en: str
    room: str
    active: bool
    call_interval_s: int
    gender: str
    sort_order: int


@dataclass(frozen=True)
class ExamTypeRow:
    code: str
    name_ar: str
    name_en: str
    active: bool
    routes: dict[str, list[str]]


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str
    active: bool


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    kind: str
    station: str
    name: str
    revoked: bool = False


def clinics(db: Database) -> list[ClinicRow]:
    with db.read() as session:
        return [
            ClinicRow(c.code, c.name_ar, c.name_en, c.room, c.active, c.call_interval_s, c.gender, c.sort_order)
            for c in session.scalars(select(Clinic).order_by(Clinic.sort_order, Clinic.code))
        ]


def exam_types(db: Database) -> list[ExamTypeRow]:
    with db.read() as session:
        routes: dict[str, dict[str, list[str]]] = {}
        for step in session.scalars(select(ExamRouteStep).order_by(ExamRouteStep.position)):
            routes.setdefault(step.exam_type, {}).setdefault(step.gender, []).append(step.clinic)
        return [
            ExamTypeRow(e.code, e.name_ar, e.name_en, e.active, routes.get(e.code, {}))
            for e in session.scalars(select(ExamType).order_by(ExamType.code))
        ]


def users(db: Database) -> list[UserRow]:
    with db.read() as session:
        return [
            UserRow(u.username, u.display_name, u.role, u.active)
            for u in session.scalars(select(User).order_by(User.username))
        ]


def devices(db: Database) -> list[DeviceRow]:
    with db.read() as session:
        return [
            DeviceRow(d.id, d.kind, d.station, d.name, d.revoked)
            for d in session.scalars(select(Device).order_by(Device.station))
        ]


def clinics_without_console(db: Database) -> frozenset[str]:
    with db.read() as session:
        return frozenset(setting(session, "clinics_without_console"))


def display_clinics(db: Database) -> dict[str, list[str]]:
    """The clinics the admin chose for each hall display, by station."""
    with db.read() as session:
        return dict(setting(session, "display_clinics"))


def editable_settings(db: Database) -> dict[str, Any]:
    with db.read() as session:
        return {key: setting(session, key) for key in EDITABLE_SETTINGS}
