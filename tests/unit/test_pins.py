from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from core.clock import SITE_ZONE, service_day
from core.errors import (
    InvalidInput,
    MalformedPin,
    NotCalledYet,
    PermissionDenied,
    PinLocked,
    RouteComplete,
    UnknownVisit,
    WrongPin,
)
from core.pins import daily_pin, pin_generation
from core.schema import DayKey
from core.services import queue, visits
from core.services.checkin import check_in, where_am_i
from core.services.config import issue_day_keys, set_setting
from core.settings import setting
from core.store import Store
from tests.conftest import ADMIN, KIOSK, STAFF, digest

SECRET = bytes(range(32))


def test_daily_pin_is_two_digits_and_the_same_on_every_device() -> None:
    pins = {daily_pin(SECRET, f"2026-11-{d:02d}", c) for d in range(1, 29) for c in ("lab", "xray", "ecg")}
    assert all(10 <= p <= 99 for p in pins)
    assert len(pins) > 20
    assert daily_pin(SECRET, "2026-11-22", "lab") == daily_pin(bytes(range(32)), "2026-11-22", "lab")


def test_the_pin_changes_with_the_service_day_at_the_closing_hour_not_at_midnight(store: Store) -> None:
    moments = [
        dt.datetime(2026, 11, 22, 20, 59, tzinfo=dt.UTC),  # 23:59 in Qatar
        dt.datetime(2026, 11, 22, 21, 1, tzinfo=dt.UTC),  # 00:01: the day goes on
        dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC),  # 04:00, the default closing hour
    ]
    pins = [visits.todays_pin(store.db, STAFF, clinic="lab", now=t) for t in moments]
    secret = bytes.fromhex(_secret(store))
    same, following = daily_pin(secret, "2026-11-22", "lab"), daily_pin(secret, "2026-11-23", "lab")
    assert pins == [same, same, following]


def _secret(store: Store) -> str:
    import json

    from core.schema import Setting

    with store.db.read() as session:
        row = session.get(Setting, "site_secret")
        assert row is not None
        return str(json.loads(row.value))


def _visit_at_vitals(store: Store, at: dt.datetime, id_number: str = "28400000001") -> str:
    return check_in(store.db, KIOSK, id_number=id_number, gender="male", exam_type="travel", now=at).visit_id


def _called(store: Store, clinic: str, at: dt.datetime) -> str:
    """The clinic calls its next patient (the tests' only one); the ticket called."""
    return queue.call_next(store.db, STAFF, clinic=clinic, now=at).ticket_id


def test_right_pin_completes_the_clinic_and_queues_the_next(store: Store, morning: dt.datetime) -> None:
    visit = _visit_at_vitals(store, morning)
    _called(store, "vitals", morning)
    pin = visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)
    done = visits.confirm_clinic(store.db, KIOSK, id_number="28400000001", pin=f"{pin}", now=morning)
    assert done.confirmed_clinic == "vitals" and not done.route_complete
    assert done.next_place is not None and done.next_place.clinic == "lab"
    where = where_am_i(store.db, KIOSK, id_number="28400000001", now=morning)
    assert (where.visit_id, where.completed, where.current_clinic) == (visit, ["vitals"], "lab")


def test_walking_the_whole_route_completes_the_visit(store: Store, morning: dt.datetime) -> None:
    visit = _visit_at_vitals(store, morning)
    for clinic in ("vitals", "lab", "xray", "internal"):
        _called(store, clinic, morning)
        pin = visits.todays_pin(store.db, STAFF, clinic=clinic, now=morning)
        done = visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=pin, now=morning)
    assert done.route_complete
    assert where_am_i(store.db, KIOSK, id_number="28400000001", now=morning).status == "completed"
    with pytest.raises(RouteComplete):
        visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=pin, now=morning)


def test_wrong_pin_is_refused_counted_and_locks_after_repeated_failures(store: Store, morning: dt.datetime) -> None:
    set_setting(store.db, ADMIN, "pin_max_failures", 3)
    visit = _visit_at_vitals(store, morning)
    _called(store, "vitals", morning)
    right = visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)
    wrong = 10 if right != 10 else 11
    for left in (2, 1):
        with pytest.raises(WrongPin) as refused:
            visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=wrong, now=morning)
        assert refused.value.params["attempts_left"] == left
    with pytest.raises(PinLocked):
        visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=wrong, now=morning)
    with pytest.raises(PinLocked):
        visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=right, now=morning)
    later = morning + dt.timedelta(minutes=11)
    assert visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=right, now=later).next_place is not None


