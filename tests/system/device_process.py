"""A headless device in a process of its own, driven line by line on stdin (JSON in,
JSON out), for tests that need a real device process: one whose machine clock is wrong
(run under libfaketime), or that is killed. It runs as a station does: its store, its
corrected clock, its sync client.

    python -m tests.system.device_process --data DIR --server URL --kind kiosk --enroll CODE

Commands: {"do": "check_in", "id": "..."}, {"do": "sync"}, {"do": "now"}, {"do": "status"},
{"do": "quit"}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import keyring

from core.clock import DeviceClock, install_device_clock, service_day, to_iso, utc_now
from core.errors import MmcError
from core.ops.log import identity
from core.services.checkin import check_in
from core.store import clock_offset, device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.credentials import MemoryKeyring
from sync.link import ServerLink


async def serve(args: argparse.Namespace) -> None:
    keyring.set_keyring(MemoryKeyring())
    store = open_store(Path(args.data), kind=args.kind)
    clock = DeviceClock(clock_offset(store.db))
    install_device_clock(clock)
    link = ServerLink(args.server)
    client = SyncClient(store, link, clock=clock, long_poll_s=0.2)
    if args.enroll:
        await enroll_device(store, link, code=args.enroll, name=args.name)
    reader = asyncio.StreamReader()
    await asyncio.get_running_loop().connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        command = json.loads(line)
        answer = await handle(client, command)
        print(json.dumps(answer), flush=True)
        if command["do"] == "quit":
            break
    await link.aclose()
    store.close()


async def handle(client: SyncClient, command: dict[str, Any]) -> dict[str, Any]:
    db = client.store.db
    if command["do"] == "check_in":
        try:
            done = await asyncio.to_thread(
                check_in, db, device_actor(db), id_number=command["id"], gender="male", exam_type="travel"
            )
        except MmcError as error:
            return {"ok": False, "code": error.code}
        return {"ok": True, "label": done.place.label, "visit_id": done.visit_id}
    if command["do"] == "sync":
        await client.sync_once()
        await client.report_health(now=True)
        return {"ok": True}
    if command["do"] == "now":
        with db.read() as session:
            hlc = identity(session).hlc
        return {"now": to_iso(utc_now()), "day": service_day(utc_now()), "hlc": hlc}
    if command["do"] == "status":
        status = client.status
        return {"clock_skew_s": status.clock_skew_s, "clock_is_off": status.clock_is_off, "online": status.online}
    return {"ok": True}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--server", required=True)
    parser.add_argument("--kind", default="kiosk")
    parser.add_argument("--enroll")
    parser.add_argument("--name", default="")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
