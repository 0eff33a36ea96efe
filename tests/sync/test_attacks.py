"""The server decides: each attack a stolen kiosk, display or console could make, sent as
real requests to a real server, gets the right 4xx with its reason, and the server's
state is what it was before."""

from __future__ import annotations

import contextlib
import datetime as dt
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from core.clock import open_day, to_iso, utc_now
from core.errors import BadCredentials
from core.ids import new_id
from core.ops.envelope import Op
from core.permissions import SYSTEM, Actor
from core.pins import clinic_pin
from core.proofs import derive_signing_key, sign
from core.schema import AuditEntry, Device, DeviceToken, NumberLease, OpRecord, Ticket, User, Visit
from core.services import queue
from core.services.checkin import check_in
from core.services.config import revoke_device, save_user
from core.settings import DEFAULTS
from sync.client import SyncClient, rotate_device_token
from sync.server.app import create_app
from sync.server.audit import MAX_REFUSED_KEPT
from sync.server.enrollment import create_code
from sync.server.run import serve_in_thread
from tests.conftest import digest
from tests.sync.conftest import PASSWORDS, Site, kiosk_actor, user_actor


@dataclass
class Hand:
    """A device speaking the protocol by hand, as an attacker holding its token would."""

    site: Site
    client: SyncClient
    seq: int = 0
    counter: int = 0
    http: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.http = httpx.Client(base_url=self.site.url, headers={"authorization": f"Bearer {self.client.link.token}"})

    @property
    def me(self) -> Device:
        with self.client.store.db.read() as session:
            from core.ops.log import identity

            ident = identity(session)
        with self.site.db.read() as session:
            device = session.get(Device, ident.device_id)
            assert device is not None
            return device

    def stamp(self, wall_ms: int | None = None) -> str:
        self.counter += 1
        wall = int(time.time() * 1000) if wall_ms is None else wall_ms
        return f"{wall:013d}.{self.counter:05d}.{self.me.id}"

    def op(self, kind: str, payload: dict[str, Any], **fields: Any) -> dict[str, Any]:
        self.seq += 1
        op = {
            "op_id": new_id(),
            "device_id": self.me.id,
            "device_seq": self.seq,
            "hlc": self.stamp(),
            "actor": self.me.station,
            "kind": kind,
            "payload": payload,
            "proof": "",
        }
        op.update(fields)
        return op

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.http.post("/v1/ops", json={"protocol": 1, "ops": list(ops)})
        assert response.status_code == 200, response.text
        return list(response.json()["answers"])

    def one(self, kind: str, payload: dict[str, Any], **fields: Any) -> dict[str, Any]:
        return self.push(self.op(kind, payload, **fields))[0]

    def close(self) -> None:
        self.http.close()


def signed(op: dict[str, Any], password: str, salt: str) -> dict[str, Any]:
    """`op` with the proof of the user whose password and salt are given."""
    key = derive_signing_key(password, salt)
    fields = {k: v for k, v in op.items() if k != "proof"}
    return {**op, "proof": sign(key, Op(**fields))}


def salt_of(site: Site, username: str) -> str:
    with site.db.read() as session:
        user = session.get(User, username)
        assert user is not None
        return user.signing_salt


def now_iso() -> str:
    return to_iso(utc_now())


def today() -> str:
    """The service day the server holds open now: until the closing hour of the night
    (04:00 by default) it is still yesterday, as the server's leases and PINs say."""
    return open_day(utc_now(), str(DEFAULTS["day_closes_at"]))


def check_in_payload(id_number: str, number: int, clinic: str = "vitals", station: str = "") -> dict[str, Any]:
    return {
        "visit_id": new_id(),
        "id_number": id_number,
        "gender": "male",
        "exam_type": "travel",
        "route": [clinic],
        "day": today(),
        "at": now_iso(),
        "ticket": {"ticket_id": new_id(), "clinic": clinic, "number": number, "station": station},
    }


def refused(answer: dict[str, Any], status: int, code: str) -> bool:
    return (answer["outcome"], answer["status"], answer["code"]) == ("rejected", status, code)


@pytest.fixture
async def kiosk(site: Site) -> Any:
    client = await site.device("k", "kiosk")
    await client.sync_once()
    hand = Hand(site, client)
    yield hand
    hand.close()


