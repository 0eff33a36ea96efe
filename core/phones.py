"""A patient's mobile number, given at the kiosk for messages about their place.

The number travels once, in the check-in op (`VisitCheckedIn.notify`), from the kiosk
that took it to the server, which alone sends messages. No other device receives it
(core.projection drops it from every pull), no replicated table holds it, and it is
forgotten, in the op logs too, as soon as it has served:

- on the kiosk, once the server has acknowledged the check-in (`scrub_answered`);
- on the server, when the service day it was given on ends (closed by staff or at the
  closing hour): the notification queue blanks it and `scrub_op` rewrites the op.

Which numbers are taken is the site's setting `notify_phone_format`, a regular expression
the server sets from its notification configuration; empty (the default), the kiosk does
not ask.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from core.digits import western_digits
from core.errors import MmcError
from core.schema import OpRecord, OutboxEntry, table_of
from core.settings import SETTING_VALUE

PHONE_FORMAT = "notify_phone_format"
"""The setting: a regular expression a whole number must match; "" when none is asked."""
PHONE_BOUNDS = re.compile(r"\+?[0-9]{6,15}")
"""What any number must be, whatever the site's format (the check-in op's own bound)."""
SEPARATORS = re.compile(r"[\s\-().\u200e\u200f]")
"""What people type between groups of digits, and direction marks a paste brings."""
CHECK_IN = "visit.checked_in"


class InvalidPhone(MmcError):
    """The number typed is not a mobile number of the site's format."""

    code = "invalid_phone"
    template = "The mobile number does not have the expected format."


def phone_format(session: Session) -> str:
    """The site's number format, "" when the kiosks ask for no number."""
    value = session.scalar(SETTING_VALUE, {"key": PHONE_FORMAT})
    return str(json.loads(value)) if value is not None else ""


def format_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be the site's number format (None when it can)."""
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        return f"the phone format is not a regular expression: {error}"
    if compiled.fullmatch(""):
        return "the phone format must not match an empty number"
    return None


def clean_phone(typed: str) -> str:
    """A typed number as digits 0-9 (any script), with a leading + kept and spaces,
    dashes, dots and brackets taken out."""
    return SEPARATORS.sub("", western_digits(typed.strip()))


def check_phone(typed: str, pattern: str) -> str:
    """The number cleaned, if it is one of the site's format; InvalidPhone otherwise."""
    cleaned = clean_phone(typed)
    if not pattern or not PHONE_BOUNDS.fullmatch(cleaned) or not re.fullmatch(pattern, cleaned):
        raise InvalidPhone()
    return cleaned


def phone_of(payload: dict[str, Any]) -> str:
    """The number a check-in op's payload holds, "" when none."""
    notify = payload.get("notify")
    return str(notify.get("phone") or "") if isinstance(notify, dict) else ""


def without_phone(payload: dict[str, Any]) -> dict[str, Any]:
    """A check-in payload with its number blanked (consent and language kept)."""
    notify = payload.get("notify")
    if not isinstance(notify, dict) or not notify.get("phone"):
        return payload
    return {**payload, "notify": {**notify, "phone": ""}}


_ops = table_of(OpRecord).c
REWRITE_PAYLOAD = update(table_of(OpRecord)).where(_ops.op_id == bindparam("op")).values(payload=bindparam("payload"))
HOLDS_PHONE = _ops.payload.like('%"phone":"%') & ~_ops.payload.like('%"phone":""%')
"""A logged op whose payload holds a number (payloads are compact JSON: core.ops.envelope)."""


def scrub_op(session: Session, op_id: str) -> bool:
    """Blank the number in the logged check-in `op_id`; whether there was one."""
    stored = session.scalar(select(_ops.payload).where(_ops.op_id == op_id, _ops.kind == CHECK_IN))
    if stored is None:
        return False
    payload = orjson.loads(stored)
    if not phone_of(payload):
        return False
    scrubbed = orjson.dumps(without_phone(payload), option=orjson.OPT_SORT_KEYS).decode()
    session.execute(REWRITE_PAYLOAD, {"op": op_id, "payload": scrubbed})
    return True


RECENT_OPS = 5_000
"""How far back in its own log a kiosk looks for numbers to forget (it forgets them at
every check-in, so only the last few can still hold one)."""


def answered_with_phone(session: Session, device_id: str, next_seq: int) -> list[str]:
    """On a device: its own check-ins that still hold a number although the server has
    answered for them (it has the number, or refused it)."""
    return list(
        session.scalars(
            select(_ops.op_id).where(
                _ops.device_id == device_id,
                _ops.device_seq >= next_seq - RECENT_OPS,
                _ops.kind == CHECK_IN,
                _ops.op_id.not_in(select(table_of(OutboxEntry).c.op_id)),
                HOLDS_PHONE,
            )
        )
    )
