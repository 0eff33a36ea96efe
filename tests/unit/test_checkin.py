from __future__ import annotations

import datetime as dt

import pytest

from core.errors import (
    AlreadyCheckedIn,
    GenderNotAllowed,
    InvalidGender,
    InvalidIdNumber,
    NoRouteForGender,
    PermissionDenied,
    UnknownClinic,
    UnknownExamType,
    UnknownPatient,
)
from core.permissions import Actor
from core.services.checkin import check_in, enter_queue, where_am_i
from core.services.config import set_setting, upsert_clinic, upsert_exam_type
from core.store import Store
from tests.conftest import ADMIN, KIOSK, audit_lines, digest, op_count


def test_check_in_gives_route_and_first_ticket(store: Store, morning: dt.datetime) -> None:
    done = check_in(store.db, KIOSK, id_number="28412345678", gender="female", exam_type="travel", now=morning)
    assert done.route == ["vitals", "lab", "xray", "women_internal"]
    assert (done.place.clinic, done.place.number, done.place.label) == ("vitals", 1, "1")
    assert (done.place.position, done.place.ahead, done.place.total_waiting) == (1, 0, 1)
    assert done.place.estimated_wait_s == 0


def test_later_arrivals_see_people_ahead_and_a_wait(store: Store, morning: dt.datetime) -> None:
    for n in range(3):
        check_in(
            store.db,
            KIOSK,
            id_number=f"2841234567{n}",
            gender="male",
            exam_type="travel",
            now=morning + dt.timedelta(minutes=n),
        )
    fourth = check_in(
        store.db,
        KIOSK,
        id_number="28412345679",
        gender="male",
        exam_type="travel",
        now=morning + dt.timedelta(minutes=5),
    )
    assert (fourth.place.number, fourth.place.ahead, fourth.place.position) == (4, 3, 4)
    assert fourth.place.estimated_wait_s == 3 * 300


def test_check_in_writes_an_audit_entry_in_the_same_call(store: Store, morning: dt.datetime) -> None:
    before = len(audit_lines(store))
    done = check_in(store.db, KIOSK, id_number="28412345678", gender="male", exam_type="travel", now=morning)
    entry = audit_lines(store)[-1]
    assert len(audit_lines(store)) == before + 1
    assert (entry.actor, entry.role, entry.action, entry.outcome) == ("K1", "kiosk", "check_in", "ok")
    assert entry.target == f"visit {done.visit_id}" and entry.op_id is not None


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"id_number": "12ab"}, InvalidIdNumber),
        ({"id_number": ""}, InvalidIdNumber),
        ({"gender": "other"}, InvalidGender),
        ({"exam_type": "astronaut"}, UnknownExamType),
    ],
)
def test_bad_check_in_is_refused_and_changes_nothing(
    store: Store, morning: dt.datetime, fields: dict[str, str], error: type[Exception]
) -> None:
    before, ops = digest(store), op_count(store)
    args = {"id_number": "28412345678", "gender": "male", "exam_type": "travel"} | fields
    with pytest.raises(error):
        check_in(store.db, KIOSK, now=morning, **args)
    assert digest(store) == before and op_count(store) == ops
    assert audit_lines(store)[-1].outcome == "refused"


def test_id_format_is_a_setting(store: Store, morning: dt.datetime) -> None:
    set_setting(store.db, ADMIN, "id_format", r"[A-Z][0-9]{4}")
    with pytest.raises(InvalidIdNumber):
        check_in(store.db, KIOSK, id_number="28412345678", gender="male", exam_type="travel", now=morning)
    assert check_in(store.db, KIOSK, id_number="M1234", gender="male", exam_type="travel", now=morning)


def test_second_check_in_the_same_day_is_refused_with_the_visit(store: Store, morning: dt.datetime) -> None:
    first = check_in(store.db, KIOSK, id_number="28412345678", gender="male", exam_type="travel", now=morning)
    with pytest.raises(AlreadyCheckedIn) as refused:
        check_in(store.db, KIOSK, id_number="28412345678", gender="male", exam_type="periodic", now=morning)
    assert refused.value.params["visit_id"] == first.visit_id


def test_exam_type_without_a_route_for_the_gender_is_refused(store: Store, morning: dt.datetime) -> None:
    upsert_exam_type(store.db, ADMIN, code="men_only", name_ar="رجال", name_en="Men only", routes={"male": ["lab"]})
    with pytest.raises(NoRouteForGender):
        check_in(store.db, KIOSK, id_number="28412345678", gender="female", exam_type="men_only", now=morning)


def test_closed_clinic_is_left_out_of_new_routes(store: Store, morning: dt.datetime) -> None:
    upsert_clinic(store.db, ADMIN, code="vitals", name_ar="العلامات الحيوية", name_en="Vital Signs", active=False)
    done = check_in(store.db, KIOSK, id_number="28412345678", gender="male", exam_type="travel", now=morning)
    assert done.route == ["lab", "xray", "internal"]


def test_second_entry_returns_existing_ticket(store: Store, morning: dt.datetime) -> None:
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    mine = check_in(store.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel", now=morning)
    check_in(store.db, KIOSK, id_number="28400000003", gender="male", exam_type="travel", now=morning)
    ops = op_count(store)
    again = enter_queue(store.db, KIOSK, id_number="28400000002", clinic="vitals", now=morning)
    assert again.already_in_queue
    assert (again.ticket_id, again.position, again.ahead, again.total_waiting) == (
        mine.place.ticket_id,
        2,
        1,
        3,
    )
    assert op_count(store) == ops


def test_enter_another_clinic_queue(store: Store, morning: dt.datetime) -> None:
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    place = enter_queue(store.db, KIOSK, id_number="28400000001", clinic="dental", now=morning)
    assert (place.clinic, place.number, place.already_in_queue) == ("dental", 1, False)


def test_entering_a_clinic_of_the_other_gender_is_refused(store: Store, morning: dt.datetime) -> None:
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    before = digest(store)
    with pytest.raises(GenderNotAllowed):
        enter_queue(store.db, KIOSK, id_number="28400000001", clinic="women_eyes", now=morning)
    assert digest(store) == before


def test_entering_an_unknown_clinic_or_as_an_unknown_patient_is_refused(store: Store, morning: dt.datetime) -> None:
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    before = digest(store)
    with pytest.raises(UnknownClinic):
        enter_queue(store.db, KIOSK, id_number="28400000001", clinic="moon", now=morning)
    with pytest.raises(UnknownPatient):
        enter_queue(store.db, KIOSK, id_number="28499999999", clinic="lab", now=morning)
    assert digest(store) == before


def test_a_display_may_not_check_patients_in(store: Store, morning: dt.datetime) -> None:
    with pytest.raises(PermissionDenied):
        check_in(
            store.db,
            Actor("hall", "display"),
            id_number="28400000001",
            gender="male",
            exam_type="travel",
            now=morning,
        )


def test_where_am_i_tells_route_progress_and_place(store: Store, morning: dt.datetime) -> None:
    check_in(store.db, KIOSK, id_number="28400000001", gender="male", exam_type="travel", now=morning)
    check_in(store.db, KIOSK, id_number="28400000002", gender="male", exam_type="travel", now=morning)
    where = where_am_i(store.db, KIOSK, id_number="28400000002", now=morning)
    assert where.current_clinic == "vitals" and where.completed == []
    assert where.place is not None and where.place.ahead == 1
