"""The kiosk's optional mobile-number step: whether the site asks, which numbers it
takes, and forgetting a number once it has reached the server (core.phones)."""

from __future__ import annotations

from core.database import Database
from core.errors import InvalidInput
from core.ops.envelope import SettingSet
from core.ops.log import identity
from core.permissions import Actor
from core.phones import PHONE_FORMAT, answered_with_phone, format_problem, phone_format, scrub_op
from core.services.call import service_call


def phone_step(db: Database) -> str:
    """The site's number format, or "" when the kiosks ask for no number."""
    with db.read() as session:
        return phone_format(session)


def set_phone_format(db: Database, actor: Actor, pattern: str) -> bool:
    """Have the kiosks ask for a mobile number of `pattern` ("": ask for none), as the
    server's notification configuration says; whether the setting changed."""
    if pattern:
        problem = format_problem(pattern)
        if problem is not None:
            raise InvalidInput(detail=problem)
    with db.read() as session:
        if phone_format(session) == pattern:
            return False
    with service_call(db, actor, "set_setting", "configure", target=PHONE_FORMAT) as call:
        call.emit("setting.set", SettingSet(key=PHONE_FORMAT, value=pattern))
    return True


def forget_sent_phones(db: Database) -> int:
    """On a kiosk: blank the numbers of its check-ins the server has answered for; how
    many. Nothing else on the device reads them."""
    with db.read() as session:
        me = identity(session)
        found = answered_with_phone(session, me.device_id, me.next_seq)
    if not found:
        return 0
    with db.write() as session:
        return sum(scrub_op(session, op_id) for op_id in found)
