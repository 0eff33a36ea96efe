"""What each kind of device receives of the op stream: need-to-know sync.

The server keeps every op whole; a device pulls its kind's projection of them (the model
is PowerSync's sync rules: a rule per kind over one stream). Nobody but the server gets
the site secret, the PIN a patient typed or the mobile number a patient gave for
messages (besides the server, only the kiosk that took it holds it: core.phones); a hall
display gets no password material, no PIN keys, no kiosk exit code, and patients only
under pseudonyms (the same one on every display, so its queues stay whole); a kiosk gets
no staff accounts; a console gets no kiosk exit code. Convergence is per projection: a
device's state equals the server's state seen through its kind's `StateView`
(core.digest).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, replace

from core.ops.envelope import Op

SERVER_ONLY_SETTINGS = frozenset({"site_secret"})
HIDDEN_SETTINGS: dict[str, frozenset[str]] = {
    "kiosk": SERVER_ONLY_SETTINGS,
    "staff": SERVER_ONLY_SETTINGS | {"kiosk_exit_code_hash"},
    "display": SERVER_ONLY_SETTINGS | {"kiosk_exit_code_hash"},
}
HIDDEN_KINDS: dict[str, frozenset[str]] = {
    "kiosk": frozenset({"user.upserted"}),
    "staff": frozenset(),
    "display": frozenset({"user.upserted", "pin.day_key"}),
}
PATIENT_KINDS = frozenset({"visit.checked_in", "ticket.issued"})
"""The kinds that carry a patient's ID number (as `id_number`)."""


def pseudonym_maker(secret: bytes) -> Callable[[str], str]:
    """A patient's stand-in on displays: HMAC of the ID under a key of the site's own."""
    key = hmac.new(secret, b"pseudonym", hashlib.sha256).digest()

    @functools.lru_cache(maxsize=65_536)
    def pseudonym(id_number: str) -> str:
        return "P-" + hmac.digest(key, id_number.encode(), "sha256").hex()[:24]

    return pseudonym


@dataclass(frozen=True)
class Projection:
    """The rule for one device kind."""

    kind: str
    pseudonym: Callable[[str], str] | None = None

    @property
    def hides_patients(self) -> bool:
        return self.kind == "display"

    def apply(self, op: Op) -> Op | None:
        """`op` as this kind receives it, or None when it does not receive it at all."""
        if op.kind in HIDDEN_KINDS.get(self.kind, frozenset()):
            return None
        if op.kind == "setting.set" and op.payload.get("key") in HIDDEN_SETTINGS.get(self.kind, SERVER_ONLY_SETTINGS):
            return None
        payload = op.payload
        if op.kind == "visit.clinic_confirmed" and "pin" in payload:
            payload = {k: v for k, v in payload.items() if k != "pin"}
        if op.kind == "visit.checked_in" and "notify" in payload:
            payload = {k: v for k, v in payload.items() if k != "notify"}
        if self.hides_patients and op.kind in PATIENT_KINDS and self.pseudonym is not None:
            payload = {**payload, "id_number": self.pseudonym(str(payload["id_number"]))}
        if payload is op.payload and not op.proof:
            return op
        return replace(op, payload=payload, proof="")
