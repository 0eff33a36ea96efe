"""Clients that hang up in the middle of a request (a kiosk switched off, a cable pulled,
a client's timeout) leave at most one line each in the log of a real `mmc server run`,
without a traceback; a failure of the server's own still logs its traceback."""

from __future__ import annotations

import json
import signal
import socket
import struct
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from sync.server.enrollment import create_code
from sync.server.run import free_port, open_server_db

pytestmark = pytest.mark.slow

LAUNCHER = """
import sys

import sync.server.app

plain = sync.server.app.create_app


def create_app(db):
    app = plain(db)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a failure of the server's own")

    return app


sync.server.app.create_app = create_app
from core.cli import main

sys.exit(main(sys.argv[1:]))
"""
"""`mmc server run` as it is, with one more route that fails as a bug would."""

LONG_POLL_S = 2


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    token: str
    log: Path
    stderr: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def records(self) -> list[dict[str, str]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]

    def lines(self) -> list[str]:
        """Every line as someone reading the logs sees it: the JSON lines with each
        traceback they hold spread out, then the console's."""
        spread = [f"{r['level']} {r['message']}\n{r.get('error', '')}".strip() for r in self.records()]
        return "\n".join(spread).splitlines() + self.stderr.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    data, logs, port = tmp_path / "data", tmp_path / "logs", free_port()
    db = open_server_db(root=data / "server")
    code = create_code(db)
    db.dispose()
    stderr = tmp_path / "server.stderr"
    with stderr.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, "--data-dir", str(data), "server", "run", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    running = Server(process, port, "", logs / "mmc.jsonl", stderr)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{running.url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        asked = {"code": code, "device_id": str(uuid.uuid4()), "kind": "kiosk", "name": "K"}
        running.token = httpx.post(f"{running.url}/v1/enroll", json=asked, timeout=10).json()["token"]
        yield running
    finally:
        running.stop()


def _head(server: Server, method: str, path: str, length: int | None = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Authorization: Bearer {server.token}"]
    if length is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {length}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _hang_up(server: Server, request: bytes, *, reset: bool, after_s: float = 0.3) -> str:
    """Send `request`, wait, and close (with a reset, as a crashed or unplugged machine's
    stack does, or an orderly FIN); the client's address as the server saw it."""
    with socket.create_connection(("127.0.0.1", server.port)) as client:
        if reset:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.sendall(request)
        time.sleep(after_s)
        host, port = client.getsockname()[:2]
    return f"{host}:{port}"


KILLED_CLIENT = """
import socket, sys, time

client = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
client.sendall(sys.stdin.buffer.read())
print("{}:{}".format(*client.getsockname()[:2]), flush=True)
time.sleep(60)
"""


def _killed_mid_upload(server: Server, request: bytes) -> str:
    """A client process killed (SIGKILL) while its upload is under way."""
    command = [sys.executable, "-c", KILLED_CLIENT, str(server.port)]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as child:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(request)
        child.stdin.close()
        address = child.stdout.readline().decode().strip()
        time.sleep(0.3)
        child.kill()
    return address


def test_each_hang_up_is_one_line_at_most_and_none_is_a_traceback(server: Server) -> None:
    body = b'{"ops": [' + b" " * 300_000
    mid_body = [
        _hang_up(server, _head(server, "POST", "/v1/ops", 1_500_000) + body, reset=False),
        _hang_up(server, _head(server, "POST", "/v1/ops", 1_500_000) + body, reset=True),
        _hang_up(server, _head(server, "POST", "/v1/enroll", 10_000) + b'{"code": "', reset=False),
        _hang_up(server, _head(server, "POST", "/v1/health", 5_000) + b'{"protocol": 1', reset=True),
        _killed_mid_upload(server, _head(server, "POST", "/v1/leases", 100_000) + b'{"day": '),
    ]
    long_poll = f"/v1/ops?after=999999999&wait={LONG_POLL_S}"
    elsewhere = [
        _hang_up(server, _head(server, "GET", long_poll), reset=False),
        _hang_up(server, _head(server, "GET", long_poll), reset=True),
        _hang_up(server, _head(server, "GET", "/v1/ops?after=0&limit=1000"), reset=True, after_s=0),
        _hang_up(server, b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept", reset=False),
    ]
    with pytest.raises(httpx.TimeoutException):
        httpx.get(f"{server.url}{long_poll}", headers={"Authorization": f"Bearer {server.token}"}, timeout=0.3)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not all(any(a in line for line in server.lines()) for a in mid_body):
        time.sleep(0.1)
    time.sleep(LONG_POLL_S + 1)
    server.stop()

    lines = server.lines()
    assert not [line for line in lines if "Traceback" in line or line.startswith("ERROR")]
    for address in mid_body:
        naming = [line for line in lines if address in line]
        assert len(naming) == 1, (address, naming)
        assert naming[0].startswith("INFO")
    for path, address in zip(["/v1/ops", "/v1/ops", "/v1/enroll", "/v1/health", "/v1/leases"], mid_body, strict=True):
        assert path in next(line for line in lines if address in line)
    for address in elsewhere:
        assert len([line for line in lines if address in line]) <= 1


def test_a_failure_of_the_server_s_own_still_logs_its_traceback(server: Server) -> None:
    answer = httpx.get(f"{server.url}/boom", timeout=10)
    assert answer.status_code == 500
    server.stop()
    failures = [r for r in server.records() if r["level"] == "ERROR"]
    assert len(failures) == 1
    assert "Traceback" in failures[0]["error"]
    assert "RuntimeError: a failure of the server's own" in failures[0]["error"]
