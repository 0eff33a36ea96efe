"""Site settings: their defaults, and how a value is read from the store.

Settings are replicated data (changed by the `setting.set` op), so every device reads the
same ID format, lease size or lockout without a configuration file of its own.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from core.schema import Setting, table_of

DEFAULTS: dict[str, Any] = {
    "site_name": "Medical Examination Committee",
    "site_name_ar": "لجنة الفحص الطبي",
    "id_format": r"[0-9]{5,12}",
    "lease_block": 100,
    "pin_max_failures": 5,
    "pin_lockout_s": 600,
    "kiosk_idle_s": 45,
    "staff_lock_idle_s": 300,
    # The code "2468", to be changed at installation (`set_kiosk_exit_code`).
    "kiosk_exit_code_hash": (
        "$argon2id$v=19$m=65536,t=3,p=4$bcX4SbDQ0wFvZ5I37kp7rQ$kEOujFy20c/tYqMB2Op5MNuBiw9IaXXpGUrOG0mHdYU"
    ),
    "day_closes_at": "04:00",
    "open_tickets_at_close": "no_show",
    "undo_window_s": 300,
    # After this many recalls the next recall marks the patient no-show (0: no limit).
    "recall_limit": 3,
    # Priority patients (elderly, disabled): one is called in every N calls while any wait;
    # 1: always before the others; 0: no priority, arrival order only.
    "priority_every": 1,
    "backup_interval_h": 6,
    "backup_keep_days": 30,
    # {display station: [clinic codes in the admin's order]}; a display not named shows every clinic.
    "display_clinics": {},
    # Clinics run without a console: their PIN confirms a patient nobody called (core.ops.tickets.pin_refusal).
    "clinics_without_console": [],
    # The hall's voice: the languages a call is said in, in order ("ar", "en"); the volume
    # in percent; how many times a call is said; whether a chime comes first.
    "voice_languages": ["ar", "en"],
    "voice_volume": 100,
    "voice_repeat": 1,
    "voice_chime": True,
}


COUNT_RANGES = {"priority_every": (0, 20), "recall_limit": (0, 10), "voice_volume": (0, 100), "voice_repeat": (1, 3)}
VOICE_LANGUAGES = ("ar", "en")
CLOSING_HOUR = re.compile(r"(0[0-9]|1[0-1]):[0-5][0-9]")
OUTCOMES_AT_CLOSE = ("no_show", "carry_over")


def setting_problem(key: str, value: Any) -> str | None:
    """Why `value` cannot be the setting `key` (None when it can): checked by the service
    that sets it and again by the op that applies it, on every store."""
    if key in DEFAULTS and type(value) is not type(DEFAULTS[key]):
        return f"{key} takes a {type(DEFAULTS[key]).__name__}"
    if key == "day_closes_at" and not CLOSING_HOUR.fullmatch(value):
        return "the day closes at a time of the night or morning, HH:MM from 00:00 to 11:59"
    if key == "open_tickets_at_close" and value not in OUTCOMES_AT_CLOSE:
        return f"open tickets at closing are {' or '.join(OUTCOMES_AT_CLOSE)}"
    if key in COUNT_RANGES and not COUNT_RANGES[key][0] <= value <= COUNT_RANGES[key][1]:
        low, high = COUNT_RANGES[key]
        return f"{key} is a whole number from {low} to {high}"
    if key == "display_clinics":
        return _display_clinics_problem(value)
    if key == "clinics_without_console" and not _clinic_codes(value):
        return f"clinics without a console are named once each, by code, at most {MOST_CLINICS}"
    if key == "voice_languages" and not _voice_languages(value):
        return "calls are said in 1 or 2 languages, each once: " + " and/or ".join(map(repr, VOICE_LANGUAGES))
    return None


STATION = re.compile(r"[A-Z][A-Z0-9]{0,11}")
CLINIC_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")
MOST_CLINICS = 100


def _display_clinics_problem(value: dict[str, Any]) -> str | None:
    for station, clinics in value.items():
        if not STATION.fullmatch(station):
            return f"a display's station is a capital letter and up to 11 capital letters or digits, not {station!r}"
        if not isinstance(clinics, list) or not clinics:
            return f"display {station} shows 1 to {MOST_CLINICS} clinics"
        if not _clinic_codes(clinics):
            return f"display {station} names each clinic once, by its code"
    return None


def _clinic_codes(value: list[Any]) -> bool:
    """Whether `value` names clinics once each, by code, at most MOST_CLINICS."""
    return (
        len(value) <= MOST_CLINICS
        and all(isinstance(c, str) and CLINIC_CODE.fullmatch(c) for c in value)
        and len(set(value)) == len(value)
    )


def _voice_languages(value: list[Any]) -> bool:
    """Whether `value` names 1 or 2 of the voice's languages, each once (its order is kept)."""
    return (
        1 <= len(value) <= len(VOICE_LANGUAGES)
        and all(language in VOICE_LANGUAGES for language in value)
        and len(set(value)) == len(value)
    )


_settings = table_of(Setting).c
SETTING_VALUE = select(_settings.value).where(_settings.key == bindparam("key"))


def setting(session: Session, key: str) -> Any:
    """The value of `key`, or its default; KeyError for a key that has neither."""
    value = session.scalar(SETTING_VALUE, {"key": key})
    if value is not None:
        return json.loads(value)
    return DEFAULTS[key]