@pytest.fixture
async def console(site: Site) -> Any:
    client = await site.device("c", "staff")
    await client.sync_once()
    hand = Hand(site, client)
    yield hand
    hand.close()


def first_lease(site: Site, device_id: str, clinic: str = "vitals") -> int:
    with site.db.read() as session:
        lease = session.scalars(
            select(NumberLease).where(NumberLease.device_id == device_id, NumberLease.clinic == clinic)
        ).first()
        assert lease is not None
        return lease.first


# ---- proven users -----------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_console_cannot_act_as_a_user_who_did_not_log_in_there(site: Site, console: Hand) -> None:
    before = digest(site.db)
    admin_salt = salt_of(site, "boss")
    new_admin = {"username": "mallory", "password_hash": "x" * 40, "role": "admin", "active": True}
    unsigned = console.one("user.upserted", new_admin, actor="boss")
    assert refused(unsigned, 403, "unproven_user") and "boss" in unsigned["reason"]
    with_nurse_key = signed(
        console.op("user.upserted", new_admin, actor="boss"), PASSWORDS["nurse"], salt_of(site, "nurse")
    )
    assert refused(console.push(with_nurse_key)[0], 403, "unproven_user")
    wrong_password = signed(console.op("user.upserted", new_admin, actor="boss"), "guess-guess", admin_salt)
    assert refused(console.push(wrong_password)[0], 403, "unproven_user")
    nurse = signed(
        console.op("user.upserted", {**new_admin, "username": "nurse"}, actor="nurse"),
        PASSWORDS["nurse"],
        salt_of(site, "nurse"),
    )
    assert refused(console.push(nurse)[0], 403, "permission_denied")
    secret = signed(
        console.op("setting.set", {"key": "site_secret", "value": "0" * 64}, actor="boss"),
        PASSWORDS["boss"],
        admin_salt,
    )
    assert refused(console.push(secret)[0], 403, "setting_refused")
    assert digest(site.db) == before
    proven = signed(console.op("user.upserted", new_admin, actor="boss"), PASSWORDS["boss"], admin_salt)
    assert console.push(proven)[0]["outcome"] == "accepted"


@pytest.mark.anyio
async def test_a_users_actions_taken_offline_are_accepted_and_a_deactivated_users_refused_with_the_reason(
    site: Site,
) -> None:
    kiosk_client = await site.device("k", "kiosk")
    console = await site.device("c", "staff")
    for client in (kiosk_client, console):
        await client.sync_once()
    for n in range(3):
        check_in(
            kiosk_client.store.db,
            kiosk_actor(kiosk_client),
            id_number=f"2840000000{n}",
            gender="male",
            exam_type="travel",
        )
    await kiosk_client.sync_once()
    await console.pull_new()
    # From here the console is cut off: it logs the nurse in against its own copy of the
    # accounts and works; nothing reaches the server until it syncs.
    nurse = user_actor(console)
    first = queue.call_next(console.store.db, nurse, clinic="vitals", room="1")
    queue.complete(console.store.db, nurse, ticket_id=first.ticket_id)
    await console.sync_once()
    assert console.status.refused == ()
    with site.db.read() as session:
        ticket = session.get(Ticket, first.ticket_id)
        assert ticket is not None and ticket.status == "COMPLETED"
    second = queue.call_next(console.store.db, nurse, clinic="vitals", room="1")
    save_user(site.db, SYSTEM, username="nurse", password=PASSWORDS["nurse"], role="staff", active=False)
    await console.sync_once()
    reasons = [(r.code, r.detail) for r in console.status.refused]
    assert any(code == "permission_denied" and "deactivated" in detail for code, detail in reasons), reasons
    with site.db.read() as session:
        ticket = session.get(Ticket, second.ticket_id)
        assert ticket is not None and ticket.status == "WAITING"
    with pytest.raises(BadCredentials):
        user_actor(console)


@pytest.mark.anyio
async def test_a_new_password_makes_the_old_key_useless_at_once(site: Site, console: Hand) -> None:
    old_salt = salt_of(site, "nurse")
    save_user(site.db, SYSTEM, username="nurse", password="a-new-secret-1", role="staff")
    with site.db.read() as session:
        visit_ticket = session.scalars(select(Ticket.id)).first()
    op = console.op("ticket.called", {"ticket_id": visit_ticket or new_id(), "at": now_iso()}, actor="nurse")
    assert refused(console.push(signed(op, PASSWORDS["nurse"], old_salt))[0], 403, "unproven_user")


