from __future__ import annotations

import datetime as dt

import pytest

from core.errors import InvalidInput, PermissionDenied, QueueEmpty, TransitionRefused, UnknownClinic, UnknownTicket
from core.services import queue
from core.services.checkin import check_in, where_am_i
from core.services.reports import clinic_stats, dashboard
from core.store import Store
from tests.conftest import KIOSK, STAFF, audit_lines, digest, op_count

MINUTE = dt.timedelta(minutes=1)


def _arrive(store: Store, at: dt.datetime, *ids: str) -> list[str]:
    return [
        check_in(store.db, KIOSK, id_number=i, gender="male", exam_type="travel", now=at + n * MINUTE).place.ticket_id
        for n, i in enumerate(ids)
    ]


def test_call_next_takes_the_longest_waiting(store: Store, morning: dt.datetime) -> None:
    first, _ = _arrive(store, morning, "28400000001", "28400000002")
    called = queue.call_next(store.db, STAFF, clinic="vitals", room="101-1", now=morning + 5 * MINUTE)
    assert (called.ticket_id, called.status, called.room, called.label) == (first, "CALLED", "101-1", "1")


def test_calling_an_empty_queue_is_refused_and_changes_nothing(store: Store, morning: dt.datetime) -> None:
    before, ops = digest(store), op_count(store)
    with pytest.raises(QueueEmpty):
        queue.call_next(store.db, STAFF, clinic="lab", now=morning)
    assert digest(store) == before and op_count(store) == ops
    assert (audit_lines(store)[-1].action, audit_lines(store)[-1].outcome) == ("call_next", "refused")


def test_calling_an_unknown_clinic_is_refused(store: Store, morning: dt.datetime) -> None:
    with pytest.raises(UnknownClinic):
        queue.call_next(store.db, STAFF, clinic="moon", now=morning)


def test_full_service_of_a_ticket(store: Store, morning: dt.datetime) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    queue.call_next(store.db, STAFF, clinic="vitals", room="101-1", now=morning + 4 * MINUTE)
    queue.recall(store.db, STAFF, ticket_id=ticket, now=morning + 5 * MINUTE)
    queue.start(store.db, STAFF, ticket_id=ticket, now=morning + 6 * MINUTE)
    done = queue.complete(store.db, STAFF, ticket_id=ticket, now=morning + 12 * MINUTE)
    assert done.ticket.status == "COMPLETED" and done.next_place is not None and done.next_place.clinic == "lab"
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.total, vitals.waiting, vitals.served) == (1, 0, 1)
    assert (vitals.avg_wait_s, vitals.avg_service_s) == (240, 360)
    actions = [e.action for e in audit_lines(store) if e.outcome == "ok"][-4:]
    assert actions == ["call_next", "recall", "start", "complete"]


def test_second_call_of_the_same_ticket_is_refused_saying_who_called(store: Store, morning: dt.datetime) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    queue.call_ticket(store.db, STAFF, ticket_id=ticket, room="101-2", now=morning)
    before = digest(store)
    with pytest.raises(TransitionRefused) as refused:
        queue.call_ticket(store.db, STAFF, ticket_id=ticket, room="101-3", now=morning)
    assert "101-2" in str(refused.value)
    assert digest(store) == before


def test_status_never_moves_back(store: Store, morning: dt.datetime) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    queue.call_ticket(store.db, STAFF, ticket_id=ticket, now=morning)
    queue.complete(store.db, STAFF, ticket_id=ticket, now=morning)
    for action in (queue.start, queue.no_show, queue.cancel, queue.recall):
        with pytest.raises(TransitionRefused):
            action(store.db, STAFF, ticket_id=ticket, now=morning)


def test_no_show_frees_the_patient_to_queue_again(store: Store, morning: dt.datetime) -> None:
    first, second = _arrive(store, morning, "28400000001", "28400000002")
    queue.call_ticket(store.db, STAFF, ticket_id=first, now=morning)
    queue.no_show(store.db, STAFF, ticket_id=first, now=morning + 3 * MINUTE)
    assert queue.call_next(store.db, STAFF, clinic="vitals", now=morning + 4 * MINUTE).ticket_id == second
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.no_show, vitals.called, vitals.in_service) == (1, 1, 0)


def test_cancel_takes_a_ticket_out_of_the_queue(store: Store, morning: dt.datetime) -> None:
    first, second = _arrive(store, morning, "28400000001", "28400000002")
    queue.cancel(store.db, STAFF, ticket_id=first, now=morning)
    assert [t.ticket_id for t in queue.clinic_queue(store.db, clinic="vitals", now=morning)] == [second]


