"""The service day closes on purpose, not at midnight: patients waiting at midnight stay
callable, keep their PIN day and get their next ticket on their day; at the closing hour
(or when staff close the day) the open tickets are settled as the site chooses, and
counted."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.clock import SITE_ZONE
from core.errors import DayIsClosed, InvalidInput
from core.schema import Ticket, Visit
from core.services import queue, visits
from core.services.checkin import check_in
from core.services.config import set_setting
from core.services.days import close_day, close_past_days
from core.services.queue import TicketView
from core.services.reports import clinic_stats
from core.store import Store
from tests.conftest import ADMIN, KIOSK, STAFF, SUPERVISOR


def local(day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SITE_ZONE)


def arrive(store: Store, id_number: str, at: dt.datetime) -> str:
    return check_in(store.db, KIOSK, id_number=id_number, gender="male", exam_type="travel", now=at).visit_id


def patients(store: Store, views: list[TicketView]) -> list[str]:
    with store.db.read() as session:
        owner = dict(session.execute(select(Ticket.id, Ticket.patient_id)).all())
    return [owner[view.ticket_id] for view in views]


def statuses(store: Store) -> dict[str, tuple[str, str]]:
    with store.db.read() as session:
        return {t.patient_id: (t.status, t.day) for t in session.scalars(select(Ticket).order_by(Ticket.order_key))}


def test_a_patient_checked_in_at_2359_is_called_at_0001(store: Store) -> None:
    arrive(store, "28400000001", local(4, 23, 59))
    called = queue.call_next(store.db, STAFF, clinic="vitals", room="1", now=local(5, 0, 1))
    assert patients(store, [called]) == ["28400000001"]
    assert patients(store, queue.clinic_queue(store.db, clinic="vitals", now=local(5, 0, 2))) == ["28400000001"]


def test_after_midnight_the_pin_shown_is_the_visits_and_the_next_ticket_lands_on_its_day(store: Store) -> None:
    visit = arrive(store, "28400000001", local(4, 23, 58))
    queue.call_next(store.db, STAFF, clinic="vitals", room="1", now=local(4, 23, 59))
    pin = visits.todays_pin(store.db, STAFF, clinic="vitals", now=local(5, 0, 5))
    done = visits.confirm_clinic(store.db, KIOSK, visit_id=visit, pin=pin, now=local(5, 0, 6))
    assert done.next_place is not None
    with store.db.read() as session:
        days = set(session.scalars(select(Ticket.day).where(Ticket.visit_id == visit)))
    assert days == {"2026-12-04"}
    assert patients(store, queue.clinic_queue(store.db, clinic="lab", now=local(5, 0, 7))) == ["28400000001"]


def test_at_the_closing_hour_open_tickets_become_no_shows_and_are_counted(store: Store) -> None:
    served = arrive(store, "28400000001", local(4, 22, 0))
    arrive(store, "28400000002", local(4, 23, 50))
    queue.call_next(store.db, STAFF, clinic="vitals", room="1", now=local(4, 22, 5))
    visits.confirm_clinic(
        store.db,
        KIOSK,
        visit_id=served,
        pin=visits.todays_pin(store.db, STAFF, clinic="vitals", now=local(4, 22, 6)),
        now=local(4, 22, 6),
    )
    assert close_past_days(store.db, now=local(5, 3, 59)) == []
    (closing,) = close_past_days(store.db, now=local(5, 4, 1))
    assert (closing.day, closing.outcome, closing.settled) == ("2026-12-04", "no_show", 2)
    assert statuses(store)["28400000002"] == ("NO_SHOW", "2026-12-04")
    with store.db.read() as session:
        assert {v.patient_id: v.status for v in session.scalars(select(Visit))} == {
            "28400000001": "cancelled",
            "28400000002": "cancelled",
        }
    figures = {f.clinic: f for f in clinic_stats(store.db, day="2026-12-04")}
    assert figures["vitals"].no_show == 1 and figures["lab"].no_show == 1 and figures["vitals"].served == 1
    arrive(store, "28400000003", local(5, 4, 2))
    assert statuses(store)["28400000003"] == ("WAITING", "2026-12-05")


def test_with_carry_over_open_tickets_keep_their_place_the_next_day(store: Store) -> None:
    set_setting(store.db, ADMIN, "open_tickets_at_close", "carry_over")
    first = arrive(store, "28400000001", local(4, 23, 40))
    arrive(store, "28400000002", local(4, 23, 50))
    queue.call_next(store.db, STAFF, clinic="vitals", room="1", now=local(4, 23, 55))
    (closing,) = close_past_days(store.db, now=local(5, 4, 1))
    assert (closing.outcome, closing.settled) == ("carry_over", 2)
    arrive(store, "28400000003", local(5, 7, 0))
    waiting = queue.clinic_queue(store.db, clinic="vitals", now=local(5, 7, 1))
    assert patients(store, waiting) == ["28400000001", "28400000002", "28400000003"]
    assert {t.status for t in waiting} == {"WAITING"}
    figures = {f.clinic: f for f in clinic_stats(store.db, day="2026-12-04")}
    assert figures["vitals"].carried_over == 2 and figures["vitals"].no_show == 0
    called = queue.call_next(store.db, STAFF, clinic="vitals", room="1", now=local(5, 7, 2))
    assert patients(store, [called]) == ["28400000001"]
    pin = visits.todays_pin(store.db, STAFF, clinic="vitals", now=local(5, 7, 3))
    done = visits.confirm_clinic(store.db, KIOSK, visit_id=first, pin=pin, now=local(5, 7, 4))
    assert done.next_place is not None and statuses(store)["28400000001"][1] == "2026-12-05"


def test_staff_close_the_day_early_and_nobody_more_checks_in(store: Store) -> None:
    arrive(store, "28400000001", local(4, 15, 0))
    closing = close_day(store.db, SUPERVISOR, now=local(4, 16, 0))
    assert (closing.day, closing.settled) == ("2026-12-04", 1)
    with pytest.raises(DayIsClosed):
        arrive(store, "28400000002", local(4, 16, 5))
    arrive(store, "28400000002", local(5, 7, 0))
    with pytest.raises(Exception, match="may not"):
        close_day(store.db, STAFF, now=local(5, 8, 0))


def test_a_closing_hour_that_is_no_time_is_refused_and_changes_nothing(store: Store) -> None:
    for value in ("25:00", "4", "13:00", ""):
        with pytest.raises(InvalidInput):
            set_setting(store.db, ADMIN, "day_closes_at", value)
    with pytest.raises(InvalidInput):
        set_setting(store.db, ADMIN, "open_tickets_at_close", "delete")
    set_setting(store.db, ADMIN, "day_closes_at", "02:30")
    arrive(store, "28400000001", local(5, 2, 29))
    arrive(store, "28400000002", local(5, 2, 31))
    days = {patient: day for patient, (_, day) in statuses(store).items()}
    assert days == {"28400000001": "2026-12-04", "28400000002": "2026-12-05"}