# ---- a kiosk's word -----------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_kiosk_acts_only_as_itself_with_its_own_numbers_and_sane_times(site: Site, kiosk: Hand) -> None:
    other = Hand(site, await site.device("k2", "kiosk"))
    await other.client.sync_once()
    mine, theirs = first_lease(site, kiosk.me.id), first_lease(site, other.me.id)
    before = digest(site.db)
    as_admin = kiosk.one("visit.checked_in", check_in_payload("28400000001", mine), actor="boss")
    assert refused(as_admin, 403, "wrong_actor")
    their_number = kiosk.one("visit.checked_in", check_in_payload("28400000002", theirs))
    assert refused(their_number, 409, "number_not_leased")
    their_prefix = kiosk.one("visit.checked_in", check_in_payload("28400000003", 1, station=other.me.station))
    assert their_prefix["code"] == "number_not_leased"
    epoch = kiosk.one("visit.checked_in", check_in_payload("28400000004", mine), hlc=kiosk.stamp(wall_ms=0))
    assert epoch["code"] == "time_refused"
    later = (utc_now() + dt.timedelta(hours=2)).isoformat()
    ahead = kiosk.one("visit.checked_in", {**check_in_payload("28400000005", mine), "at": later})
    assert ahead["code"] == "time_refused" and "ahead" in ahead["reason"]
    naive = kiosk.one("visit.checked_in", {**check_in_payload("28400000006", mine), "at": "2026-12-02T10:00:00"})
    assert naive["code"] == "malformed_op" and "offset" in naive["reason"]
    garbage = kiosk.one("visit.checked_in", {**check_in_payload("28400000007", mine), "at": "xxxxxxxxxx"})
    assert garbage["code"] == "malformed_op"
    huge = kiosk.one(
        "visit.checked_in",
        {
            **check_in_payload("28400000008", mine),
            "ticket": {"ticket_id": new_id(), "clinic": "vitals", "number": 2**63},
        },
    )
    assert huge["code"] == "malformed_op"
    assert digest(site.db) == before
    good = kiosk.one("visit.checked_in", check_in_payload("28400000009", mine))
    assert good["outcome"] == "accepted"
    backwards = kiosk.one(
        "visit.checked_in",
        check_in_payload("28400000010", mine + 1),
        hlc=kiosk.stamp(wall_ms=int(time.time() * 1000) - 60_000),
    )
    assert backwards["code"] == "time_refused" and "previous" in backwards["reason"]
    other.close()


@pytest.mark.anyio
async def test_a_clinic_is_confirmed_only_with_its_pin_and_the_lockout_is_the_sites(site: Site, kiosk: Hand) -> None:
    number = first_lease(site, kiosk.me.id)
    checked = check_in_payload("28400000001", number, clinic="vitals")
    checked["route"] = ["vitals", "lab"]
    assert kiosk.one("visit.checked_in", checked)["outcome"] == "accepted"
    visit = checked["visit_id"]
    lab = first_lease(site, kiosk.me.id, "lab")
    next_ticket = {"ticket_id": new_id(), "clinic": "lab", "number": lab, "station": ""}
    confirm = {"visit_id": visit, "clinic": "vitals", "at": now_iso(), "next_ticket": next_ticket}
    before = digest(site.db)
    assert kiosk.one("visit.clinic_confirmed", confirm)["code"] == "wrong_pin"
    with site.db.read() as session:
        pin = clinic_pin(session, "vitals", today())
    wrong = 10 if pin != 10 else 11
    assert kiosk.one("visit.clinic_confirmed", {**confirm, "pin": wrong})["code"] == "wrong_pin"
    assert digest(site.db) == before
    failed = kiosk.one(
        "visit.pin_failed",
        {"visit_id": visit, "clinic": "vitals", "at": now_iso(), "max_failures": 1, "lockout_s": 86_400},
    )
    assert failed["outcome"] == "accepted"
    with site.db.read() as session:
        row = session.get(Visit, visit)
        assert row is not None and row.pin_locked_until is None and row.pin_failures == 1
    forever = kiosk.one(
        "visit.pin_failed", {"visit_id": visit, "clinic": "vitals", "at": now_iso(), "lockout_s": 10**9}
    )
    assert forever["code"] == "malformed_op"
    not_called = kiosk.one("visit.clinic_confirmed", {**confirm, "pin": pin})
    assert not_called["code"] == "not_called_yet", "a PIN passed on moves nobody who still waits"
    queue.call_next(site.db, Actor("nurse", "staff"), clinic="vitals")
    assert kiosk.one("visit.clinic_confirmed", {**confirm, "pin": pin})["outcome"] == "accepted"


