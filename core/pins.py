"""Daily clinic PINs that kiosks and consoles compute by themselves, offline.

The site secret never leaves the server (or a one-machine site). From it comes each
day's key, day key = HMAC-SHA256(site secret, "day|<day>"), which the server hands to
kiosks and consoles for today and tomorrow (a `pin.day_key` op); and from a day's key,
PIN = HMAC-SHA256(day key, "day|clinic|generation") mapped onto 10..99. The day is the
committee's local date, so PINs change at midnight in Qatar; an admin rotation bumps the
generation (a `pin.rotated` op) and so the PIN, on every device that has the op. A stolen
kiosk gives the PINs of two days, not of every day.
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy.orm import Session

from core.errors import StoreError
from core.schema import DayKey, PinRotation
from core.settings import setting


def day_key(secret: bytes, day: str) -> bytes:
    return hmac.new(secret, f"day|{day}".encode(), hashlib.sha256).digest()


def pin_of_day(key: bytes, day: str, clinic: str, generation: int = 0) -> int:
    digest = hmac.new(key, f"{day}|{clinic}|{generation}".encode(), hashlib.sha256).digest()
    return 10 + int.from_bytes(digest[:8], "big") % 90


def daily_pin(secret: bytes, day: str, clinic: str, generation: int = 0) -> int:
    return pin_of_day(day_key(secret, day), day, clinic, generation)


def pin_generation(session: Session, clinic: str, day: str) -> int:
    rotation = session.get(PinRotation, (clinic, day))
    return rotation.generation if rotation else 0


def has_site_secret(session: Session) -> bool:
    try:
        setting(session, "site_secret")
    except KeyError:
        return False
    return True


def site_day_key(session: Session, day: str) -> bytes:
    """The day's PIN key: from the site secret where this store holds it, else the key the
    server sent."""
    try:
        return day_key(bytes.fromhex(setting(session, "site_secret")), day)
    except KeyError:
        pass
    row = session.get(DayKey, day)
    if row is None:
        raise StoreError(detail=f"this device has no PIN key for {day} yet; it gets it from the server while online")
    return bytes.fromhex(row.key)


def clinic_pin(session: Session, clinic: str, day: str) -> int:
    return pin_of_day(site_day_key(session, day), day, clinic, pin_generation(session, clinic, day))


def next_generation(session: Session, clinic: str, day: str) -> int:
    """The generation a rotation moves to: the first after the current one whose PIN is
    not the current PIN (two generations share a PIN one time in 90)."""
    key, current = site_day_key(session, day), pin_generation(session, clinic, day)
    now_pin = pin_of_day(key, day, clinic, current)
    generation = current + 1
    while pin_of_day(key, day, clinic, generation) == now_pin:
        generation += 1
    return generation
