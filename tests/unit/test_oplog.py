from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from core.clock import HlcStamp, service_day
from core.errors import OutOfOrderOp
from core.ops.log import accept, accept_batch, identity, pending_ops
from core.schema import OpRecord, Patient, Ticket
from core.services import queue
from core.services.checkin import check_in
from core.store import Store
from tests.conftest import KIOSK, STAFF, accepted_ops, digest, replay


def test_every_local_change_of_a_device_waits_in_its_outbox(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    device = make_store("kiosk", kind="kiosk")
    with device.db.read() as session:
        before = len(pending_ops(session))
    check_in(device.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        ops = pending_ops(session)
        me = identity(session)
    assert len(ops) == before + 1
    assert ops[-1].kind == "visit.checked_in" and ops[-1].device_id == me.device_id
    assert [op.device_seq for op in ops] == list(range(1, len(ops) + 1))


def test_device_numbers_fall_back_to_its_station_without_a_lease(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    device = make_store("kiosk", kind="kiosk")
    done = check_in(device.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        station = identity(session).station
    assert done.place.label == f"{station}-1"


def _hub_and_device(make_store: Callable[..., Store], morning: dt.datetime) -> tuple[Store, Store]:
    hub = make_store("hub")
    device = make_store("device", kind="staff", site=False)
    replay(device, accepted_ops(hub), morning)
    return hub, device


def test_acceptance_answers_a_duplicate_again_and_never_reapplies_it(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    hub, device = _hub_and_device(make_store, morning)
    check_in(device.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        op = pending_ops(session)[0]
    with hub.db.write() as session:
        first = accept(session, op, morning)
    state = digest(hub)
    with hub.db.write() as session:
        again = accept(session, op, morning)
    assert first.outcome == "accepted" and again.outcome == "duplicate"
    assert again.accepted_seq == first.accepted_seq
    assert digest(hub) == state


def test_a_gap_in_a_device_sequence_is_refused_so_the_device_resends_in_order(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    hub, device = _hub_and_device(make_store, morning)
    for n in range(2):
        check_in(device.db, KIOSK, id_number=f"2840000000{n}", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        first, second = pending_ops(session)
    state = digest(hub)
    with pytest.raises(OutOfOrderOp), hub.db.write() as session:
        accept(session, second, morning)
    assert digest(hub) == state
    with hub.db.write() as session:
        assert [accept(session, op, morning).outcome for op in (first, second)] == ["accepted", "accepted"]


def test_a_refused_op_is_kept_with_its_reason_and_does_not_block_the_ones_behind(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    hub = make_store("hub")
    ticket = check_in(
        hub.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning
    ).place.ticket_id
    check_in(hub.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel", now=morning)
    one, two = make_store("c1", kind="staff", site=False), make_store("c2", kind="staff", site=False)
    for console in (one, two):
        replay(console, accepted_ops(hub), morning)
    queue.call_ticket(one.db, STAFF, ticket_id=ticket, room="101-1", now=morning)
    queue.call_ticket(two.db, STAFF, ticket_id=ticket, room="101-2", now=morning)
    queue.call_next(two.db, STAFF, clinic="vitals", room="101-2", now=morning)
    with one.db.read() as s1, two.db.read() as s2:
        ops_one, ops_two = pending_ops(s1), pending_ops(s2)
    with hub.db.write() as session:
        verdicts = [accept(session, op, morning) for op in ops_one + ops_two]
    assert [v.outcome for v in verdicts] == ["accepted", "rejected", "accepted"]
    assert verdicts[1].code == "transition_refused" and "101-1" in (verdicts[1].reason or "")
    with hub.db.read() as session:
        kept = session.get(OpRecord, ops_two[0].op_id)
        assert kept is not None and kept.outcome == "rejected" and kept.accepted_seq is None
        called = session.get(Ticket, ticket)
        assert called is not None and called.room == "101-1"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"kind": "ticket.teleported"}, "unknown_op_kind"),
        ({"payload": {"ticket_id": "short", "at": "2026-11-22T05:00:00+00:00"}}, "malformed_op"),
        ({"hlc": "not-a-stamp"}, "malformed_op"),
    ],
)
def test_a_bad_op_is_refused_with_a_reason(
    make_store: Callable[..., Store], morning: dt.datetime, change: dict[str, object], code: str
) -> None:
    hub, device = _hub_and_device(make_store, morning)
    check_in(device.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        op = pending_ops(session)[0]
    if change.get("kind"):
        change = change | {"payload": op.payload}
    bad = dataclasses.replace(op, **change)  # type: ignore[arg-type]
    state = digest(hub)
    with hub.db.write() as session:
        verdict = accept(session, bad, morning)
    assert (verdict.outcome, verdict.code) == ("rejected", code)
    assert digest(hub) == state


def test_applying_the_accepted_log_on_a_fresh_store_gives_the_same_state(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    hub = make_store("hub")
    for n in range(5):
        check_in(hub.db, KIOSK, id_number=f"2840000000{n}", gender="female", exam_type="periodic", now=morning)
    queue.call_next(hub.db, STAFF, clinic="vitals", now=morning)
    fresh = make_store("fresh", kind="display", site=False)
    outcomes = replay(fresh, accepted_ops(hub), morning)
    assert set(outcomes) == {"applied"}
    assert digest(fresh) == digest(hub)
    assert set(replay(fresh, accepted_ops(hub), morning)) == {"duplicate"}
    assert digest(fresh) == digest(hub)


def test_remote_stamps_push_the_local_clock_forward(make_store: Callable[..., Store], morning: dt.datetime) -> None:
    hub, device = _hub_and_device(make_store, morning)
    future = morning + dt.timedelta(seconds=30)
    check_in(hub.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=future)
    replay(device, accepted_ops(hub), morning)
    check_in(device.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        keys = {patient: key for patient, key in session.execute(select(Ticket.patient_id, Ticket.order_key))}
    assert keys["28400000002"] > keys["28400000001"]


def test_every_clock_clamps_a_stamp_far_ahead() -> None:
    from core.clock import MAX_DRIFT_MS, HlcStamp, HybridLogicalClock

    now = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)
    far = HlcStamp(int(now.timestamp() * 1000) + 2 * 86_400_000, 0, "wrong")
    for name in ("server", "device"):
        clock = HybridLogicalClock(name)
        clock.observe(far, now)
        assert clock.last.wall_ms == int(now.timestamp() * 1000) + MAX_DRIFT_MS


def test_a_device_that_pulls_an_op_from_a_fast_clock_keeps_its_own_time(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    hub, device = _hub_and_device(make_store, morning)
    two_days_on = morning + dt.timedelta(days=2)
    check_in(hub.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=two_days_on)
    replay(device, accepted_ops(hub), morning)
    check_in(device.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        wall = HlcStamp.decode(identity(session).hlc).wall_ms
    assert wall <= (morning.timestamp() + 60) * 1000


def test_a_corrected_clock_stamps_from_real_time_again(make_store: Callable[..., Store], morning: dt.datetime) -> None:
    device = make_store("kiosk", kind="kiosk")
    check_in(
        device.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning + dt.timedelta(days=2)
    )
    check_in(device.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel", now=morning)
    with device.db.read() as session:
        keys = dict(session.execute(select(Ticket.patient_id, Ticket.order_key)).all())
        days = dict(session.execute(select(Ticket.patient_id, Ticket.day)).all())
    assert HlcStamp.decode(keys["28400000002"]).wall_ms == int(morning.timestamp() * 1000)
    assert days["28400000002"] == service_day(morning)


def test_a_batch_of_check_ins_lands_as_its_ops_would_one_by_one(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    hub = make_store("hub")
    one, two, three = (make_store(f"k{n}", kind="kiosk", site=False) for n in range(3))
    for kiosk in (one, two, three):
        replay(kiosk, accepted_ops(hub), morning)
    tomorrow = morning + dt.timedelta(days=1)
    for id_number, gender, when in [
        ("28400000001", "male", morning),
        ("28400000002", "female", morning),
        ("28400000001", "female", tomorrow),
        ("28400000003", "male", tomorrow),
    ]:
        check_in(one.db, KIOSK, id_number=id_number, gender=gender, exam_type="travel", now=when)
    for id_number in ("28400000004", "28400000002", "28400000005"):
        check_in(two.db, KIOSK, id_number=id_number, gender="female", exam_type="travel", now=morning)
    for id_number in ("28400000006", "28400000003"):
        check_in(three.db, KIOSK, id_number=id_number, gender="female", exam_type="travel", now=morning)
    with one.db.read() as s1, two.db.read() as s2, three.db.read() as s3:
        batches = [pending_ops(s1), pending_ops(s2), pending_ops(s3)]
    with hub.db.write() as session:
        verdicts = [accept_batch(session, batch, morning) for batch in batches]
    assert [v.outcome for v in verdicts[0][0]] == ["accepted"] * 4
    assert [(v.outcome, v.code) for v in verdicts[1][0]] == [
        ("accepted", None),
        ("rejected", "already_checked_in"),
        ("accepted", None),
    ]
    assert [v.outcome for v in verdicts[2][0]] == ["accepted"] * 2
    fresh = make_store("fresh", kind="display", site=False)
    assert set(replay(fresh, accepted_ops(hub), morning)) == {"applied"}
    assert digest(fresh) == digest(hub)
    with hub.db.read() as session:
        numbers = session.execute(
            select(Ticket.day, Ticket.station, Ticket.number).where(Ticket.clinic == "vitals")
        ).all()
    assert len(numbers) == len(set(numbers)) == 8
    with hub.db.read() as session:
        assert session.get(Patient, "28400000003").gender == "female"  # type: ignore[union-attr]