@pytest.mark.anyio
async def test_lease_requests_are_bounded_to_known_clinics_today_or_tomorrow(site: Site, kiosk: Hand) -> None:
    day = dt.date.fromisoformat(today())

    def ask(**fields: Any) -> httpx.Response:
        body = {"protocol": 1, "day": day.isoformat(), "clinics": ["vitals"], "size": 50, **fields}
        return kiosk.http.post("/v1/leases", json=body)

    assert ask(clinics=["vitals"] * 64).status_code == 422
    assert ask(size=1000).status_code == 422
    assert ask(day="9999-99-99").status_code == 422
    assert ask(day=(day + dt.timedelta(days=30)).isoformat()).status_code == 422
    unknown = ask(clinics=["no_such_clinic"])
    assert (unknown.status_code, unknown.json()["error"]) == (422, "unknown_clinic")
    assert ask(day=(day + dt.timedelta(days=1)).isoformat()).status_code == 200


@pytest.mark.anyio
async def test_one_bad_op_never_freezes_a_clinic(site: Site, kiosk: Hand) -> None:
    console = await site.device("c", "staff")
    number = first_lease(site, kiosk.me.id)
    naive = kiosk.op("visit.checked_in", {**check_in_payload("28400000001", number), "at": "2026-12-02T10:00:00"})
    good = kiosk.op("visit.checked_in", check_in_payload("28400000002", number + 1))
    answers = kiosk.push(naive, good)
    assert [a["outcome"] for a in answers] == ["rejected", "accepted"]
    await console.sync_once()
    called = queue.call_next(console.store.db, user_actor(console), clinic="vitals", room="1")
    await console.push_pending()
    with site.db.read() as session:
        ticket = session.get(Ticket, called.ticket_id)
        assert ticket is not None and ticket.status == "CALLED"


@pytest.mark.anyio
async def test_bad_numbers_and_ids_get_a_4xx_never_a_500(site: Site, kiosk: Hand) -> None:
    assert kiosk.http.get("/v1/ops", params={"after": 2**63}).status_code == 422
    nul = kiosk.op("visit.checked_in", check_in_payload("28400000001", 1))
    nul["op_id"] = nul["op_id"][:-1] + "\x00"
    assert kiosk.http.post("/v1/ops", json={"protocol": 1, "ops": [nul]}).status_code == 422
    kiosk.seq -= 1  # that request was refused whole: its sequence is still free
    actor_nul = kiosk.one("visit.checked_in", check_in_payload("28400000001", 1), actor="K1\x00")
    assert actor_nul["code"] == "malformed_op"
    id_nul = kiosk.one("visit.checked_in", check_in_payload("2840\x0000001", 1))
    assert id_nul["code"] == "malformed_op"
    same = kiosk.op("visit.checked_in", check_in_payload("28400000002", first_lease(site, kiosk.me.id)))
    twice = kiosk.push(same, {**same, "device_seq": same["device_seq"]})
    assert [a["outcome"] for a in twice] == ["accepted", "rejected"] and twice[1]["code"] == "op_id_reused"


# ---- devices -----------------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_revoked_device_is_refused_from_its_next_request(site: Site, kiosk: Hand) -> None:
    assert kiosk.http.get("/v1/ops").status_code == 200
    revoke_device(site.db, SYSTEM, device_id=kiosk.me.id)
    assert kiosk.http.get("/v1/ops").status_code == 401
    assert (
        kiosk.http.post("/v1/ops", json={"protocol": 1, "ops": [kiosk.op("visit.checked_in", {})]}).status_code == 401
    )
    body = {"protocol": 1, "day": today(), "clinics": ["vitals"], "size": 10}
    assert kiosk.http.post("/v1/leases", json=body).status_code == 401


