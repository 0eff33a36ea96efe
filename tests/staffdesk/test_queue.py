"""Every queue action from the console, by click and by key; confirmations before what
cannot be undone; today's PIN and its rotation; each action in the audit log."""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.defaults import CLINICS
from core.errors import PinLocked, WrongPin
from core.permissions import Actor
from core.schema import AuditEntry, Ticket
from core.services.checkin import check_in
from core.services.queue import call_next, complete, start
from core.services.visits import confirm_clinic, todays_pin
from core.store import Store
from tests.qtsupport import settle, tap
from tests.staffdesk.conftest import ConsoleFactory, fill_in, press

NURSE = Actor("nurse", "staff")


def statuses(store: Store, clinic: str = "vitals") -> dict[int, str]:
    with store.db.read() as session:
        return {t.number: t.status for t in session.scalars(select(Ticket).where(Ticket.clinic == clinic))}


def audited(store: Store) -> list[tuple[str, str, str]]:
    with store.db.read() as session:
        rows = session.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.outcome)
            .where(AuditEntry.action != "log_in", AuditEntry.actor != "system")
            .order_by(AuditEntry.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_call_start_and_complete_by_click_then_recall_by_key(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    queue = window.page("queue")
    assert window.queue.clinic_code == "vitals"
    assert [window.queue.list.item(r, 0).text() for r in range(3)] == ["1", "2", "3"]
    window.queue.room.setText("4")
    tap(qtbot, window, "queue_call_next")
    assert statuses(clinic_store)[1] == "CALLED"
    assert window.queue.message.text() == "Called 1."
    assert window.queue.list.item(0, 1).text() == "Called" and window.queue.list.item(0, 2).text() == "4"
    assert window.queue.list.item(0, 4).text() == "nurse"
    press(qtbot, window, Qt.Key.Key_F3)
    assert window.queue.message.text() == "Recalled 1."
    tap(qtbot, window, "queue_start")
    assert statuses(clinic_store)[1] == "IN_PROGRESS"
    press(qtbot, window, Qt.Key.Key_F5)
    assert statuses(clinic_store)[1] == "COMPLETED"
    press(qtbot, window, Qt.Key.Key_F2)
    assert statuses(clinic_store)[2] == "CALLED"
    assert queue is window.queue
    assert audited(clinic_store) == [
        ("nurse", action, "ok") for action in ("call_next", "recall", "start", "complete", "call_next")
    ]


def test_no_show_and_cancel_ask_first_and_do_nothing_on_no(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    window.queue.list.setCurrentCell(1, 0)
    tap(qtbot, window, "queue_no_show")
    assert window.queue.confirm.isVisible()
    assert window.queue.confirm.question.text() == "Mark 2 as no-show? It can be undone for 5 minutes."
    tap(qtbot, window, "queue_confirm_no")
    assert not window.queue.confirm.isVisible()
    assert statuses(clinic_store)[2] == "WAITING"
    press(qtbot, window, Qt.Key.Key_F2)
    window.queue.list.setCurrentCell(0, 0)
    press(qtbot, window, Qt.Key.Key_F6)
    tap(qtbot, window, "queue_confirm_yes")
    assert statuses(clinic_store)[1] == "NO_SHOW"
    assert window.queue.message.text() == "1 marked as no-show."
    window.queue.list.setCurrentCell(1, 0)
    tap(qtbot, window, "queue_cancel")
    assert window.queue.confirm.question.text() == "Cancel ticket 3? It can be undone for 5 minutes."
    tap(qtbot, window, "queue_confirm_yes")
    assert statuses(clinic_store) == {1: "NO_SHOW", 2: "WAITING", 3: "CANCELLED"}
    assert window.queue.undo.text() == "Undo (3)"
    tap(qtbot, window, "queue_undo")
    assert window.queue.message.text() == "3 is back in its place in the queue."
    assert statuses(clinic_store) == {1: "NO_SHOW", 2: "WAITING", 3: "WAITING"}
    assert [window.queue.list.item(r, 0).text() for r in range(window.queue.list.rowCount())] == ["2", "3"]
    assert not window.queue.undo.isVisible()


def test_transfer_moves_the_patient_to_the_end_of_another_clinics_queue(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    window.queue.list.setCurrentCell(0, 0)
    window.queue.transfer_to.setCurrentIndex(window.queue.transfer_to.findData("xray"))
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.queue.confirm.question.text() == ("Move 1 to the end of the queue of X-Ray? This cannot be undone.")
    tap(qtbot, window, "queue_confirm_yes")
    assert statuses(clinic_store)[1] == "CANCELLED"
    assert statuses(clinic_store, "xray") == {1: "WAITING"}
    assert window.queue.message.text() == "1 moved to X-Ray as 1."
    assert [window.queue.list.item(r, 0).text() for r in range(window.queue.list.rowCount())] == ["2", "3"]


def test_transfer_offers_only_the_clinics_the_patient_may_enter_and_asks_for_one_first(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    window.queue.list.setCurrentCell(0, 0)
    offered = [window.queue.transfer_to.itemData(i) for i in range(window.queue.transfer_to.count())]
    women_only = {c.code for c in CLINICS if c.gender == "female"}
    assert women_only and not women_only & set(offered), "ticket 1 is a man's"
    assert "vitals" not in offered, "not the clinic he is at"
    assert len(offered) == len(CLINICS) - 1 - len(women_only)
    assert window.queue.transfer_to.currentIndex() == -1
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.queue.message.text() == "Choose the clinic to send 1 to."
    assert not window.queue.confirm.isVisible(), "refused before any question"
    window.queue.list.setCurrentCell(1, 0)
    offered = [window.queue.transfer_to.itemData(i) for i in range(window.queue.transfer_to.count())]
    assert women_only <= set(offered), "ticket 2 is a woman's"


def test_an_action_someone_else_already_did_is_explained_and_the_list_refreshed(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    window = make_console("nurse", language="ar")
    window.changes.blockSignals(True)
    other = Actor("other", "staff")
    at = morning + dt.timedelta(minutes=31)
    first = call_next(clinic_store.db, other, clinic="vitals", room="9", now=at)
    start(clinic_store.db, other, ticket_id=first.ticket_id, now=at)
    complete(clinic_store.db, other, ticket_id=first.ticket_id, now=at)
    window.queue.list.setCurrentCell(0, 0)
    assert window.queue.list.item(0, 0).text() == "1"
    tap(qtbot, window, "queue_complete")
    assert window.queue.message.property("role") == "error"
    assert window.queue.message.text().startswith("التذكرة 1 حالتها الآن: تمت خدمته")
    assert [window.queue.list.item(r, 0).text() for r in range(window.queue.list.rowCount())] == ["2", "3"]
    assert audited(clinic_store)[-1] == ("nurse", "complete", "refused")


def test_todays_pin_is_shown_large_and_an_admin_rotates_it(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    nurse = make_console("nurse")
    at = morning + dt.timedelta(minutes=30)
    pin = todays_pin(clinic_store.db, NURSE, clinic="vitals", now=at)
    assert nurse.queue.pin.text() == str(pin)
    assert not nurse.queue.rotate.isVisible()
    boss = make_console("boss")
    tap(qtbot, boss, "queue_rotate_pin")
    tap(qtbot, boss, "queue_confirm_yes")
    rotated = todays_pin(clinic_store.db, NURSE, clinic="vitals", now=at)
    assert rotated != pin  # a rotation always changes the PIN
    assert boss.queue.pin.text() == str(rotated)
    assert f"{rotated}" in boss.queue.message.text()


def test_the_queue_follows_what_others_do_without_a_click(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    window = make_console("nurse")
    assert window.queue.list.rowCount() == 3
    check_in(
        clinic_store.db,
        Actor("K2", "kiosk"),
        id_number="28799999999",
        gender="female",
        exam_type="travel",
        now=morning + dt.timedelta(minutes=5),
    )
    qtbot.waitUntil(lambda: window.queue.list.rowCount() == 4, timeout=3000)
    call_next(
        clinic_store.db, Actor("other", "staff"), clinic="vitals", room="8", now=morning + dt.timedelta(minutes=31)
    )
    qtbot.waitUntil(lambda: window.queue.list.item(0, 1).text() == "Called", timeout=3000)
    assert window.queue.list.item(0, 2).text() == "8" and window.queue.list.item(0, 4).text() == "other"


def test_a_nurse_finds_a_locked_out_patient_and_lets_them_use_the_pin_again(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    at = morning + dt.timedelta(minutes=30)
    called = call_next(clinic_store.db, Actor("nurse", "staff"), clinic="vitals", room="2", now=at)
    pin = todays_pin(clinic_store.db, Actor("nurse", "staff"), clinic="vitals", now=at)
    kiosk = Actor("K1", "kiosk")
    for _ in range(5):
        with contextlib.suppress(WrongPin, PinLocked):
            confirm_clinic(clinic_store.db, kiosk, id_number="28700000000", pin=pin % 89 + 10, now=at)
    window = make_console("nurse")
    fill_in(qtbot, window.queue.search, "١")
    tap(qtbot, window, "queue_find_button")
    assert (
        window.queue.found.text() == "28700000000: Vital Signs, number 1 (Called) · locked out of the PIN until 08:40"
    )
    assert called.label == "1"
    tap(qtbot, window, "queue_unlock")
    assert window.queue.message.text() == "28700000000 may use the clinic's PIN again."
    assert not window.queue.unlock.isVisible()
    done = confirm_clinic(clinic_store.db, kiosk, id_number="28700000000", pin=pin, now=at)
    assert done.next_place is not None


def test_a_nurse_calls_the_chosen_patient_out_of_turn(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    fill_in(qtbot, window.queue.room, "4")
    tap(qtbot, window, "queue_call_chosen")
    assert window.queue.message.text() == "Choose a patient in the list first."
    window.queue.list.setCurrentCell(2, 0)
    press(qtbot, window, Qt.Key.Key_F9)
    assert window.queue.message.text() == "Called 3."
    assert statuses(clinic_store) == {1: "WAITING", 2: "WAITING", 3: "CALLED"}


def test_a_walk_in_gets_a_ticket_at_the_desk_and_bad_input_is_explained(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    page = window.queue
    tap(qtbot, window, "queue_walk_in")
    assert page.message.text() == "Type the patient's ID number and choose the exam type."
    fill_in(qtbot, page.walk_in_id, "12")
    tap(qtbot, window, "queue_walk_in")
    assert page.message.text() == "This is not a valid ID number." and page.walk_in_id.text() == "12"
    fill_in(qtbot, page.walk_in_id, "٢٨٧٠٠٠٠٠٠٥٠")
    page.walk_in_exam.setCurrentIndex(page.walk_in_exam.findData("travel"))
    tap(qtbot, window, "queue_walk_in")
    assert page.message.text() == "Ticket 4 at Vital Signs; tell the patient the number."
    assert statuses(clinic_store)[4] == "WAITING" and page.walk_in_id.text() == ""
    fill_in(qtbot, page.walk_in_id, "28700000050")
    tap(qtbot, window, "queue_walk_in")
    assert page.message.text() == ("This patient is checked in already today; find them by ID to see where they are.")


def test_a_nurse_sets_a_called_patient_aside_and_calls_them_back_later(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    tap(qtbot, window, "queue_call_next")
    press(qtbot, window, Qt.Key.Key_F10)
    assert statuses(clinic_store)[1] == "PARKED"
    assert window.queue.message.text().startswith("1 is set aside;")
    assert [window.queue.list.item(0, c).text() for c in (0, 1)] == ["1", "On hold"]
    tap(qtbot, window, "queue_call_next")
    assert statuses(clinic_store)[2] == "CALLED"
    parked = next(r for r in range(window.queue.list.rowCount()) if window.queue.list.item(r, 0).text() == "1")
    window.queue.list.setCurrentCell(parked, 0)
    press(qtbot, window, Qt.Key.Key_F9)
    assert statuses(clinic_store)[1] == "CALLED"
    assert window.queue.message.text() == "Called 1."
    assert [a for _, a, _ in audited(clinic_store)] == ["call_next", "park", "call_next", "call"]


def test_a_nurse_marks_a_priority_patient_who_is_then_called_first(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store
) -> None:
    window = make_console("nurse")
    window.queue.list.setCurrentCell(2, 0)
    assert window.queue.buttons["priority"].text() == "Mark priority  (F11)"
    tap(qtbot, window, "queue_priority")
    assert window.queue.message.text() == "3 is a priority patient now, here and at the next clinics."
    assert [window.queue.list.item(0, c).text() for c in (0, 1)] == ["3", "Waiting, priority"]
    window.queue.list.setCurrentCell(0, 0)
    assert window.queue.buttons["priority"].text() == "Remove priority  (F11)"
    window.queue.list.clearSelection()
    window.queue.list.setCurrentCell(-1, -1)
    press(qtbot, window, Qt.Key.Key_F2)
    assert statuses(clinic_store)[3] == "CALLED"


def test_transfer_offers_the_patients_next_clinics_first_and_marks_those_done(
    qtbot: QtBot, make_console: ConsoleFactory, clinic_store: Store, morning: dt.datetime
) -> None:
    first = call_next(clinic_store.db, NURSE, clinic="vitals", now=morning + dt.timedelta(minutes=10))
    complete(clinic_store.db, NURSE, ticket_id=first.ticket_id, now=morning + dt.timedelta(minutes=11))
    window = make_console("nurse")
    window.queue.choose_clinic("lab")
    settle(qtbot)
    window.queue.list.setCurrentCell(0, 0)
    offered = [window.queue.transfer_to.itemText(i) for i in range(window.queue.transfer_to.count())]
    route = ["X-Ray", "ECG", "Audiometry", "Ophthalmology"]
    assert offered[:4] == [f"{name} (on their route)" for name in route], offered
    assert offered[-1] == "Vital Signs (done already)"
    assert not any("Laboratory" in text for text in offered)
