"""Opening the server's database, and running the API under uvicorn."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from core.database import Database, make_engine
from core.services.config import init_site
from core.store import Notice, data_dir, open_store
from sync.server.backups import migrate_postgres


def open_server_db(url: str | None = None, root: Path | None = None) -> Database:
    """The server's database: a URL (PostgreSQL for real sites), or by default an SQLite
    file under the data folder, with the local store's backups and corruption recovery.
    Migrated, with the server's identity and a set-up site."""
    return open_server(url, root)[0]


def open_server(url: str | None = None, root: Path | None = None) -> tuple[Database, list[Notice]]:
    """open_server_db, with what to tell IT about how it was opened (a rollback put back a
    backup taken before a migration, a damaged file replaced). A PostgreSQL database is
    dumped before a migration and put back from such a dump after a rollback, as the
    SQLite file is from its backups (sync.server.backups.migrate_postgres)."""
    if url is None:
        store = open_store(root or data_dir() / "server", kind="server", authority=True)
        db, notices = store.db, store.notices
    else:
        db = Database(make_engine(url, pool_pre_ping=True))
        try:
            notices = migrate_postgres(db, url, root)
        except BaseException:
            db.dispose()
            raise
    init_site(db)
    return db, notices


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class RunningServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def serve_in_thread(app: FastAPI, host: str = "127.0.0.1", port: int | None = None) -> RunningServer:
    """Run `app` under uvicorn in a background thread until `stop()` (tests, demo, benches)."""
    chosen = port or free_port(host)
    config = uvicorn.Config(
        app, host=host, port=chosen, log_level="warning", lifespan="on", access_log=False, proxy_headers=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn:{chosen}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the server did not start on {host}:{chosen}")
        time.sleep(0.01)
    return RunningServer(f"http://{host}:{chosen}", server, thread)


def start_server_process(
    data_root: Path, port: int, url: str | None = None, *, env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """`mmc server run` in a child process (tests and benches that kill or time it), once
    its /health answers; `env` is added to this process's environment."""
    command = [sys.executable, "-m", "core.cli", "--data-dir", str(data_root), "server"]
    command += ["--db", url] if url else []
    command += ["run", "--port", str(port)]
    environment = {**os.environ, **(env or {})}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"the server did not start on port {port}")