@pytest.mark.anyio
async def test_an_admin_revokes_a_device_from_a_console(site: Site, kiosk: Hand) -> None:
    console = await site.device("c", "staff")
    await console.sync_once()
    revoke_device(console.store.db, user_actor(console, "boss"), device_id=kiosk.me.id)
    await console.push_pending()
    assert kiosk.http.get("/v1/ops").status_code == 401


@pytest.mark.anyio
async def test_a_device_made_a_display_has_only_a_displays_powers(site: Site, kiosk: Hand) -> None:
    from core.services.config import register_device

    register_device(site.db, SYSTEM, device_id=kiosk.me.id, kind="display", station=kiosk.me.station)
    answer = kiosk.one("visit.checked_in", check_in_payload("28400000001", 1))
    assert refused(answer, 403, "permission_denied")
    body = {"protocol": 1, "day": today(), "clinics": ["vitals"], "size": 10}
    assert kiosk.http.post("/v1/leases", json=body).status_code == 403


@pytest.mark.anyio
async def test_enrolling_a_device_id_again_is_refused_and_leaves_one_token(site: Site, kiosk: Hand) -> None:
    body = {"protocol": 1, "code": create_code(site.db), "device_id": kiosk.me.id, "kind": "kiosk"}
    answer = httpx.post(f"{site.url}/v1/enroll", json=body)
    assert (answer.status_code, answer.json()["error"]) == (409, "device_exists")
    with site.db.read() as session:
        tokens = session.scalar(
            select(func.count()).select_from(DeviceToken).where(DeviceToken.device_id == kiosk.me.id)
        )
    assert tokens == 1 and kiosk.http.get("/v1/ops").status_code == 200


@pytest.mark.anyio
async def test_concurrent_enrollments_never_share_a_station(site: Site) -> None:
    import asyncio

    codes = [create_code(site.db) for _ in range(12)]

    async def enroll(code: str) -> str:
        async with httpx.AsyncClient(base_url=site.url) as http:
            answer = await http.post(
                "/v1/enroll", json={"protocol": 1, "code": code, "device_id": new_id(), "kind": "kiosk"}
            )
            assert answer.status_code == 200, answer.text
            return str(answer.json()["station"])

    stations = await asyncio.gather(*(enroll(code) for code in codes))
    assert len(set(stations)) == len(stations)


@pytest.mark.anyio
async def test_a_token_can_be_rotated_and_the_old_one_stops_working(site: Site, kiosk: Hand) -> None:
    old = kiosk.client.link.token
    await rotate_device_token(kiosk.client.link)
    assert kiosk.client.link.token != old
    assert kiosk.http.get("/v1/ops").status_code == 401
    await kiosk.client.pull_new()


# ---- need-to-know ------------------------------------------------------------------------


def pulled(hand: Hand) -> list[dict[str, Any]]:
    ops, cursor = [], 0
    while True:
        answer = hand.http.get("/v1/ops", params={"after": cursor, "limit": 1000}).json()
        ops += [p["op"] for p in answer["ops"]]
        cursor = answer["cursor"]
        if not answer["more"]:
            return ops


@pytest.mark.anyio
async def test_each_device_kind_pulls_only_what_it_needs(site: Site, kiosk: Hand, console: Hand) -> None:
    display = Hand(site, await site.device("d", "display"))
    check_in(
        kiosk.client.store.db, kiosk_actor(kiosk.client), id_number="28400000001", gender="male", exam_type="travel"
    )
    await kiosk.client.sync_once()
    for hand in (kiosk, console, display):
        text = str(pulled(hand))
        assert "site_secret" not in text
    display_ops = pulled(display)
    assert not [op for op in display_ops if op["kind"] in ("user.upserted", "pin.day_key")]
    assert "28400000001" not in str(display_ops) and "argon2" not in str(display_ops)
    assert "kiosk_exit_code_hash" not in str(display_ops)
    kiosk_ops = pulled(kiosk)
    assert not [
        op for op in kiosk_ops if op["kind"] == "user.upserted"
    ] and "argon2id$v=19$m=65536,t=3,p=4$" not in str([op for op in kiosk_ops if op["kind"] != "setting.set"])
    assert {op["payload"]["day"] for op in kiosk_ops if op["kind"] == "pin.day_key"} >= {today()}
    console_ops = pulled(console)
    assert [op for op in console_ops if op["kind"] == "user.upserted"]
    assert "kiosk_exit_code_hash" not in str(console_ops)
    display.close()


