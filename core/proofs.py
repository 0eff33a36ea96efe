"""Proof that a staff user logged in on the device that made an op.

At login a console derives the user's signing key from the password typed there: argon2id
over the password with the user's signing salt (its own salt, not the login hash's), 32
bytes, taken as an Ed25519 private key. It lives in memory for the session and signs every
op the user makes on that console, online or offline. The user's record carries only the
public key, so the server can check each staff op and no device, nor the server, holds
anything that signs for a user whose password it was not given. A new password comes with
a new salt and key: from the moment the server has it, ops signed with the old key are
refused, as are a deactivated user's.
"""

from __future__ import annotations

import base64
import functools
import secrets

import orjson
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from core.ops.envelope import Op

KDF_TIME_COST = 2
KDF_MEMORY_KIB = 19_456
"""argon2id parameters of the signing key (OWASP's minimum: 19 MiB, 2 passes); a login pays
for this on top of checking the login hash."""


def new_signing_salt() -> str:
    return secrets.token_hex(16)


def derive_signing_key(password: str, salt_hex: str) -> Ed25519PrivateKey:
    seed = hash_secret_raw(
        password.encode(),
        bytes.fromhex(salt_hex),
        time_cost=KDF_TIME_COST,
        memory_cost=KDF_MEMORY_KIB,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def signed_bytes(op: Op) -> bytes:
    """What a proof signs: every field of the op but the proof, canonically."""
    return orjson.dumps(
        [op.op_id, op.device_id, op.device_seq, op.hlc, op.actor, op.kind, op.payload], option=orjson.OPT_SORT_KEYS
    )


def sign(key: Ed25519PrivateKey, op: Op) -> str:
    return base64.urlsafe_b64encode(key.sign(signed_bytes(op))).decode().rstrip("=")


@functools.lru_cache(maxsize=512)
def _public_key(hex_key: str) -> Ed25519PublicKey | None:
    try:
        return Ed25519PublicKey.from_public_bytes(bytes.fromhex(hex_key))
    except ValueError:
        return None


def proof_holds(public_hex: str, op: Op) -> bool:
    """Whether `op.proof` is the signature of `op` by the key `public_hex` names."""
    key = _public_key(public_hex) if public_hex else None
    if key is None or not op.proof:
        return False
    try:
        signature = base64.urlsafe_b64decode(op.proof + "=" * (-len(op.proof) % 4))
        key.verify(signature, signed_bytes(op))
    except (InvalidSignature, ValueError):
        return False
    return True
