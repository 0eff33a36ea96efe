"""Apply functions of the site's configuration: clinics, exam types, users, devices,
settings, PIN rotations and number leases."""

from __future__ import annotations

import json

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core.errors import GenderNotAllowed, InvalidInput, UnknownClinic
from core.ops.envelope import (
    ClinicPaused,
    ClinicResumed,
    ClinicUpserted,
    DayKeyIssued,
    DeviceRegistered,
    DeviceResumed,
    DeviceRevoked,
    ExamTypeUpserted,
    LeaseGranted,
    Op,
    Payload,
    PinRotated,
    SettingSet,
    UserUpserted,
)
from core.schema import (
    Clinic,
    DayKey,
    Device,
    ExamRouteStep,
    ExamType,
    NumberLease,
    PinRotation,
    Setting,
    User,
)
from core.settings import setting_problem


def apply_clinic_upserted(session: Session, op: Op, p: ClinicUpserted) -> None:
    session.merge(Clinic(**p.model_dump()))


def apply_help(session: Session, op: Op, p: Payload) -> None:
    """A call for help and its answer change no table: the ops in the log are the record
    (core.services.help reads them)."""


def apply_clinic_paused(session: Session, op: Op, p: ClinicPaused) -> None:
    _known_clinic(session, p.clinic).paused = p.reason.strip() or "-"


def apply_clinic_resumed(session: Session, op: Op, p: ClinicResumed) -> None:
    _known_clinic(session, p.clinic).paused = ""


def _known_clinic(session: Session, code: str) -> Clinic:
    clinic = session.get(Clinic, code)
    if clinic is None:
        raise UnknownClinic(clinic=code)
    return clinic


def apply_exam_type_upserted(session: Session, op: Op, p: ExamTypeUpserted) -> None:
    for gender, clinics in p.routes.items():
        if len(set(clinics)) != len(clinics):
            raise InvalidInput(detail=f"the {gender} route names a clinic twice")
        for code in clinics:
            clinic = session.get(Clinic, code)
            if clinic is None:
                raise UnknownClinic(clinic=code)
            if clinic.gender not in ("any", gender):
                raise GenderNotAllowed(clinic=code, gender=gender)
    session.merge(ExamType(code=p.code, name_ar=p.name_ar, name_en=p.name_en, active=p.active))
    session.execute(delete(ExamRouteStep).where(ExamRouteStep.exam_type == p.code))
    for gender, clinics in p.routes.items():
        for position, code in enumerate(clinics):
            session.add(ExamRouteStep(exam_type=p.code, gender=gender, position=position, clinic=code))


def apply_user_upserted(session: Session, op: Op, p: UserUpserted) -> None:
    session.merge(User(**p.model_dump()))


def apply_device_registered(session: Session, op: Op, p: DeviceRegistered) -> None:
    holder = session.scalar(select(Device.id).where(Device.station == p.station))
    if holder is not None and holder != p.device_id:
        raise InvalidInput(detail=f"station {p.station} belongs to another device")
    device = session.get(Device, p.device_id)
    if device is None:
        session.add(Device(id=p.device_id, kind=p.kind, station=p.station, name=p.name))
    else:
        device.kind, device.station, device.name = p.kind, p.station, p.name


def apply_device_revoked(session: Session, op: Op, p: DeviceRevoked) -> None:
    device = session.get(Device, p.device_id)
    if device is None:
        raise InvalidInput(detail=f"there is no device {p.device_id}")
    device.revoked = True


def apply_device_resumed(session: Session, op: Op, p: DeviceResumed) -> None:
    """Nothing changes: the op only carries the device's sequence across its gap."""


def apply_setting_set(session: Session, op: Op, p: SettingSet) -> None:
    problem = setting_problem(p.key, p.value)
    if problem is not None:
        raise InvalidInput(detail=problem)
    session.merge(Setting(key=p.key, value=json.dumps(p.value, sort_keys=True)))


def apply_day_key(session: Session, op: Op, p: DayKeyIssued) -> None:
    session.merge(DayKey(day=p.day, key=p.key))


def apply_pin_rotated(session: Session, op: Op, p: PinRotated) -> None:
    if session.get(Clinic, p.clinic) is None:
        raise UnknownClinic(clinic=p.clinic)
    rotation = session.get(PinRotation, (p.clinic, p.day))
    if rotation is None:
        session.add(PinRotation(clinic=p.clinic, day=p.day, generation=p.generation))
    elif p.generation > rotation.generation:
        rotation.generation = p.generation
    else:
        raise InvalidInput(detail="this PIN rotation was superseded by a later one")


def apply_lease_granted(session: Session, op: Op, p: LeaseGranted) -> None:
    if p.last < p.first:
        raise InvalidInput(detail="a lease must not end before it starts")
    if session.get(Clinic, p.clinic) is None:
        raise UnknownClinic(clinic=p.clinic)
    overlap = session.scalar(
        select(NumberLease.id).where(
            NumberLease.clinic == p.clinic,
            NumberLease.day == p.day,
            NumberLease.first <= p.last,
            NumberLease.last >= p.first,
        )
    )
    if overlap is not None:
        raise InvalidInput(detail="the lease overlaps another one")
    session.add(
        NumberLease(
            id=p.lease_id,
            clinic=p.clinic,
            day=p.day,
            device_id=p.device_id,
            first=p.first,
            last=p.last,
            next=p.first,
        )
    )
