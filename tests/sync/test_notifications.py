"""Patients' messages from a real `mmc server run` process, to a webhook receiver on
127.0.0.1: every event reaches it once (after dropping repeats by id), in order for each
patient, signed; it waits while the receiver is down and survives the server being
killed; and a receiver that hangs never holds up sync."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest

from core.permissions import Actor
from core.services import queue
from core.services.checkin import check_in
from core.services.config import log_in
from core.store import STORE_FILE, Store, device_actor, open_store
from sync.client import SyncClient, enroll_device
from sync.link import ServerLink
from sync.server.notify.config import parse_config
from sync.server.notify.service import masked, retry_delay_s
from sync.server.notify.webhook import verify
from sync.server.run import free_port, start_server_process

pytestmark = pytest.mark.slow
SECRET = "a-shared-secret-of-the-site-0123"
PHONE_FORMAT = "05[0-9]{8}"
NURSE_PASSWORD = "nurse-pass-1"


# ---- a receiver on 127.0.0.1 -------------------------------------------------------------


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return orjson.loads(self.body)


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that keeps every request it gets: a webhook receiver
    or an SMS gateway, answering `status`. `refuse_every` answers 503 to every n-th
    request (after keeping it, as a receiver that failed after reading would); `hold`,
    while clear, keeps each request waiting without an answer."""

    port: int
    refuse_every: int = 0
    status: int = 200
    hold: threading.Event | None = None
    requests: list[Request] = field(default_factory=list)
    entered: threading.Event = field(default_factory=threading.Event)
    _server: http.server.ThreadingHTTPServer | None = None

    def start(self) -> Receiver:
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _take(self) -> None:
                size = int(self.headers.get("content-length") or 0)
                owner.requests.append(Request(self.path, dict(self.headers.items()), self.rfile.read(size)))
                owner.entered.set()
                if owner.hold is not None:
                    owner.hold.wait(60)
                refused = owner.refuse_every and len(owner.requests) % owner.refuse_every == 0
                self.send_response(503 if refused else owner.status)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            do_POST = do_GET = _take  # noqa: N815

            def log_message(self, *args: Any) -> None:
                return None

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def first_of_each(self) -> list[Request]:
        """The requests with a repeated event id left out (what a receiver keeps)."""
        seen: set[str] = set()
        kept = []
        for request in self.requests:
            event = request.headers.get("X-MMC-Event-Id") or request.json().get("event_id")
            if event not in seen:
                seen.add(event)
                kept.append(request)
        return kept


# ---- a server process with its notifications -------------------------------------------