# ---- abuse -------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_refused_ops_of_a_device_are_kept_within_bounds(site: Site) -> None:
    display = Hand(site, await site.device("d", "display"))
    for _ in range(3):
        batch = [display.op("visit.checked_in", {"junk": "x" * 500}) for _ in range(500)]
        assert all(a["outcome"] == "rejected" for a in display.push(*batch))
    with site.db.read() as session:
        kept = session.scalar(select(func.count()).select_from(OpRecord).where(OpRecord.device_id == display.me.id))
    assert kept == MAX_REFUSED_KEPT
    display.close()


@pytest.mark.anyio
async def test_forwarded_for_headers_do_not_dodge_the_rate_limit(site: Site) -> None:
    limited = serve_in_thread(create_app(site.db, rate=1, burst=3))
    try:
        with httpx.Client(base_url=limited.url) as http:
            codes = [
                http.post(
                    "/v1/enroll",
                    json={"protocol": 1, "code": "NOPE-NOPE-NOPE", "device_id": new_id(), "kind": "kiosk"},
                    headers={"x-forwarded-for": f"10.0.{n}.{n}"},
                ).status_code
                for n in range(8)
            ]
        assert 429 in codes
    finally:
        limited.stop()


@pytest.mark.anyio
async def test_admin_passwords_lock_out_and_take_the_same_time_for_unknown_users(site: Site, console: Hand) -> None:
    def ask(username: str, password: str) -> httpx.Response:
        return console.http.post(
            "/v1/enrollment-codes", json={"protocol": 1, "username": username, "password": password}
        )

    def median_s(username: str) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            ask(username, "not-the-password")
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    unknown, known = median_s("nobody-here"), median_s("nurse")
    assert unknown / known > 0.3, (unknown, known)
    for _ in range(5):
        assert ask("boss", "wrong-wrong").status_code == 401
    locked = ask("boss", PASSWORDS["boss"])
    assert (locked.status_code, locked.json()["error"]) == (429, "locked_out")


@pytest.mark.anyio
async def test_the_api_description_is_for_the_servers_administrators(site: Site) -> None:
    described = serve_in_thread(create_app(site.db, metrics_token="ops-token"))
    try:
        assert httpx.get(f"{described.url}/openapi.json").status_code == 401
        answer = httpx.get(f"{described.url}/openapi.json", headers={"authorization": "Bearer ops-token"})
        assert answer.status_code == 200 and "/v1/ops" in answer.json()["paths"]
    finally:
        described.stop()


# ---- audit -------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_authority_refusals_are_audited_with_the_device_and_the_claimed_actor(site: Site, kiosk: Hand) -> None:
    kiosk.one("visit.checked_in", check_in_payload("28400000001", 1), actor="boss")
    with site.db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "push")).first()
    assert entry is not None and entry.outcome == "refused" and entry.actor == "boss"
    assert kiosk.me.station in entry.target and entry.detail.startswith("wrong_actor")


