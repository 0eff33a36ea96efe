from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from core.errors import BadCredentials, GenderNotAllowed, InvalidInput, PermissionDenied, UnknownClinic
from core.ops.log import identity
from core.permissions import SYSTEM
from core.schema import Clinic, User
from core.services.checkin import check_in
from core.services.config import (
    init_site,
    lease_numbers,
    log_in,
    register_device,
    save_user,
    set_setting,
    upsert_clinic,
    upsert_exam_type,
)
from core.services.numbers import spare_numbers
from core.store import Store
from tests.conftest import ADMIN, KIOSK, STAFF, accepted_ops, audit_lines, digest, replay


def test_staff_log_in_with_the_synced_hash_and_every_attempt_is_audited(store: Store) -> None:
    save_user(store.db, ADMIN, username="nurse.amal", password="correct horse", role="staff")
    with store.db.read() as session:
        user = session.get(User, "nurse.amal")
        assert user is not None and user.password_hash.startswith("$argon2")
    actor = log_in(store.db, username="nurse.amal", password="correct horse")
    assert (actor.name, actor.role) == ("nurse.amal", "staff")
    with pytest.raises(BadCredentials):
        log_in(store.db, username="nurse.amal", password="wrong horse!")
    with pytest.raises(BadCredentials):
        log_in(store.db, username="nobody", password="whatever1")
    assert [(e.action, e.outcome) for e in audit_lines(store)[-3:]] == [
        ("log_in", "ok"),
        ("log_in", "refused"),
        ("log_in", "refused"),
    ]


def test_a_disabled_account_cannot_log_in(store: Store) -> None:
    save_user(store.db, ADMIN, username="gone", password="password1", role="staff", active=False)
    with pytest.raises(BadCredentials):
        log_in(store.db, username="gone", password="password1")


@pytest.mark.parametrize(
    "fields",
    [
        {"password": "short"},
        {"role": "emperor"},
        {"username": "has space"},
    ],
)
def test_bad_accounts_are_refused(store: Store, fields: dict[str, str]) -> None:
    before = digest(store)
    with pytest.raises(InvalidInput):
        save_user(store.db, ADMIN, **({"username": "ok.user", "password": "long enough", "role": "staff"} | fields))
    assert digest(store) == before


def test_only_admins_configure(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        save_user(store.db, STAFF, username="sneaky", password="long enough", role="admin")
    with pytest.raises(PermissionDenied):
        set_setting(store.db, KIOSK, "kiosk_idle_s", 5)


def test_clinic_edits_apply_and_bad_ones_are_refused(store: Store) -> None:
    upsert_clinic(store.db, ADMIN, code="lab", name_ar="المختبر", name_en="Laboratory", room="B12", call_interval_s=120)
    with store.db.read() as session:
        lab = session.get(Clinic, "lab")
        assert lab is not None and (lab.room, lab.call_interval_s) == ("B12", 120)
    before = digest(store)
    for bad in ({"code": "Lab!"}, {"call_interval_s": -5}, {"name_en": ""}, {"gender": "both"}):
        with pytest.raises(InvalidInput):
            upsert_clinic(store.db, ADMIN, **({"code": "lab", "name_ar": "م", "name_en": "L"} | bad))
    assert digest(store) == before


def test_exam_type_routes_are_checked_against_the_clinics(store: Store) -> None:
    with pytest.raises(UnknownClinic):
        upsert_exam_type(store.db, ADMIN, code="x", name_ar="س", name_en="X", routes={"male": ["moon"]})
    with pytest.raises(GenderNotAllowed):
        upsert_exam_type(store.db, ADMIN, code="x", name_ar="س", name_en="X", routes={"male": ["women_eyes"]})
    with pytest.raises(InvalidInput):
        upsert_exam_type(store.db, ADMIN, code="x", name_ar="س", name_en="X", routes={"male": ["lab", "lab"]})
    upsert_exam_type(store.db, ADMIN, code="x", name_ar="س", name_en="X", routes={"female": ["women_eyes", "lab"]})
    at = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    assert check_in(store.db, KIOSK, id_number="28400000001", gender="female", exam_type="x", now=at).route == [
        "women_eyes",
        "lab",
    ]


def test_settings_keep_their_type(store: Store) -> None:
    with pytest.raises(InvalidInput):
        set_setting(store.db, ADMIN, "kiosk_idle_s", "forty")
    set_setting(store.db, ADMIN, "kiosk_idle_s", 60)


def test_device_stations_are_unique(store: Store) -> None:
    register_device(store.db, ADMIN, device_id="dev-1", kind="kiosk", station="K7")
    with pytest.raises(InvalidInput):
        register_device(store.db, ADMIN, device_id="dev-2", kind="kiosk", station="K7")
    with pytest.raises(InvalidInput):
        register_device(store.db, ADMIN, device_id="dev-3", kind="kiosk", station="k-7")


def test_leases_do_not_overlap_and_are_spent_by_tickets(make_store: Callable[..., Store], morning: dt.datetime) -> None:
    hub = make_store("hub")
    device = make_store("kiosk", kind="kiosk", site=False)
    with device.db.read() as session:
        me = identity(session).device_id
    first = lease_numbers(hub.db, SYSTEM, device_id=me, clinic="vitals", day="2026-11-22", size=10)
    second = lease_numbers(hub.db, SYSTEM, device_id="other", clinic="vitals", day="2026-11-22", size=10)
    assert [(first.payload["first"], first.payload["last"]), (second.payload["first"], second.payload["last"])] == [
        (1, 10),
        (11, 20),
    ]
    with pytest.raises(InvalidInput):
        lease_numbers(hub.db, SYSTEM, device_id=me, clinic="vitals", day="2026-11-22", size=0)
    replay(device, accepted_ops(hub), morning)
    labels = [
        check_in(
            device.db, KIOSK, id_number=f"2840000000{n}", gender="male", exam_type="travel", now=morning
        ).place.label
        for n in range(3)
    ]
    assert labels == ["1", "2", "3"]
    with device.db.read() as session:
        assert spare_numbers(session, me, "vitals", "2026-11-22") == 7


def test_init_site_runs_once(store: Store) -> None:
    assert init_site(store.db) is False


def test_unknown_settings_and_the_site_secret_cannot_be_set(store: Store) -> None:
    for key in ("site_secret", "no_such_thing"):
        with pytest.raises(InvalidInput):
            set_setting(store.db, ADMIN, key, "00")
