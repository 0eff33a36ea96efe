"""A clinic sets a called patient aside and calls them back; priority patients (elderly,
disabled) are called as the site's `priority_every` says, at every clinic of their route."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import pytest

from core.clock import to_iso
from core.errors import InvalidInput, NotCalledYet, QueueEmpty, TransitionRefused
from core.services import queue, visits
from core.services.checkin import check_in, enter_queue, where_am_i
from core.services.config import set_setting
from core.services.days import close_day
from core.services.queue import TicketView, in_call_order
from core.services.reports import clinic_stats
from core.store import Store
from tests.conftest import ADMIN, KIOSK, STAFF, accepted_ops, digest, replay

MINUTE = dt.timedelta(minutes=1)


def _arrive(store: Store, at: dt.datetime, *ids: str) -> list[str]:
    return [
        check_in(store.db, KIOSK, id_number=i, gender="male", exam_type="travel", now=at + n * MINUTE).place.ticket_id
        for n, i in enumerate(ids)
    ]


def _ids(count: int) -> list[str]:
    return [f"284000000{n:02d}" for n in range(1, count + 1)]


def _calls(store: Store, at: dt.datetime, count: int) -> list[str]:
    """The clinic calls `count` patients in turn, each finished before the next."""
    called = []
    for n in range(count):
        ticket = queue.call_next(store.db, STAFF, clinic="vitals", now=at + n * MINUTE).ticket_id
        queue.complete(store.db, STAFF, ticket_id=ticket, now=at + n * MINUTE)
        called.append(ticket)
    return called


def test_a_patient_set_aside_is_skipped_by_call_next_and_called_back(store: Store, morning: dt.datetime) -> None:
    first, second = _arrive(store, morning, "28400000001", "28400000002")
    queue.call_next(store.db, STAFF, clinic="vitals", room="3", now=morning + 5 * MINUTE)
    parked = queue.park(store.db, STAFF, ticket_id=first, now=morning + 6 * MINUTE)
    assert parked.status == "PARKED"
    assert queue.call_next(store.db, STAFF, clinic="vitals", now=morning + 7 * MINUTE).ticket_id == second
    shown = queue.clinic_queue(store.db, clinic="vitals", now=morning + 7 * MINUTE)
    assert [(t.ticket_id, t.status) for t in shown] == [(second, "CALLED"), (first, "PARKED")]
    back = queue.call_ticket(store.db, STAFF, ticket_id=first, room="3", now=morning + 20 * MINUTE)
    assert (back.status, back.called_at) == ("CALLED", to_iso(morning + 20 * MINUTE))
    vitals = next(f for f in clinic_stats(store.db, day="2026-11-22") if f.clinic == "vitals")
    assert (vitals.avg_wait_s, vitals.waiting) == (330, 0)  # the two waits (5 and 6 minutes), not the time set aside


def test_a_waiting_patient_cannot_be_set_aside_nor_a_parked_one_started(store: Store, morning: dt.datetime) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    with pytest.raises(TransitionRefused):
        queue.park(store.db, STAFF, ticket_id=ticket, now=morning)
    queue.call_ticket(store.db, STAFF, ticket_id=ticket, now=morning)
    queue.park(store.db, STAFF, ticket_id=ticket, now=morning)
    before = digest(store)
    for action in (queue.start, queue.recall, queue.complete, queue.park):
        with pytest.raises(TransitionRefused):
            action(store.db, STAFF, ticket_id=ticket, now=morning)
    assert digest(store) == before
    assert queue.no_show(store.db, STAFF, ticket_id=ticket, now=morning).status == "NO_SHOW"


def test_a_parked_patient_keeps_their_place_and_their_pin_waits_for_the_call_back(
    store: Store, morning: dt.datetime
) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    queue.call_ticket(store.db, STAFF, ticket_id=ticket, now=morning)
    queue.park(store.db, STAFF, ticket_id=ticket, now=morning + MINUTE)
    again = enter_queue(store.db, KIOSK, id_number="28400000001", clinic="vitals", now=morning + 2 * MINUTE)
    assert again.already_in_queue and again.ticket_id == ticket
    where = where_am_i(store.db, KIOSK, id_number="28400000001", now=morning + 2 * MINUTE)
    assert where.place is not None and where.place.status == "PARKED"
    pin = visits.todays_pin(store.db, STAFF, clinic="vitals", now=morning)
    with pytest.raises(NotCalledYet):
        visits.confirm_clinic(store.db, KIOSK, id_number="28400000001", pin=pin, now=morning + 3 * MINUTE)
    queue.call_ticket(store.db, STAFF, ticket_id=ticket, now=morning + 4 * MINUTE)
    done = visits.confirm_clinic(store.db, KIOSK, id_number="28400000001", pin=pin, now=morning + 5 * MINUTE)
    assert done.confirmed_clinic == "vitals"


def test_closing_the_day_settles_a_parked_patient_too(store: Store, morning: dt.datetime) -> None:
    (ticket,) = _arrive(store, morning, "28400000001")
    queue.call_ticket(store.db, STAFF, ticket_id=ticket, now=morning)
    queue.park(store.db, STAFF, ticket_id=ticket, now=morning)
    assert close_day(store.db, ADMIN, day="2026-11-22", now=morning + 18 * 60 * MINUTE).settled == 1
    with pytest.raises(QueueEmpty):
        queue.call_next(store.db, STAFF, clinic="vitals", now=morning + 18 * 60 * MINUTE)


def test_a_priority_patient_is_called_first_and_keeps_priority_at_the_next_clinic(
    store: Store, morning: dt.datetime
) -> None:
    first, second, elderly = _arrive(store, morning, "28400000001", "28400000002", "28400000003")
    marked = queue.prioritise(store.db, STAFF, ticket_id=elderly, priority=True, now=morning + 5 * MINUTE)
    assert marked.priority
    assert [t.ticket_id for t in queue.clinic_queue(store.db, clinic="vitals", now=morning)] == [elderly, first, second]
    assert queue.call_next(store.db, STAFF, clinic="vitals", now=morning + 6 * MINUTE).ticket_id == elderly
    done = queue.complete(store.db, STAFF, ticket_id=elderly, now=morning + 7 * MINUTE)
    assert done.next_place is not None
    lab = queue.clinic_queue(store.db, clinic=done.next_place.clinic, now=morning)
    assert [(t.ticket_id, t.priority) for t in lab] == [(done.next_place.ticket_id, True)]
    assert queue.call_next(store.db, STAFF, clinic="vitals", now=morning + 8 * MINUTE).ticket_id == first


def test_taking_the_mark_off_puts_the_patient_back_in_arrival_order(store: Store, morning: dt.datetime) -> None:
    first, late = _arrive(store, morning, "28400000001", "28400000002")
    queue.prioritise(store.db, STAFF, ticket_id=late, priority=True, now=morning)
    queue.prioritise(store.db, STAFF, ticket_id=late, priority=False, now=morning)
    assert queue.call_next(store.db, STAFF, clinic="vitals", now=morning).ticket_id == first


def test_one_priority_call_in_every_three_while_others_wait(store: Store, morning: dt.datetime) -> None:
    set_setting(store.db, ADMIN, "priority_every", 3)
    tickets = _arrive(store, morning, *_ids(8))
    priority = set(tickets[4:])
    for ticket in priority:
        queue.prioritise(store.db, STAFF, ticket_id=ticket, priority=True, now=morning)
    called = _calls(store, morning + 30 * MINUTE, 8)
    assert ["P" if t in priority else "R" for t in called] == list("PRRPRRPP")
    assert [t for t in called if t not in priority] == tickets[:4]


def test_without_priority_the_order_is_arrival_order(store: Store, morning: dt.datetime) -> None:
    set_setting(store.db, ADMIN, "priority_every", 0)
    tickets = _arrive(store, morning, *_ids(4))
    queue.prioritise(store.db, STAFF, ticket_id=tickets[3], priority=True, now=morning)
    assert _calls(store, morning + 30 * MINUTE, 4) == tickets


@pytest.mark.parametrize("every", [1, 2, 3, 5])
def test_the_queue_shown_is_the_order_call_next_follows(store: Store, morning: dt.datetime, every: int) -> None:
    set_setting(store.db, ADMIN, "priority_every", every)
    tickets = _arrive(store, morning, *_ids(12))
    rng = random.Random(every)
    for ticket in rng.sample(tickets, 5):
        queue.prioritise(store.db, STAFF, ticket_id=ticket, priority=True, now=morning)
    at = morning + 30 * MINUTE
    shown = [t.ticket_id for t in queue.clinic_queue(store.db, clinic="vitals", now=at)]
    assert _calls(store, at, 12) == shown


def test_priority_never_puts_a_patient_later_than_arrival_order() -> None:
    def view(n: int, priority: bool) -> TicketView:
        return TicketView(str(n), "vitals", str(n), "WAITING", None, "", None, None, priority=priority)

    waiting = [view(0, True), view(1, False), view(2, True)]
    assert [t.ticket_id for t in in_call_order(waiting, 3, [True, False])] == ["0", "1", "2"]


@pytest.mark.parametrize("value", [-1, 21, "2", 2.5])
def test_a_priority_policy_out_of_range_is_refused(store: Store, value: object) -> None:
    with pytest.raises(InvalidInput):
        set_setting(store.db, ADMIN, "priority_every", value)


def test_parking_and_priority_replay_the_same_on_another_store(
    make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    store = make_store("hub")
    _, second = _arrive(store, morning, "28400000001", "28400000002")
    queue.prioritise(store.db, STAFF, ticket_id=second, priority=True, now=morning)
    queue.call_next(store.db, STAFF, clinic="vitals", now=morning + MINUTE)
    queue.park(store.db, STAFF, ticket_id=second, now=morning + 2 * MINUTE)
    other = make_store("display", kind="display", site=False)
    outcomes = replay(other, accepted_ops(store), morning + 3 * MINUTE)
    assert set(outcomes) == {"applied"}
    assert digest(other) == digest(store)
