"""Power loss and concurrent writers: real processes, real SIGKILL, one store file."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from core.services.config import init_site
from core.store import STORE_FILE, open_store
from tests.system import workers

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("MMC_CRASH_KILLS", "200"))


@pytest.fixture(scope="module")
def forkserver() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.system.workers"])
    return context


def _verify(path: Path, reported: set[str]) -> int:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        visits = {row[0]: row[1] for row in connection.execute("SELECT id, patient_id FROM visits")}
        tickets = {row[0] for row in connection.execute("SELECT id FROM tickets")}
        outbox = [
            json.loads(row[0])
            for row in connection.execute(
                "SELECT ops.payload FROM ops JOIN outbox ON outbox.op_id = ops.op_id "
                "WHERE ops.kind = 'visit.checked_in'"
            )
        ]
        audited = connection.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'check_in' AND outcome = 'ok'"
        ).fetchone()[0]
    finally:
        connection.close()
    assert reported <= set(visits.values()), "a check-in reported done was lost"
    assert {p["visit_id"] for p in outbox} == set(visits), "a visit without its op in the outbox"
    assert {p["ticket"]["ticket_id"] for p in outbox} == tickets, "a ticket without its op in the outbox"
    assert audited == len(visits), "a check-in without its audit entry"
    return len(visits)


def test_check_ins_reported_done_survive_sigkill(
    tmp_path: Path, forkserver: multiprocessing.context.ForkServerContext
) -> None:
    store = open_store(tmp_path, kind="kiosk")
    init_site(store.db)
    store.close()
    rng = random.Random(2026)
    reported: set[str] = set()
    stored = 0
    for attempt in range(KILLS):
        receive, send = forkserver.Pipe(duplex=False)
        child = forkserver.Process(
            target=workers.check_in_until_killed,
            args=(str(tmp_path), 10_000_000 + attempt * 1000, send),
        )
        child.start()
        send.close()
        assert receive.poll(60), "the child committed no check-in within a minute"
        reported.add(receive.recv_bytes().decode())
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
        assert child.exitcode == -signal.SIGKILL
        while receive.poll():
            try:
                reported.add(receive.recv_bytes().decode())
            except EOFError:
                break
        receive.close()
        stored = _verify(tmp_path / STORE_FILE, reported)
    assert stored >= len(reported) >= KILLS


@pytest.mark.parametrize("kind", ["standalone", "kiosk"])
def test_eight_processes_checking_in_to_one_clinic_never_share_a_number(
    tmp_path: Path, forkserver: multiprocessing.context.ForkServerContext, kind: str
) -> None:
    store = open_store(tmp_path, kind=kind)
    init_site(store.db)
    store.close()
    processes, each = 8, 50
    start = forkserver.Barrier(processes)
    results = forkserver.Queue()
    children = [
        forkserver.Process(
            target=workers.check_in_together,
            args=(str(tmp_path), 20_000_000 + w * 1000, each, start, results),
        )
        for w in range(processes)
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join()
    assert [kind for kind, _ in outcomes] == ["ok"] * processes, outcomes
    labels = [label for _, got in outcomes for label in got]
    assert sorted(int(label.rpartition("-")[2]) for label in labels) == list(range(1, processes * each + 1))
    assert len({label.rpartition("-")[0] for label in labels}) == 1
