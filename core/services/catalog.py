"""What a kiosk shows before anyone checks in: exam types, clinic names and rooms, and the
site's kiosk settings. Reads only."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.database import Database
from core.digits import western_digits
from core.passwords import secret_matches
from core.schema import Clinic, ExamRouteStep, ExamType
from core.settings import DEFAULTS, setting


@dataclass(frozen=True)
class Named:
    code: str
    name_ar: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_ar if language == "ar" else self.name_en


@dataclass(frozen=True)
class ExamChoice(Named):
    genders: frozenset[str]


@dataclass(frozen=True)
class ClinicInfo(Named):
    room: str
    gender: str = "any"
    active: bool = True
    paused: str = ""

    def receives(self, gender: str) -> bool:
        """Whether the clinic takes a patient of `gender` now."""
        return self.active and self.gender in ("any", gender)


@dataclass(frozen=True)
class SiteSettings:
    """The settings the stations' screens follow."""

    site_name: str
    """In English; `site_name_ar` in Arabic (`name`)."""
    id_format: str
    idle_s: int
    exit_code_hash: str
    staff_lock_idle_s: int
    open_tickets_at_close: str
    site_name_ar: str = ""

    def name(self, language: str) -> str:
        """The site's name in `language` (the English one where no Arabic was given)."""
        return self.site_name_ar if language == "ar" and self.site_name_ar else self.site_name


@dataclass(frozen=True)
class Catalog:
    exam_types: list[ExamChoice]
    clinics: dict[str, ClinicInfo]
    settings: SiteSettings

    def clinic_name(self, code: str, language: str) -> str:
        info = self.clinics.get(code)
        return info.name(language) if info else code


NOT_READ_YET = Catalog(
    [],
    {},
    SiteSettings(
        site_name="",
        site_name_ar="",
        id_format=r"(?!)",
        idle_s=DEFAULTS["kiosk_idle_s"],
        exit_code_hash="",
        staff_lock_idle_s=DEFAULTS["staff_lock_idle_s"],
        open_tickets_at_close=DEFAULTS["open_tickets_at_close"],
    ),
)
"""What a screen holds before its first read of the store has answered: nothing to
choose, no ID accepted, no exit code."""


def load_catalog(db: Database) -> Catalog:
    """The open exam types (with the genders that have a route) and every clinic."""
    with db.read() as session:
        genders: dict[str, set[str]] = {}
        for exam_type, gender in session.execute(select(ExamRouteStep.exam_type, ExamRouteStep.gender).distinct()):
            genders.setdefault(exam_type, set()).add(gender)
        exam_types = [
            ExamChoice(e.code, e.name_ar, e.name_en, frozenset(genders.get(e.code, ())))
            for e in session.scalars(select(ExamType).where(ExamType.active.is_(True)).order_by(ExamType.code))
        ]
        clinics = {
            c.code: ClinicInfo(c.code, c.name_ar, c.name_en, c.room, c.gender, c.active, c.paused)
            for c in session.scalars(select(Clinic).order_by(Clinic.sort_order))
        }
        settings = SiteSettings(
            site_name=str(setting(session, "site_name")),
            site_name_ar=str(setting(session, "site_name_ar")),
            id_format=str(setting(session, "id_format")),
            idle_s=int(setting(session, "kiosk_idle_s")),
            exit_code_hash=str(setting(session, "kiosk_exit_code_hash")),
            staff_lock_idle_s=int(setting(session, "staff_lock_idle_s")),
            open_tickets_at_close=str(setting(session, "open_tickets_at_close")),
        )
    return Catalog(exam_types, clinics, settings)


def exit_code_matches(settings: SiteSettings, code: str) -> bool:
    """Whether `code` is the staff code that takes a kiosk out of its lockdown."""
    return secret_matches(settings.exit_code_hash, western_digits(code.strip()))
