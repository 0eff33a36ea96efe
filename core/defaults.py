"""The committee's default clinics, exam types and their routes (from the seeds)."""

from __future__ import annotations

from core.ops.envelope import ClinicUpserted, ExamTypeUpserted

CLINICS: tuple[ClinicUpserted, ...] = tuple(
    ClinicUpserted(code=code, name_ar=ar, name_en=en, room=room, gender=gender, sort_order=i)
    for i, (code, ar, en, room, gender) in enumerate(
        [
            ("vitals", "العلامات الحيوية", "Vital Signs", "101", "any"),
            ("lab", "المختبر", "Laboratory", "102", "any"),
            ("xray", "الأشعة", "X-Ray", "103", "any"),
            ("ecg", "تخطيط القلب", "ECG", "104", "any"),
            ("audio", "السمعيات", "Audiometry", "105", "any"),
            ("eyes", "العيون", "Ophthalmology", "201", "male"),
            ("internal", "الباطنية", "Internal Medicine", "202", "male"),
            ("ent", "الأنف والأذن والحنجرة", "ENT", "203", "any"),
            ("surgery", "الجراحة", "Surgery", "204", "any"),
            ("dental", "الأسنان", "Dental", "205", "any"),
            ("psychiatry", "الطب النفسي", "Psychiatry", "206", "any"),
            ("derma", "الجلدية", "Dermatology", "207", "male"),
            ("bones", "العظام", "Orthopedics", "208", "any"),
            ("women_internal", "الباطنية - نساء", "Internal Medicine (Women)", "301", "female"),
            ("women_derma", "الجلدية - نساء", "Dermatology (Women)", "302", "female"),
            ("women_eyes", "العيون - نساء", "Ophthalmology (Women)", "303", "female"),
        ]
    )
)

_MALE_FULL = [
    "vitals",
    "lab",
    "xray",
    "ecg",
    "audio",
    "eyes",
    "internal",
    "ent",
    "surgery",
    "dental",
    "psychiatry",
    "derma",
    "bones",
]
_FEMALE_FULL = [
    "vitals",
    "lab",
    "xray",
    "ecg",
    "audio",
    "women_eyes",
    "women_internal",
    "ent",
    "surgery",
    "dental",
    "psychiatry",
    "women_derma",
    "bones",
]

EXAM_TYPES: tuple[ExamTypeUpserted, ...] = (
    ExamTypeUpserted(
        code="recruitment",
        name_ar="فحص التجنيد",
        name_en="Recruitment",
        routes={"male": _MALE_FULL, "female": _FEMALE_FULL},
    ),
    ExamTypeUpserted(
        code="periodic",
        name_ar="الفحص الدوري",
        name_en="Periodic",
        routes={
            "male": ["vitals", "lab", "ecg", "eyes", "internal"],
            "female": ["vitals", "lab", "ecg", "women_eyes", "women_internal"],
        },
    ),
    ExamTypeUpserted(
        code="promotion",
        name_ar="فحص الترقية",
        name_en="Promotion",
        routes={
            "male": ["vitals", "lab", "xray", "ecg", "internal", "eyes"],
            "female": ["vitals", "lab", "xray", "ecg", "women_internal", "women_eyes"],
        },
    ),
    ExamTypeUpserted(
        code="travel",
        name_ar="فحص السفر",
        name_en="Travel",
        routes={
            "male": ["vitals", "lab", "xray", "internal"],
            "female": ["vitals", "lab", "xray", "women_internal"],
        },
    ),
)

DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("admin", "admin-demo-1", "admin"),
    ("super", "super-demo-1", "supervisor"),
    ("nurse", "nurse-demo-1", "staff"),
)
"""The demo's staff accounts (user name, password, role); never on a real site."""
