"""Every bad request gets the right 4xx with a JSON reason; good ops in a batch are kept."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.ids import new_id
from core.ops.envelope import Op
from core.ops.log import identity, pending_ops
from core.permissions import Actor
from core.schema import DeviceCursor, DeviceToken
from core.services import queue
from core.services.checkin import check_in
from sync.client import SyncClient
from sync.protocol import MAX_BODY_BYTES
from sync.server.app import create_app
from sync.server.run import serve_in_thread
from tests.sync.conftest import Site

KIOSK = Actor("K1", "kiosk")


def _wire(ops: list[Op]) -> dict[str, object]:
    return {"protocol": 1, "ops": [op.as_dict() for op in ops]}


@pytest.mark.anyio
async def test_requests_without_a_valid_token_are_refused(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    with httpx.Client(base_url=site.url) as http:
        for headers in ({}, {"authorization": "Bearer forged-token"}, {"authorization": "Basic abc"}):
            response = http.get("/v1/ops", headers=headers)
            assert response.status_code == 401 and response.json()["error"] == "not_authenticated"
        with site.db.write() as session:
            for row in session.query(DeviceToken):
                row.expires_at = "2000-01-01T00:00:00+00:00"
        expired = http.get("/v1/ops", headers={"authorization": f"Bearer {kiosk.link.token}"})
        assert expired.status_code == 401


@pytest.mark.anyio
async def test_malformed_and_oversized_bodies_are_refused(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    auth = {"authorization": f"Bearer {kiosk.link.token}"}
    with httpx.Client(base_url=site.url, headers=auth) as http:
        assert http.post("/v1/ops", content=b"{not json").json()["error"] == "malformed_json"
        wrong = http.post("/v1/ops", json={"protocol": 1, "ops": "many"})
        assert (wrong.status_code, wrong.json()["error"]) == (422, "invalid_request")
        assert http.post("/v1/ops", json={"protocol": 2, "ops": []}).status_code == 422
        huge = http.post("/v1/ops", content=b"[" + b" " * (MAX_BODY_BYTES + 10) + b"]")
        assert (huge.status_code, huge.json()["error"]) == (413, "body_too_large")
        bad_query = http.get("/v1/ops", params={"after": -1})
        assert bad_query.status_code == 422
        not_a_number = http.get("/v1/ops", params={"limit": "many"})
        assert (not_a_number.status_code, not_a_number.json()["error"]) == (422, "invalid_request")
        assert "Traceback" not in bad_query.text


@pytest.mark.anyio
async def test_a_bad_op_in_the_middle_of_a_batch_is_refused_and_the_good_ones_kept(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    for n in range(3):
        check_in(kiosk.store.db, KIOSK, id_number=f"2840000000{n}", gender="male", exam_type="travel")
    with kiosk.store.db.read() as session:
        ops = pending_ops(session)
    body = _wire(ops)
    middle = body["ops"][1]  # type: ignore[index]
    middle["kind"] = "ticket.teleported"
    with httpx.Client(base_url=site.url, headers={"authorization": f"Bearer {kiosk.link.token}"}) as http:
        answers = http.post("/v1/ops", json=body).json()["answers"]
    assert [(a["outcome"], a["status"]) for a in answers] == [("accepted", 200), ("rejected", 422), ("accepted", 200)]
    assert answers[1]["code"] == "unknown_op_kind"


@pytest.mark.anyio
async def test_roles_are_enforced_on_the_server(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    console = await site.device("c", "staff")
    display = await site.device("d", "display")
    check_in(kiosk.store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel")
    await kiosk.sync_once()
    await console.pull_new()
    queue.call_next(console.store.db, Actor("nurse", "staff"), clinic="vitals")
    with console.store.db.read() as session:
        (call,) = [op.as_dict() for op in pending_ops(session) if op.kind == "ticket.called"]

    def push(client: SyncClient, op: dict[str, object]) -> dict[str, object]:
        with httpx.Client(base_url=site.url, headers={"authorization": f"Bearer {client.link.token}"}) as http:
            answers = http.post("/v1/ops", json={"protocol": 1, "ops": [op]}).json()["answers"]
        return dict(answers[0])

    as_kiosk = push(
        kiosk, {**call, "op_id": new_id(), "device_id": _device_id(kiosk), "device_seq": _next_seq(site, kiosk)}
    )
    assert (as_kiosk["status"], as_kiosk["code"]) == (403, "permission_denied")
    for_another_device = push(display, call)
    assert (for_another_device["status"], for_another_device["code"]) == (403, "forbidden")
    unknown_user = push(console, {**call, "actor": "nobody"})
    assert (unknown_user["status"], unknown_user["code"]) == (403, "permission_denied")
    with httpx.Client(base_url=site.url, headers={"authorization": f"Bearer {display.link.token}"}) as http:
        leases = http.post("/v1/leases", json={"protocol": 1, "day": "2026-11-22", "clinics": ["lab"], "size": 10})
    assert leases.status_code == 403


def _device_id(client: SyncClient) -> str:
    with client.store.db.read() as session:
        return identity(session).device_id


def _next_seq(site: Site, client: SyncClient) -> int:
    with site.db.read() as session:
        cursor = session.get(DeviceCursor, _device_id(client))
        return (cursor.last_seq if cursor else 0) + 1


@pytest.mark.anyio
async def test_requests_beyond_the_rate_are_refused_with_retry_after(site: Site) -> None:
    limited = serve_in_thread(create_app(site.db, rate=1, burst=3))
    try:
        kiosk = await site.device("k", "kiosk")
        with httpx.Client(base_url=limited.url, headers={"authorization": f"Bearer {kiosk.link.token}"}) as http:
            codes = [http.get("/v1/ops").status_code for _ in range(6)]
            refused = http.get("/v1/ops")
        assert codes[:3] == [200, 200, 200] and 429 in codes
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    finally:
        limited.stop()


@pytest.mark.anyio
async def test_health_and_metrics(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    check_in(kiosk.store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel")
    await kiosk.sync_once()
    with httpx.Client(base_url=site.url) as http:
        health = http.get("/health")
        assert health.status_code == 200 and health.json()["checks"] == {"database": "ok", "disk": "ok"}
        assert http.get("/metrics").status_code == 401
        metrics = http.get("/metrics", headers={"authorization": f"Bearer {kiosk.link.token}"}).text
    assert 'mmc_ops_total{outcome="accepted"}' in metrics
    assert "mmc_request_seconds_bucket" in metrics


def test_health_says_503_when_the_database_is_gone(tmp_path: object) -> None:
    from core.database import Database, make_engine

    gone = Database(make_engine("sqlite:////nonexistent-folder/mmc.sqlite3"))
    running = serve_in_thread(create_app(gone))
    try:
        response = httpx.get(f"{running.url}/health")
    finally:
        running.stop()
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "failing", "disk": "failing: No such file or directory"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
op_like = st.fixed_dictionaries(
    {},
    optional={
        "op_id": st.text(min_size=30, max_size=40),
        "device_id": st.text(max_size=40),
        "device_seq": st.integers(-5, 10**12),
        "hlc": st.text(max_size=90),
        "actor": st.text(max_size=90),
        "kind": st.sampled_from(["ticket.called", "visit.checked_in", "x"]) | st.text(max_size=20),
        "payload": st.dictionaries(st.text(max_size=12), json_values, max_size=6),
    },
)


@pytest.mark.anyio
async def test_fuzzed_requests_never_get_a_server_error(site: Site) -> None:
    kiosk = await site.device("k", "kiosk")
    http = httpx.Client(base_url=site.url, headers={"authorization": f"Bearer {kiosk.link.token}"})
    seen: set[int] = set()

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        body=st.one_of(
            json_values, st.fixed_dictionaries({"protocol": st.just(1), "ops": st.lists(op_like, max_size=4)})
        ),
        path=st.sampled_from(["/v1/ops", "/v1/leases", "/v1/enroll", "/v1/enrollment-codes"]),
        query=st.dictionaries(st.sampled_from(["after", "limit", "wait"]), st.text(max_size=6), max_size=3),
    )
    def fuzz(body: object, path: str, query: dict[str, str]) -> None:
        posted = http.post(path, content=json.dumps(body).encode())
        pulled = http.get("/v1/ops", params=query)
        for response in (posted, pulled):
            seen.add(response.status_code)
            assert response.status_code < 500, response.text
            assert isinstance(response.json(), dict)

    try:
        fuzz()
    finally:
        http.close()
    assert seen & {400, 422}
