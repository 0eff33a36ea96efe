"""Sync throughput and latency against a real server process on 127.0.0.1.

Prints one JSON object as its last line: replay_ops_per_s (50,000 queued ops from one
device to a fresh server on SQLite; the median of --repeat runs, as this machine is
noisy), replay_ops_per_s_pg (the same on PostgreSQL, when reachable),
devices20_ops_per_s (20 devices pushing at once), pull_p95_ms (a pull of up to 500 ops),
call_to_display_p95_ms (a call on one console until a display's long-poll has applied
it), catch_up_ops_per_s (a fresh kiosk, --catch-up ops at the server, until its view is
complete; catch_up_full_log_ops_per_s the same by replaying the whole log) and
board_ready_s (a display enrolled on a day of --board-ops ops, until its board is the
server's). Usage: python bench/sync.py [--ops 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import keyring

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from core.clock import service_day, to_iso, utc_now
from core.database import scratch_schema, unreachable
from core.ids import new_id
from core.ops.envelope import NewTicket, VisitCheckedIn
from core.ops.log import emit, identity
from core.permissions import SYSTEM
from core.schema import Ticket
from core.services import queue
from core.services.board import board
from core.services.checkin import check_in
from core.services.config import log_in, save_user
from core.store import Store, device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.credentials import MemoryKeyring
from sync.link import ServerLink
from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db, start_server_process

TICKET_IDS = select(Ticket.id)
PG_URL = os.environ.get("MMC_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


class Server:
    """`mmc server run` in a child process, on its own database."""

    def __init__(self, root: Path, url: str | None = None) -> None:
        self.port = free_port()
        self.db = open_server_db(url, root=root / "server")
        self.db.dispose()
        self.process = start_server_process(root, self.port, url)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.db.dispose()


async def device(server: Server, root: Path, name: str, kind: str, *, pull: bool = True, **options: Any) -> SyncClient:
    store = open_store(root / name, kind=kind)
    link = ServerLink(server.url)
    await enroll_device(store, link, code=create_code(server.db), name=name)
    client = SyncClient(store, link, **options)
    if pull:
        await client.pull_new()
    return client


def queue_check_ins(store: Store, count: int, device: int = 0) -> None:
    """`count` check-in ops in the outbox, emitted in one transaction (fast to prepare).
    Each `device` has its own patients and its own station's numbers, so every op is
    accepted: the figures measure acceptance, not refusals."""
    day = service_day(utc_now())
    with store.db.write() as session:
        station = identity(session).station
        for n in range(count):
            at = utc_now()
            emit(
                session,
                station,
                "visit.checked_in",
                VisitCheckedIn(
                    visit_id=new_id(),
                    id_number=f"{30000000000 + device * 1_000_000 + n}",
                    gender="male",
                    exam_type="travel",
                    route=["vitals", "lab", "xray", "internal"],
                    day=day,
                    at=to_iso(at),
                    ticket=NewTicket(ticket_id=new_id(), clinic="vitals", number=n + 1, station=station),
                ),
                at,
            )


async def replay(root: Path, ops: int, url: str | None) -> float:
    server = Server(root, url)
    try:
        kiosk = await device(server, root, "replayer", "kiosk")
        queue_check_ins(kiosk.store, ops)
        started = time.perf_counter()
        await kiosk.push_pending()
        elapsed = time.perf_counter() - started
        assert kiosk.status.ops_waiting == 0 and not kiosk.status.refused, "ops were refused"
        await kiosk.link.aclose()
        return ops / elapsed
    finally:
        server.stop()


async def many_devices(root: Path, devices: int, each: int) -> float:
    server = Server(root)
    try:
        clients = [await device(server, root, f"k{n}", "kiosk", batch=250) for n in range(devices)]
        for n, client in enumerate(clients):
            queue_check_ins(client.store, each, device=n)
        started = time.perf_counter()
        await asyncio.gather(*(c.push_pending() for c in clients))
        elapsed = time.perf_counter() - started
        assert all(c.status.ops_waiting == 0 and not c.status.refused for c in clients), "ops were refused"
        for client in clients:
            await client.link.aclose()
        return devices * each / elapsed
    finally:
        server.stop()


async def latencies(root: Path, calls: int) -> tuple[float, float]:
    server = Server(root)
    try:
        save_user(server.db, SYSTEM, username="nurse", password="nurse-pass-1", role="staff")
        kiosk = await device(server, root, "kiosk", "kiosk")
        console = await device(server, root, "console", "staff")
        display = await device(server, root, "display", "display", long_poll_s=5.0)
        for n in range(calls):
            check_in(
                kiosk.store.db,
                device_actor(kiosk.store.db),
                id_number=f"{31000000000 + n}",
                gender="male",
                exam_type="travel",
            )
        await kiosk.push_pending()
        await console.pull_new()
        await display.pull_new()
        pulls = []
        http = httpx.AsyncClient(base_url=server.url, headers={"authorization": f"Bearer {display.link.token}"})
        for n in range(200):
            started = time.perf_counter()
            response = await http.get("/v1/ops", params={"after": (n * 37) % max(1, calls), "limit": 500})
            response.raise_for_status()
            pulls.append((time.perf_counter() - started) * 1000)
        await http.aclose()
        nurse = log_in(console.store.db, username="nurse", password="nurse-pass-1")
        delays = []
        for _ in range(calls):
            listening = asyncio.ensure_future(display.pull_new(5.0))
            await asyncio.sleep(0.02)
            started = time.perf_counter()
            called = queue.call_next(console.store.db, nurse, clinic="vitals", room="1")
            await console.push_pending()
            await listening
            with display.store.db.read() as session:
                ticket = session.get(Ticket, called.ticket_id)
                while ticket is None or ticket.status != "CALLED":
                    await display.pull_new(5.0)
                    ticket = session.get(Ticket, called.ticket_id)
            delays.append((time.perf_counter() - started) * 1000)
        for client in (kiosk, console, display):
            await client.link.aclose()
        return p95(pulls), p95(delays)
    finally:
        server.stop()


async def day_at_server(server: Server, root: Path, ops: int, calls: int) -> None:
    """`ops` ops accepted by the server: check-ins, then `calls` of them called by a nurse."""
    kiosk = await device(server, root, "day-kiosk", "kiosk")
    queue_check_ins(kiosk.store, ops - calls)
    await kiosk.push_pending()
    await kiosk.link.aclose()
    if calls:
        save_user(server.db, SYSTEM, username="nurse", password="nurse-pass-1", role="staff")
        console = await device(server, root, "day-console", "staff")
        nurse = log_in(console.store.db, username="nurse", password="nurse-pass-1")
        for n in range(calls):
            queue.call_next(console.store.db, nurse, clinic="vitals", room=str(1 + n % 4))
        await console.push_pending()
        await console.link.aclose()


def ticket_count(store: Store) -> int:
    with store.db.read() as session:
        return len(session.scalars(TICKET_IDS).all())


async def catch_up(root: Path, ops: int) -> tuple[float, float]:
    """Ops per second until a fresh kiosk holds the server's state: from the snapshot,
    and by replaying the whole log."""
    server = Server(root)
    try:
        await day_at_server(server, root, ops, 0)
        rates = []
        for snapshots in (True, False):
            store = open_store(root / f"fresh-{snapshots}", kind="kiosk")
            link = ServerLink(server.url)
            await enroll_device(store, link, code=create_code(server.db), name="fresh")
            client = SyncClient(store, link, snapshots=snapshots)
            started = time.perf_counter()
            await client.pull_new()
            rates.append(ops / (time.perf_counter() - started))
            assert ticket_count(store) == ops, "the fresh device's view is not complete"
            await link.aclose()
            store.close()
        return rates[0], rates[1]
    finally:
        server.stop()


async def board_ready(root: Path, ops: int) -> float:
    """Seconds from a display's enrollment until its board is the server's."""
    server = Server(root)
    try:
        await day_at_server(server, root, ops, 40)
        expected = board(server.db)
        store = open_store(root / "display", kind="display")
        link = ServerLink(server.url)
        started = time.perf_counter()
        await enroll_device(store, link, code=create_code(server.db), name="display")
        client = SyncClient(store, link)
        await client.pull_new()
        shown = board(store.db)
        elapsed = time.perf_counter() - started
        assert [c.label for c in shown.serving] == [c.label for c in expected.serving] and shown.serving
        assert [c.key for c in shown.latest] == [c.key for c in expected.latest]
        await link.aclose()
        store.close()
        return elapsed
    finally:
        server.stop()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=50_000)
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--each", type=int, default=500)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="replays on SQLite; the median is reported")
    parser.add_argument("--catch-up", type=int, default=20_000)
    parser.add_argument("--board-ops", type=int, default=30_000)
    parser.add_argument("--only", choices=["catch_up"], help="only the catch-up and board figures")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    result: dict[str, Any] = {"ops": args.ops, "devices": args.devices, "ops_per_device": args.each}
    with tempfile.TemporaryDirectory(prefix="mmc-bench-sync-") as scratch:
        root = Path(scratch)
        caught = [await catch_up(root / f"catch-up-{n}", args.catch_up) for n in range(args.repeat)]
        result["catch_up_ops_per_s"] = round(statistics.median(c[0] for c in caught), 1)
        result["catch_up_full_log_ops_per_s"] = round(statistics.median(c[1] for c in caught), 1)
        boards = [await board_ready(root / f"board-{n}", args.board_ops) for n in range(args.repeat)]
        result["board_ready_s"] = round(statistics.median(boards), 3)
        result["board_ready_s_runs"] = [round(b, 3) for b in boards]
        if args.only:
            result["at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            print(json.dumps(result))
            return
        runs = [await replay(root / f"replay-{n}", args.ops, None) for n in range(args.repeat)]
        result["replay_ops_per_s"] = round(statistics.median(runs), 1)
        result["replay_ops_per_s_runs"] = [round(r, 1) for r in runs]
        if unreachable(PG_URL) is None:
            with scratch_schema(PG_URL, prefix="bench") as url:
                result["replay_ops_per_s_pg"] = round(await replay(root / "replay-pg", args.ops, url), 1)
        else:
            result["replay_ops_per_s_pg"] = None
        result["devices20_ops_per_s"] = round(await many_devices(root / "many", args.devices, args.each), 1)
        pull, display = await latencies(root / "latency", args.calls)
        result["pull_p95_ms"] = round(pull, 2)
        result["call_to_display_p95_ms"] = round(display, 2)
    result["at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    print(json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main())