# ---- fuzz --------------------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def sample_payloads(site: Site, kiosk: Hand) -> dict[str, dict[str, Any]]:
    """A plausible payload of every kind a device may push, to bend one field at a time."""
    number = first_lease(site, kiosk.me.id)
    ticket = {"ticket_id": new_id(), "clinic": "vitals", "number": number, "station": ""}
    visit, at = new_id(), now_iso()
    return {
        "visit.checked_in": check_in_payload("28400000001", number),
        "ticket.issued": {
            "id_number": "28400000001",
            "visit_id": visit,
            "day": today(),
            "at": at,
            "ticket": ticket,
        },
        "visit.clinic_confirmed": {"visit_id": visit, "clinic": "vitals", "at": at, "next_ticket": None, "pin": 42},
        "visit.pin_failed": {"visit_id": visit, "clinic": "vitals", "at": at},
        "visit.pin_unlocked": {"visit_id": visit, "at": at},
        "ticket.reopened": {"ticket_id": new_id(), "at": at},
        "ticket.completed": {"ticket_id": new_id(), "at": at, "advances": True, "next_ticket": ticket},
        "visit.cancelled": {"visit_id": visit, "at": at},
        "ticket.called": {"ticket_id": new_id(), "at": at, "room": "1"},
        "ticket.transferred": {"ticket_id": new_id(), "at": at, "new_ticket": ticket},
        "pin.rotated": {"clinic": "vitals", "day": today(), "generation": 1},
        "clinic.upserted": {"code": "vitals", "name_ar": "x", "name_en": "x"},
        "clinic.paused": {"clinic": "vitals", "reason": "Break", "at": at},
        "help.requested": {"request_id": new_id(), "at": at},
        "help.answered": {"request_id": new_id(), "at": at},
        "clinic.resumed": {"clinic": "vitals", "at": at},
        "exam_type.upserted": {"code": "travel", "name_ar": "x", "name_en": "x", "routes": {"male": ["vitals"]}},
        "user.upserted": {"username": "someone", "password_hash": "x" * 40, "role": "staff"},
        "device.registered": {"device_id": new_id(), "kind": "kiosk", "station": "K9"},
        "device.revoked": {"device_id": new_id()},
        "setting.set": {"key": "site_name", "value": "x"},
    }


@pytest.mark.anyio
async def test_fuzzed_payloads_of_every_kind_get_an_answer_never_a_5xx_or_a_stuck_outbox(
    site: Site, kiosk: Hand, console: Hand
) -> None:
    samples = sample_payloads(site, kiosk)
    boss_salt = salt_of(site, "boss")
    statuses: set[int] = set()

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        kind=st.sampled_from(sorted(samples)),
        field_name=st.text(max_size=12),
        value=JSON,
        replace_all=st.booleans(),
        pick=st.integers(min_value=0, max_value=50),
        from_kiosk=st.booleans(),
    )
    def fuzz(kind: str, field_name: str, value: object, replace_all: bool, pick: int, from_kiosk: bool) -> None:
        payload = dict(samples[kind])
        if replace_all and isinstance(value, dict):
            payload = value
        else:
            names = [*payload, field_name]
            payload[names[pick % len(names)]] = value
        hand = kiosk if kind.startswith(("visit.", "ticket.issued")) and from_kiosk else console
        op = hand.op(kind, payload, actor=hand.me.station if hand is kiosk else "boss")
        if hand is console:
            with contextlib.suppress(TypeError):  # what JSON cannot carry exactly goes unsigned
                op = signed(op, PASSWORDS["boss"], boss_salt)
        response = hand.http.post("/v1/ops", json={"protocol": 1, "ops": [op]})
        assert response.status_code == 200, response.text
        (answer,) = response.json()["answers"]
        statuses.add(answer["status"])
        assert answer["status"] < 500 and answer["outcome"] in ("accepted", "rejected"), answer

    fuzz()
    assert statuses & {409, 422}
    check_in(
        kiosk.client.store.db, kiosk_actor(kiosk.client), id_number="28499999999", gender="male", exam_type="travel"
    )
    await kiosk.client.push_pending()
    with kiosk.client.store.db.read() as session:
        from core.ops.log import pending_ops

        assert pending_ops(session) == []


@pytest.mark.anyio
async def test_a_kiosk_cannot_set_patients_aside_or_make_them_priority(site: Site, kiosk: Hand) -> None:
    ticket = check_in(site.db, Actor("K9", "kiosk"), id_number="28400000001", gender="male", exam_type="travel")
    before = digest(site.db)
    at = to_iso(utc_now())
    mine = {"ticket_id": ticket.place.ticket_id, "at": at}
    attempts = (
        ("ticket.prioritised", {**mine, "priority": True}, {}, (403, "permission_denied")),
        ("ticket.parked", mine, {}, (403, "permission_denied")),
        ("ticket.vanished", mine, {}, (422, "unknown_op_kind")),
        ("device.resumed", {"gave_up_after": 0}, {"actor": "boss"}, (403, "wrong_actor")),
    )
    for kind, payload, fields, (status, code) in attempts:
        assert refused(kiosk.one(kind, payload, **fields), status, code), kind
    assert digest(site.db) == before