def test_a_pin_passed_on_in_the_hall_moves_nobody_who_still_waits(store: Store, morning: dt.datetime) -> None:
    _visit_at_vitals(store, morning)
    _visit_at_vitals(store, morning, id_number="28400000002")
    _called(store, "vitals", morning)
    pin = visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)
    before = digest(store)
    for _ in range(6):
        with pytest.raises(NotCalledYet):
            visits.confirm_clinic(store.db, KIOSK, id_number="28400000002", pin=pin, now=morning)
    assert digest(store) == before, "nothing counted against a patient who was not called"
    assert where_am_i(store.db, KIOSK, id_number="28400000002", now=morning).current_clinic == "vitals"
    done = visits.confirm_clinic(store.db, KIOSK, id_number="28400000001", pin=pin, now=morning)
    assert done.next_place is not None and done.next_place.clinic == "lab"


def test_a_clinic_without_a_console_confirms_whoever_has_its_pin(store: Store, morning: dt.datetime) -> None:
    set_setting(store.db, ADMIN, "clinics_without_console", ["vitals"])
    _visit_at_vitals(store, morning)
    pin = visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)
    done = visits.confirm_clinic(store.db, KIOSK, id_number="28400000001", pin=pin, now=morning)
    assert done.next_place is not None and done.next_place.clinic == "lab"
    with pytest.raises(InvalidInput):
        set_setting(store.db, ADMIN, "clinics_without_console", ["vitals", "vitals"])


def test_staff_complete_sends_the_patient_on_at_once_without_a_pin(store: Store, morning: dt.datetime) -> None:
    visit = _visit_at_vitals(store, morning)
    for step, clinic in enumerate(("vitals", "lab", "xray", "internal")):
        ticket = _called(store, clinic, morning + step * dt.timedelta(minutes=5))
        done = queue.complete(store.db, STAFF, ticket_id=ticket, now=morning + dt.timedelta(minutes=5 * step + 3))
        where = where_am_i(store.db, KIOSK, id_number="28400000001", now=morning)
        if clinic != "internal":
            assert done.next_place is not None and where.current_clinic == done.next_place.clinic
            assert where.place is not None and where.place.label == done.next_place.label
    assert done.route_complete and done.next_place is None
    assert where.status == "completed" and where.completed == ["vitals", "lab", "xray", "internal"]
    with pytest.raises(RouteComplete):
        visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=10, now=morning)


def test_malformed_pin_is_refused_without_counting(store: Store, morning: dt.datetime) -> None:
    visit = _visit_at_vitals(store, morning)
    before = digest(store)
    for bad in ("7", "100", "ab", "", "09"):
        with pytest.raises(MalformedPin):
            visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=bad, now=morning)
    assert digest(store) == before


def test_confirming_without_a_visit_is_refused(store: Store, morning: dt.datetime) -> None:
    with pytest.raises(UnknownVisit):
        visits.confirm_clinic(store.db, KIOSK, id_number="28499999999", pin=42, now=morning)


def test_confirm_completes_a_ticket_that_staff_had_not_closed(store: Store, morning: dt.datetime) -> None:
    _visit_at_vitals(store, morning)
    ticket = queue.call_next(store.db, STAFF, clinic="vitals", now=morning)
    pin = visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)
    visits.confirm_clinic(store.db, KIOSK, id_number="28400000001", pin=pin, now=morning)
    with pytest.raises(Exception, match="COMPLETED"):
        queue.complete(store.db, STAFF, ticket_id=ticket.ticket_id, now=morning)


def test_admin_rotation_gives_a_new_pin_and_the_old_one_stops_working(store: Store, morning: dt.datetime) -> None:
    _visit_at_vitals(store, morning)
    _called(store, "vitals", morning)
    pins = [visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)]
    for _ in range(3):
        pins.append(visits.rotate_pin(store.db, ADMIN, clinic="vitals", now=morning))
        assert pins[-1] != pins[-2]
        assert visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning) == pins[-1]
    with pytest.raises(WrongPin):
        visits.confirm_clinic(store.db, KIOSK, id_number="28400000001", pin=pins[-2], now=morning)