def test_transfer_moves_the_patient_to_the_end_of_another_queue(store: Store, morning: dt.datetime) -> None:
    _arrive(store, morning, "28400000009")
    queue_before = check_in(store.db, KIOSK, id_number="28400000008", gender="male", exam_type="periodic", now=morning)
    assert queue_before.place.clinic == "vitals"
    (ticket,) = _arrive(store, morning + 10 * MINUTE, "28400000001")
    moved = queue.transfer(store.db, STAFF, ticket_id=ticket, to_clinic="ecg", now=morning + 11 * MINUTE)
    assert (moved.clinic, moved.number, moved.status) == ("ecg", 1, "WAITING")
    where = where_am_i(store.db, KIOSK, id_number="28400000001", now=morning)
    assert where.current_clinic == "ecg" and where.route[:2] == ["ecg", "vitals"]
    assert [t.label for t in queue.clinic_queue(store.db, clinic="vitals", now=morning)] == ["1", "2"]
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.transferred, vitals.cancelled) == (1, 0), "a transfer is not a cancellation"


def test_the_longest_wait_is_never_below_the_average_and_a_call_is_not_service(
    store: Store, morning: dt.datetime
) -> None:
    _arrive(store, morning, "28400000001", "28400000002")
    queue.call_next(store.db, STAFF, clinic="vitals", now=morning + 2 * MINUTE)
    second = queue.call_next(store.db, STAFF, clinic="vitals", now=morning + 8 * MINUTE)
    queue.start(store.db, STAFF, ticket_id=second.ticket_id, now=morning + 9 * MINUTE)
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.called, vitals.in_service) == (1, 1)
    assert (vitals.avg_wait_s, vitals.longest_wait_s) == (270, 7 * 60), "waits of 2 and 7 minutes"
    board = dashboard(store.db, now=morning + 10 * MINUTE)
    assert board.longest_wait_s["vitals"] == 7 * 60 >= next(c for c in board.clinics if c.clinic == "vitals").avg_wait_s


def test_transfer_to_a_clinic_of_the_other_gender_is_refused(store: Store, morning: dt.datetime) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    before = digest(store)
    with pytest.raises(Exception, match="women_eyes"):
        queue.transfer(store.db, STAFF, ticket_id=ticket, to_clinic="women_eyes", now=morning)
    assert digest(store) == before


def test_unknown_ticket_is_refused(store: Store, morning: dt.datetime) -> None:
    with pytest.raises(UnknownTicket):
        queue.complete(store.db, STAFF, ticket_id="0" * 36, now=morning)


def test_a_kiosk_may_not_call_patients(store: Store, morning: dt.datetime) -> None:
    _arrive(store, morning, "28400000001")
    with pytest.raises(PermissionDenied):
        queue.call_next(store.db, KIOSK, clinic="vitals", now=morning)


def test_queue_list_shows_those_in_service_first(store: Store, morning: dt.datetime) -> None:
    first, second, third = _arrive(store, morning, "28400000001", "28400000002", "28400000003")
    queue.call_ticket(store.db, STAFF, ticket_id=second, now=morning)
    listed = queue.clinic_queue(store.db, clinic="vitals", now=morning)
    assert [t.ticket_id for t in listed] == [second, first, third]


def test_a_no_show_or_a_cancel_is_undone_only_within_the_window_and_only_once(
    store: Store, morning: dt.datetime
) -> None:
    first, second, third = _arrive(store, morning, "28400000001", "28400000002", "28400000003")
    queue.call_ticket(store.db, STAFF, ticket_id=first, now=morning + 5 * MINUTE)
    queue.no_show(store.db, STAFF, ticket_id=first, now=morning + 6 * MINUTE)
    queue.cancel(store.db, STAFF, ticket_id=second, now=morning + 6 * MINUTE)
    queue.reopen(store.db, STAFF, ticket_id=first, now=morning + 10 * MINUTE)
    assert [t.ticket_id for t in queue.clinic_queue(store.db, clinic="vitals", now=morning)] == [first, third]
    with pytest.raises(TransitionRefused):
        queue.reopen(store.db, STAFF, ticket_id=first, now=morning + 10 * MINUTE)
    before = digest(store)
    with pytest.raises(InvalidInput, match="last 5 minutes"):
        queue.reopen(store.db, STAFF, ticket_id=second, now=morning + 12 * MINUTE)
    assert digest(store) == before
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.waiting, vitals.no_show, vitals.cancelled) == (2, 0, 1)


def test_after_the_recall_limit_the_next_recall_marks_a_no_show(store: Store, morning: dt.datetime) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    queue.call_ticket(store.db, STAFF, ticket_id=ticket, now=morning + MINUTE)
    for n in range(3):
        assert queue.recall(store.db, STAFF, ticket_id=ticket, now=morning + (2 + n) * MINUTE).status == "CALLED"
    gave_up = queue.recall(store.db, STAFF, ticket_id=ticket, now=morning + 6 * MINUTE)
    assert gave_up.status == "NO_SHOW"
    queue.reopen(store.db, STAFF, ticket_id=ticket, now=morning + 7 * MINUTE)
    assert [t.status for t in queue.clinic_queue(store.db, clinic="vitals", now=morning)] == ["WAITING"]
