"""Hashing and checking secrets (staff passwords, the kiosk exit code) with argon2."""

from __future__ import annotations

import functools
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


@functools.cache
def _stand_in() -> str:
    return _hasher.hash(secrets.token_hex(16))


def no_such_secret(secret: str) -> bool:
    """Check `secret` against a hash nobody knows: a login for a user who does not exist
    costs what a wrong password costs, so the time does not tell who exists."""
    secret_matches(_stand_in(), secret)
    return False


def secret_matches(stored_hash: str, secret: str) -> bool:
    """Whether `secret` is the one behind `stored_hash`; a damaged hash matches nothing."""
    try:
        return _hasher.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False