def run_mmc(data: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(
        [sys.executable, "-m", "core.cli", "--data-dir", str(data), "server", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    ).stdout.strip()


@dataclass
class ServerProcess:
    data: Path
    config: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = start_server_process(self.data, self.port, env={"MMC_NOTIFY_CONFIG": str(self.config)})

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=20)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """Read the server's database (SQLite, in WAL mode: readable while it runs)."""
        connection = sqlite3.connect(f"file:{self.data / 'server' / STORE_FILE}?mode=ro", uri=True, timeout=10)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    def count(self, sql: str) -> int:
        return int(self.rows(sql)[0][0])


def notify_config(path: Path, receiver_port: int, *, extra: str = "", timeout_s: float = 5) -> Path:
    path.write_text(
        f"""
[notifications]
notifiers = ["webhook"]
phone_format = "{PHONE_FORMAT}"
few_ahead = 1
retry_first_s = 0.2
retry_max_s = 1
poll_s = 0.1

[webhook]
url = "http://127.0.0.1:{receiver_port}/mmc"
secret = "{SECRET}"
timeout_s = {timeout_s}
{extra}
""",
        encoding="utf-8",
    )
    return path


async def wait_for(condition: Callable[[], bool], timeout_s: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.05)


@dataclass
class Site:
    server: ServerProcess
    kiosk: SyncClient
    console: SyncClient

    @property
    def nurse(self) -> Actor:
        return log_in(self.console.store.db, username="nurse", password=NURSE_PASSWORD)

    @property
    def kiosk_actor(self) -> Actor:
        return device_actor(self.kiosk.store.db)

    def check_in(self, id_number: str, phone: str | None = None, language: str = "ar") -> str:
        return check_in(
            self.kiosk.store.db,
            self.kiosk_actor,
            id_number=id_number,
            gender="male",
            exam_type="travel",
            phone=phone,
            language=language,
        ).visit_id


async def device(server: ServerProcess, root: Path, name: str, kind: str, code: str) -> SyncClient:
    store: Store = open_store(root / name, kind=kind)
    link = ServerLink(server.url)
    await enroll_device(store, link, code=code, name=name)
    client = SyncClient(store, link, long_poll_s=0.2)
    await client.sync_once()
    return client


@contextlib.asynccontextmanager
async def notifying_site(tmp_path: Path, config: Path) -> AsyncIterator[Site]:
    """A server process with notifications configured by `config`, a kiosk and a console
    enrolled with it (the console's nurse logged in)."""
    data = tmp_path / "data"
    codes = [run_mmc(data, "enroll-code") for _ in range(2)]
    run_mmc(data, "user", "nurse", "--role", "staff", env={"MMC_NEW_PASSWORD": NURSE_PASSWORD})
    server = ServerProcess(data, config)
    server.start()
    clients: list[SyncClient] = []
    try:
        clients.append(await device(server, tmp_path, "kiosk", "kiosk", codes[0]))
        clients.append(await device(server, tmp_path, "console", "staff", codes[1]))
        yield Site(server, clients[0], clients[1])
    finally:
        for client in clients:
            await client.link.aclose()
            client.store.close()
        server.stop()


@pytest.fixture
def receiver_port() -> int:
    return free_port()


@pytest.fixture
def receivers() -> Iterator[list[Receiver]]:
    started: list[Receiver] = []
    yield started
    for receiver in started:
        receiver.stop()


def phone_of(request: Request) -> str:
    return str(request.json()["phone"])


# ---- the tests ---------------------------------------------------------------------------


@pytest.mark.anyio
async def test_events_wait_for_a_receiver_that_is_down_then_arrive_once_each_in_order_and_signed(
    tmp_path: Path, receiver_port: int, receivers: list[Receiver]
) -> None:
    config = notify_config(tmp_path / "notify.toml", receiver_port)
    async with notifying_site(tmp_path, config) as site:
        route = ["vitals", "lab", "xray", "internal"]
        site.check_in("28400000001", "0501110001", "ar")
        site.check_in("28400000002", "0501110002", "en")
        site.check_in("28400000003")  # no number: never told anything
        site.check_in("28400000004", "0501110004", "ar")  # 3 ahead of them
        await site.kiosk.sync_once()
        server = site.server
        await wait_for(lambda: server.count("SELECT count(*) FROM notify_events") == 3, what="3 tickets told")
        await site.console.sync_once()
        nurse = site.nurse
        db = site.console.store.db
        for clinic in route:  # patient 1 goes through the whole route
            called = queue.call_next(db, nurse, clinic=clinic, room="2")
            queue.complete(db, nurse, ticket_id=called.ticket_id)
        queue.call_next(db, nurse, clinic="vitals", room="2")  # patient 2: patient 4 is 1 ahead now
        await site.console.sync_once()
        await wait_for(lambda: server.count("SELECT count(*) FROM notify_events") == 13, what="13 events queued")
        await wait_for(
            lambda: server.count("SELECT count(DISTINCT visit_id) FROM notify_deliveries WHERE attempts > 0") == 3,
            what="a first attempt for each of the 3 patients, the receiver down",
        )
        assert server.count("SELECT count(*) FROM notify_deliveries WHERE status = 'delivered'") == 0

        receiver = Receiver(receiver_port, refuse_every=4).start()
        receivers.append(receiver)
        await wait_for(
            lambda: server.count("SELECT count(*) FROM notify_deliveries WHERE status = 'delivered'") == 13,
            what="every event delivered once the receiver is up",
        )
        order = server.rows("SELECT visit_id, event_id FROM notify_deliveries ORDER BY id")

    kept = receiver.first_of_each()
    assert len(receiver.requests) > len(kept), "the 503 answers made the server send some events again"
    assert sorted(r.headers["X-MMC-Event-Id"] for r in kept) == sorted(event for _, event in order)
    for request in receiver.requests:
        headers = request.headers
        assert headers["X-MMC-Event-Id"] == headers["Idempotency-Key"] == request.json()["event_id"]
        assert verify(
            SECRET.encode(), headers["X-MMC-Timestamp"], request.body, headers["X-MMC-Signature"], now=time.time()
        )
        assert not verify(
            b"another secret of 16+",
            headers["X-MMC-Timestamp"],
            request.body,
            headers["X-MMC-Signature"],
            now=time.time(),
        )
    for visit in {v for v, _ in order}:
        queued = [event for v, event in order if v == visit]
        arrived = [r.headers["X-MMC-Event-Id"] for r in kept if r.json()["visit_id"] == visit]
        assert arrived == queued, "a patient's events arrive in their order"
    kinds = {
        phone: [r.json()["kind"] for r in kept if phone_of(r) == phone]
        for phone in ("0501110001", "0501110002", "0501110004")
    }
    assert kinds["0501110001"] == ["ticket_issued", "called"] * 4 + ["route_complete"]
    assert kinds["0501110002"] == ["ticket_issued", "called"]
    assert kinds["0501110004"] == ["ticket_issued", "few_ahead"]
    first = next(r.json() for r in kept if phone_of(r) == "0501110004")
    assert (first["ahead"], first["clinic"], first["language"]) == (3, "vitals", "ar")
    assert {r.json()["language"] for r in kept if phone_of(r) == "0501110002"} == {"en"}


@pytest.mark.anyio
async def test_queued_events_survive_the_server_being_killed_and_go_out_after_its_restart(
    tmp_path: Path, receiver_port: int, receivers: list[Receiver]
) -> None:
    config = notify_config(tmp_path / "notify.toml", receiver_port)
    async with notifying_site(tmp_path, config) as site:
        site.check_in("28400000011", "0502220011", "ar")
        site.check_in("28400000012", "0502220012", "en")
        await site.kiosk.sync_once()
        server = site.server
        await wait_for(
            lambda: server.count("SELECT count(*) FROM notify_deliveries WHERE attempts > 0") == 2,
            what="both events tried while the receiver is down",
        )
        server.kill()
        queued = server.rows("SELECT event_id FROM notify_deliveries WHERE status = 'pending'")
        assert len(queued) == 2
        server.start()
        receiver = Receiver(receiver_port).start()
        receivers.append(receiver)
        await wait_for(
            lambda: server.count("SELECT count(*) FROM notify_deliveries WHERE status = 'delivered'") == 2,
            what="the events queued before the kill delivered after the restart",
        )
    assert sorted(r.headers["X-MMC-Event-Id"] for r in receiver.first_of_each()) == sorted(e for (e,) in queued)
    assert {phone_of(r) for r in receiver.requests} == {"0502220011", "0502220012"}


@pytest.mark.anyio
async def test_a_receiver_that_hangs_never_holds_up_a_push(
    tmp_path: Path, receiver_port: int, receivers: list[Receiver]
) -> None:
    release = threading.Event()
    receiver = Receiver(receiver_port, hold=release).start()
    receivers.append(receiver)
    config = notify_config(tmp_path / "notify.toml", receiver_port, timeout_s=30)
    try:
        async with notifying_site(tmp_path, config) as site:
            site.check_in("28400000021", "0503330021")
            await site.kiosk.sync_once()
            await wait_for(receiver.entered.is_set, what="the server's request held by the receiver")
            for n in range(20):
                site.check_in(f"{28400000100 + n}", f"05033301{n:02d}")
            started = time.perf_counter()
            pushed = await site.kiosk.push_pending()
            took = time.perf_counter() - started
            assert pushed == 20
            assert not release.is_set() and len(receiver.requests) == 1, "the receiver still holds its one request"
            print(f"push of 20 check-ins while the receiver hangs: {took * 1000:.0f} ms")
            release.set()
            server = site.server
            await wait_for(
                lambda: server.count("SELECT count(*) FROM notify_deliveries WHERE status = 'delivered'") == 21,
                what="everything delivered once the receiver answers",
            )
    finally:
        release.set()


def test_a_bad_configuration_stops_the_server_with_the_reason(tmp_path: Path) -> None:
    config = tmp_path / "notify.toml"
    config.write_text(
        """
[notifications]
notifiers = ["sms"]
phone_format = "05[0-9]{8}"

[sms]
url = "http://127.0.0.1:9/send"

[sms.templates.en]
called = "Number {ticket}, {ahead} ahead"
""",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "core.cli", "--data-dir", str(tmp_path / "data"), "server", "run"],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "MMC_NOTIFY_CONFIG": str(config)},
        timeout=60,
    )
    assert run.returncode != 0
    assert "sms.templates.en.called" in run.stderr and "{ahead}" in run.stderr


def test_retries_back_off_exponentially_up_to_the_limit() -> None:
    config = parse_config({"notifications": {"retry_first_s": 2, "retry_max_s": 60}})
    waits = [retry_delay_s(config, attempt) for attempt in range(1, 9)]
    for attempt, wait in enumerate(waits, start=1):
        assert 0.8 * min(60, 2 * 2 ** (attempt - 1)) <= wait <= min(60, 2 * 2 ** (attempt - 1))


def test_no_number_is_kept_in_an_error_a_receiver_sent() -> None:
    said = "HTTP 400: invalid destination +966 50 123 4567 (0501234567); retry in 30 s"
    assert masked(said) == "HTTP 400: invalid destination <number> (<number>); retry in 30 s"
