"""On PostgreSQL, devices push at the same time while a display pulls: the puller's cursor
never skips an op that commits late."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import select

from core.ops.log import pending_ops
from core.schema import OpRecord
from core.services.checkin import check_in
from tests.sync.conftest import Site, kiosk_actor

pytestmark = [pytest.mark.postgres, pytest.mark.parametrize("backend", ["postgres"])]
PUSHERS, EACH = 4, 150


@pytest.mark.anyio
async def test_concurrent_pushers_never_make_a_puller_miss_an_op(site: Site) -> None:
    kiosks = [await site.device(f"k{n}", "kiosk") for n in range(PUSHERS)]
    display = await site.device("d", "display")
    for n, kiosk in enumerate(kiosks):
        kiosk.batch = 10
        for p in range(EACH):
            check_in(kiosk.store.db, kiosk_actor(kiosk), id_number=f"2{n}{p:09d}", gender="male", exam_type="travel")
    with site.db.read() as session:
        start = max(session.scalars(select(OpRecord.accepted_seq)).all(), key=lambda s: s or 0) or 0
    seen: list[int] = []
    done = asyncio.Event()

    async def pull() -> None:
        cursor = start
        async with httpx.AsyncClient(
            base_url=site.url, headers={"authorization": f"Bearer {display.link.token}"}
        ) as http:
            while True:
                finished = done.is_set()
                answer = (await http.get("/v1/ops", params={"after": cursor, "limit": 37, "wait": 0.05})).json()
                seen.extend(op["seq"] for op in answer["ops"])
                cursor = answer["cursor"]
                if finished and not answer["ops"]:
                    return

    puller = asyncio.ensure_future(pull())
    await asyncio.gather(*(kiosk.push_pending() for kiosk in kiosks))
    done.set()
    await puller
    with site.db.read() as session:
        accepted = sorted(s for s in session.scalars(select(OpRecord.accepted_seq)) if s and s > start)
    assert len(accepted) >= PUSHERS * EACH
    assert seen == accepted, "the puller skipped or repeated an op"
    for kiosk in kiosks:
        with kiosk.store.db.read() as session:
            assert pending_ops(session) == []
