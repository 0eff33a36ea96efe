"""A patient at a kiosk calls for staff; every console shows the call until one answers.

The calls are ops (`help.requested`, `help.answered`) and nothing else: they reach every
console with the log, and an answer on one console clears the call on all of them."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from core.clock import HlcStamp, to_iso, utc_now
from core.database import Database
from core.ids import new_id
from core.ops.envelope import HelpAnswered, HelpRequested
from core.permissions import Actor
from core.schema import OpRecord
from core.services.call import service_call
from core.statuses import OpOutcome

OPEN_FOR = dt.timedelta(minutes=30)
"""A call nobody answered in this time is no longer shown."""


@dataclass(frozen=True)
class HelpCall:
    request_id: str
    station: str
    at: str


def ask_for_help(db: Database, actor: Actor, *, now: dt.datetime | None = None) -> str:
    """The kiosk's call for staff; its id."""
    with service_call(db, actor, "ask_help", "ask_help", now=now) as call:
        request_id = new_id()
        call.emit("help.requested", HelpRequested(request_id=request_id, at=to_iso(call.now)))
        return request_id


def answer_help(db: Database, actor: Actor, *, request_id: str, now: dt.datetime | None = None) -> None:
    with service_call(db, actor, "answer_help", "queue_action", target=request_id, now=now) as call:
        call.emit("help.answered", HelpAnswered(request_id=request_id, at=to_iso(call.now)))


def open_calls(db: Database, *, now: dt.datetime | None = None) -> list[HelpCall]:
    """The calls for help of the last half hour that nobody answered, oldest first."""
    since = int(((now or utc_now()) - OPEN_FOR).timestamp() * 1000)
    with db.read() as session:
        rows = session.execute(
            select(OpRecord.kind, OpRecord.actor, OpRecord.hlc, OpRecord.payload)
            .where(
                OpRecord.kind.in_(("help.requested", "help.answered")),
                OpRecord.outcome == OpOutcome.APPLIED,
                OpRecord.hlc >= f"{since:013d}",
            )
            .order_by(OpRecord.hlc)
        ).all()
    calls: dict[str, HelpCall] = {}
    for kind, actor, hlc, payload in rows:
        request_id = str(json.loads(payload)["request_id"])
        if kind == "help.requested":
            calls[request_id] = HelpCall(request_id, actor, to_iso(HlcStamp.decode(hlc).wall_time))
        else:
            calls.pop(request_id, None)
    return list(calls.values())