def test_a_rotation_skips_a_generation_that_would_give_the_same_pin(store: Store, morning: dt.datetime) -> None:
    with store.db.read() as session:
        secret = bytes.fromhex(setting(session, "site_secret"))
    day = morning
    while daily_pin(secret, service_day(day), "vitals", 0) != daily_pin(secret, service_day(day), "vitals", 1):
        day += dt.timedelta(days=1)
    before = visits.todays_pin(store.db, STAFF, clinic="vitals", now=day)
    after = visits.rotate_pin(store.db, ADMIN, clinic="vitals", now=day)
    assert after != before
    with store.db.read() as session:
        assert pin_generation(session, "vitals", service_day(day)) == 2


def test_only_admins_rotate_and_kiosks_cannot_read_pins(store: Store, morning: dt.datetime) -> None:
    with pytest.raises(PermissionDenied):
        visits.rotate_pin(store.db, STAFF, clinic="vitals", now=morning)
    with pytest.raises(PermissionDenied):
        visits.todays_pin(store.db, KIOSK, clinic="vitals", now=morning)


def test_a_supervisor_cancels_a_visit_and_its_waiting_ticket(store: Store, morning: dt.datetime) -> None:
    from core.services.reports import clinic_stats
    from tests.conftest import SUPERVISOR

    visit = _visit_at_vitals(store, morning)
    with pytest.raises(PermissionDenied):
        visits.cancel_visit(store.db, STAFF, visit_id=visit, now=morning)
    visits.cancel_visit(store.db, SUPERVISOR, visit_id=visit, now=morning)
    assert where_am_i(store.db, KIOSK, id_number="28400000001", now=morning).status == "cancelled"
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.waiting, vitals.cancelled) == (0, 1)
    with pytest.raises(RouteComplete):
        visits.cancel_visit(store.db, SUPERVISOR, visit_id=visit, now=morning)
    with pytest.raises(UnknownVisit):
        visits.cancel_visit(store.db, SUPERVISOR, visit_id="0" * 36, now=morning)


def test_staff_find_a_locked_out_patient_by_id_or_number_and_unlock_them(store: Store, morning: dt.datetime) -> None:
    set_setting(store.db, ADMIN, "pin_max_failures", 2)
    visit = _visit_at_vitals(store, morning)
    _called(store, "vitals", morning)
    right = visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)
    wrong = 10 if right != 10 else 11
    for _ in range(2):
        with pytest.raises((WrongPin, PinLocked)):
            visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=wrong, now=morning)
    by_id = visits.find_visits(store.db, STAFF, text="٢٨٤٠٠٠٠٠٠٠١", now=morning)
    by_number = visits.find_visits(store.db, STAFF, text="1", now=morning)
    assert by_id == by_number and [f.visit_id for f in by_id] == [visit]
    assert by_id[0].locked_until is not None and (by_id[0].clinic, by_id[0].label) == ("vitals", "1")
    visits.unlock_pin(store.db, STAFF, visit_id=visit, now=morning)
    assert visits.find_visits(store.db, STAFF, text="1", now=morning)[0].locked_until is None
    assert visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=right, now=morning).next_place is not None
    with pytest.raises(PermissionDenied):
        visits.unlock_pin(store.db, KIOSK, visit_id=visit, now=morning)
    with pytest.raises(InvalidInput):
        visits.find_visits(store.db, STAFF, text="drop table", now=morning)


def test_after_midnight_the_open_days_pin_key_is_issued_with_the_next(make_store: Callable[..., Store]) -> None:
    """00:30 at the committee is still the day before until the closing hour (04:00): its
    clinics go on with that day's PINs, so a server started then issues that day's key."""
    server = make_store("server", kind="server")
    half_past_midnight = dt.datetime(2026, 12, 5, 0, 30, tzinfo=SITE_ZONE)
    assert issue_day_keys(server.db, now=half_past_midnight) == 2
    with server.db.read() as session:
        assert sorted(session.scalars(select(DayKey.day))) == ["2026-12-04", "2026-12-05"]
    assert issue_day_keys(server.db, now=half_past_midnight + dt.timedelta(hours=4)) == 1
