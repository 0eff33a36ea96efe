"""Daily clinic PINs that every enrolled device computes by itself, offline.

PIN = HMAC-SHA256(site secret, "day|clinic|generation") mapped onto 10..99. The day is
the committee's local date, so PINs change at midnight in Qatar; an admin rotation bumps
the generation (a `pin.rotated` op) and so the PIN, on every device that has the op.
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy.orm import Session

from core.errors import StoreError
from core.schema import PinRotation
from core.settings import setting


def daily_pin(secret: bytes, day: str, clinic: str, generation: int = 0) -> int:
    digest = hmac.new(secret, f"{day}|{clinic}|{generation}".encode(), hashlib.sha256).digest()
    return 10 + int.from_bytes(digest[:8], "big") % 90


def pin_generation(session: Session, clinic: str, day: str) -> int:
    rotation = session.get(PinRotation, (clinic, day))
    return rotation.generation if rotation else 0


def _secret(session: Session) -> bytes:
    try:
        return bytes.fromhex(setting(session, "site_secret"))
    except KeyError:
        raise StoreError(detail="this site has no secret yet; run `mmc init`") from None


def clinic_pin(session: Session, clinic: str, day: str) -> int:
    return daily_pin(_secret(session), day, clinic, pin_generation(session, clinic, day))


def next_generation(session: Session, clinic: str, day: str) -> int:
    """The generation a rotation moves to: the first after the current one whose PIN is
    not the current PIN (two generations share a PIN one time in 90)."""
    secret, current = _secret(session), pin_generation(session, clinic, day)
    now_pin = daily_pin(secret, day, clinic, current)
    generation = current + 1
    while daily_pin(secret, day, clinic, generation) == now_pin:
        generation += 1
    return generation
